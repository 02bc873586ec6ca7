import { localDate, Temporal, weekOn } from "../calendar.js";
import type { PlanContext } from "../model/context.js";
import { attributedProjects } from "./attribution.js";
import type { CommitClaims } from "./commit-grammar.js";
import type { CommitEvidence } from "./evidence.js";
import {
  compareCommitKeys,
  foldCommits,
  isArchived,
  laterArchive,
  ledgerActivity,
  type Tally,
} from "./ledger-archive.js";
import {
  emptyLedger,
  LEDGER_VERSION,
  type Ledger,
  type LedgerCommit,
  type LedgerEngagement,
  type LedgerPace,
  type LedgerPull,
  type LedgerSeen,
  normalizedEngagement,
  normalizedPace,
  normalizedPull,
} from "./ledger-schema.js";

export { type LedgerActivity, ledgerActivity } from "./ledger-archive.js";
export * from "./ledger-schema.js";
export { parseLedger, readLedger, serializeLedger } from "./ledger-text.js";

/**
 * The ledger (`.syllabot/state.json` in the portfolio): what syllabot learned from commits, kept so
 * that the progress report needs no re-reading of every repository. It is a cache of GitHub:
 * losing it loses nothing, `rebuild` recomputes it. Commits are a union keyed by SHA, so deliveries
 * in any order, any number of times, give byte-identical files; only the newest `LIVE_COMMITS` are
 * listed one by one, older ones are folded into the archive (see ledger-archive.ts), which keeps
 * the file small (100,000 commits in nine repositories take about 200 KB).
 */

/** How many commits the ledger lists one by one; older ones are folded into the archive. */
export const LIVE_COMMITS = 1000;

/** What one commit may write to the ledger: claims beyond these are not evidence but noise. */
export const COMMIT_BOUNDS = { problems: 50, problemName: 100, weeks: 60, projects: 20, slug: 100 } as const;

/** A learner's commit as the ledger keeps it. */
export function ledgerEntry(
  commit: CommitEvidence,
  claims: CommitClaims,
  context: PlanContext,
): LedgerCommit {
  const day = localDate(Temporal.Instant.from(commit.timestamp), context.calendar.timeZone);
  const position = weekOn(context.calendar, day);
  const distinct = <T>(values: readonly T[]) => [...new Set(values)];
  return {
    repo: commit.repo,
    timestamp: Temporal.Instant.from(commit.timestamp).toString(),
    week: position.kind === "during" ? position.week : null,
    weeks: distinct(claims.weeks).slice(0, COMMIT_BOUNDS.weeks),
    projects: distinct(claims.projects.map((slug) => slug.slice(0, COMMIT_BOUNDS.slug))).slice(
      0,
      COMMIT_BOUNDS.projects,
    ),
    minutes: claims.minutes,
    problems: distinct(claims.problems.map((name) => name.slice(0, COMMIT_BOUNDS.problemName))).slice(
      0,
      COMMIT_BOUNDS.problems,
    ),
    // Bounded by the config's number of projects.
    attributed: attributedProjects(commit, claims.projects, context.config.projects) ?? [],
  };
}

/**
 * The ledger with these entries added: a union by SHA, then the commits beyond the newest
 * `window` folded into the archive. An entry the archive already covers adds nothing.
 */
export function recordCommits(
  ledger: Ledger,
  entries: Readonly<Record<string, LedgerCommit>>,
  window = LIVE_COMMITS,
): Ledger {
  return compactLedger(mergeLedgers(ledger, { ...emptyLedger(), commits: { ...entries } }), window);
}

/** The ledger with all but its newest `window` commits folded into the archive. */
export function compactLedger(ledger: Ledger, window = LIVE_COMMITS): Ledger {
  const commits = Object.entries(ledger.commits);
  if (commits.length <= window) return ledger;
  const newestFirst = commits.sort(([leftSha, left], [rightSha, right]) =>
    compareCommitKeys(
      { sha: rightSha, timestamp: right.timestamp },
      { sha: leftSha, timestamp: left.timestamp },
    ),
  );
  return {
    ...ledger,
    commits: Object.fromEntries(newestFirst.slice(0, window)),
    archive: foldCommits(ledger.archive, newestFirst.slice(window)),
  };
}

/** The ledger with these pull requests as search saw them now (labels change; files, once read, stay). */
export function recordPulls(ledger: Ledger, pulls: Readonly<Record<string, LedgerPull>>): Ledger {
  const merged: Record<string, LedgerPull> = { ...ledger.pulls };
  for (const [key, pull] of Object.entries(pulls)) {
    merged[key] = { ...pull, files: pull.files ?? ledger.pulls[key]?.files ?? null };
  }
  return { ...ledger, pulls: merged };
}

/** The ledger with the newest commit each listed repository returned. */
export function recordSeen(ledger: Ledger, seen: Readonly<Record<string, LedgerSeen>>): Ledger {
  return mergeLedgers(ledger, { ...emptyLedger(), lastSeen: { ...seen } });
}

/** The ledger with these issues' engagement as read now. */
export function recordEngagement(
  ledger: Ledger,
  engagement: Readonly<Record<string, LedgerEngagement>>,
): Ledger {
  return mergeLedgers(ledger, { ...emptyLedger(), engagement: { ...engagement } });
}

/** The ledger with the pace as judged on `pace.asOf`. */
export function recordPace(ledger: Ledger, pace: LedgerPace): Ledger {
  return mergeLedgers(ledger, { ...emptyLedger(), pace });
}

/**
 * Two ledgers as one (a write that lost a race re-reads and merges, never overwrites). Where both
 * hold a commit differently (recorded under another config), the choice depends on the entries
 * alone, so that merging is commutative and the order of deliveries never shows.
 */
export function mergeLedgers(left: Ledger, right: Ledger): Ledger {
  const archive = laterArchive(left.archive, right.archive);
  const commits: Record<string, LedgerCommit> = {};
  for (const [key, entry] of [...Object.entries(left.commits), ...Object.entries(right.commits)]) {
    // Behind the watermark: counted in the archive already (or a straggler it is too late for).
    if (isArchived(archive, { sha: key, timestamp: entry.timestamp })) continue;
    const existing = commits[key];
    commits[key] = existing === undefined || entryText(entry) < entryText(existing) ? entry : existing;
  }
  const pulls: Record<string, LedgerPull> = { ...left.pulls };
  for (const [key, pull] of Object.entries(right.pulls)) {
    const existing = pulls[key];
    pulls[key] = existing === undefined || pullRank(pull) < pullRank(existing) ? pull : existing;
  }
  return {
    version: LEDGER_VERSION,
    commits,
    archive,
    pulls,
    lastSeen: mergeBy(left.lastSeen, right.lastSeen, (entry) => `${entry.timestamp}\u0000${entry.sha}`),
    engagement: mergeBy(
      left.engagement,
      right.engagement,
      (entry) => `${entry.updatedAt}\u0000${JSON.stringify(normalizedEngagement(entry))}`,
    ),
    pace: latest(left.pace, right.pace),
  };
}

/** Per key, the entry ranked highest: a choice that depends on the entries alone, so commutative. */
function mergeBy<T>(
  left: Readonly<Record<string, T>>,
  right: Readonly<Record<string, T>>,
  rank: (entry: T) => string,
): Record<string, T> {
  const merged: Record<string, T> = { ...left };
  for (const [key, entry] of Object.entries(right)) {
    const existing = merged[key];
    merged[key] = existing === undefined || rank(entry) > rank(existing) ? entry : existing;
  }
  return merged;
}

function latest(left: LedgerPace | null, right: LedgerPace | null): LedgerPace | null {
  if (left === null || right === null) return left ?? right;
  const rank = (pace: LedgerPace) => `${pace.asOf}\u0000${JSON.stringify(normalizedPace(pace))}`;
  return rank(right) > rank(left) ? right : left;
}

/** Orders two records of one pull request: the one with its files read first, then by content. */
function pullRank(pull: LedgerPull): string {
  return `${pull.files === null ? 1 : 0}${JSON.stringify(normalizedPull(pull))}`;
}

function entryText(entry: LedgerCommit): string {
  return JSON.stringify([
    entry.repo,
    entry.timestamp,
    entry.week,
    [...entry.weeks].sort(),
    [...entry.projects].sort(),
    entry.minutes,
    [...entry.problems].sort(),
    [...entry.attributed].sort(),
  ]);
}

/** Hours and commits per program week, from the ledger (live and archived commits alike). */
export function weeklyTotals(ledger: Ledger): Map<number, Tally> {
  return ledgerActivity(ledger).weeks;
}

/** Every repository the ledger has recorded commits from or listed: a project's former ones too. */
export function ledgerRepositories(ledger: Ledger): string[] {
  const repos = [
    ...Object.keys(ledger.lastSeen),
    ...Object.values(ledger.commits).map((commit) => commit.repo),
    ...Object.keys(ledger.archive?.repos ?? {}),
  ];
  return [...new Set(repos)].sort();
}

/** How many commits the ledger counts in a repository, listed or folded into the archive. */
export function commitsRecordedIn(ledger: Ledger, repo: string): number {
  const live = Object.values(ledger.commits).filter((commit) => commit.repo === repo).length;
  const archived = Object.values(ledger.archive?.repos[repo]?.weeks ?? {}).reduce(
    (sum, week) => sum + week.commits,
    0,
  );
  return live + archived;
}
