/**
 * What the recognisers gather from a plan: drafts of its phases, weeks, projects and tracks, in the
 * words of the document, with the findings by line that the import report shows.
 */
import type { Span } from "./text.js";

export type Severity = "info" | "warning" | "error";

export interface Finding {
  /** 1-based line of the document; 0 for the document as a whole. */
  line: number;
  severity: Severity;
  message: string;
}

export interface StudyDraft {
  title: string;
  detail?: string;
  chapters?: string;
  when?: string;
}

export interface PhaseDraft {
  number: number;
  line: number;
  title?: string;
  longTitle?: string;
  weeks?: Span;
  weeksGuessed?: boolean;
  objective?: string;
  study: StudyDraft[];
  concepts: string[];
  checks: string[];
  notes: string[];
  /** Project names the phase table lists for it. */
  projectNames: string[];
  choiceText?: string;
  /** No phase was stated: this one holds every week. */
  implied?: boolean;
}

export interface WeekDraft {
  line: number;
  weeks: Span;
  phase?: number;
  option?: string;
  /** The week's text as written, before it is divided. */
  body: string[];
  items: string[];
}

export interface ProjectDraft {
  line: number;
  name: string;
  title: string;
  tagline?: string;
  phase?: number;
  weeks?: Span;
  summary?: string;
  description?: string;
  commands: string[];
  checks: string[];
  concepts: string[];
  study: StudyDraft[];
  choice?: string;
  /** How the choice group's name was found, for the draft's comment. */
  choiceFrom?: "phase" | "week";
  /** The weeks of the week entry that offers the choice ("Weeks 7–8: choose one of"), if one did. */
  offeredIn?: Span;
  label?: string;
  notes: string[];
}

export interface StageDraft {
  line: number;
  months: Span;
  title: string;
  phases: number[];
  topics: string[];
  notes: string[];
  target?: { min: number; max: number };
}

export interface BarDraft {
  line: number;
  phase: number;
  title?: string;
  goal?: string;
  minimum?: string;
  guidance: string[];
}

export interface TrackDraft {
  line: number;
  title: string;
  phases: number[];
  summary: string[];
  hours?: { min: number; max: number };
  stages: StageDraft[];
  goal?: string;
  targets: { repo: string; name: string; why: string }[];
  bars: BarDraft[];
  capstoneNotes: { name: string; text: string }[];
}

export interface Recognised {
  title?: string;
  titleLine?: number;
  subtitle?: { text: string; line: number };
  weeklyHours?: { min: number; max: number; line: number };
  phases: PhaseDraft[];
  weeks: WeekDraft[];
  projects: ProjectDraft[];
  tracks: TrackDraft[];
  resources: { name: string; type: string; when: string }[];
  schedule: { days: string; hours: string; notes?: string }[];
  /** How the week divides: the weekday and weekend blocks, with hours and the work done then. */
  split: { label: string; hours: { min: number; max: number }; work: string[]; weekend: boolean }[];
  ai: { allowed: string[]; notAllowed: string[]; heuristic?: string };
  outcomes: string[];
  findings: Finding[];
}
