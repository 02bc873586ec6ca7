/**
 * The state the recognisers share while they walk a plan's lines: what was gathered so far, and
 * which blocks are open at the current line. It is one object passed to every recogniser, so each
 * one's signature shows that it reads and moves this state.
 */
import type {
  BarDraft,
  PhaseDraft,
  ProjectDraft,
  Recognised,
  StageDraft,
  TrackDraft,
  WeekDraft,
} from "./drafts.js";
import type { Line } from "./lines.js";
import type { Span } from "./text.js";

/** The section a label opened: where the items that follow it go. */
export type Sub =
  | "schedule"
  | "study"
  | "concepts"
  | "projects"
  | "checks"
  | "done"
  | "notes"
  | "commands"
  | "targets"
  | "bars"
  | "resources"
  | "outcomes"
  | "budget"
  | "topics"
  | "split"
  | null;

/** What the table being read lists, as its header row tells. */
export type Table = "phases" | "study" | "targets" | "bars" | "resources" | "budget" | "ai" | null;

export interface RecogniseState {
  readonly lines: readonly Line[];
  /** Code names the document defines: they mark where a project's name starts in a glued item. */
  readonly knownNames: ReadonlySet<string>;
  readonly out: Recognised;
  /** The line being read; a recogniser that also takes the line after it moves this on. */
  index: number;
  phase: PhaseDraft | undefined;
  project: ProjectDraft | undefined;
  week: WeekDraft | undefined;
  track: TrackDraft | undefined;
  /** A track's stage by months ("Months 1–3: …"). */
  stage: StageDraft | undefined;
  /** A track's bar for one phase: a phase heading read inside a track. */
  bar: BarDraft | undefined;
  sub: Sub;
  table: Table;
  /** The header row of the table being read; any line that is not a row empties it. */
  header: string[];
  /** The choice group the options read so far belong to; a phase heading ends it. */
  choiceGroup: string | undefined;
  /** The week entry that offered that choice, if one did, and whether the group is named after it. */
  choiceOffer: { weeks: Span; named: boolean } | undefined;
}

export function newState(lines: readonly Line[], knownNames: ReadonlySet<string>): RecogniseState {
  return {
    lines,
    knownNames,
    out: {
      phases: [],
      weeks: [],
      projects: [],
      tracks: [],
      resources: [],
      schedule: [],
      split: [],
      ai: { allowed: [], notAllowed: [] },
      outcomes: [],
      findings: [],
    },
    index: 0,
    phase: undefined,
    project: undefined,
    week: undefined,
    track: undefined,
    stage: undefined,
    bar: undefined,
    sub: null,
    table: null,
    header: [],
    choiceGroup: undefined,
    choiceOffer: undefined,
  };
}

export function info(state: RecogniseState, line: number, message: string): void {
  state.out.findings.push({ line, severity: "info", message });
}

export function warn(state: RecogniseState, line: number, message: string): void {
  state.out.findings.push({ line, severity: "warning", message });
}

export function unplaced(state: RecogniseState, line: Line): void {
  warn(state, line.n, `not placed: ${line.text.length > 70 ? `${line.text.slice(0, 69)}…` : line.text}`);
}

/** A new block starts: whatever a project, week, stage, bar, section or table collected ends here. */
export function closeSections(state: RecogniseState): void {
  state.project = undefined;
  state.week = undefined;
  state.stage = undefined;
  state.bar = undefined;
  state.sub = null;
  state.table = null;
}
