import { createInterface } from "node:readline/promises";
import type { Ask } from "./init.js";

/**
 * Questions on the terminal, one line each (plain prompts: they work in any terminal, screen reader
 * and pseudo-terminal), or undefined when stdin or stdout is not a terminal: then flags and
 * defaults decide, and nothing waits for an answer that cannot come.
 */
export async function withTerminalAsk<T>(use: (ask: Ask | undefined) => Promise<T>): Promise<T> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return use(undefined);
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  // Ctrl-D closes the interface without answering: the pending question then never settles, so
  // each question races this one promise (one listener, however many questions).
  const ended = new Promise<undefined>((resolve) => terminal.once("close", () => resolve(undefined)));
  // Ctrl-C cancels as Ctrl-D does: before anything is written.
  terminal.on("SIGINT", () => terminal.close());
  let closed = false;
  void ended.then(() => {
    closed = true;
  });
  const ask: Ask = async (question) =>
    closed ? undefined : Promise.race([terminal.question(question), ended]);
  try {
    return await use(ask);
  } finally {
    terminal.close();
  }
}
