import { END_MARKER, keyMarker, keyOf, START_MARKER } from "../model/markers.js";
import { markerLine } from "../text/marker-line.js";

const CHECKBOX = /^(\s*[-*+] \[)([ xX])(\] )(.*)$/;

/** A whole managed body: key marker, then the region holding `content`. */
export function managedBody(key: string, content: string): string {
  return `${keyMarker(key)}\n${START_MARKER}\n${content.trim()}\n${END_MARKER}\n`;
}

/** GitHub returns bodies edited on the web with CRLF; line endings are never a change. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

interface Region {
  before: string;
  content: string;
  after: string;
}

function splitRegion(body: string): Region | undefined {
  const start = markerLine(body, START_MARKER);
  if (start === -1) return undefined;
  const end = markerLine(body, END_MARKER, start + START_MARKER.length);
  if (end === -1) return undefined;
  return {
    before: body.slice(0, start),
    content: body.slice(start + START_MARKER.length, end),
    after: body.slice(end + END_MARKER.length),
  };
}

/** The text of every checklist item the learner ticked. */
function tickedItems(content: string): Set<string> {
  const ticked = new Set<string>();
  for (const line of content.split("\n")) {
    const match = CHECKBOX.exec(line);
    if (match && match[2] !== " ") ticked.add((match[4] ?? "").trim());
  }
  return ticked;
}

function carryTicks(content: string, ticked: ReadonlySet<string>): string {
  if (ticked.size === 0) return content;
  return content
    .split("\n")
    .map((line) => {
      const match = CHECKBOX.exec(line);
      return match && ticked.has((match[4] ?? "").trim()) ? `${match[1]}x${match[3]}${match[4]}` : line;
    })
    .join("\n");
}

/**
 * The body that results from rewriting `actual`'s region with `desired`'s, keeping the learner's
 * text outside the markers and the boxes they ticked. Newlines come back normalized to LF.
 */
export function mergeManagedBody(actual: string | null | undefined, desired: string): string {
  const desiredRegion = splitRegion(desired);
  if (!desiredRegion) throw new Error("desired body has no managed region");
  const current = normalizeNewlines(actual ?? "");
  const region = splitRegion(current);
  if (!region) {
    // The learner removed the markers: put the region back after their text, which stays as is.
    const key = keyOf(desired);
    const keyLine = key && !keyOf(current) ? `${keyMarker(key)}\n` : "";
    const separator = current === "" || current.endsWith("\n") ? "" : "\n";
    return `${current}${separator}${keyLine}${START_MARKER}${desiredRegion.content}${END_MARKER}\n`;
  }
  const content = carryTicks(desiredRegion.content, tickedItems(region.content));
  return `${region.before}${START_MARKER}${content}${END_MARKER}${region.after}`;
}

const RETIRED_MARKER = "<!-- syllabot:retired -->";
const RETIRED_BLOCK = /^\n<!-- syllabot:retired -->\n(?:>.*\n)*/;

/** Whether a managed body carries the note that its object left the plan. */
export function isRetired(body: string | null | undefined): boolean {
  const region = splitRegion(normalizeNewlines(body ?? ""));
  return region !== undefined && RETIRED_BLOCK.test(region.content);
}

/**
 * The body with `note` (why the object left the plan) at the top of its region, in place of an
 * earlier one; the rest of the region, ticks included, and the learner's text stay as they are.
 */
export function withRetiredNote(body: string | null | undefined, note: string): string {
  const block = `${RETIRED_MARKER}\n> [!WARNING]\n> ${note}\n`;
  const current = normalizeNewlines(body ?? "");
  const region = splitRegion(current);
  if (!region) {
    const separator = current === "" || current.endsWith("\n") ? "" : "\n";
    return `${current}${separator}${START_MARKER}\n${block}${END_MARKER}\n`;
  }
  const rest = region.content.replace(RETIRED_BLOCK, "\n");
  const content = `\n${block}${rest.startsWith("\n") ? rest.slice(1) : rest}`;
  return `${region.before}${START_MARKER}${content}${END_MARKER}${region.after}`;
}
