import { localDate, spanOfWeeks, Temporal } from "./calendar.js";
import { LEDGER_PATH, touchesOwnSetup } from "./config/paths.js";
import { attributedByFiles } from "./config/project-location.js";
import { InputError, type Problem } from "./errors.js";
import { type AppliedOperation, type ApplyEvents, applyOperations } from "./github/apply.js";
import { GitHubError } from "./github/errors.js";
import type { PortfolioGateway } from "./github/gateway.js";
import type { ActualIssue, Snapshot } from "./model/actual.js";
import { labelNames, type PlanContext, planContext } from "./model/context.js";
import { keyOf } from "./model/markers.js";
import { installationDate } from "./plan/diff.js";
import { type Plan, plan } from "./plan/index.js";
import { type CommitClaims, mightClaim } from "./progress/commit-grammar.js";
import {
  type CommitEvidence,
  claimedKeys,
  claimsOf,
  closingComment,
  closingDecision,
  evidenceVerdict,
  isSyllabotsCommit,
  ownCommitMessage,
  pastClosings,
} from "./progress/evidence.js";
import {
  emptyLedger,
  type Ledger,
  type LedgerCommit,
  type LedgerEngagement,
  type LedgerPull,
  type LedgerSeen,
  ledgerEntry,
  readLedger,
  recordCommits,
  recordEngagement,
  recordPace,
  recordPulls,
  recordSeen,
  serializeLedger,
} from "./progress/ledger.js";
import { isArchived } from "./progress/ledger-archive.js";
import { type FormerRepository, formerRepositories, readPreviousLedger } from "./progress/ledger-history.js";
import { type BarStatus, barPhaseOf, ledgerBars, ossTargets } from "./progress/oss.js";
import { type Portfolio, portfoliosTracking, trackedRepositories } from "./progress/portfolios.js";
import { type ProgressReport, progressReport } from "./progress/report.js";
import { dueReminders, latestReached, nextReminder, reminderKey, sentThresholds } from "./remind/policy.js";
import { SUGGESTION_LIMIT, SuggestionCache } from "./remind/suggestions.js";
import { metComment, reminderComment, reminderIssue } from "./remind/text.js";
import { mergeManagedBody } from "./render/managed-body.js";
import { renderProgressFiles } from "./render/readme.js";
import { curriculumPathOnDefaultBranch, loadSetupFromRepository } from "./setup/from-repository.js";
import {
  CONFIG_ERROR_KEY,
  configErrorBody,
  invalidSetupCheck,
  plannedSetupCheck,
  removedSetupCheck,
} from "./setup/reports.js";
import { fitText, GITHUB_LIMITS } from "./text/github-limits.js";
import { readTrustedComments, readTrustedIssues, readTrustedState, trustFor } from "./trusted-reads.js";

export interface SyncInput {
  gateway: PortfolioGateway;
  context: PlanContext;
  /** The learner's local date. */
  today: Temporal.PlainDate;
  dryRun?: boolean;
  events?: ApplyEvents & { onPlanned?: (plan: Plan) => void };
}

export interface SyncResult {
  plan: Plan;
  /** The repository as read before applying. */
  actual: Snapshot;
  /** Undefined on a dry run. */
  applied?: AppliedOperation[];
}

/** Curriculum -> milestones, labels and issues: read the repository, plan, apply. */
export async function sync(input: SyncInput): Promise<SyncResult> {
  const { gateway, context, today } = input;
  const trust = await trustFor(gateway, context);
  let actual = await readTrustedState(gateway, context, trust);
  let planned = plan(context, actual, today);
  if (planned.operations.some((operation) => operation.op === "create" && operation.kind === "issue")) {
    // An issue whose managed label the learner removed is missing from the labelled listing: find
    // it by key before creating a duplicate. This costs a listing only when something is created.
    actual = withUnlabelledIssues(actual, await readTrustedIssues(gateway, trust));
    planned = plan(context, actual, today);
  }
  input.events?.onPlanned?.(planned);
  if (input.dryRun) return { plan: planned, actual };
  const applied = await applyOperations(gateway, planned.operations, actual, input.events);
  return { plan: planned, actual, applied };
}

function withUnlabelledIssues(actual: Snapshot, all: Snapshot["issues"]): Snapshot {
  const known = new Set(actual.issues.map((issue) => issue.number));
  const unlabelled = all.filter((issue) => !known.has(issue.number) && keyOf(issue.body) !== undefined);
  return unlabelled.length === 0 ? actual : { ...actual, issues: [...actual.issues, ...unlabelled] };
}

/** The use cases a scheduled run can name. */
export const USE_CASES = ["sync", "track", "refresh", "remind"] as const;
export type UseCase = (typeof USE_CASES)[number];

export interface ReconcileResult {
  sync: SyncResult;
  /** Undefined on a dry run: tracking closes issues. */
  track?: TrackResult;
  /** Undefined on a dry run. */
  refresh?: RefreshResult;
  /** Undefined on a dry run. */
  remind?: RemindResult;
}

/**
 * Every use case in turn: the catch-up after missed webhooks, and the Action's `all`. What tracking
 * and the open-source search learned is written with the README, in one commit.
 */
export async function reconcile(
  input: SyncInput & HistoryInput & { suggestions?: SuggestionCache },
): Promise<ReconcileResult> {
  const synced = await sync(input);
  if (input.dryRun) return { sync: synced };
  const tracked = await trackHistory({ ...input, deferLedger: true });
  const refreshed = await refreshWithActivity(input, tracked.ledgerUpdate);
  const reminded = await remind({ ...input, ledger: refreshed.ledger });
  return { sync: synced, track: tracked, refresh: refreshed, remind: reminded };
}

/**
 * The scheduled tick for one repository: everything in turn from its config on the default branch
 * (catch-up sync and tracking, open-source bars, README, reminders). Nothing without a valid config.
 */
export async function reconcileRepository(
  input: RepositoryInput & { gatewayFor: (repo: string) => PortfolioGateway; suggestions?: SuggestionCache },
): Promise<ReconcileResult | undefined> {
  const setup = await validSetup(input.gateway);
  if (!setup) return undefined;
  const context = planContext(setup.config, setup.curriculum, input.serverUrl);
  return reconcile({ ...input, context, today: localDate(input.now, setup.config.timezone) });
}

/** Read the open-source activity, then refresh with it (and any other ledger update) in one commit. */
export async function refreshWithActivity(
  input: HistoryInput & { today: Temporal.PlainDate },
  ledgerUpdate?: LedgerUpdate,
): Promise<RefreshResult> {
  const oss = await readOssActivity(input);
  return refresh({
    gateway: input.gateway,
    context: input.context,
    today: input.today,
    ledgerUpdate: (ledger) => oss.update(ledgerUpdate ? ledgerUpdate(ledger) : ledger),
    searchIncomplete: oss.incomplete,
  });
}

export interface HistoryInput {
  gateway: PortfolioGateway;
  context: PlanContext;
  /** A gateway for another repository (a project repository) with the same credentials. */
  gatewayFor: (repo: string) => PortfolioGateway;
}

/**
 * Track from the project repositories' histories (the Action and the scheduled catch-up, which see
 * no push): one listing per project repository, incremental from the newest commit the ledger saw
 * there.
 */
export async function trackHistory(input: HistoryInput & { deferLedger?: boolean }): Promise<TrackResult> {
  const stored = readLedger(await input.gateway.readFile(LEDGER_PATH));
  const { commits, unreadable, seen } = await projectHistory(input, stored);
  const result = await track({
    gateway: input.gateway,
    context: input.context,
    commits,
    seen,
    ...(input.deferLedger ? { deferLedger: true } : {}),
  });
  return { ...result, unreadable };
}

/**
 * Commits pushed with author dates older than the newest one seen still reach the listing when they
 * are at most this old; older stragglers are the app's (it sees every push) or `rebuild`'s.
 */
export const RELISTING_MARGIN = { days: 7 } as const;

/**
 * Every project repository's commits since the program's start, or since a little before the newest
 * one seen there; repositories not visible are named. In a repository whose commits are told apart
 * by the files they touch (several projects, or a project's folder), each of the learner's commits
 * not yet recorded is read once more, for its files; those already recorded are left out.
 */
async function projectHistory(
  input: HistoryInput,
  stored: Ledger = emptyLedger(),
  formerRepos: readonly string[] = [],
): Promise<{ commits: CommitEvidence[]; unreadable: string[]; seen: Record<string, LedgerSeen> }> {
  const { calendar, config } = input.context;
  const { lastSeen } = stored;
  const start = calendar.start.toZonedDateTime({ timeZone: calendar.timeZone }).toInstant();
  const commits: CommitEvidence[] = [];
  const unreadable: string[] = [];
  const seen: Record<string, LedgerSeen> = {};
  for (const repo of [...trackedRepositories(config), ...formerRepos]) {
    const cursor = lastSeen[repo];
    const resumeAt = cursor
      ? Temporal.Instant.from(cursor.timestamp)
          .toZonedDateTimeISO("UTC")
          .subtract(RELISTING_MARGIN)
          .toInstant()
      : start;
    const since = Temporal.Instant.compare(resumeAt, start) > 0 ? resumeAt : start;
    const gateway = input.gatewayFor(repo);
    const all = await gateway.listCommitsSince(since.toString());
    if (!all) {
      unreadable.push(repo);
      continue;
    }
    // syllabot's own commits (in a portfolio that is also a project repository) are not even the
    // newest commit seen: the ledger would change, and commit again, at every run.
    const listed = all.filter((commit) => !isSyllabotsCommit(commit));
    commits.push(
      ...(attributedByFiles(config.projects, repo)
        ? await withFiles(listed, gateway, stored, config)
        : listed),
    );
    const newest = newestCommit(listed);
    if (newest)
      seen[repo] = { sha: newest.sha, timestamp: Temporal.Instant.from(newest.timestamp).toString() };
  }
  return { commits, unreadable, seen };
}

/**
 * The learner's new commits as the single-commit API tells them, with the files they touched (at
 * most 3,000, GitHub's limit); commits already recorded are left out, others' are kept as listed.
 */
async function withFiles(
  listed: readonly CommitEvidence[],
  gateway: PortfolioGateway,
  stored: Ledger,
  config: PlanContext["config"],
): Promise<CommitEvidence[]> {
  const read: CommitEvidence[] = [];
  for (const commit of listed) {
    const known =
      stored.commits[commit.sha] !== undefined ||
      isArchived(stored.archive, { sha: commit.sha, timestamp: commit.timestamp });
    if (known) continue;
    if (!evidenceVerdict(commit, config).counts) {
      read.push(commit);
      continue;
    }
    const full = await gateway.readCommit(commit.sha);
    read.push(full ? { ...full, repo: commit.repo } : commit);
  }
  return read;
}

function newestCommit(commits: readonly CommitEvidence[]): CommitEvidence | undefined {
  let newest: CommitEvidence | undefined;
  for (const commit of commits) {
    const order = newest === undefined ? 1 : Date.parse(commit.timestamp) - Date.parse(newest.timestamp);
    if (order > 0 || (order === 0 && newest !== undefined && commit.sha > newest.sha)) newest = commit;
  }
  return newest;
}

/** The label of syllabot's own notices, which exist before (or without) a valid config and its prefix. */
const NOTICE_LABEL = "syllabot";

export type RepositoryOutcome =
  | { status: "no-config" }
  | { status: "invalid"; problems: readonly Problem[] }
  | { status: "synced"; result: SyncResult };

export interface RepositoryInput {
  gateway: PortfolioGateway;
  /** Web address of the GitHub server, for links. */
  serverUrl: string;
  now: Temporal.Instant;
}

/**
 * Sync a repository from the config on its default branch. A broken config changes nothing but
 * one issue that explains it (updated, never duplicated), which is closed once the config is valid.
 */
export async function syncRepository(input: RepositoryInput): Promise<RepositoryOutcome> {
  const { gateway } = input;
  let setup: Awaited<ReturnType<typeof loadSetupFromRepository>>;
  try {
    setup = await loadSetupFromRepository(gateway);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    await reportConfigError(gateway, error, `${input.serverUrl}/${gateway.repo}/blob/HEAD`);
    return { status: "invalid", problems: error.problems };
  }
  if (!setup) return { status: "no-config" };
  const context = planContext(setup.config, setup.curriculum, input.serverUrl);
  const result = await sync({ gateway, context, today: localDate(input.now, setup.config.timezone) });
  const labelled = labelNames(setup.config.labels.prefix).managed === NOTICE_LABEL;
  const trust = await trustFor(gateway, context);
  await resolveConfigError(
    gateway,
    labelled ? result.actual.issues : await readTrustedIssues(gateway, trust),
  );
  return { status: "synced", result };
}

async function reportConfigError(
  gateway: PortfolioGateway,
  error: InputError,
  blobUrl: string,
): Promise<void> {
  const body = configErrorBody(error.problems, blobUrl, error.unreported);
  // Without a valid config the learner is unknown: only syllabot's own notice is its notice.
  const issues = await readTrustedIssues(gateway, await trustFor(gateway));
  const existing = issues.find((issue) => keyOf(issue.body) === CONFIG_ERROR_KEY);
  if (!existing) {
    await gateway.createIssue(CONFIG_ERROR_KEY, {
      title: "syllabot: the configuration has errors",
      body,
      labels: [NOTICE_LABEL],
      milestone: null,
    });
    return;
  }
  const reopen = existing.state !== "open";
  if (existing.body !== body || reopen) {
    await gateway.updateIssue(existing.number, { body, ...(reopen ? { state: "open" as const } : {}) });
  }
}

async function resolveConfigError(gateway: PortfolioGateway, issues: Snapshot["issues"]): Promise<void> {
  const open = issues.find((issue) => keyOf(issue.body) === CONFIG_ERROR_KEY && issue.state === "open");
  if (!open) return;
  await gateway.commentOnIssue(
    open.number,
    "The configuration is valid again, and syllabot has synced the repository.",
  );
  await gateway.updateIssue(open.number, { state: "closed", state_reason: "completed" });
}

/**
 * A proposed change to the config or curriculum (a pull request's head): publish one check run
 * with the plan it would apply, or its errors at their file, line and column. Writes nothing else.
 */
export async function checkSetupChange(input: RepositoryInput & { headSha: string }): Promise<void> {
  const { gateway, headSha } = input;
  let setup: Awaited<ReturnType<typeof loadSetupFromRepository>>;
  try {
    setup = await loadSetupFromRepository(gateway, headSha);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    await gateway.publishCheckRun(invalidSetupCheck(headSha, error.problems, error.unreported));
    return;
  }
  if (!setup) {
    await gateway.publishCheckRun(removedSetupCheck(headSha));
    return;
  }
  const context = planContext(setup.config, setup.curriculum, input.serverUrl);
  const actual = await readTrustedState(gateway, context, await trustFor(gateway, context));
  const planned = plan(context, actual, localDate(input.now, setup.config.timezone));
  await gateway.publishCheckRun(plannedSetupCheck(headSha, planned));
}

/**
 * A pull request: check its setup change when it touches the config or the curriculum file the
 * config on the default branch names; otherwise nothing. Its files are read only until that is known.
 */
export async function checkPullRequest(
  input: RepositoryInput & { number: number; headSha: string },
): Promise<boolean> {
  const curriculumPath = await curriculumPathOnDefaultBranch(input.gateway);
  const touches = (paths: readonly string[]) => touchesOwnSetup(paths, curriculumPath);
  if (!touches(await input.gateway.listPullRequestFiles(input.number, touches))) return false;
  await checkSetupChange(input);
  return true;
}

export interface TrackInput {
  gateway: PortfolioGateway;
  context: PlanContext;
  commits: readonly CommitEvidence[];
  /** The newest commit a listing returned per repository, recorded with the rest. */
  seen?: Readonly<Record<string, LedgerSeen>>;
  /** Leave the ledger to the caller (`result.ledgerUpdate`), to be written with the README. */
  deferLedger?: boolean;
}

export interface TrackResult {
  /** Issues closed, each by the commit that finished it. */
  closed: { key: string; number: number; sha: string }[];
  /** Closed issues that were given the link to the commit that finished them. */
  annotated: { key: string; number: number; sha: string }[];
  /** What commits claimed that could not be honoured, and why. */
  rejected: { sha: string; text: string; reason: string }[];
  /** Project repositories that do not exist (yet) or that the token cannot see: not tracked. */
  unreadable?: string[];
  /** With `deferLedger`: what the ledger must record, for the caller to write. */
  ledgerUpdate?: LedgerUpdate;
}

/** A change to the ledger: pure, merged into whatever the branch holds when it is written. */
export type LedgerUpdate = (ledger: Ledger) => Ledger;

/**
 * Commits -> the week and project issues they finish: closed with a comment linking the commit,
 * once, whatever the order or repetition of deliveries. Only the learner's commits count. A push
 * that claims nothing costs no request.
 */
export async function track(input: TrackInput): Promise<TrackResult> {
  const { gateway, context } = input;
  const result: TrackResult = { closed: [], annotated: [], rejected: [] };
  const commits = input.commits
    .filter((commit) => {
      const verdict = evidenceVerdict(commit, context.config);
      if (!verdict.counts && verdict.unproven && mightClaim(commit.message))
        result.rejected.push({ sha: commit.sha, text: commit.repo, reason: verdict.unproven });
      return verdict.counts;
    })
    .sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
  const entries: Record<string, LedgerCommit> = {};
  const claims = commits.map((commit) => {
    const claimed = claimsOf(commit, context.curriculum);
    result.rejected.push(...claimed.rejected.map((rejection) => ({ sha: commit.sha, ...rejection })));
    entries[commit.sha] = ledgerEntry(commit, claimed, context);
    return { commit, claimed, keys: claimedKeys(claimed, context) };
  });
  const seen = input.seen ?? {};
  // A push whose commits claim nothing costs no request; a listing records them (project activity).
  if (Object.keys(seen).length === 0 && !claims.some((claim) => worthRecording(claim.claimed))) {
    return result;
  }
  const record: LedgerUpdate = (ledger) => recordSeen(recordCommits(ledger, entries), seen);
  const save = async () => {
    if (Object.keys(entries).length + Object.keys(seen).length === 0) return;
    if (input.deferLedger) result.ledgerUpdate = record;
    else await writeLedger(gateway, record);
  };
  if (claims.every((claim) => claim.keys.length === 0)) {
    await save();
    return result;
  }

  const trust = await trustFor(gateway, context);
  const actual = await readTrustedState(gateway, context, trust);
  const issues = new Map(
    actual.issues
      .filter((issue) => issue.pull_request === undefined)
      .map((issue) => [keyOf(issue.body), issue]),
  );
  const comments = new Map<number, Awaited<ReturnType<PortfolioGateway["listIssueComments"]>>>();
  for (const { commit, keys: claimed } of claims) {
    for (const key of claimed) {
      const issue = issues.get(key);
      if (!issue) {
        result.rejected.push({ sha: commit.sha, text: key, reason: "no issue for it in the portfolio yet" });
        continue;
      }
      const known = comments.get(issue.number) ?? (await readTrustedComments(gateway, issue.number, trust));
      comments.set(issue.number, known);
      const decision = closingDecision(issue, pastClosings(known), commit);
      if (decision === "none") continue;
      try {
        if (decision === "close") {
          // Closed first: a crash before the comment leaves a closed issue, which the next delivery links.
          await gateway.updateIssue(issue.number, { state: "closed", state_reason: "completed" });
          issue.state = "closed";
        }
        const body = closingComment(commit);
        await gateway.commentOnIssue(issue.number, body);
        known.push({ body, created_at: commit.timestamp });
        result[decision === "close" ? "closed" : "annotated"].push({
          key,
          number: issue.number,
          sha: commit.sha,
        });
      } catch (error) {
        // One commit GitHub refuses to record must not stop every later one, nor the ledger.
        if (!refusedForThisIssue(error)) throw error;
        result.rejected.push({ sha: commit.sha, text: key, reason: `GitHub refused it: ${error.message}` });
      }
    }
  }
  await save();
  return result;
}

/**
 * GitHub refused a write about one issue (422: the text or the change is invalid; 404 or 410: the
 * issue is gone), as opposed to a failure that every later request would meet too.
 */
function refusedForThisIssue(error: unknown): error is GitHubError {
  return error instanceof GitHubError && [404, 410, 422].includes(error.status ?? 0);
}

/** A commit worth a ledger write of its own: it finishes something, logs time or solves a DSA problem. */
function worthRecording(claims: CommitClaims): boolean {
  return claims.weeks.length + claims.projects.length + claims.problems.length > 0 || claims.minutes > 0;
}

/**
 * Update the portfolio's ledger in one commit: merged with what is there, never overwritten (one
 * that cannot be read stops the write), unless `replace` (rebuild) says to start afresh. The
 * ledger as written (or as found, when nothing changed).
 */
async function writeLedger(
  gateway: PortfolioGateway,
  update: (ledger: Ledger) => Ledger,
  replace = false,
): Promise<Ledger> {
  let written = emptyLedger();
  await gateway.commitFiles({
    message: ownCommitMessage("syllabot: record progress", "ledger"),
    read: [LEDGER_PATH],
    render: (current) => {
      written = update(replace ? emptyLedger() : readLedger(current.get(LEDGER_PATH)));
      return { [LEDGER_PATH]: serializeLedger(written) };
    },
  });
  return written;
}

export interface RebuildResult {
  commits: number;
  /** Repositories the config names that could not be read. */
  unreadable: string[];
  /** Repositories only the previous ledger knew (a project's former one), and whether they were read. */
  former: (FormerRepository & { read: boolean })[];
  /** Why the previous ledger could not be read: former repositories, if any, were not learned. */
  previousUnreadable?: string;
}

/**
 * The ledger recomputed from GitHub alone: the history since the start of every repository the
 * config names, and of every one the ledger it replaces recorded (a project's former repository).
 * It replaces what the portfolio holds; tracked incrementally or rebuilt, the bytes are the same.
 */
export async function rebuildLedger(input: HistoryInput): Promise<RebuildResult> {
  const { context } = input;
  const previous = readPreviousLedger(await input.gateway.readFile(LEDGER_PATH));
  const former = formerRepositories(previous.ledger, trackedRepositories(context.config));
  const { commits, unreadable, seen } = await projectHistory(
    input,
    emptyLedger(),
    former.map((entry) => entry.repo),
  );
  const entries: Record<string, LedgerCommit> = {};
  for (const commit of commits.filter((candidate) => evidenceVerdict(candidate, context.config).counts)) {
    entries[commit.sha] = ledgerEntry(commit, claimsOf(commit, context.curriculum), context);
  }
  await writeLedger(input.gateway, () => recordSeen(recordCommits(emptyLedger(), entries), seen), true);
  const formerNames = new Set(former.map((entry) => entry.repo));
  return {
    commits: Object.keys(entries).length,
    unreadable: unreadable.filter((repo) => !formerNames.has(repo)),
    former: former.map((entry) => ({ ...entry, read: !unreadable.includes(entry.repo) })),
    ...(previous.problem === undefined ? {} : { previousUnreadable: previous.problem }),
  };
}

/**
 * The portfolios among `repos`: those holding a valid config (a broken one is reported by its own
 * sync, not here). One read of the config per repository.
 */
export async function findPortfolios(
  repos: readonly string[],
  gatewayFor: (repo: string) => PortfolioGateway,
): Promise<Portfolio[]> {
  const found: Portfolio[] = [];
  for (const repo of repos) {
    const setup = await validSetup(gatewayFor(repo));
    if (setup) found.push({ repo, ...setup });
  }
  return found;
}

/**
 * A repository's config and curriculum, or undefined when it has none or they are broken: a broken
 * config has its own issue, from sync, and other use cases wait until it is fixed.
 */
async function validSetup(gateway: PortfolioGateway) {
  try {
    return await loadSetupFromRepository(gateway);
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
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
    });
    results.push({ ...result, portfolio: portfolio.repo });
  }
  return results;
}

/** At most this many commits of one push are read again for their signatures. */
const VERIFIED_READS_PER_PUSH = 20;

/** The commits that claim something, as the commits API tells them (with verification); the rest as pushed. */
async function withVerification(
  commits: readonly CommitEvidence[],
  gateway: PortfolioGateway,
): Promise<CommitEvidence[]> {
  let reads = 0;
  const read: CommitEvidence[] = [];
  for (const commit of commits) {
    if (!mightClaim(commit.message) || reads >= VERIFIED_READS_PER_PUSH) {
      read.push(commit);
      continue;
    }
    reads++;
    const listed = await gateway.readCommit(commit.sha);
    read.push(listed ? { ...listed, repo: commit.repo } : commit);
  }
  return read;
}

/**
 * Refresh a portfolio from the config on its default branch (the app, after events): the README,
 * pictures and ledger pace, from what the ledger holds. Nothing for a repository without a valid config.
 */
export async function refreshRepository(input: RepositoryInput): Promise<RefreshResult | undefined> {
  const setup = await validSetup(input.gateway);
  if (!setup) return undefined;
  const context = planContext(setup.config, setup.curriculum, input.serverUrl);
  return refresh({ gateway: input.gateway, context, today: localDate(input.now, setup.config.timezone) });
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
export async function readOssActivity(
  input: HistoryInput,
): Promise<{ update: LedgerUpdate; incomplete: boolean }> {
  const { context, gateway } = input;
  const targets = ossTargets(context);
  if (targets.length === 0) return { update: (ledger) => ledger, incomplete: false };
  const stored = readLedger(await gateway.readFile(LEDGER_PATH));
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
  return { update: (ledger) => recordEngagement(recordPulls(ledger, seen), engaged), incomplete };
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

export interface RefreshInput {
  gateway: PortfolioGateway;
  context: PlanContext;
  /** The learner's local date. */
  today: Temporal.PlainDate;
  /** What else the ledger must record in the same commit (tracking, open-source activity). */
  ledgerUpdate?: LedgerUpdate;
  /** GitHub's search said its results were incomplete when open-source activity was read. */
  searchIncomplete?: boolean;
}

export interface RefreshResult {
  report: ProgressReport;
  /** The ledger as written (or found unchanged). */
  ledger: Ledger;
  /** The commit made; undefined when nothing changed. */
  commit: { sha: string } | undefined;
}

/**
 * The progress README region, its pictures and the ledger's pace, in one commit on the default
 * branch. Re-rendered from the new head when the branch moved meanwhile; no change, no commit.
 */
export async function refresh(input: RefreshInput): Promise<RefreshResult> {
  const { gateway, context, today } = input;
  const { config } = context;
  const actual = await readTrustedState(gateway, context, await trustFor(gateway, context));
  const installedOn = installationDate(actual, context.calendar.timeZone, today);
  let report: ProgressReport | undefined;
  let written: Ledger | undefined;
  const commit = await gateway.commitFiles({
    message: ownCommitMessage(config.commit.message, "refresh"),
    ...(config.commit.author ? { author: config.commit.author } : {}),
    read: [config.readme, LEDGER_PATH],
    render: (current) => {
      const stored = readLedger(current.get(LEDGER_PATH));
      const ledger = input.ledgerUpdate ? input.ledgerUpdate(stored) : stored;
      report = progressReport({
        context,
        issues: actual.issues,
        ledger,
        bars: ledgerBars(context, ledger, today),
        barsIncomplete: input.searchIncomplete ?? false,
        today,
        installedOn,
      });
      const { pace } = report;
      const paced = recordPace(ledger, {
        asOf: report.today,
        done: pace.done,
        expected: pace.expected,
        aheadBy: pace.aheadBy,
        status: pace.status,
        plannedFinish: pace.plannedFinish,
        projectedFinish: pace.projectedFinish,
      });
      written = paced;
      return {
        ...renderProgressFiles(report, config.readme, current.get(config.readme)),
        [LEDGER_PATH]: serializeLedger(paced),
      };
    },
  });
  if (!report || !written) throw new Error("refresh: the files were never rendered");
  return { report, ledger: written, commit };
}

export interface RemindInput extends HistoryInput {
  /** The learner's local date. */
  today: Temporal.PlainDate;
  /** Newcomer issues kept for a day across runs (the app keeps one); a fresh one by default. */
  suggestions?: SuggestionCache;
  /** The ledger as just written (by a refresh in the same run): no second search. */
  ledger?: Ledger;
}

export interface RemindResult {
  /** Reminders sent: a new issue for a phase's first one, a comment for each later one. */
  sent: { phase: number; threshold: string; number: number; kind: "issue" | "comment" }[];
  /** Reminder issues closed because their bar is now met. */
  closed: { phase: number; number: number }[];
  bars: BarStatus[];
}

/**
 * PR reminders: for each phase whose open-source bar is unmet, one issue, assigned to the learner,
 * at the first threshold reached, and a comment mentioning them at each later one; closed with a
 * comment naming what met the bar once it is met. Thresholds sent are recorded in the issue (hidden
 * markers), so a run repeated, late or overlapping another sends nothing twice.
 */
export async function remind(input: RemindInput): Promise<RemindResult> {
  const { context, gateway, today } = input;
  const ledger = input.ledger ?? (await writeLedger(gateway, (await readOssActivity(input)).update));
  const bars = ledgerBars(context, ledger, today);
  const result: RemindResult = { sent: [], closed: [], bars };
  if (bars.length === 0) return result;
  const trust = await trustFor(gateway, context);
  const reminders = new Map<string, ActualIssue>();
  for (const issue of await readTrustedIssues(gateway, trust)) {
    const key = keyOf(issue.body);
    if (key?.startsWith("reminder-phase-") && issue.pull_request === undefined && !reminders.has(key)) {
      reminders.set(key, issue);
    }
  }

  for (const bar of bars) {
    const issue = reminders.get(reminderKey(bar.bar.phase));
    if (bar.state !== "met" || !issue || issue.state !== "open") continue;
    await gateway.commentOnIssue(issue.number, metComment(bar));
    await gateway.updateIssue(issue.number, { state: "closed", state_reason: "completed" });
    result.closed.push({ phase: bar.bar.phase, number: issue.number });
  }

  // What was sent is read from GitHub, and comments only where the body does not already tell.
  const sent = new Map<number, Set<string>>();
  for (const bar of bars) {
    const latest = bar.state === "met" ? undefined : latestReached(context, bar.bar.phase, today);
    const issue = reminders.get(reminderKey(bar.bar.phase));
    if (!latest || !issue) continue;
    const known = sentThresholds([issue.body]);
    if (!known.has(latest.id)) {
      const comments = await readTrustedComments(gateway, issue.number, trust);
      for (const id of sentThresholds(comments.map((comment) => comment.body))) known.add(id);
    }
    sent.set(bar.bar.phase, known);
  }
  const due = dueReminders(context, bars, today, sent);
  if (due.length === 0) return result;

  const targets = ossTargets(context);
  const suggestions = await (input.suggestions ?? new SuggestionCache()).get(targets, () =>
    gateway.searchNewcomerIssues(targets, SUGGESTION_LIMIT),
  );
  const names = labelNames(context.config.labels.prefix);
  for (const reminder of due) {
    const rendered = reminderIssue(context, reminder, suggestions);
    const existing = reminders.get(rendered.key);
    if (existing) {
      // The body's region is brought up to date (what counts so far); the comment notifies.
      const body = fitText(mergeManagedBody(existing.body, rendered.managed), GITHUB_LIMITS.issueBody);
      if (body !== existing.body) await gateway.updateIssue(existing.number, { body });
      await gateway.commentOnIssue(existing.number, reminderComment(context, reminder));
      result.sent.push({
        phase: reminder.phase,
        threshold: reminder.threshold.id,
        number: existing.number,
        kind: "comment",
      });
      continue;
    }
    const created = await gateway.createIssue(rendered.key, {
      title: rendered.title,
      body: rendered.body,
      labels: [names.managed, names.phase(reminder.phase)],
      milestone: null,
      assignees: [context.config.learner],
    });
    result.sent.push({
      phase: reminder.phase,
      threshold: reminder.threshold.id,
      number: created.number,
      kind: "issue",
    });
  }
  return result;
}

export interface ProgressStatus {
  report: ProgressReport;
  /** The next day a reminder would be due if nothing changes. */
  nextReminder?: { phase: number; threshold: string; on: string };
}

/** The progress as the ledger and the issues tell it, and the next reminder: pure, for `status`. */
export function progressStatus(
  context: PlanContext,
  ledger: Ledger,
  issues: readonly ActualIssue[],
  today: Temporal.PlainDate,
  installedOn?: Temporal.PlainDate,
): ProgressStatus {
  const bars = ledgerBars(context, ledger, today);
  const report = progressReport({
    context,
    issues,
    ledger,
    bars,
    today,
    ...(installedOn ? { installedOn } : {}),
  });
  const next = nextReminder(context, bars, today);
  return {
    report,
    ...(next
      ? {
          nextReminder: { phase: next.phase, threshold: next.threshold.id, on: next.threshold.on.toString() },
        }
      : {}),
  };
}

/** `status` for a repository: its issues and ledger read, nothing written. */
export async function readProgress(input: {
  gateway: PortfolioGateway;
  context: PlanContext;
  today: Temporal.PlainDate;
}): Promise<ProgressStatus> {
  const { gateway, context, today } = input;
  const actual = await readTrustedState(gateway, context, await trustFor(gateway, context));
  const ledger = readLedger(await gateway.readFile(LEDGER_PATH));
  return progressStatus(
    context,
    ledger,
    actual.issues,
    today,
    installationDate(actual, context.calendar.timeZone, today),
  );
}
