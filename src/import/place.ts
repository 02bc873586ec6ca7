/**
 * Where an item or a text line goes when no heading or label claimed it: the open section, week,
 * stage, bar, project, track or phase, tried in this order; the first that takes it keeps it.
 */
import type { Line } from "./lines.js";
import {
  placePhaseChoice,
  placePhaseNote,
  placePhaseSpecificationPointer,
  placePhaseStudyText,
  placePhaseText,
} from "./phases.js";
import {
  placeCommandExample,
  placeDoneWhenItem,
  placeProjectSpecificationPointer,
  placeProjectSummary,
} from "./projects.js";
import { placeSectionItem, placeTimeBlock } from "./sections.js";
import type { RecogniseState } from "./state.js";
import { placeBarItem, placeBarText, placeStageItem, placeTrackSummary } from "./tracks.js";

type Placer = (state: RecogniseState, line: Line) => boolean;

const TEXT_PLACERS: readonly Placer[] = [
  placeProjectSummary,
  placeCommandExample,
  placeProjectSpecificationPointer,
  placePhaseSpecificationPointer,
  placeBarText,
  placeTrackSummary,
  placePhaseText,
  placePhaseChoice,
  placePhaseStudyText,
  placePhaseNote,
];

export function placeItem(state: RecogniseState, line: Line): boolean {
  if (placeStageItem(state, line)) return true;
  if (state.sub === "split" && placeTimeBlock(state, line)) return true;
  const inSection = placeSectionItem(state, line);
  if (inSection !== undefined) return inSection;
  // Outside a section, an item is a bar's guidance, a project's check, or else read as text: a
  // bullet may be all that tells it from a paragraph.
  return placeBarItem(state, line) || placeDoneWhenItem(state, line) || placeText(state, line);
}

export function placeText(state: RecogniseState, line: Line): boolean {
  return TEXT_PLACERS.some((place) => place(state, line));
}
