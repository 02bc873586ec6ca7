import { type ApplyEvents, applyOperations } from "../github/apply.js";
import type { PortfolioGateway } from "../github/gateway.js";
import type { ActualIssue } from "../model/actual.js";
import { type PlanContext, planContext } from "../model/context.js";
import { keyOf } from "../model/markers.js";
import type { Operation } from "../model/operations.js";
import { mightClaim } from "../progress/commit-grammar.js";
import { type CommitEvidence, evidenceVerdict } from "../progress/evidence.js";
import { type LedgerSeen, recordCommits, recordSeen } from "../progress/ledger.js";
import { type LedgerUpdate, ledgerCommit } from "../progress/ledger-commit.js";
import { type Portfolio, portfoliosTracking } from "../progress/portfolios.js";
import { planClosings, type Rejection, readClaims, worthRecording } from "../progress/track-plan.js";
import { projectHistory, withVerification } from "./history.js";
import { type HistoryInput, readManaged, readStoredLedger, readTrustedComments } from "./reads.js";

export interface TrackInput {
  gateway: PortfolioGateway;
  context: PlanContext;
  commits: readonly CommitEvidence[];
  /** The newest commit a listing returned per repository, recorded with the rest. */
  seen?: Readonly<Record<string, LedgerSeen>>;
  /** Leave the ledger to the caller (`result.ledgerUpdate`), to be written with the README. */
  deferLedger?: boolean;
  /** Plan only: read what deciding needs, write nothing. */
  dryRun?: boolean;
  events?: ApplyEvents;
}

type Closed = { key: string; number: number; sha: string };

export interface TrackResult {
  /** The writes planned (applied unless a dry run). */
  operations: Operation[];
  /** Issues closed (on a dry run: to close), each by the commit that finished it. */
  closed: Closed[];
  /** Closed issues that were given the link to the commit that finished them. */
  annotated: Closed[];
  /** What commits claimed that could not be honoured, and why. */
  rejected: Rejection[];
  /** Project repositories that do not exist (yet) or that the token cannot see: not tracked. */
  unreadable?: string[];
  /** With `deferLedger`: what the ledger must record, for the caller to write. */
  ledgerUpdate?: LedgerUpdate;
}

export type { LedgerUpdate };

/**
 * Commits -> the week and project issues they finish: closed with a comment linking the commit,
 * once, whatever the order or repetition of deliveries. Only the learner's commits count. A push
 * that claims nothing costs no request.
 */
export async function track(input: TrackInput): Promise<TrackResult> {
  const { gateway, context } = input;
  const { claims, entries, rejected } = readClaims(input.commits, context);
  const result: TrackResult = { operations: [], closed: [], annotated: [], rejected };
  const seen = input.seen ?? {};
  // A push whose commits claim nothing costs no request; a listing records them (project activity).
  if (Object.keys(seen).length === 0 && !claims.some((claim) => worthRecording(claim.claimed))) return result;
  const record: LedgerUpdate = (ledger) => recordSeen(recordCommits(ledger, entries), seen);
  const recorded = Object.keys(entries).length + Object.keys(seen).length > 0;
  if (recorded && input.deferLedger) result.ledgerUpdate = record;
  const ledger = recorded && !input.deferLedger ? [ledgerCommit(record)] : [];

  if (claims.some((claim) => claim.keys.length > 0)) {
    // Closing reads the issues only: milestones and labels are sync's.
    const { trust, actual } = await readManaged(gateway, context, ["issues"]);
    const issues = new Map<string, ActualIssue>();
    for (const issue of actual.issues) {
      const key = keyOf(issue.body);
      if (key !== undefined && issue.pull_request === undefined) issues.set(key, issue);
    }
    const comments = new Map<number, Awaited<ReturnType<typeof readTrustedComments>>>();
    for (const key of new Set(claims.flatMap((claim) => claim.keys))) {
      const issue = issues.get(key);
      if (!issue || comments.has(issue.number)) continue;
      // An issue the listing says has no comment has none of syllabot's: nothing to read.
      comments.set(
        issue.number,
        issue.comments === 0 ? [] : await readTrustedComments(gateway, issue.number, trust),
      );
    }
    const planned = planClosings(claims, issues, comments);
    result.operations.push(...planned.operations);
    result.rejected.push(...planned.rejected);
    for (const closing of planned.closings) {
      const { outcome: _outcome, group: _group, ...closed } = closing;
      result[closing.outcome].push(closed);
    }
  }
  result.operations.push(...ledger);
  if (input.dryRun || result.operations.length === 0) return result;

  // One commit GitHub refuses to record must not stop every later one, nor the ledger.
  const { refused } = await applyOperations(gateway, result.operations, {
    tolerateRefusals: true,
    ...(input.events ? { events: input.events } : {}),
  });
  for (const { operation, error } of refused) {
    if (operation.kind === "file") throw error;
    const group = operation.group ?? "";
    const sha = group.slice(group.lastIndexOf("@") + 1);
    result.closed = result.closed.filter((entry) => `${entry.key}@${entry.sha}` !== group);
    result.annotated = result.annotated.filter((entry) => `${entry.key}@${entry.sha}` !== group);
    result.rejected.push({ sha, text: operation.key, reason: `GitHub refused it: ${error.message}` });
  }
  return result;
}

/**
 * Track from the project repositories' histories (the Action and the scheduled catch-up, which see
 * no push): one listing per project repository, incremental from the newest commit the ledger saw
 * there.
 */
export async function trackHistory(
  input: HistoryInput & Pick<TrackInput, "deferLedger" | "dryRun" | "events">,
): Promise<TrackResult> {
  const stored = await readStoredLedger(input.gateway);
  const { commits, unreadable, seen } = await projectHistory(input, stored);
  const { gatewayFor: _gatewayFor, ...rest } = input;
  const result = await track({ ...rest, commits, seen });
  return { ...result, unreadable };
}

/**
 * A push to a project repository: track its commits in every portfolio that maps the repository.
 * The portfolios are only looked up when some commit could claim anything at all.
 */
export async function trackPush(input: {
  portfolios: () => Promise<readonly Portfolio[]>;
  pushedRepo: string;
  commits: readonly CommitEvidence[];
  gatewayFor: (repo: string) => PortfolioGateway;
  serverUrl: string;
  dryRun?: boolean;
}): Promise<(TrackResult & { portfolio: string })[]> {
  if (!input.commits.some((commit) => mightClaim(commit.message))) return [];
  const results: (TrackResult & { portfolio: string })[] = [];
  let proven: Promise<readonly CommitEvidence[]> | undefined;
  for (const portfolio of portfoliosTracking(await input.portfolios(), input.pushedRepo)) {
    const context = planContext(portfolio.config, portfolio.curriculum, input.serverUrl);
    // A push payload does not say whether GitHub verified a signature: in a repository whose
    // pushers the learner does not vouch for, the claiming commits are read from the commits API.
    const unproven = input.commits.some((commit) => evidenceVerdict(commit, context.config).unproven);
    if (unproven) proven ??= withVerification(input.commits, input.gatewayFor(input.pushedRepo));
    const result = await track({
      gateway: input.gatewayFor(portfolio.repo),
      context,
      commits: unproven && proven ? await proven : input.commits,
      ...(input.dryRun ? { dryRun: true } : {}),
    });
    results.push({ ...result, portfolio: portfolio.repo });
  }
  return results;
}
