/**
 * Labels: "Objective: …", "Study Material:", a heading "Concepts". A label with a value fills its
 * block at once; one without opens the section its items go to.
 */
import type { Line } from "./lines.js";
import { questionsOf, studyOf } from "./sections.js";
import { headingLike, type LabelKind, labelKind } from "./shapes.js";
import { info, type RecogniseState, type Sub, unplaced } from "./state.js";
import { capitalize, numberRange, stripPeriod } from "./text.js";

type SectionLabel = Exclude<Sub, null>;

export function recogniseLabel(state: RecogniseState, line: Line): boolean {
  const text = line.text;
  const labelled = /^([^:]{2,50}):\s*(.*)$/.exec(text);
  const label =
    labelled && line.kind !== "item"
      ? labelKind(labelled[1] ?? "")
      : line.kind === "heading" || headingLike(line)
        ? labelKind(text)
        : undefined;
  if (label === undefined) return false;
  // A heading "Goal: …" is a title, not a value.
  const value = labelled && line.kind !== "heading" ? (labelled[2] ?? "").trim() : "";
  const written = labelled?.[1];
  state.week = undefined;
  state.table = null;
  if (label === "objective" || label === "goal") readGoal(state, line, label, value);
  else if (label === "summary") readSummary(state, line, value);
  else if (label === "heuristic") readHeuristic(state, line, value);
  else if (label === "target") readStageTarget(state, line, value);
  else openSection(state, line, label, written, value);
  return true;
}

/** An objective or goal: of the bar, the track, or the phase, whichever block is open. */
function readGoal(state: RecogniseState, line: Line, label: LabelKind, value: string): void {
  const { bar, track, phase, project } = state;
  if (bar) bar.goal = value || bar.goal;
  else if (track && label === "goal") {
    state.sub = null;
    state.stage = undefined;
    if (value) track.goal = value;
    else {
      // "Goal:" alone on its line: the goal is the line below.
      const next = state.lines[state.index + 1];
      if (next && next.kind === "text") {
        track.goal = next.text;
        state.index++;
      }
    }
  } else if (phase && !project) {
    phase.objective = value || phase.objective;
  } else if (!value) {
    state.sub = null;
  } else {
    unplaced(state, line);
    return;
  }
  info(state, line.n, `${label}${value ? `: ${value.slice(0, 50)}` : ""}`);
}

function readSummary(state: RecogniseState, line: Line, value: string): void {
  if (state.project && value) state.project.summary = value;
  else if (!value) state.sub = null;
  else unplaced(state, line);
}

function readHeuristic(state: RecogniseState, line: Line, value: string): void {
  if (value) {
    state.out.ai.heuristic = capitalize(value);
    info(state, line.n, "rule of thumb");
  } else unplaced(state, line);
}

/** "Target: 5–8 problems a week (…)" under a track's stage. */
function readStageTarget(state: RecogniseState, line: Line, value: string): void {
  const range = numberRange(value);
  if (state.stage && range) {
    state.stage.target = range;
    if (/\(.+\)/.test(value))
      state.stage.notes.push(`${range.min}–${range.max} problems per week: ${/\((.+)\)/.exec(value)?.[1]}`);
    info(state, line.n, `stage target ${range.min}–${range.max} a week`);
  } else unplaced(state, line);
}

/** A section's label: the items after it go to the section; a value after the colon fills it now. */
function openSection(
  state: RecogniseState,
  line: Line,
  label: SectionLabel,
  written: string | undefined,
  value: string,
): void {
  state.sub = label;
  // "End-of-phase check" under a project's heading is the phase's, not the project's.
  if (label === "checks" && !state.project?.choice && /\bphase\b/i.test(written ?? line.text))
    state.project = undefined;
  if (value && fillSection(state, line, label, written, value)) return;
  closeForSection(state, line, label);
  info(
    state,
    line.n,
    `section "${stripPeriod(written ?? line.text)}"${value ? `: ${value.slice(0, 40)}` : ""}`,
  );
  if (value) unplaced(state, line);
}

/** "Concepts: a, b, c" and the like: the list after the colon goes to the project, else the phase. */
function fillSection(
  state: RecogniseState,
  line: Line,
  label: SectionLabel,
  written: string | undefined,
  value: string,
): boolean {
  const { project, phase } = state;
  if (label === "checks") {
    const questions = questionsOf(value);
    if (project) project.checks.push(...questions);
    else if (phase) phase.checks.push(...questions);
    info(state, line.n, `${questions.length} check question(s)`);
    return true;
  }
  if (label === "study") {
    const items = listOf(value)
      .map((item) => stripPeriod(item))
      .filter(Boolean);
    for (const item of items) (project ? project.study : phase?.study)?.push(studyOf(item));
    info(state, line.n, `${items.length} study item(s)`);
    return true;
  }
  if (label === "concepts") {
    const items = listOf(value)
      .map((item) => capitalize(stripPeriod(item)))
      .filter(Boolean);
    (project ? project.concepts : phase?.concepts)?.push(...items);
    info(state, line.n, `${items.length} concept(s)`);
    return true;
  }
  if (label === "notes") {
    (project ? project.notes : phase?.notes)?.push(`**${written}:** ${value}`);
    info(state, line.n, "note");
    return true;
  }
  if (label === "done" && project) {
    project.checks.push(...value.split(/;\s+/).map((item) => stripPeriod(item)));
    return true;
  }
  return false;
}

/** The blocks a section ends: a document-wide section ends the phase, track and project above it. */
function closeForSection(state: RecogniseState, line: Line, label: SectionLabel): void {
  if (label === "projects" || label === "schedule") {
    if (line.kind === "heading") state.project = undefined;
  }
  if (label === "resources" || label === "outcomes" || label === "budget") {
    if (line.kind === "heading" || !state.phase) {
      state.phase = undefined;
      state.track = undefined;
      state.project = undefined;
    }
  }
  if (label === "bars" || label === "targets") {
    state.stage = undefined;
    state.bar = undefined;
  }
}

/** Commas separate the items of a list, except inside parentheses. */
function listOf(value: string): string[] {
  return value.split(/,\s+(?![^()]*\))/);
}
