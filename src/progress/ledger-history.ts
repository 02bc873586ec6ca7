import { InputError } from "../errors.js";
import { commitsRecordedIn, emptyLedger, type Ledger, ledgerRepositories, readLedger } from "./ledger.js";

/**
 * What a rebuild learns from the ledger it replaces: the repositories it recorded, which the config
 * may no longer name (a project moved to another repository). `problem` says why it could not be read.
 */
export interface PreviousLedger {
  ledger: Ledger;
  problem?: string;
}

export function readPreviousLedger(text: string | undefined): PreviousLedger {
  try {
    return { ledger: readLedger(text) };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const why = error.problems.map((problem) => problem.message.split("; ")[0]).join("; ");
    return { ledger: emptyLedger(), problem: why || error.message };
  }
}

/** A repository the previous ledger recorded that the config no longer names, and what it held there. */
export interface FormerRepository {
  repo: string;
  /** Commits the previous ledger counted there. */
  recorded: number;
}

export function formerRepositories(previous: Ledger, tracked: readonly string[]): FormerRepository[] {
  const named = new Set(tracked.map((repo) => repo.toLowerCase()));
  return ledgerRepositories(previous)
    .filter((repo) => !named.has(repo.toLowerCase()))
    .map((repo) => ({ repo, recorded: commitsRecordedIn(previous, repo) }));
}
