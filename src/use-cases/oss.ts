import { spanOfWeeks, type Temporal } from "../calendar.js";
import type { Ledger, LedgerEngagement, LedgerPull } from "../progress/ledger.js";
import { recordEngagement, recordPulls } from "../progress/ledger.js";
import type { LedgerUpdate } from "../progress/ledger-commit.js";
import { type BarStatus, barPhaseOf, ledgerBars, ossTargets } from "../progress/oss.js";
import { writeLedger } from "./ledger-write.js";
import { type HistoryInput, readStoredLedger } from "./reads.js";

export interface OssActivity {
  /** What the ledger must record of it. */
  update: LedgerUpdate;
  /** GitHub's search said its results were incomplete. */
  incomplete: boolean;
  /** The ledger as the default branch held it, when it had to be read (there are targets). */
  stored?: Ledger;
}

/**
 * The OSS bars as GitHub shows them today: one search (100 results a page) for the learner's merged
 * pull requests in every target repository, and the files of those a "substantive" bar must judge.
 * Pull requests are kept in the ledger, with their files once read: a search that GitHub marks
 * incomplete never lowers a count, and no file list is read twice.
 */
export async function ossProgress(input: HistoryInput & { today: Temporal.PlainDate }): Promise<{
  bars: BarStatus[];
  incomplete: boolean;
}> {
  const { update, incomplete } = await readOssActivity(input);
  const written = await writeLedger(input.gateway, update);
  return { bars: ledgerBars(input.context, written, input.today), incomplete };
}

/**
 * What GitHub shows of the learner's open-source work, as a ledger update (for `ossProgress`, or
 * for `refresh` to write with the README): merged pull requests and issue engagement.
 */
export async function readOssActivity(input: HistoryInput): Promise<OssActivity> {
  const { context, gateway } = input;
  const targets = ossTargets(context);
  if (targets.length === 0) return { update: (ledger) => ledger, incomplete: false };
  const stored = await readStoredLedger(gateway);
  const { prs, incomplete } = await gateway.searchMergedPullRequests(context.config.learner, targets);
  const needFiles = new Set(
    (context.curriculum.tracks.oss?.bars ?? [])
      .filter((bar) => bar.requires === "substantive-pr")
      .map((bar) => bar.phase),
  );
  const seen: Record<string, LedgerPull> = {};
  for (const pr of prs) {
    const key = `${pr.repo}#${pr.number}`;
    const phase = barPhaseOf(context, pr);
    const wanted = phase !== undefined && needFiles.has(phase) && !context.config.oss.verdicts[key];
    const files =
      stored.pulls[key]?.files ??
      (wanted ? await input.gatewayFor(pr.repo).listPullRequestFileStats(pr.number) : null);
    seen[key] = { title: pr.title, url: pr.url, mergedAt: pr.mergedAt, labels: [...pr.labels], files };
  }
  const engaged = await readEngagement(input, targets, stored);
  return { update: (ledger) => recordEngagement(recordPulls(ledger, seen), engaged), incomplete, stored };
}

/**
 * Issues in the target repositories the learner opened or commented on since the first phase whose
 * bar engagement meets: one search, then the comments of each issue that changed since last read.
 */
async function readEngagement(
  input: HistoryInput,
  targets: readonly string[],
  stored: Ledger,
): Promise<Record<string, LedgerEngagement>> {
  const { context } = input;
  const phases = (context.curriculum.tracks.oss?.bars ?? [])
    .filter((bar) => bar.requires === "pr-or-engagement")
    .map((bar) => context.curriculum.phases.find((phase) => phase.number === bar.phase))
    .filter((phase) => phase !== undefined);
  if (phases.length === 0) return {};
  const firstWeek = Math.min(...phases.map((phase) => phase.weeks.from));
  // A day early: search dates are UTC, the window's first day is the learner's.
  const since = spanOfWeeks(context.calendar, firstWeek, firstWeek).first.subtract({ days: 1 });
  const login = context.config.learner.toLowerCase();
  const found = await input.gateway.searchEngagedIssues(context.config.learner, targets, since.toString());
  const engaged: Record<string, LedgerEngagement> = {};
  for (const issue of found) {
    const key = `${issue.repo}#${issue.number}`;
    const known = stored.engagement[key];
    if (known?.updatedAt === issue.updatedAt) continue;
    const dates = issue.author?.toLowerCase() === login ? [issue.createdAt] : [];
    if (issue.comments > 0) {
      const comments = await input.gatewayFor(issue.repo).listIssueComments(issue.number);
      dates.push(
        ...comments
          .filter((comment) => comment.author?.toLowerCase() === login)
          .map((comment) => comment.created_at),
      );
    }
    engaged[key] = { title: issue.title, url: issue.url, updatedAt: issue.updatedAt, dates };
  }
  return engaged;
}
