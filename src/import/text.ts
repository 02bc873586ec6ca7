/** Small text helpers of the importer: ranges, sentences, slugs. */

export interface Span {
  from: number;
  to: number;
}

const DASH = "(?:\\s*[-–—‒]\\s*|\\s+(?:to|through|thru)\\s+)";
const RANGE_SOURCE = `(\\d{1,4})(?:${DASH}(\\d{1,4}))?`;
/** "Weeks 3–5", "weeks 3 to 5", "Week 4", "Wk 2-3". */
export const WEEK_RANGE = new RegExp(`\\b(?:weeks?|wks?\\.?)\\s+${RANGE_SOURCE}\\+?`, "i");
export const MONTH_RANGE = new RegExp(`\\bmonths?\\s+${RANGE_SOURCE}`, "i");
export const PHASE_RANGE = new RegExp(`\\b(?:phases?)\\s+${RANGE_SOURCE}`, "i");

/** A range from a match of the patterns above: null when it does not ascend. */
export function spanOf(match: RegExpExecArray | null): Span | null {
  if (!match) return null;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  return from >= 1 && to >= from ? { from, to } : null;
}

export function showSpan(span: Span): string {
  return span.from === span.to ? String(span.from) : `${span.from}-${span.to}`;
}

export function spanValue(span: Span): number | string {
  return span.from === span.to ? span.from : `${span.from}-${span.to}`;
}

/** Sentences of a paragraph; abbreviations ("vs.", "e.g.") and decimals do not end one. */
export function sentences(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  const boundary = /([.!?])\s+(?=[\p{Lu}\d`“"(])/gu;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const before = text.slice(start, match.index + 1);
    if (/\b(?:vs|e\.g|i\.e|etc|cf|approx|incl|no|ch|p)\.$/i.test(before)) continue;
    parts.push(before.trim());
    start = match.index + match[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) parts.push(rest);
  return parts.filter((part) => part !== "");
}

export function stripPeriod(text: string): string {
  return text.replace(/\s*[.;:,]+$/, "").trim();
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A trailing "(…)" removed: "Build the server (no frameworks)" → "Build the server". */
export function withoutTrailingParenthetical(text: string): string {
  const stripped = text.replace(/\s*\([^()]*\)\s*$/, "").trim();
  return stripped === "" ? text : stripped;
}

export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/`/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const safe = /^[a-z0-9]/.test(slug) ? slug : `x${slug}`;
  return cutAtWord(safe, SLUG_MAX);
}

/** The longest id the schema takes (GitHub's longest login, so an id can name an account). */
const SLUG_MAX = 39;

/** A slug cut to `max` at a hyphen, so that no word is cut in half; mid-word only when one word is most of it. */
function cutAtWord(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const head = slug.slice(0, max + 1);
  const hyphen = head.lastIndexOf("-");
  return (hyphen >= max / 2 ? head.slice(0, hyphen) : head.slice(0, max)).replace(/-+$/g, "");
}

/** Cut to `max` characters at a word boundary, with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:—–-]+$/, "")}…`;
}

/** " — ", " – ", " - " as a separator of a name and what it is. */
export const SEPARATOR = /\s*[—–]\s*|\s+-\s+|:\s+/;

/** "2–3 problems", "~8-10 hrs": the first range of numbers in a text. */
export function numberRange(text: string): { min: number; max: number } | null {
  const match = /(\d+(?:\.\d+)?)(?:\s*(?:[-–—]|to)\s*(\d+(?:\.\d+)?))?/.exec(text);
  if (!match) return null;
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : Number(match[2]);
  return min <= max ? { min, max } : null;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
