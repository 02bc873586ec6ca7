import { terminalSafe } from "./text/terminal.js";

/** One thing wrong with an input, located as precisely as the input allows. */
export interface Problem {
  file: string;
  line?: number;
  column?: number;
  /** Dot path of the offending field, e.g. `weeks[3].phase`; empty for the whole file. */
  path: string;
  message: string;
}

/** A problem on one line, without the control characters the input it quotes may hold. */
export function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.line, problem.column].filter((part) => part !== undefined).join(":");
  const field = problem.path ? `${problem.path}: ` : "";
  return terminalSafe(`${where}: ${field}${problem.message}`);
}

/** A curriculum, config or snapshot that cannot be used; carries every problem found, not just the first. */
export class InputError extends Error {
  override readonly name = "InputError";
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    super(`${count}:\n${problems.map((problem) => `  ${formatProblem(problem)}`).join("\n")}`);
    this.problems = problems;
  }
}

/** The command line itself is wrong (unknown flag, bad option value). */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else if (typeof part === "string" && /^[A-Za-z_][\w-]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}
