import type { ArchivedRepo, Ledger, LedgerArchive, LedgerCommit, LedgerCommitKey } from "./ledger-schema.js";

/**
 * The ledger's archive: commits older than the live window, folded into per-repository tallies
 * behind a watermark (`through`), so that the file stays small however many commits it counts.
 */

/** Orders commits by time, then SHA: a total order, the same on every machine. */
export function compareCommitKeys(left: LedgerCommitKey, right: LedgerCommitKey): number {
  const byTime = Date.parse(left.timestamp) - Date.parse(right.timestamp);
  if (byTime !== 0) return byTime;
  return left.sha < right.sha ? -1 : left.sha > right.sha ? 1 : 0;
}

/** Whether the archive already counts a commit with this key (or would have, had it come in time). */
export function isArchived(archive: LedgerArchive | null, key: LedgerCommitKey): boolean {
  return archive !== null && compareCommitKeys(key, archive.through) <= 0;
}

/**
 * Of two archives, the one that folded further (then the smaller text): a choice that depends on
 * the archives alone, so merging ledgers stays commutative, associative and idempotent.
 */
export function laterArchive(left: LedgerArchive | null, right: LedgerArchive | null): LedgerArchive | null {
  if (left === null || right === null) return left ?? right;
  const order = compareCommitKeys(left.through, right.through);
  if (order !== 0) return order > 0 ? left : right;
  return archiveText(right) < archiveText(left) ? right : left;
}

/** The archive with these commits folded in; they are all newer than its watermark. */
export function foldCommits(
  archive: LedgerArchive | null,
  commits: readonly (readonly [string, LedgerCommit])[],
): LedgerArchive | null {
  if (commits.length === 0) return archive;
  const repos: Record<string, ArchivedRepo> = structuredClone(archive?.repos ?? {});
  let through = archive?.through;
  for (const [sha, entry] of commits) {
    const key = { sha, timestamp: entry.timestamp };
    if (through === undefined || compareCommitKeys(key, through) > 0) through = key;
    const repo = repos[entry.repo] ?? {
      latest: entry.timestamp,
      weeks: {},
      claims: { weeks: {}, projects: {} },
      attributed: {},
    };
    repos[entry.repo] = repo;
    if (Date.parse(entry.timestamp) > Date.parse(repo.latest)) repo.latest = entry.timestamp;
    const week = entry.week === null ? "none" : String(entry.week);
    const tally = repo.weeks[week] ?? { commits: 0, minutes: 0, problems: 0 };
    repo.weeks[week] = tally;
    tally.commits += 1;
    tally.minutes += entry.minutes;
    tally.problems += entry.problems.length;
    for (const claimed of entry.weeks) earliest(repo.claims.weeks, String(claimed), key);
    for (const project of entry.projects) earliest(repo.claims.projects, project, key);
    for (const project of entry.attributed) {
      const known = repo.attributed[project];
      repo.attributed[project] = {
        commits: (known?.commits ?? 0) + 1,
        latest:
          known && Date.parse(known.latest) >= Date.parse(entry.timestamp) ? known.latest : entry.timestamp,
      };
    }
  }
  return through === undefined ? archive : { through, repos };
}

function earliest(claims: Record<string, LedgerCommitKey>, name: string, key: LedgerCommitKey): void {
  const known = claims[name];
  if (known === undefined || compareCommitKeys(key, known) < 0) claims[name] = key;
}

/** The archive with its keys in order, for the file and for comparing two archives. */
export function normalizedArchive(archive: LedgerArchive): LedgerArchive {
  const sortedKeys = <T>(record: Readonly<Record<string, T>>, map: (value: T) => T): Record<string, T> =>
    Object.fromEntries(
      Object.keys(record)
        .sort(byNumberThenText)
        .map((key) => [key, map(record[key] as T)]),
    );
  const key = (entry: LedgerCommitKey) => ({ sha: entry.sha, timestamp: entry.timestamp });
  return {
    through: key(archive.through),
    repos: sortedKeys(
      archive.repos,
      (repo) =>
        ({
          latest: repo.latest,
          weeks: sortedKeys(repo.weeks, (tally) => ({
            commits: tally.commits,
            minutes: tally.minutes,
            problems: tally.problems,
          })),
          claims: {
            weeks: sortedKeys(repo.claims.weeks, key),
            projects: sortedKeys(repo.claims.projects, key),
          },
          // Left out when empty, as in the files written before projects could share a repository.
          ...(Object.keys(repo.attributed).length > 0
            ? {
                attributed: sortedKeys(repo.attributed, (tally) => ({
                  commits: tally.commits,
                  latest: tally.latest,
                })),
              }
            : {}),
          // The file's form: a reader defaults a missing `attributed` to {}.
        }) as ArchivedRepo,
    ),
  };
}

function archiveText(archive: LedgerArchive): string {
  return JSON.stringify(normalizedArchive(archive));
}

/** Week numbers in numeric order, then names ("none", slugs, repositories) in text order. */
function byNumberThenText(left: string, right: string): number {
  const [a, b] = [Number(left), Number(right)];
  if (Number.isInteger(a) && Number.isInteger(b)) return a - b;
  if (Number.isInteger(a) !== Number.isInteger(b)) return Number.isInteger(a) ? -1 : 1;
  return left < right ? -1 : left > right ? 1 : 0;
}

export interface Tally {
  commits: number;
  minutes: number;
  problems: number;
}

export interface RepoActivity {
  commits: number;
  /** The newest commit's time. */
  latest: string;
  /** Projects some commit here finished. */
  projects: Set<string>;
}

/** What the progress report reads of the ledger's commits, live and archived alike. */
export interface LedgerActivity {
  /** Per program week as recorded. */
  weeks: Map<number, Tally>;
  /** Per week some commit finished: the earliest such commit's time. */
  claimedWeeks: Map<number, string>;
  /** Per repository, as recorded ("owner/name"). */
  repos: Map<string, RepoActivity>;
  /** Per project, the commits attributed to it in repositories whose commits are told apart by files. */
  attributed: Map<string, { commits: number; latest: string }>;
}

export function ledgerActivity(ledger: Ledger): LedgerActivity {
  const activity: LedgerActivity = {
    weeks: new Map(),
    claimedWeeks: new Map(),
    repos: new Map(),
    attributed: new Map(),
  };
  const attribute = (project: string, commits: number, latest: string) => {
    const known = activity.attributed.get(project);
    activity.attributed.set(project, {
      commits: (known?.commits ?? 0) + commits,
      latest: known && Date.parse(known.latest) >= Date.parse(latest) ? known.latest : latest,
    });
  };
  const addTally = (week: number, tally: Tally) => {
    const total = activity.weeks.get(week) ?? { commits: 0, minutes: 0, problems: 0 };
    activity.weeks.set(week, {
      commits: total.commits + tally.commits,
      minutes: total.minutes + tally.minutes,
      problems: total.problems + tally.problems,
    });
  };
  const claimWeek = (week: number, timestamp: string) => {
    const known = activity.claimedWeeks.get(week);
    if (known === undefined || Date.parse(timestamp) < Date.parse(known))
      activity.claimedWeeks.set(week, timestamp);
  };
  const repoActivity = (repo: string, commits: number, latest: string, projects: Iterable<string>) => {
    const known = activity.repos.get(repo) ?? { commits: 0, latest, projects: new Set<string>() };
    known.commits += commits;
    if (Date.parse(latest) > Date.parse(known.latest)) known.latest = latest;
    for (const project of projects) known.projects.add(project);
    activity.repos.set(repo, known);
  };
  for (const entry of Object.values(ledger.commits)) {
    if (entry.week !== null)
      addTally(entry.week, { commits: 1, minutes: entry.minutes, problems: entry.problems.length });
    for (const week of entry.weeks) claimWeek(week, entry.timestamp);
    repoActivity(entry.repo, 1, entry.timestamp, entry.projects);
    for (const project of entry.attributed) attribute(project, 1, entry.timestamp);
  }
  for (const [repo, archived] of Object.entries(ledger.archive?.repos ?? {})) {
    let commits = 0;
    for (const [week, tally] of Object.entries(archived.weeks)) {
      commits += tally.commits;
      if (week !== "none") addTally(Number(week), tally);
    }
    for (const [week, claim] of Object.entries(archived.claims.weeks))
      claimWeek(Number(week), claim.timestamp);
    repoActivity(repo, commits, archived.latest, Object.keys(archived.claims.projects));
    for (const [project, tally] of Object.entries(archived.attributed))
      attribute(project, tally.commits, tally.latest);
  }
  return activity;
}
