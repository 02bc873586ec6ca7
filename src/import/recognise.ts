/**
 * The recognisers' driver: a walk over the logical lines that gathers phases, weeks, projects,
 * tracks and resources into drafts, and a finding for every line it used or could not place. Each
 * line is offered to the recognisers in a fixed order; the first that takes it ends its reading.
 */

import { recogniseTitle, recogniseWeeklyHours } from "./document.js";
import type { Recognised } from "./drafts.js";
import { recogniseLabel } from "./labels.js";
import type { Line } from "./lines.js";
import { recognisePhaseHeading } from "./phases.js";
import { placeItem, placeText } from "./place.js";
import { recogniseOption, recogniseProjectHeading } from "./projects.js";
import { headingLike, labelKind, STRUCTURAL } from "./shapes.js";
import { closeSections, info, newState, type RecogniseState, unplaced } from "./state.js";
import { recogniseRow } from "./tables.js";
import { recogniseStage, recogniseTrackHeading } from "./tracks.js";
import { placeWeekLine, recogniseWeek } from "./weeks.js";

export type {
  BarDraft,
  Finding,
  PhaseDraft,
  ProjectDraft,
  Recognised,
  Severity,
  StageDraft,
  StudyDraft,
  TrackDraft,
  WeekDraft,
} from "./drafts.js";

type Recogniser = (state: RecogniseState, line: Line) => boolean;

/** The order matters: a heading's shape is tried before a label's, a label's before loose lines. */
const RECOGNISERS: readonly Recogniser[] = [
  recogniseWeeklyHours,
  recognisePhaseHeading,
  recogniseTrackHeading,
  recogniseOption,
  recogniseProjectHeading,
  recogniseStage,
  recogniseWeek,
  recogniseLabel,
  placeWeekLine,
  placeLoose,
];

export function recognise(lines: readonly Line[], knownNames: ReadonlySet<string>): Recognised {
  const state = newState(lines, knownNames);
  for (state.index = 0; state.index < lines.length; state.index++) {
    const line = readAs(lines[state.index] as Line);
    if (line.kind === "blank") {
      state.table = null;
      continue;
    }
    if (recogniseTitle(state, line)) continue;
    if (line.kind === "row") {
      recogniseRow(state, line);
      continue;
    }
    state.header = [];
    RECOGNISERS.some((recogniser) => recogniser(state, line));
  }
  return state.out;
}

/** A line taken for an item whose bullet was lost may be a heading after a list: read it as text. */
function readAs(given: Line): Line {
  return given.lost &&
    (STRUCTURAL.some((pattern) => pattern.test(given.text)) ||
      (headingLike({ ...given, kind: "text" }) && labelKind(given.text) !== undefined))
    ? { ...given, kind: "text" as const }
    : given;
}

/** A line no heading or label claimed: an item or a text line is placed, a heading ends sections. */
function placeLoose(state: RecogniseState, line: Line): boolean {
  if (line.kind === "item" || line.kind === "text") {
    const placed = line.kind === "item" ? placeItem(state, line) : placeText(state, line);
    if (!placed) unplaced(state, line);
    return true;
  }
  // A heading that names nothing we know: it ends the sections it would otherwise extend.
  if (line.kind === "heading") {
    closeSections(state);
    if (/\bresources\b/i.test(line.text)) state.sub = "resources";
    info(state, line.n, `heading "${line.text}" (not a known section)`);
  }
  return true;
}
