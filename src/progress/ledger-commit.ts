import { LEDGER_PATH } from "../config/paths.js";
import type { CommitFilesOperation } from "../model/operations.js";
import { ownCommitMessage } from "./evidence.js";
import { emptyLedger, type Ledger, readLedger, serializeLedger } from "./ledger.js";

/** A change to the ledger: pure, merged into whatever the branch holds when it is written. */
export type LedgerUpdate = (ledger: Ledger) => Ledger;

/**
 * The ledger's own commit: merged with what is there, never overwritten (one that cannot be read
 * stops the write), unless `replace` (rebuild) says to start afresh.
 */
export function ledgerCommit(update: LedgerUpdate, replace = false): CommitFilesOperation {
  return {
    op: "commit-files",
    kind: "file",
    key: LEDGER_PATH,
    title: replace ? "rebuild the ledger" : "record progress in the ledger",
    fields: { message: ownCommitMessage("syllabot: record progress", "ledger"), read: [LEDGER_PATH] },
    render: (current) => ({
      [LEDGER_PATH]: serializeLedger(update(replace ? emptyLedger() : readLedger(current.get(LEDGER_PATH)))),
    }),
  };
}
