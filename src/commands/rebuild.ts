import { LEDGER_PATH } from "../config/paths.js";
import { count } from "../text/plural.js";
import { terminalSafe } from "../text/terminal.js";
import { rebuildLedger } from "../use-cases/index.js";
import { type ApplyOptions, connect } from "./apply.js";
import type { Io } from "./io.js";

export type RebuildOptions = Pick<
  ApplyOptions,
  "repo" | "config" | "curriculum" | "apiUrl" | "serverUrl" | "pace"
>;

/**
 * `syllabot rebuild`: recompute the ledger from the histories of the repositories the config names
 * and of those the replaced ledger recorded, saying plainly what could not be read.
 */
export async function runRebuild(options: RebuildOptions, io: Io): Promise<void> {
  const { context, gateway, gatewayFor } = connect(options, io);
  const result = await rebuildLedger({ gateway, context, gatewayFor });
  io.stdout(
    `Rebuilt ${LEDGER_PATH} in ${options.repo} from GitHub: ${count(result.commits, "commit")} of the learner's in the tracked repositories.\n`,
  );
  for (const repo of result.unreadable) {
    io.stdout(`  not read: ${terminalSafe(repo)} does not exist yet, or the token cannot see it\n`);
  }
  for (const { repo, recorded, read } of result.former) {
    const name = `${terminalSafe(repo)}, no longer in the config`;
    const commits = count(recorded, "commit");
    io.stdout(
      read
        ? `  also read: ${name}, as the ledger had recorded commits there\n`
        : `  not read: ${name}: the ${commits} the ledger had recorded there are not in the rebuilt one (the repository is gone, or the token cannot see it)\n`,
    );
  }
  if (result.previousUnreadable !== undefined) {
    io.stdout(
      `  The previous ledger could not be read (${terminalSafe(result.previousUnreadable)}): commits in repositories the config no longer names are not in the rebuilt one.\n`,
    );
  }
}
