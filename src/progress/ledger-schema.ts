import { z } from "zod";

/**
 * The shape of the ledger (`.syllabot/state.json`). Version 2 added the archive (commits folded
 * out of the live window) and leaves out a commit's empty fields; a version-1 file reads as a
 * version-2 one with no archive.
 */
export const LEDGER_VERSION = 2;
/** The versions this syllabot reads; it writes only the newest. */
export const READABLE_LEDGER_VERSIONS: readonly number[] = [1, 2];

const sha = z.string().regex(/^[0-9a-f]{40}$/);
const count = z.number().int().nonnegative();

export const commitEntry = z.strictObject({
  repo: z.string(),
  timestamp: z.string(),
  /** The program week the commit was made in (learner's zone); null before or after the program. */
  week: z.number().int().positive().nullable(),
  /** Weeks and projects it finished; empty lists and zero minutes are left out of the file. */
  weeks: z.array(z.number().int().positive()).default([]),
  projects: z.array(z.string()).default([]),
  minutes: count.default(0),
  /** DSA problems solved (names from `Problem:` trailers). */
  problems: z.array(z.string()).default([]),
  /**
   * In a repository several projects share (or a project's folder): the projects it counts for,
   * by the files it touched and its `Project:` trailer. Left out elsewhere, where every commit is
   * the repository's project's.
   */
  attributed: z.array(z.string()).default([]),
});

/** A commit by its place in time: the order in which the oldest are folded into the archive. */
export const commitKey = z.strictObject({ sha, timestamp: z.string() });

const tally = z.strictObject({ commits: count, minutes: count, problems: count });

/** What the archive keeps of one repository's folded commits: what the report reads, no more. */
export const archivedRepo = z.strictObject({
  /** Its newest folded commit's time (last activity, when no live commit is newer). */
  latest: z.string(),
  /** Commits, minutes and DSA problems per program week as recorded ("none": outside the program). */
  weeks: z.record(z.string().regex(/^(?:[1-9]\d*|none)$/), tally),
  /** The first folded commit that finished each week and project: the evidence and its day. */
  claims: z.strictObject({
    weeks: z.record(z.string().regex(/^[1-9]\d*$/), commitKey),
    projects: z.record(z.string(), commitKey),
  }),
  /** Per project, the folded commits attributed to it (see the commits' `attributed`) and the newest one's time. */
  attributed: z.record(z.string(), z.strictObject({ commits: count, latest: z.string() })).default({}),
});

/**
 * Commits folded out of the live window: every commit at or before `through` (by time, then SHA)
 * is counted here and no longer listed; a commit at or before it that arrives later is not counted
 * again (it was, or it is a straggler older than the window, which `rebuild` counts).
 */
export const archiveEntry = z.strictObject({
  through: commitKey,
  /** By "owner/name". */
  repos: z.record(z.string(), archivedRepo),
});

const fileStat = z.strictObject({
  filename: z.string(),
  additions: z.number().int(),
  deletions: z.number().int(),
});

/** A merged pull request in a target repository, as search found it; its files once read. */
export const pullEntry = z.strictObject({
  title: z.string(),
  url: z.string(),
  mergedAt: z.string(),
  labels: z.array(z.string()),
  files: z.array(fileStat).nullable(),
});

/** The newest commit a listing of a repository returned: the next listing starts near it. */
export const seenEntry = z.strictObject({ sha, timestamp: z.string() });

/** An issue in a target repository the learner opened or commented on, with the instants they did. */
export const engagementEntry = z.strictObject({
  title: z.string(),
  url: z.string(),
  /** GitHub's `updated_at` when its comments were last read: unchanged, they need no re-reading. */
  updatedAt: z.string(),
  dates: z.array(z.string()),
});

/** The pace as the last refresh judged it (derived from the rest; kept for scripts and history). */
export const paceEntry = z.strictObject({
  asOf: z.string(),
  done: count,
  expected: count,
  aheadBy: z.number().int(),
  status: z.enum(["ahead", "on-track", "behind"]),
  plannedFinish: z.string(),
  projectedFinish: z.string().nullable(),
});

export const ledgerSchema = z.strictObject({
  version: z.union([z.literal(1), z.literal(2)]).transform(() => LEDGER_VERSION),
  commits: z.record(sha, commitEntry),
  archive: archiveEntry.nullable().default(null),
  /** By "owner/name#number". */
  pulls: z.record(z.string(), pullEntry).default({}),
  /** By "owner/name". */
  lastSeen: z.record(z.string(), seenEntry).default({}),
  /** By "owner/name#number". */
  engagement: z.record(z.string(), engagementEntry).default({}),
  pace: paceEntry.nullable().default(null),
});

export type Ledger = z.output<typeof ledgerSchema>;
export type LedgerCommit = z.output<typeof commitEntry>;
export type LedgerCommitKey = z.output<typeof commitKey>;
export type LedgerArchive = z.output<typeof archiveEntry>;
export type ArchivedRepo = z.output<typeof archivedRepo>;
export type LedgerPull = z.output<typeof pullEntry>;
export type LedgerSeen = z.output<typeof seenEntry>;
export type LedgerEngagement = z.output<typeof engagementEntry>;
export type LedgerPace = z.output<typeof paceEntry>;

export function emptyLedger(): Ledger {
  return {
    version: LEDGER_VERSION,
    commits: {},
    archive: null,
    pulls: {},
    lastSeen: {},
    engagement: {},
    pace: null,
  };
}

/** The normal forms that equal ledgers share, for the file and for ranking entries in a merge. */
export function normalizedEngagement(entry: LedgerEngagement): LedgerEngagement {
  return {
    title: entry.title,
    url: entry.url,
    updatedAt: entry.updatedAt,
    dates: [...new Set(entry.dates)].sort(),
  };
}

export function normalizedPace(pace: LedgerPace): LedgerPace {
  return {
    asOf: pace.asOf,
    done: pace.done,
    expected: pace.expected,
    aheadBy: pace.aheadBy,
    status: pace.status,
    plannedFinish: pace.plannedFinish,
    projectedFinish: pace.projectedFinish,
  };
}

export function normalizedPull(pull: LedgerPull): LedgerPull {
  return {
    title: pull.title,
    url: pull.url,
    mergedAt: pull.mergedAt,
    labels: [...pull.labels].sort(),
    files:
      pull.files === null
        ? null
        : [...pull.files]
            .sort((a, b) => (a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0))
            .map((file) => ({
              filename: file.filename,
              additions: file.additions,
              deletions: file.deletions,
            })),
  };
}
