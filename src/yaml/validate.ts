import type { z } from "zod";
import { formatPath, InputError, MAX_REPORTED_PROBLEMS, type Problem } from "../errors.js";
import { readableIssueMessage } from "./messages.js";
import type { YamlSource } from "./source.js";

/** A finding of a cross-field rule: where (a path into the data) and what. */
export interface RuleIssue {
  path: readonly PropertyKey[];
  message: string;
  /** Point at the key rather than the value (unknown keys, duplicate names). */
  atKey?: boolean;
}

/** Validate a parsed source against a schema; its first problems, located, and a count of the rest. */
export function validateSource<Schema extends z.ZodType>(
  schema: Schema,
  source: YamlSource,
): z.output<Schema> {
  const result = checkSource(schema, source);
  if ("data" in result) return result.data;
  throw new InputError(result.problems, result.unreported);
}

/**
 * The data, or its first MAX_REPORTED_PROBLEMS problems, located, and how many more there are:
 * for callers that go on looking for more problems. Only the problems shown are located.
 */
export function checkSource<Schema extends z.ZodType>(
  schema: Schema,
  source: YamlSource,
): { data: z.output<Schema> } | { problems: Problem[]; unreported: number } {
  const result = schema.safeParse(source.data, { reportInput: true, error: readableIssueMessage });
  if (result.success) return { data: result.data };
  const context: Context = { source, knownKeys: (path) => knownKeysAt(schema, path) };
  const problems: Problem[] = [];
  let unreported = 0;
  for (const issue of result.error.issues) {
    for (const found of issuesOf(issue, context)) {
      if (problems.length < MAX_REPORTED_PROBLEMS) problems.push(located(source, found));
      else unreported++;
    }
  }
  return { problems, unreported };
}

interface Context {
  source: YamlSource;
  knownKeys(path: readonly PropertyKey[]): string[];
}

/** The keys an object schema accepts at `path`, found by walking the schema the way the data was walked. */
function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  const unwrap = () => {
    for (let guard = 0; guard < 10; guard++) {
      const def = (current as { def?: { type?: string; innerType?: unknown; in?: unknown } }).def;
      if (
        def?.type === "optional" ||
        def?.type === "default" ||
        def?.type === "nullable" ||
        def?.type === "prefault"
      )
        current = def.innerType;
      else if (def?.type === "pipe") current = def.in;
      else return;
    }
  };
  for (const segment of path) {
    unwrap();
    const def = (
      current as {
        def?: { type?: string; shape?: Record<string, unknown>; element?: unknown; valueType?: unknown };
      }
    ).def;
    if (def?.type === "object" && def.shape) current = def.shape[String(segment)];
    else if (def?.type === "array") current = def.element;
    else if (def?.type === "record") current = def.valueType;
    else return [];
  }
  unwrap();
  const shape = (current as { def?: { type?: string; shape?: Record<string, unknown> } }).def;
  return shape?.type === "object" && shape.shape ? Object.keys(shape.shape) : [];
}

export function locatedProblems(source: YamlSource, issues: readonly RuleIssue[]): Problem[] {
  return issues.map((issue) => located(source, issue));
}

function located(source: YamlSource, issue: RuleIssue): Problem {
  const { path, message, atKey = false } = issue;
  return { file: source.file, ...source.locate(path, { key: atKey }), path: formatPath(path), message };
}

/**
 * The findings a schema issue stands for, one by one: a mapping's unknown keys each, a union's
 * most telling branch. Each message is made only when the finding is reached.
 */
function* issuesOf(issue: z.core.$ZodIssue, context: Context): Generator<RuleIssue> {
  const path = issue.path as PropertyKey[];
  switch (issue.code) {
    case "unrecognized_keys":
      for (const key of issue.keys)
        yield { path: [...path, key], message: unknownKeyMessage(key, context.knownKeys(path)), atKey: true };
      return;
    case "invalid_type":
      yield {
        path,
        message: issue.input === undefined ? `is required (${article(issue.expected)})` : typeMessage(issue),
      };
      return;
    case "invalid_key":
      // A mapping's key the schema refuses: what the key should be, said at the key.
      for (const inner of issue.issues) yield { path, message: inner.message, atKey: true };
      return;
    case "invalid_value":
      yield {
        path,
        message: `expected ${issue.values.map((value) => JSON.stringify(value)).join(" | ")}, got ${describe(issue.input)}`,
      };
      return;
    case "invalid_union": {
      // A union's branches each fail; the deepest branch's issues say the most.
      const deepest = issue.errors
        .filter((errors) => errors.length > 0)
        .sort((a, b) => depth(b) - depth(a))[0];
      if (deepest && depth(deepest) > 0) {
        for (const inner of deepest) yield* issuesOf({ ...inner, path: [...path, ...inner.path] }, context);
        return;
      }
      // Every branch failed at the value itself: a missing value is said to be missing, and a union
      // without a message of its own says what its branches expect.
      if (issue.input === undefined) yield { path, message: "is required" };
      else yield { path, message: issue.message === ZOD_UNION_DEFAULT ? unionMessage(issue) : issue.message };
      return;
    }
    default:
      yield { path, message: issue.message };
  }
}

/** What zod says of a union that fails without a message of its own. */
const ZOD_UNION_DEFAULT = "Invalid input";

/** "expected a string or a mapping, got number 5": each branch's expectation, from its first issue. */
function unionMessage(issue: z.core.$ZodIssueInvalidUnion): string {
  const expected = issue.errors.flatMap(([first]) => {
    if (first?.code === "invalid_type") return [article(first.expected)];
    if (first?.code === "invalid_value") return first.values.map((value) => JSON.stringify(value));
    return [];
  });
  const unique = [...new Set(expected)];
  if (unique.length === 0) return issue.message;
  return `expected ${unique.join(" or ")}, got ${describe(issue.input)}`;
}

function depth(issues: readonly z.core.$ZodIssue[]): number {
  return issues.reduce((deepest, issue) => Math.max(deepest, issue.path.length), 0);
}

function typeMessage(issue: z.core.$ZodIssueInvalidType): string {
  return `expected ${article(issue.expected)}, got ${describe(issue.input)}`;
}

function article(expected: string): string {
  const names: Record<string, string> = {
    object: "a mapping",
    array: "a list",
    string: "a string",
    number: "a number",
    int: "an integer",
    boolean: "true or false",
    record: "a mapping",
  };
  return names[expected] ?? expected;
}

export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string")
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return `${typeof value} ${String(value)}`;
}

function unknownKeyMessage(key: string, known: readonly string[]): string {
  const suggestion = closest(key, known);
  return suggestion ? `unknown key "${key}" (did you mean "${suggestion}"?)` : `unknown key "${key}"`;
}

/** The known name within edit distance 2 of `word`, for "did you mean" hints. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
