/**
 * Tracks that run beside the phases (practice, open source): their headings, their stages by
 * months, their bars per phase, and the text that summarises or guides them.
 */
import type { TrackDraft } from "./drafts.js";
import { isLabel, type Line } from "./lines.js";
import { headingLike, MONTH_HEADING } from "./shapes.js";
import { closeSections, info, type RecogniseState } from "./state.js";
import { numberRange, PHASE_RANGE, spanOf, withoutTrailingParenthetical } from "./text.js";

const NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/** "Parallel Track: DSA Practice (Months 1–12)", "## OSS track". */
export function recogniseTrackHeading(state: RecogniseState, line: Line): boolean {
  const text = line.text;
  if (
    line.kind === "item" ||
    !headingLike(line) ||
    !/\btrack\b/i.test(text) ||
    isLabel(text.replace(/^[^:]*track:/i, ""))
  )
    return false;
  closeSections(state);
  state.phase = undefined;
  const title = withoutTrailingParenthetical(
    text.replace(/^.*?\btrack\s*[:—–-]\s*/i, "").replace(/\s+track$/i, ""),
  );
  state.track = {
    line: line.n,
    title,
    phases: phaseNumbers(text),
    summary: [],
    stages: [],
    targets: [],
    bars: [],
    capstoneNotes: [],
  };
  state.out.tracks.push(state.track);
  info(state, line.n, `track "${title}"`);
  return true;
}

/** A stage of a track by months: "Months 1–3: Foundations (Phase 1 of …)". */
export function recogniseStage(state: RecogniseState, line: Line): boolean {
  const { track } = state;
  const months = track && line.kind !== "item" ? MONTH_HEADING.exec(line.text) : null;
  const span = months && track ? spanOf(months) : undefined;
  if (!months || !track || !span) return false;
  closeSections(state);
  const title =
    withoutTrailingParenthetical(months[3] ?? "").replace(/[:.]$/, "") || `Months ${span.from}–${span.to}`;
  state.stage = {
    line: line.n,
    months: span,
    title,
    phases: phaseNumbers(months[3] ?? ""),
    topics: [],
    notes: [],
  };
  track.stages.push(state.stage);
  state.sub = "topics";
  info(state, line.n, `stage "${title}", months ${span.from}–${span.to}`);
  return true;
}

/** A phase heading inside a track: the track's bar for that phase, met again or new. */
export function openBar(
  state: RecogniseState,
  track: TrackDraft,
  line: Line,
  phase: number,
  title: string,
): void {
  closeSections(state);
  let bar = track.bars.find((candidate) => candidate.phase === phase);
  if (!bar) {
    bar = { line: line.n, phase, guidance: [] };
    track.bars.push(bar);
  }
  state.bar = bar;
  if (title) bar.title = title;
  info(state, line.n, `bar of phase ${phase}${title ? ` "${title}"` : ""}`);
}

/** An item under a stage: its weekly target, its topics (the first items), or a note. */
export function placeStageItem(state: RecogniseState, line: Line): boolean {
  const { stage } = state;
  if (!stage || (state.sub !== "topics" && state.sub !== null)) return false;
  const text = line.text;
  const target = /^(?:target|pace)\s*:\s*(.*)$/i.exec(text);
  const range = target ? numberRange(target[1] ?? "") : undefined;
  if (target && range) {
    stage.target = range;
    const reason = /\((.+)\)\s*$/.exec(target[1] ?? "")?.[1];
    if (reason) stage.notes.push(`${range.min}–${range.max} problems per week: ${reason}`);
    info(state, line.n, `stage target ${range.min}–${range.max} a week`);
    return true;
  }
  if (
    stage.topics.length === 0 ||
    (/[,:]/.test(text) && !/^(?:do|focus|start|all)\b/i.test(text) && stage.topics.length < 2)
  ) {
    stage.topics.push(...topicsOf(text));
    info(state, line.n, "stage topics");
  } else {
    stage.notes.push(text);
    info(state, line.n, "stage note");
  }
  return true;
}

/** Text under a bar: guidance, or a note meant for one option of a choice ("If your X is …"). */
export function placeBarText(state: RecogniseState, line: Line): boolean {
  const { bar, track } = state;
  if (!bar) return false;
  const text = line.text;
  for (const name of state.knownNames) {
    if (new RegExp(`\\bif your \\w+ is \`?${name}\`?\\b`, "i").test(text) && track) {
      track.capstoneNotes.push({ name, text });
      info(state, line.n, `note for option "${name}"`);
      return true;
    }
  }
  bar.guidance.push(text);
  return true;
}

/** Text right under a track's heading summarises it, and may state its hours a week. */
export function placeTrackSummary(state: RecogniseState, line: Line): boolean {
  const { track } = state;
  if (!track || state.stage || track.bars.length > 0 || track.targets.length > 0 || state.sub !== null)
    return false;
  const text = line.text;
  track.summary.push(text);
  const spelled = text.replace(/\b(one|two|three|four|five|six|seven|eight|nine|ten)\b/gi, (word) =>
    String(NUMBER_WORDS.indexOf(word.toLowerCase()) + 1),
  );
  const hours =
    /(\d+)\s*(?:[-–—]|to)\s*(\d+)\s*hours?\s*(?:per|a|each)\s*week/i.exec(spelled) ??
    /(\d+)()\s*hours?\s*(?:per|a|each)\s*week/i.exec(spelled);
  if (hours && !track.hours) track.hours = { min: Number(hours[1]), max: Number(hours[2] || hours[1]) };
  return true;
}

/** "2, 3", "4–5", "3, 4, and 5" → the phase numbers they name. */
function phaseNumbers(text: string): number[] {
  const numbers: number[] = [];
  const range = spanOf(PHASE_RANGE.exec(text));
  if (range) for (let n = range.from; n <= range.to && n - range.from < 100; n++) numbers.push(n);
  const list = /\bphases?\s+((?:\d+\s*(?:,|and|&|\s)\s*)+\d+)/i.exec(text);
  if (list?.[1] && !/[-–—]/.test(list[1]))
    for (const n of list[1].match(/\d+/g) ?? []) if (!numbers.includes(Number(n))) numbers.push(Number(n));
  return numbers;
}

/** "Arrays: two pointers, sliding window" → the topics, the first one keeping its head. */
function topicsOf(text: string): string[] {
  const [head, rest] = /^([^:]{1,40}):\s*(.+)$/.exec(text)?.slice(1) ?? [undefined, text];
  const parts = (rest ?? text)
    .split(/,\s+(?![^()]*\))/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (head && parts[0]) parts[0] = `${head}: ${parts[0]}`;
  return parts;
}

/** An item under a bar, outside any section: guidance on meeting it. */
export function placeBarItem(state: RecogniseState, line: Line): boolean {
  if (!state.bar) return false;
  state.bar.guidance.push(line.text);
  return true;
}
