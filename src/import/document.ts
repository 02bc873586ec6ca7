/** What the document states of itself: its title and subtitle, and the hours a week it asks for. */
import { isLabel, type Line } from "./lines.js";
import { PHASE_HEADING, WEEK_LINE } from "./shapes.js";
import { info, type RecogniseState } from "./state.js";
import { withoutTrailingParenthetical } from "./text.js";

/** The first heading or text line that is no week, phase or label is the title; a short line after it, the subtitle. */
export function recogniseTitle(state: RecogniseState, line: Line): boolean {
  const { out, lines } = state;
  const text = line.text;
  if (
    out.title !== undefined ||
    (line.kind !== "heading" && line.kind !== "text") ||
    WEEK_LINE.test(text) ||
    PHASE_HEADING.test(text) ||
    isLabel(text)
  )
    return false;
  out.title = withoutTrailingParenthetical(
    text.replace(/\s+[—–-]\s+(?:complete guide|guide|syllabus|curriculum|study plan)$/i, ""),
  );
  out.titleLine = line.n;
  info(state, line.n, `title "${out.title}"`);
  const next = lines.slice(state.index + 1).find((candidate) => candidate.kind !== "blank");
  if (
    next?.kind === "text" &&
    next.text.length <= 150 &&
    !WEEK_LINE.test(next.text) &&
    !isLabel(next.text) &&
    !PHASE_HEADING.test(next.text)
  ) {
    out.subtitle = { text: next.text, line: next.n };
    info(state, next.n, `subtitle "${next.text}"`);
    state.index = lines.indexOf(next);
  }
  return true;
}

/**
 * Weekly hours stated in a sentence: "8–10 hours a week". Only a plain sentence outside any phase
 * or project is used up by it; elsewhere the line is read on for what else it says.
 */
export function recogniseWeeklyHours(state: RecogniseState, line: Line): boolean {
  const { out } = state;
  const text = line.text;
  if (out.weeklyHours || state.track) return false;
  const hours =
    /(\d+(?:\.\d+)?)\s*(?:[-–—]|to)\s*(\d+(?:\.\d+)?)\s*(?:hrs?|hours)\s*(?:\/|per|a|each)\s*week/i.exec(
      text,
    ) ?? /(\d+(?:\.\d+)?)\s*(?:hrs?|hours)\s*(?:\/|per|a|each)\s*week/i.exec(text);
  if (!hours || WEEK_LINE.test(text)) return false;
  const min = Number(hours[1]);
  const max = hours[2] === undefined || !/[-–—]|to/.test(hours[0]) ? min : Number(hours[2]);
  if (min > max) return false;
  out.weeklyHours = { min, max, line: line.n };
  info(state, line.n, `weekly hours ${min}–${max}`);
  return line.kind === "text" && !state.phase && !state.project;
}
