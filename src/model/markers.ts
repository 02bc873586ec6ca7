import { createHash } from "node:crypto";

/**
 * The hidden markers by which syllabot knows its own objects (DESIGN.md, "Idempotent by
 * construction"): read by the planner, the gateway and the renderers alike.
 *
 * A body syllabot manages is: a key marker, then a region between start and end markers. Text the
 * learner writes anywhere outside the region is theirs and is never touched.
 */
export const START_MARKER = "<!-- syllabot:start -->";
export const END_MARKER = "<!-- syllabot:end -->";

const KEY_PATTERN = /<!-- syllabot:key=([a-z0-9][a-z0-9:-]*) -->/;
const TITLE_PATTERN = /<!-- syllabot:title=([0-9a-f]{12}) -->/;

export function keyMarker(key: string): string {
  return `<!-- syllabot:key=${key} -->`;
}

/** The stable key of a managed object, read from its body or description. */
export function keyOf(body: string | null | undefined): string | undefined {
  return body ? KEY_PATTERN.exec(body)?.[1] : undefined;
}

/**
 * A short fingerprint of the title syllabot last set, kept in the region. When the current title
 * still has it, the learner has not renamed the object and syllabot may retitle it.
 */
export function titleMarker(title: string): string {
  return `<!-- syllabot:title=${createHash("sha256").update(title).digest("hex").slice(0, 12)} -->`;
}

export function titleIsOurs(body: string | null | undefined, title: string): boolean {
  const recorded = body ? TITLE_PATTERN.exec(body)?.[0] : undefined;
  return recorded === undefined || recorded === titleMarker(title);
}
