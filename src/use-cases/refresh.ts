import type { Temporal } from "../calendar.js";
import { type ApplyEvents, applyOperations } from "../github/apply.js";
import type { PortfolioGateway } from "../github/gateway.js";
import { milestonesOfIssues } from "../model/actual.js";
import type { PlanContext } from "../model/context.js";
import type { CommitFilesOperation } from "../model/operations.js";
import { installationDate } from "../plan/installation.js";
import type { Ledger } from "../progress/ledger.js";
import type { LedgerUpdate } from "../progress/ledger-commit.js";
import type { ProgressReport } from "../progress/report-types.js";
import { type RefreshedFiles, refreshCommit } from "../render/refresh-commit.js";
import { readOssActivity } from "./oss.js";
import { previewCommit } from "./preview.js";
import { type HistoryInput, type RepositoryInput, readManaged, setupContext, validSetup } from "./reads.js";

export interface RefreshInput {
  gateway: PortfolioGateway;
  context: PlanContext;
  /** The learner's local date. */
  today: Temporal.PlainDate;
  /** What else the ledger must record in the same commit (tracking, open-source activity). */
  ledgerUpdate?: LedgerUpdate;
  /** GitHub's search said its results were incomplete when open-source activity was read. */
  searchIncomplete?: boolean;
  /** Plan only: render against the branch as it is, write nothing. */
  dryRun?: boolean;
  events?: ApplyEvents;
}

export interface RefreshResult {
  /** The commit planned. */
  operation: CommitFilesOperation;
  report: ProgressReport;
  /** The ledger as written (or found unchanged); on a dry run, as it would be written. */
  ledger: Ledger;
  /** The commit made; undefined when nothing changed (and on a dry run). */
  commit: { sha: string } | undefined;
  /** On a dry run: the files the commit would change, with their text. */
  preview?: Record<string, string>;
}

/**
 * The progress README region, its pictures, the calendar feed and the ledger's pace, in one commit
 * on the default branch. Re-rendered from the new head when the branch moved meanwhile; no change, no commit.
 */
export async function refresh(input: RefreshInput): Promise<RefreshResult> {
  const { gateway, context, today } = input;
  // The README and the calendar need the issues and the milestones they are in, which GitHub
  // embeds in each issue listed: one listing, no labels.
  const read = await readManaged(gateway, context, ["issues"]);
  const actual = { ...read.actual, milestones: milestonesOfIssues(read.actual.issues) };
  let rendered: RefreshedFiles | undefined;
  const operation = refreshCommit(
    {
      context,
      repo: gateway.repo,
      issues: actual.issues,
      milestones: actual.milestones,
      today,
      installedOn: installationDate(actual, context.calendar.timeZone, today),
      ...(input.ledgerUpdate ? { ledgerUpdate: input.ledgerUpdate } : {}),
      ...(input.searchIncomplete ? { searchIncomplete: true } : {}),
    },
    (files) => {
      rendered = files;
    },
  );
  if (input.dryRun) {
    const preview = await previewCommit(gateway, operation);
    if (!rendered) throw new Error("refresh: the files were never rendered");
    return { operation, report: rendered.report, ledger: rendered.ledger, commit: undefined, preview };
  }
  const { applied } = await applyOperations(
    gateway,
    [operation],
    input.events ? { events: input.events } : {},
  );
  if (!rendered) throw new Error("refresh: the files were never rendered");
  return { operation, report: rendered.report, ledger: rendered.ledger, commit: applied[0]?.commit };
}

/** Read the open-source activity, then refresh with it (and any other ledger update) in one commit. */
export async function refreshWithActivity(
  input: HistoryInput & { today: Temporal.PlainDate; dryRun?: boolean; events?: ApplyEvents },
  ledgerUpdate?: LedgerUpdate,
): Promise<RefreshResult> {
  const oss = await readOssActivity(input);
  return refresh({
    gateway: input.gateway,
    context: input.context,
    today: input.today,
    ledgerUpdate: (ledger) => oss.update(ledgerUpdate ? ledgerUpdate(ledger) : ledger),
    searchIncomplete: oss.incomplete,
    ...(input.dryRun ? { dryRun: true } : {}),
    ...(input.events ? { events: input.events } : {}),
  });
}

/**
 * Refresh a portfolio from the config on its default branch (the app, after events): the README,
 * pictures and ledger pace, from what the ledger holds. Nothing for a repository without a valid config.
 */
export async function refreshRepository(input: RepositoryInput): Promise<RefreshResult | undefined> {
  const setup = await validSetup(input.gateway);
  if (!setup) return undefined;
  return refresh({ gateway: input.gateway, ...setupContext(setup, input) });
}
