/**
 * The shapes of the lines the recognisers look for: headings of phases, options, projects, weeks
 * and months, and the labels that open a section ("Objective:", "Study Material", …).
 */
import type { Line } from "./lines.js";
import type { Sub } from "./state.js";
import { stripPeriod } from "./text.js";

export type LabelKind = Exclude<Sub, null> | "objective" | "summary" | "target" | "goal" | "heuristic";

const LABELS: readonly (readonly [RegExp, LabelKind])[] = [
  [/^(?:weekly\s+)?(?:schedule|plan|weekly plan|timeline|week by week|weeks)$/i, "schedule"],
  [/^(?:study\s+materials?|readings?|materials?|study|books?|reading list|sources)$/i, "study"],
  [
    /^(?:concepts?\b.*|key\b.*\bconcepts|topics|key ideas|you will learn|what you(?:'|’)ll learn|skills)$/i,
    "concepts",
  ],
  [/^(?:projects?|what to build|deliverables)$/i, "projects"],
  [
    /^(?:end[- ]of[- ]\w+\s+checks?|checks?|check questions|self[- ]check|self[- ]assessment|review questions|checkpoint|questions)$/i,
    "checks",
  ],
  [/^(?:done when|acceptance(?:\s+criteria)?|definition of done|done)$/i, "done"],
  [/^(?:notes?|tips?)$/i, "notes"],
  [/^(?:commands?|usage|examples?|example usage)$/i, "commands"],
  [/^(?:(?:recommended\s+)?target\s+(?:projects|repositories|repos)(?:\s*\(.*\))?|targets)$/i, "targets"],
  [/^(?:minimum\s+bars?|bars|milestones? bars?)$/i, "bars"],
  [/^(?:resources|references|further reading)$/i, "resources"],
  [/^(?:\d+[- ]\w+\s+)?outcomes?$/i, "outcomes"],
  [/^(?:time\s+budget|time|schedule and time|weekly hours|time commitment)$/i, "budget"],
  [/^(?:how to split|split)\b.*\b(?:time|week|hours)\b.*$/i, "split"],
  [/^(?:the\s+)?(?:heuristic|rule of thumb)$/i, "heuristic"],
  [/^(?:objective|objectives|aim|purpose|focus|goal of the phase)$/i, "objective"],
  [/^(?:what it is|summary|description|overview)$/i, "summary"],
  [/^(?:target|weekly target|pace)$/i, "target"],
  [/^(?:goal|\w+ goal)$/i, "goal"],
];

export function labelKind(label: string): LabelKind | undefined {
  const clean = stripPeriod(label.trim());
  return LABELS.find(([pattern]) => pattern.test(clean))?.[1];
}

export const PHASE_HEADING = /^(?:phase|stage|part|module|unit|block|level)\s+(\d{1,3})\b\s*(.*)$/i;
export const OPTION_HEADING = /^option\s+([A-Z]|\d{1,2})\b\s*[:.)—–-]?\s*(.+)$/i;
export const PROJECT_HEADING = /^(?:(?:capstone\s+)?project)\s*(?:\d{1,2})?\s*[:.—–-]\s*(.+)$/i;
export const WEEK_LINE =
  /^(?:weeks?|wks?\.?)\s+(\d{1,4})(?:(?:\s*[-–—‒]\s*|\s+(?:to|through|thru)\s+)(\d{1,4}))?\s*(?:\([^)]*\))?\s*(?:[:.—–-]\s*|\s+|$)(.*)$/i;
export const MONTH_HEADING = /^months?\s+(\d{1,3})(?:\s*(?:[-–—]|to)\s*(\d{1,3}))?\s*[:.—–-]?\s*(.*)$/i;
/** Headings that open a block, whatever list they follow. */
export const STRUCTURAL = [
  PHASE_HEADING,
  OPTION_HEADING,
  PROJECT_HEADING,
  MONTH_HEADING,
  /^[^.:]{0,40}\btrack\b/i,
];

/** "See the full specification …": a line that points elsewhere for a project's or phase's details. */
export const SPECIFICATION_POINTER = /^(?:full|see)\b.*\b(?:specification|details|spec)s?\b/i;

/** Is this line a heading in shape: a Markdown or ALL CAPS heading, or a short line not ending a sentence. */
export function headingLike(line: Line): boolean {
  if (line.kind === "heading") return true;
  if (line.kind !== "text") return false;
  return line.text.length <= 120 && !/[.!?,;]$/.test(line.text) && !/^[a-z]/.test(line.text);
}
