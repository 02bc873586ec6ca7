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

/**
 * At most this many problems are kept and shown: a file with thousands of mistakes gets a short
 * report (fix the first ones, run again), and whoever prints or annotates them does bounded work.
 */
export const MAX_REPORTED_PROBLEMS = 50;

/** A curriculum, config or snapshot that cannot be used; carries its first problems and how many more were found. */
export class InputError extends Error {
  override readonly name = "InputError";
  /** The first problems found, at most MAX_REPORTED_PROBLEMS of them. */
  readonly problems: readonly Problem[];
  /** How many more problems were found than `problems` holds. */
  readonly unreported: number;

  constructor(problems: readonly Problem[], unreported = 0) {
    const kept = problems.slice(0, MAX_REPORTED_PROBLEMS);
    const more = unreported + problems.length - kept.length;
    super(
      [
        `${countOf(kept.length + more)}:`,
        ...kept.map((problem) => `  ${formatProblem(problem)}`),
        ...(more > 0 ? [`  … and ${more === 1 ? "1 more problem" : `${more} more problems`}`] : []),
      ].join("\n"),
    );
    this.problems = kept;
    this.unreported = more;
  }

  /** The problems of several inputs as one error, still bounded. */
  static combine(errors: readonly InputError[]): InputError {
    return new InputError(
      errors.flatMap((error) => error.problems),
      errors.reduce((sum, error) => sum + error.unreported, 0),
    );
  }
}

function countOf(problems: number): string {
  return problems === 1 ? "1 problem" : `${problems} problems`;
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
