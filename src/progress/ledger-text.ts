import { LEDGER_PATH } from "../config/paths.js";
import { formatPath, InputError } from "../errors.js";
import { normalizedArchive } from "./ledger-archive.js";
import {
  emptyLedger,
  type Ledger,
  type LedgerCommit,
  type LedgerSeen,
  ledgerSchema,
  normalizedEngagement,
  normalizedPace,
  normalizedPull,
  READABLE_LEDGER_VERSIONS,
} from "./ledger-schema.js";

/** What syllabot does about a ledger it cannot read, and what the learner can, said after why. */
const REFUSAL =
  "syllabot will not write over it, nor refresh the README from it: repair it, or replace it with `syllabot rebuild`";

/** A stored ledger, or undefined when it is unreadable or of another version. */
export function parseLedger(text: string): Ledger | undefined {
  try {
    return readLedger(text);
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
}

/**
 * The ledger a file holds: empty when there is none (or it holds nothing but spaces). A file that
 * is not a ledger this syllabot can read (not JSON, a field out of shape, a newer version) is an
 * InputError naming what is wrong: the ledger is a cache, but writing over a file syllabot cannot
 * read would destroy what a newer syllabot (or the learner) put there.
 */
export function readLedger(text: string | undefined, file = LEDGER_PATH): Ledger {
  if (text === undefined || text.trim() === "") return emptyLedger();
  const refuse = (path: string, why: string): never => {
    throw new InputError([{ file, path, message: `${why}; ${REFUSAL}` }]);
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return refuse("", `not a syllabot ledger: not valid JSON (${error.message})`);
  }
  const version = (data as { version?: unknown } | null)?.version;
  if (typeof version === "number" && version > Math.max(...READABLE_LEDGER_VERSIONS)) {
    return refuse(
      "version",
      `written by a newer syllabot (ledger version ${version}; this one reads versions ${READABLE_LEDGER_VERSIONS.join(" and ")}): upgrade syllabot`,
    );
  }
  const result = ledgerSchema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  return refuse(formatPath(issue?.path ?? []), `not a syllabot ledger: ${issue?.message ?? "invalid"}`);
}

/**
 * Deterministic text: keys sorted, so equal ledgers are equal bytes. Each commit takes one line,
 * without its empty fields, to keep the file small.
 */
export function serializeLedger(ledger: Ledger): string {
  const commits = Object.keys(ledger.commits)
    .sort()
    .map(
      (key) =>
        `    ${JSON.stringify(key)}: ${JSON.stringify(compactCommit(ledger.commits[key] as LedgerCommit))}`,
    );
  const sorted = <T, U>(record: Readonly<Record<string, T>>, map: (value: T) => U) =>
    Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, map(record[key] as T)]),
    );
  const sections: [string, unknown][] = [
    ["archive", ledger.archive === null ? null : normalizedArchive(ledger.archive)],
    ["pulls", sorted(ledger.pulls, normalizedPull)],
    [
      "lastSeen",
      sorted(ledger.lastSeen, (entry: LedgerSeen) => ({ sha: entry.sha, timestamp: entry.timestamp })),
    ],
    ["engagement", sorted(ledger.engagement, normalizedEngagement)],
    ["pace", ledger.pace === null ? null : normalizedPace(ledger.pace)],
  ];
  const lines = [
    `  "version": ${JSON.stringify(ledger.version)}`,
    `  "commits": ${commits.length === 0 ? "{}" : `{\n${commits.join(",\n")}\n  }`}`,
    ...sections.map(
      ([name, value]) =>
        `  ${JSON.stringify(name)}: ${JSON.stringify(value, null, 2).replace(/\n/g, "\n  ")}`,
    ),
  ];
  return `{\n${lines.join(",\n")}\n}\n`;
}

/** A commit as the file holds it: claims in order, empty ones left out. */
function compactCommit(entry: LedgerCommit): Record<string, unknown> {
  return {
    repo: entry.repo,
    timestamp: entry.timestamp,
    week: entry.week,
    ...(entry.weeks.length > 0 ? { weeks: [...entry.weeks].sort((a, b) => a - b) } : {}),
    ...(entry.projects.length > 0 ? { projects: [...entry.projects].sort() } : {}),
    ...(entry.minutes > 0 ? { minutes: entry.minutes } : {}),
    ...(entry.problems.length > 0 ? { problems: [...entry.problems].sort() } : {}),
    ...(entry.attributed.length > 0 ? { attributed: [...entry.attributed].sort() } : {}),
  };
}
