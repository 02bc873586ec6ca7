import pc from "picocolors";
import type { AppliedOperation } from "../github/apply.js";
import { OPERATION_SYMBOLS } from "../plan/format.js";
import { terminalSafe } from "../text/terminal.js";
import type { Io } from "./io.js";

const BAR_WIDTH = 24;

/**
 * One line per applied operation, and on a terminal a bar that redraws in place under them
 * (stderr, so that stdout stays a clean log).
 */
export function progressReporter(io: Io) {
  const isTerminal = io.color;
  let barShown = false;
  const clearBar = () => {
    if (barShown) io.stderr("\r\x1b[2K");
    barShown = false;
  };
  return {
    applied(applied: AppliedOperation, index: number, total: number) {
      const { operation } = applied;
      const counter = `[${String(index + 1).padStart(String(total).length)}/${total}]`;
      const number = applied.number === undefined ? "" : ` #${applied.number}`;
      clearBar();
      io.stdout(
        `${counter} ${OPERATION_SYMBOLS[operation.op]} ${operation.kind} ${terminalSafe(operation.key)}${number}  ${terminalSafe(operation.title)}\n`,
      );
      if (isTerminal && index + 1 < total) {
        const filled = Math.round(((index + 1) / total) * BAR_WIDTH);
        io.stderr(
          `${pc.green("█".repeat(filled))}${pc.dim("░".repeat(BAR_WIDTH - filled))} ${index + 1}/${total}`,
        );
        barShown = true;
      }
    },
    done() {
      clearBar();
    },
  };
}
