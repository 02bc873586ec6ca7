import { rebuildLedger } from "../engine.js";
import { LEDGER_PATH } from "../progress/ledger.js";
import { count } from "../text/plural.js";
import { terminalSafe } from "../text/terminal.js";
import { type ApplyOptions, connect } from "./apply.js";
import type { Io } from "./io.js";

export type RebuildOptions = Pick<ApplyOptions, "repo" | "config" | "curriculum" | "apiUrl" | "pace">;

/** `syllabot rebuild`: recompute the ledger from the project repositories' histories alone. */
export async function runRebuild(options: RebuildOptions, io: Io): Promise<void> {
  const { context, gateway, gatewayFor } = connect(options, io);
  const result = await rebuildLedger({ gateway, context, gatewayFor });
  io.stdout(
    `Rebuilt ${LEDGER_PATH} in ${options.repo} from GitHub: ${count(result.commits, "commit")} of the learner's in the tracked repositories.\n`,
  );
  for (const repo of result.unreadable) {
    io.stdout(`  not read: ${terminalSafe(repo)} does not exist yet, or the token cannot see it\n`);
  }
}
