import { Temporal } from "temporal-polyfill";

/** GitHub keeps a milestone's due date as a date in this zone, whatever instant it was sent. */
const DUE_ON_ZONE = "America/Los_Angeles";

/** The US Pacific date GitHub stores for a sent `due_on`, or undefined when it is not a timestamp. */
export function dueDateOf(dueOn: string): string | undefined {
  try {
    return Temporal.Instant.from(dueOn).toZonedDateTimeISO(DUE_ON_ZONE).toPlainDate().toString();
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** The `due_on` GitHub returns for a stored date: midnight US Pacific, in UTC (`T07:00:00Z` or `T08:00:00Z`). */
export function dueOnOf(dueDate: string): string {
  return Temporal.PlainDate.from(dueDate).toZonedDateTime({ timeZone: DUE_ON_ZONE }).toInstant().toString();
}

/** Six hex digits, no `#`; GitHub keeps the case it was sent. */
export function isLabelColor(color: string): boolean {
  return /^[0-9a-fA-F]{6}$/.test(color);
}

/** The color of a label GitHub creates on the fly when an issue names a label that does not exist. */
export const IMPLICIT_LABEL_COLOR = "ededed";

/** A textarea on github.com submits CRLF line endings, and GitHub stores them as sent. */
export function asSubmittedFromWeb(text: string): string {
  return text.replace(/\r?\n/g, "\r\n");
}

/** GitHub's timestamps: UTC, whole seconds. */
export function timestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/**
 * A timestamp parameter (`since`, `until`, git dates) as epoch milliseconds, or undefined when malformed.
 * A bare date means its midnight UTC, as GitHub reads it.
 */
export function parseTimestamp(text: string): number | undefined {
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
  try {
    return Temporal.Instant.from(instant).epochMilliseconds;
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/**
 * The labels GitHub gives every new repository (an account or organization may change its own
 * defaults; these are github.com's), listed with `default: true`.
 */
export const DEFAULT_LABELS: readonly { name: string; color: string; description: string }[] = [
  { name: "bug", color: "d73a4a", description: "Something isn't working" },
  { name: "documentation", color: "0075ca", description: "Improvements or additions to documentation" },
  { name: "duplicate", color: "cfd3d7", description: "This issue or pull request already exists" },
  { name: "enhancement", color: "a2eeef", description: "New feature or request" },
  { name: "good first issue", color: "7057ff", description: "Good for newcomers" },
  { name: "help wanted", color: "008672", description: "Extra attention is needed" },
  { name: "invalid", color: "e4e669", description: "This doesn't seem right" },
  { name: "question", color: "d876e3", description: "Further information is requested" },
  { name: "wontfix", color: "ffffff", description: "This will not be worked on" },
];
