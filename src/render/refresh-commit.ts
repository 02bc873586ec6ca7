import type { Temporal } from "../calendar.js";
import { CALENDAR_PATH, LEDGER_PATH } from "../config/paths.js";
import type { ActualIssue, ActualMilestone } from "../model/actual.js";
import type { PlanContext } from "../model/context.js";
import type { CommitFilesOperation } from "../model/operations.js";
import { ownCommitMessage } from "../progress/evidence.js";
import { type Ledger, readLedger, recordPace, serializeLedger } from "../progress/ledger.js";
import type { LedgerUpdate } from "../progress/ledger-commit.js";
import { normalizedPace } from "../progress/ledger-schema.js";
import { ledgerBars } from "../progress/oss.js";
import { progressReport } from "../progress/report.js";
import type { ProgressReport } from "../progress/report-types.js";
import { renderCalendar } from "./calendar-ics.js";
import { renderProgressFiles } from "./readme.js";

export interface RefreshState {
  context: PlanContext;
  /** The portfolio repository, "owner/name": the calendar feed's UIDs and links. */
  repo: string;
  /** The managed issues as read. */
  issues: readonly ActualIssue[];
  /** The milestones as read: the calendar links each phase's deadline to its milestone. */
  milestones?: readonly ActualMilestone[];
  /** The learner's local date. */
  today: Temporal.PlainDate;
  installedOn: Temporal.PlainDate;
  /** What else the ledger must record in the same commit (tracking, open-source activity). */
  ledgerUpdate?: LedgerUpdate;
  /** GitHub's search said its results were incomplete when open-source activity was read. */
  searchIncomplete?: boolean;
}

export interface RefreshedFiles {
  files: Record<string, string>;
  report: ProgressReport;
  /** The ledger the commit writes (with its pace). */
  ledger: Ledger;
}

/**
 * The README region, its pictures, the calendar feed and the ledger with its pace, from the branch's
 * current text.
 */
export function refreshedFiles(
  state: RefreshState,
  current: ReadonlyMap<string, string | undefined>,
): RefreshedFiles {
  const { context, today } = state;
  const { readme } = context.config;
  const stored = readLedger(current.get(LEDGER_PATH));
  const ledger = state.ledgerUpdate ? state.ledgerUpdate(stored) : stored;
  const report = progressReport({
    context,
    issues: state.issues,
    ledger,
    bars: ledgerBars(context, ledger, today),
    barsIncomplete: state.searchIncomplete ?? false,
    today,
    installedOn: state.installedOn,
  });
  const paced = recordPace(ledger, normalizedPace({ ...report.pace, asOf: report.today }));
  return {
    files: {
      ...renderProgressFiles(report, readme, current.get(readme)),
      [CALENDAR_PATH]: renderCalendar({
        context,
        repo: state.repo,
        report,
        ...(state.milestones ? { milestones: state.milestones } : {}),
      }),
      [LEDGER_PATH]: serializeLedger(paced),
    },
    report,
    ledger: paced,
  };
}

/**
 * The progress README region, its pictures, the calendar feed and the ledger's pace, in one commit
 * on the default branch; re-rendered from the new head when the branch moved meanwhile.
 */
export function refreshCommit(
  state: RefreshState,
  onRendered?: (rendered: RefreshedFiles) => void,
): CommitFilesOperation {
  const { config } = state.context;
  return {
    op: "commit-files",
    kind: "file",
    key: config.readme,
    title: `refresh ${config.readme}, its pictures, the calendar and the ledger`,
    fields: {
      message: ownCommitMessage(config.commit.message, "refresh"),
      ...(config.commit.author ? { author: config.commit.author } : {}),
      read: [config.readme, LEDGER_PATH],
    },
    render: (current) => {
      const rendered = refreshedFiles(state, current);
      onRendered?.(rendered);
      return rendered.files;
    },
  };
}
