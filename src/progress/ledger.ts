import { z } from "zod";
import { localDate, Temporal, weekOn } from "../calendar.js";
import type { PlanContext } from "../plan/context.js";
import type { CommitClaims } from "./commit-grammar.js";
import type { CommitEvidence } from "./evidence.js";

/**
 * The ledger (`.syllabot/state.json` in the portfolio): what syllabot learned from commits, kept so
 * that the progress report needs no re-reading of every repository. It is a cache of GitHub:
 * losing it loses nothing, `rebuild` recomputes it, and it is a pure union keyed by commit SHA,
 * so deliveries in any order, any number of times, give byte-identical files.
 */
export const LEDGER_PATH = ".syllabot/state.json";
export const LEDGER_VERSION = 1;

const sha = z.string().regex(/^[0-9a-f]{40}$/);

const commitEntry = z.strictObject({
  repo: z.string(),
  timestamp: z.string(),
  /** The program week the commit was made in (learner's zone); null before or after the program. */
  week: z.number().int().positive().nullable(),
  /** Weeks and projects it finished. */
  weeks: z.array(z.number().int().positive()),
  projects: z.array(z.string()),
  minutes: z.number().int().nonnegative(),
  /** DSA problems solved (names from `Problem:` trailers). */
  problems: z.array(z.string()),
});

const fileStat = z.strictObject({
  filename: z.string(),
  additions: z.number().int(),
  deletions: z.number().int(),
});

/** A merged pull request in a target repository, as search found it; its files once read. */
const pullEntry = z.strictObject({
  title: z.string(),
  url: z.string(),
  mergedAt: z.string(),
  labels: z.array(z.string()),
  files: z.array(fileStat).nullable(),
});

/** The newest commit a listing of a repository returned: the next listing starts near it. */
const seenEntry = z.strictObject({ sha, timestamp: z.string() });

/** An issue in a target repository the learner opened or commented on, with the instants they did. */
const engagementEntry = z.strictObject({
  title: z.string(),
  url: z.string(),
  /** GitHub's `updated_at` when its comments were last read: unchanged, they need no re-reading. */
  updatedAt: z.string(),
  dates: z.array(z.string()),
});

/** The pace as the last refresh judged it (derived from the rest; kept for scripts and history). */
const paceEntry = z.strictObject({
  asOf: z.string(),
  done: z.number().int().nonnegative(),
  expected: z.number().int().nonnegative(),
  aheadBy: z.number().int(),
  status: z.enum(["ahead", "on-track", "behind"]),
  plannedFinish: z.string(),
  projectedFinish: z.string().nullable(),
});

export const ledgerSchema = z.strictObject({
  version: z.literal(LEDGER_VERSION),
  commits: z.record(sha, commitEntry),
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
export type LedgerPull = z.output<typeof pullEntry>;
export type LedgerSeen = z.output<typeof seenEntry>;
export type LedgerEngagement = z.output<typeof engagementEntry>;
export type LedgerPace = z.output<typeof paceEntry>;

export function emptyLedger(): Ledger {
  return { version: LEDGER_VERSION, commits: {}, pulls: {}, lastSeen: {}, engagement: {}, pace: null };
}

/** A learner's commit as the ledger keeps it. */
export function ledgerEntry(
  commit: CommitEvidence,
  claims: CommitClaims,
  context: PlanContext,
): LedgerCommit {
  const day = localDate(Temporal.Instant.from(commit.timestamp), context.calendar.timeZone);
  const position = weekOn(context.calendar, day);
  return {
    repo: commit.repo,
    timestamp: Temporal.Instant.from(commit.timestamp).toString(),
    week: position.kind === "during" ? position.week : null,
    weeks: [...claims.weeks],
    projects: [...claims.projects],
    minutes: claims.minutes,
    problems: [...claims.problems],
  };
}

/** The ledger with these entries added: a union by SHA. */
export function recordCommits(ledger: Ledger, entries: Readonly<Record<string, LedgerCommit>>): Ledger {
  return mergeLedgers(ledger, { ...emptyLedger(), commits: { ...entries } });
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
  const commits: Record<string, LedgerCommit> = { ...left.commits };
  for (const [key, entry] of Object.entries(right.commits)) {
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

function normalizedEngagement(entry: LedgerEngagement): LedgerEngagement {
  return {
    title: entry.title,
    url: entry.url,
    updatedAt: entry.updatedAt,
    dates: [...new Set(entry.dates)].sort(),
  };
}

function normalizedPace(pace: LedgerPace): LedgerPace {
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

/** Orders two records of one pull request: the one with its files read first, then by content. */
function pullRank(pull: LedgerPull): string {
  return `${pull.files === null ? 1 : 0}${JSON.stringify(normalizedPull(pull))}`;
}

function normalizedPull(pull: LedgerPull): LedgerPull {
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

function entryText(entry: LedgerCommit): string {
  return JSON.stringify([
    entry.repo,
    entry.timestamp,
    entry.week,
    [...entry.weeks].sort(),
    [...entry.projects].sort(),
    entry.minutes,
    [...entry.problems].sort(),
  ]);
}

/** A stored ledger, or undefined when it is unreadable or of another version: a cache, rebuilt then. */
export function parseLedger(text: string): Ledger | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
  const result = ledgerSchema.safeParse(data);
  return result.success ? result.data : undefined;
}

/** Deterministic text: keys sorted, so equal ledgers are equal bytes. */
export function serializeLedger(ledger: Ledger): string {
  const commits = Object.fromEntries(
    Object.keys(ledger.commits)
      .sort()
      .map((key) => {
        const entry = ledger.commits[key] as LedgerCommit;
        return [
          key,
          {
            repo: entry.repo,
            timestamp: entry.timestamp,
            week: entry.week,
            weeks: [...entry.weeks].sort((a, b) => a - b),
            projects: [...entry.projects].sort(),
            minutes: entry.minutes,
            problems: [...entry.problems].sort(),
          },
        ];
      }),
  );
  const pulls = Object.fromEntries(
    Object.keys(ledger.pulls)
      .sort()
      .map((key) => [key, normalizedPull(ledger.pulls[key] as LedgerPull)]),
  );
  const lastSeen = Object.fromEntries(
    Object.keys(ledger.lastSeen)
      .sort()
      .map((key) => {
        const entry = ledger.lastSeen[key] as LedgerSeen;
        return [key, { sha: entry.sha, timestamp: entry.timestamp }];
      }),
  );
  const engagement = Object.fromEntries(
    Object.keys(ledger.engagement)
      .sort()
      .map((key) => [key, normalizedEngagement(ledger.engagement[key] as LedgerEngagement)]),
  );
  const pace = ledger.pace === null ? null : normalizedPace(ledger.pace);
  return `${JSON.stringify({ version: ledger.version, commits, pulls, lastSeen, engagement, pace }, null, 2)}\n`;
}

/** Hours and commits per program week, from the ledger. */
export function weeklyTotals(
  ledger: Ledger,
): Map<number, { commits: number; minutes: number; problems: number }> {
  const totals = new Map<number, { commits: number; minutes: number; problems: number }>();
  for (const entry of Object.values(ledger.commits)) {
    if (entry.week === null) continue;
    const total = totals.get(entry.week) ?? { commits: 0, minutes: 0, problems: 0 };
    total.commits += 1;
    total.minutes += entry.minutes;
    total.problems += entry.problems.length;
    totals.set(entry.week, total);
  }
  return totals;
}
