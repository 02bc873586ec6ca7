/**
 * Phases: their headings ("Phase 2 — Title (Weeks 7–16)"), and the loose text under one, which
 * becomes the phase's notes or the sentence that asks the learner to choose.
 */
import type { PhaseDraft } from "./drafts.js";
import type { Line } from "./lines.js";
import { headingLike, PHASE_HEADING, SPECIFICATION_POINTER } from "./shapes.js";
import { closeSections, info, type RecogniseState, warn } from "./state.js";
import { spanOf, WEEK_RANGE } from "./text.js";
import { openBar } from "./tracks.js";

export const CHOICE = /\b(?:choose|pick|select)\s+(?:one|1|a single)\b|\bone of the (?:following|options)\b/i;
export function emptyPhase(number: number, line: number): PhaseDraft {
  return { number, line, study: [], concepts: [], checks: [], notes: [], projectNames: [] };
}

export function phaseByNumber(state: RecogniseState, number: number): PhaseDraft | undefined {
  return state.out.phases.find((candidate) => candidate.number === number);
}

/** A phase heading; inside a track, the same heading opens the track's bar for that phase. */
export function recognisePhaseHeading(state: RecogniseState, line: Line): boolean {
  const text = line.text;
  const phaseHeading = line.kind !== "item" && headingLike(line) ? PHASE_HEADING.exec(text) : null;
  // "Phase 1 of …", "Phase 2 ends …": a sentence about a phase, not its heading.
  if (!phaseHeading || /^\s*(?:of|is|was|and|will|ends?)\b/i.test(phaseHeading[2] ?? "")) return false;
  const number = Number(phaseHeading[1]);
  const weeks = spanOf(WEEK_RANGE.exec(text));
  const rest = (phaseHeading[2] ?? "")
    .replace(/\(\s*(?:weeks?|wks?)\s+[^)]*\)/i, "")
    .replace(new RegExp(WEEK_RANGE.source, "i"), "")
    .replace(/^[\s:.)—–-]+|[\s:.(—–-]+$/g, "")
    .trim();
  if (state.track) {
    openBar(state, state.track, line, number, rest);
    return true;
  }
  closeSections(state);
  state.choiceGroup = undefined;
  state.choiceOffer = undefined;
  const existing = phaseByNumber(state, number);
  const phase = existing ?? emptyPhase(number, line.n);
  state.phase = phase;
  if (!existing) state.out.phases.push(phase);
  phase.line = line.n;
  if (rest) {
    phase.longTitle = rest;
    phase.title ??= rest;
  }
  if (weeks) {
    if (phase.weeks && (phase.weeks.from !== weeks.from || phase.weeks.to !== weeks.to))
      warn(
        state,
        line.n,
        `phase ${number}: weeks ${weeks.from}–${weeks.to} here, ${phase.weeks.from}–${phase.weeks.to} in the table; the heading's are kept`,
      );
    phase.weeks = weeks;
  }
  info(
    state,
    line.n,
    `phase ${number}${rest ? ` "${rest}"` : ""}${weeks ? `, weeks ${weeks.from}–${weeks.to}` : ", no weeks stated"}`,
  );
  return true;
}

/** "See the full specification …" under a phase: a note pointing elsewhere. */
export function placePhaseSpecificationPointer(state: RecogniseState, line: Line): boolean {
  if (!SPECIFICATION_POINTER.test(line.text) || !state.phase) return false;
  state.phase.notes.push(line.text);
  return true;
}

/** Text right under a phase heading, before any section: the phase's notes, or its choice sentence. */
export function placePhaseText(state: RecogniseState, line: Line): boolean {
  const { phase } = state;
  if (!phase || state.project || state.week || state.sub !== null || phase.objective || phase.choiceText)
    return false;
  if (CHOICE.test(line.text)) phase.choiceText = line.text;
  else phase.notes.push(line.text);
  info(state, line.n, `text of phase ${phase.number}`);
  return true;
}

/** "Choose one of the following": the sentence that makes the phase's projects a choice. */
export function placePhaseChoice(state: RecogniseState, line: Line): boolean {
  if (!state.phase || state.project || state.sub !== null || !CHOICE.test(line.text)) return false;
  state.phase.choiceText = line.text;
  return true;
}

/** A long sentence among a phase's study material is advice about it, not a book. */
export function placePhaseStudyText(state: RecogniseState, line: Line): boolean {
  if (!state.phase || state.project || state.sub !== "study" || line.text.length <= 60) return false;
  state.phase.notes.push(line.text);
  return true;
}

export function placePhaseNote(state: RecogniseState, line: Line): boolean {
  if (!/^note\b/i.test(line.text) || !state.phase) return false;
  state.phase.notes.push(line.text);
  return true;
}
