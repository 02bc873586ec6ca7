import { type ApplyEvents, applyOperations } from "../github/apply.js";
import type { PortfolioGateway } from "../github/gateway.js";
import { emptyLedger, type Ledger } from "../progress/ledger.js";
import { type LedgerUpdate, ledgerCommit } from "../progress/ledger-commit.js";

/**
 * Update the portfolio's ledger in one commit (see `ledgerCommit`). The ledger as written (or as
 * found, when nothing changed).
 */
export async function writeLedger(
  gateway: PortfolioGateway,
  update: LedgerUpdate,
  options: { replace?: boolean; events?: ApplyEvents } = {},
): Promise<Ledger> {
  let written = emptyLedger();
  const recording: LedgerUpdate = (ledger) => {
    written = update(ledger);
    return written;
  };
  await applyOperations(gateway, [ledgerCommit(recording, options.replace)], {
    ...(options.events ? { events: options.events } : {}),
  });
  return written;
}
