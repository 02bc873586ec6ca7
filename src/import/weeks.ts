/** Weeks: "Week 3: …", "- Weeks 11–13: Build …", "### Week 4", and the lines under a week heading. */
import type { Line } from "./lines.js";
import { headingLike, WEEK_LINE } from "./shapes.js";
import { info, type RecogniseState } from "./state.js";
import { spanOf } from "./text.js";

export function recogniseWeek(state: RecogniseState, line: Line): boolean {
  const text = line.text;
  const weekLine = !state.track ? WEEK_LINE.exec(text) : null;
  // "Week 3 was hard." is a sentence: a week line is an item, a heading, or names it before a colon or dash.
  if (!weekLine || !(line.kind === "item" || headingLike(line) || /[:—–]/.test(text.slice(0, 20))))
    return false;
  const span = spanOf(weekLine);
  if (!span) return false;
  const body = (weekLine[3] ?? "").trim();
  // A week heading ends the project above it, unless that project is an option whose weeks these are.
  if (line.kind === "heading" || line.kind === "text")
    state.project = state.project?.choice ? state.project : undefined;
  const { phase, project } = state;
  state.week = {
    line: line.n,
    weeks: span,
    ...(phase ? { phase: phase.number } : {}),
    ...(project?.choice ? { option: project.name } : {}),
    body: body ? [body] : [],
    items: [],
  };
  state.out.weeks.push(state.week);
  if (line.kind !== "item") state.sub = "schedule";
  info(
    state,
    line.n,
    `week${span.from === span.to ? ` ${span.from}` : `s ${span.from}–${span.to}`}${body ? "" : " (heading)"}`,
  );
  return true;
}

/** Text under a week heading, or the items of a week written as a heading. */
export function placeWeekLine(state: RecogniseState, line: Line): boolean {
  const { week, sub } = state;
  if (
    (week && sub === "schedule" && (line.kind === "item" || line.kind === "text") && !headingLike(line)) ||
    (week && line.kind === "item" && sub === "schedule")
  ) {
    week.items.push(line.text);
    return true;
  }
  return false;
}
