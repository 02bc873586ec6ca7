import type { z } from "zod";

/**
 * Messages for the bounds a schema checks without a message of its own ("must be 0 or more (got
 * -1)" rather than zod's "Too small: expected number to be >=0"). Passed to every parse of an input
 * file: a message a schema gives itself wins over these, and an issue not handled here keeps zod's.
 */
export const readableIssueMessage: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === "too_small") return tooSmall(issue as z.core.$ZodRawIssue<z.core.$ZodIssueTooSmall>);
  if (issue.code === "too_big") return tooBig(issue as z.core.$ZodRawIssue<z.core.$ZodIssueTooBig>);
  if (issue.code === "invalid_format") {
    if (issue.format === "url")
      return `expected a URL such as https://example.com, got ${shown(issue.input)}`;
    if (issue.format === "email") return `expected an email address, got ${shown(issue.input)}`;
  }
  return undefined;
};

function tooSmall(issue: z.core.$ZodRawIssue<z.core.$ZodIssueTooSmall>): string | undefined {
  const minimum = Number(issue.minimum);
  switch (issue.origin) {
    case "number":
    case "int":
      if (issue.inclusive) return `must be ${minimum} or more (got ${shown(issue.input)})`;
      return minimum === 0 && issue.origin === "int"
        ? `must be 1 or more (got ${shown(issue.input)})`
        : `must be more than ${minimum} (got ${shown(issue.input)})`;
    case "string":
      return minimum <= 1
        ? "must not be empty"
        : `must be at least ${minimum} characters long (got ${lengthOf(issue.input)})`;
    case "array":
    case "set": {
      const length = lengthOf(issue.input);
      return `must list at least ${items(minimum)} (got ${length === 0 ? "none" : length})`;
    }
    default:
      return undefined;
  }
}

function tooBig(issue: z.core.$ZodRawIssue<z.core.$ZodIssueTooBig>): string | undefined {
  const maximum = Number(issue.maximum);
  switch (issue.origin) {
    case "number":
    case "int":
      return issue.inclusive
        ? `must be at most ${maximum} (got ${shown(issue.input)})`
        : `must be less than ${maximum} (got ${shown(issue.input)})`;
    case "string":
      return `must be at most ${maximum} characters long (got ${lengthOf(issue.input)})`;
    case "array":
    case "set":
      return `must list at most ${items(maximum)} (got ${lengthOf(issue.input)})`;
    default:
      return undefined;
  }
}

function items(count: number): string {
  return count === 1 ? "1 item" : `${count} items`;
}

function lengthOf(input: unknown): number {
  if (typeof input === "string" || Array.isArray(input)) return input.length;
  return input instanceof Set ? input.size : 0;
}

/** A number as written; anything else as the validation messages quote values. */
function shown(input: unknown): string {
  if (typeof input === "number") return String(input);
  if (typeof input === "string")
    return JSON.stringify(input.length > 60 ? `${input.slice(0, 57)}...` : input);
  return typeof input;
}
