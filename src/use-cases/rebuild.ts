import { LEDGER_PATH } from "../config/paths.js";
import { claimsOf, evidenceVerdict } from "../progress/evidence.js";
import {
  emptyLedger,
  type LedgerCommit,
  ledgerEntry,
  recordCommits,
  recordSeen,
} from "../progress/ledger.js";
import { type FormerRepository, formerRepositories, readPreviousLedger } from "../progress/ledger-history.js";
import { trackedRepositories } from "../progress/portfolios.js";
import { projectHistory } from "./history.js";
import { writeLedger } from "./ledger-write.js";
import type { HistoryInput } from "./reads.js";

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
  await writeLedger(input.gateway, () => recordSeen(recordCommits(emptyLedger(), entries), seen), {
    replace: true,
  });
  const formerNames = new Set(former.map((entry) => entry.repo));
  return {
    commits: Object.keys(entries).length,
    unreadable: unreadable.filter((repo) => !formerNames.has(repo)),
    former: former.map((entry) => ({ ...entry, read: !unreadable.includes(entry.repo) })),
    ...(previous.problem === undefined ? {} : { previousUnreadable: previous.problem }),
  };
}
