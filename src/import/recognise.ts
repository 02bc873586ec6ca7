/**
 * The recognisers: a walk over the logical lines that gathers phases, weeks, projects, tracks and
 * resources into drafts, and a finding for every line it used or could not place.
 */
import { isLabel, type Line } from "./lines.js";
import {
  capitalize,
  escapeRegExp,
  numberRange,
  PHASE_RANGE,
  type Span,
  slugify,
  spanOf,
  stripPeriod,
  WEEK_RANGE,
  withoutTrailingParenthetical,
} from "./text.js";

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

type Sub =
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

type Table = "phases" | "study" | "targets" | "bars" | "resources" | "budget" | "ai" | null;

const LABELS: readonly (readonly [
  RegExp,
  Sub | "objective" | "summary" | "target" | "goal" | "heuristic",
])[] = [
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

function labelKind(label: string) {
  const clean = stripPeriod(label.trim());
  return LABELS.find(([pattern]) => pattern.test(clean))?.[1];
}

const PHASE_HEADING = /^(?:phase|stage|part|module|unit|block|level)\s+(\d{1,3})\b\s*(.*)$/i;
const OPTION_HEADING = /^option\s+([A-Z]|\d{1,2})\b\s*[:.)—–-]?\s*(.+)$/i;
const PROJECT_HEADING = /^(?:(?:capstone\s+)?project)\s*(?:\d{1,2})?\s*[:.—–-]\s*(.+)$/i;
const WEEK_LINE =
  /^(?:weeks?|wks?\.?)\s+(\d{1,4})(?:(?:\s*[-–—‒]\s*|\s+(?:to|through|thru)\s+)(\d{1,4}))?\s*(?:\([^)]*\))?\s*(?:[:.—–-]\s*|\s+|$)(.*)$/i;
const MONTH_HEADING = /^months?\s+(\d{1,3})(?:\s*(?:[-–—]|to)\s*(\d{1,3}))?\s*[:.—–-]?\s*(.*)$/i;
/** Headings that open a block, whatever list they follow. */
const STRUCTURAL = [PHASE_HEADING, OPTION_HEADING, PROJECT_HEADING, MONTH_HEADING, /^[^.:]{0,40}\btrack\b/i];
const CHOICE = /\b(?:choose|pick|select)\s+(?:one|1|a single)\b|\bone of the (?:following|options)\b/i;
const REPO = /github\.com\/([A-Za-z0-9-]{1,39})\/([A-Za-z0-9._-]{1,100})/;

/** Is this line a heading in shape: a Markdown or ALL CAPS heading, or a short line not ending a sentence. */
function headingLike(line: Line): boolean {
  if (line.kind === "heading") return true;
  if (line.kind !== "text") return false;
  return line.text.length <= 120 && !/[.!?,;]$/.test(line.text) && !/^[a-z]/.test(line.text);
}

function splitNameTagline(text: string): { name: string; tagline?: string } {
  const match =
    /^(.+?)\s*[—–]\s*(.+)$/.exec(text) ?? /^(.+?)\s+-\s+(.+)$/.exec(text) ?? /^(.+?):\s+(.+)$/.exec(text);
  const name = (match?.[1] ?? text).replace(/`/g, "").trim();
  const tagline = match?.[2]?.trim();
  return tagline ? { name, tagline } : { name };
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

export function recognise(lines: readonly Line[], knownNames: ReadonlySet<string>): Recognised {
  const out: Recognised = {
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
  };
  const info = (line: number, message: string) => out.findings.push({ line, severity: "info", message });
  const warn = (line: number, message: string) => out.findings.push({ line, severity: "warning", message });
  const unplaced = (line: Line) =>
    warn(line.n, `not placed: ${line.text.length > 70 ? `${line.text.slice(0, 69)}…` : line.text}`);

  let phase: PhaseDraft | undefined;
  let project: ProjectDraft | undefined;
  let week: WeekDraft | undefined;
  let track: TrackDraft | undefined;
  let stage: StageDraft | undefined;
  let bar: BarDraft | undefined;
  let sub: Sub = null;
  let table: Table = null;
  let header: string[] = [];
  let choiceGroup: string | undefined;

  const phaseByNumber = (n: number) => out.phases.find((candidate) => candidate.number === n);
  const findProject = (name: string) =>
    out.projects.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());

  const newProject = (line: Line, name: string, tagline: string | undefined): ProjectDraft => {
    const existing = findProject(name);
    if (existing) {
      if (tagline && !existing.tagline) existing.tagline = tagline;
      return existing;
    }
    const created: ProjectDraft = {
      line: line.n,
      name,
      title: name,
      ...(tagline ? { tagline } : {}),
      ...(phase ? { phase: phase.number } : {}),
      commands: [],
      checks: [],
      concepts: [],
      study: [],
      notes: [],
    };
    out.projects.push(created);
    return created;
  };

  /** A table's header row: what the table is, by its column names. */
  const tableKind = (cells: string[]): Table => {
    const has = (pattern: RegExp) => cells.some((cell) => pattern.test(cell));
    if (has(/^(?:phase|stage|part|module|unit)s?$|^#$/i) && has(/weeks?/i)) return "phases";
    if (has(/^phase$/i) && has(/goal|bar|minimum|requirement/i)) return "bars";
    if (track && has(/^(?:project|repo|repository)$/i) && has(/why|reason|notes?/i)) return "targets";
    if (has(/^(?:resource|name|title)$/i) && has(/^type$/i)) return "resources";
    if (has(/^(?:resource|book|material|title)$/i) && has(/chapters?|when|sections?/i)) return "study";
    if (has(/^(?:day|days|when)$/i) && has(/hours?|time/i)) return "budget";
    if (has(/^(?:allowed|do|ok|fine)$/i) && has(/^(?:not allowed|don(?:'|’)t|avoid|forbidden)$/i))
      return "ai";
    return null;
  };

  const column = (pattern: RegExp) => header.findIndex((cell) => pattern.test(cell));

  const handleRow = (line: Line): boolean => {
    const cells = line.cells;
    if (table === "phases") {
      const number = Number(
        /\d+/.exec(cells[column(/^(?:phase|stage|part|module|unit)s?$|^#$/i)] ?? "")?.[0],
      );
      const weeks = spanOf(
        /(\d{1,4})(?:\s*(?:[-–—‒]|to|through)\s*(\d{1,4}))?/i.exec(cells[column(/weeks?/i)] ?? ""),
      );
      if (!Number.isInteger(number) || number < 1) return false;
      const titleColumn = column(/focus|title|theme|topic|name|subject/i);
      const projectsColumn = column(/projects?|deliverables?/i);
      const existing = phaseByNumber(number);
      const target: PhaseDraft = existing ?? emptyPhase(number, line.n);
      if (!existing) out.phases.push(target);
      if (weeks) target.weeks = weeks;
      const title = titleColumn >= 0 ? cells[titleColumn] : undefined;
      if (title) target.title = title;
      if (projectsColumn >= 0)
        target.projectNames = (cells[projectsColumn] ?? "")
          .split(/\s+(?:\+|or|OR|and|&)\s+|,\s*|;\s*/)
          .map((name) => name.replace(/`/g, "").trim())
          .filter((name) => name !== "" && name !== "—" && name !== "-");
      info(
        line.n,
        `phase ${number}${title ? ` "${title}"` : ""}${weeks ? `, weeks ${weeks.from}–${weeks.to}` : ""} (table row)`,
      );
      return true;
    }
    if (table === "bars" && track) {
      const number = Number(/\d+/.exec(cells[column(/^phase$/i)] ?? "")?.[0]);
      const goal = cells[column(/goal|bar|minimum|requirement/i)];
      if (!Number.isInteger(number) || !goal) return false;
      const existing = track.bars.find((candidate) => candidate.phase === number);
      const target = existing ?? { line: line.n, phase: number, guidance: [] };
      if (!existing) track.bars.push(target);
      target.minimum = goal;
      info(line.n, `minimum bar of phase ${number}: ${goal}`);
      return true;
    }
    if (table === "targets" && track) {
      const first = cells[0] ?? "";
      const repo = REPO.exec(line.text);
      if (!repo) return false;
      const name =
        first
          .replace(/\s*\(.*$/, "")
          .replace(/`/g, "")
          .trim() || `${repo[1]}/${repo[2]}`;
      track.targets.push({ repo: `${repo[1]}/${repo[2]?.replace(/[.)]+$/, "")}`, name, why: cells[1] ?? "" });
      info(line.n, `open-source target ${repo[1]}/${repo[2]}`);
      return true;
    }
    if (table === "resources") {
      const [name, type, when] = [cells[0], cells[column(/^type$/i)], cells[column(/^when$/i)]];
      if (!name) return false;
      out.resources.push({ name, type: type ?? "", when: when ?? "" });
      info(line.n, `resource "${name}"`);
      return true;
    }
    if (table === "study" && phase) {
      const title = cells[0] ?? "";
      if (!title) return false;
      const chapters = cells[column(/chapters?|sections?/i)];
      const when = cells[column(/when/i)];
      phase.study.push({
        title,
        ...(chapters && !/^[—–-]$/.test(chapters) ? { chapters } : {}),
        ...(when ? { when } : {}),
      });
      info(line.n, `study material of phase ${phase.number}: ${title}`);
      return true;
    }
    if (table === "ai") {
      const allowed = cells[column(/^(?:allowed|do|ok|fine)$/i)];
      const forbidden = cells[column(/^(?:not allowed|don(?:'|’)t|avoid|forbidden)$/i)];
      if (allowed) out.ai.allowed.push(allowed);
      if (forbidden) out.ai.notAllowed.push(forbidden);
      info(line.n, "AI rules row");
      return true;
    }
    if (table === "budget") {
      const days = cells[0] ?? "";
      const hours = cells[column(/hours?|time/i)] ?? "";
      if (days && hours)
        out.schedule.push({
          days,
          hours,
          ...(cells[column(/notes?/i)] ? { notes: cells[column(/notes?/i)] as string } : {}),
        });
      if (/week/i.test(days) && !out.weeklyHours) {
        const range = numberRange(hours);
        if (range) {
          out.weeklyHours = { ...range, line: line.n };
          info(line.n, `weekly hours ${range.min}–${range.max}`);
        }
      }
      return true;
    }
    return false;
  };

  const closeSections = () => {
    project = undefined;
    week = undefined;
    stage = undefined;
    bar = undefined;
    sub = null;
    table = null;
  };

  for (let index = 0; index < lines.length; index++) {
    const given = lines[index] as Line;
    // A line taken for an item whose bullet was lost may be a heading after a list: read as text.
    const line =
      given.lost &&
      (STRUCTURAL.some((pattern) => pattern.test(given.text)) ||
        (headingLike({ ...given, kind: "text" }) && labelKind(given.text) !== undefined))
        ? { ...given, kind: "text" as const }
        : given;
    const text = line.text;
    if (line.kind === "blank") {
      table = null;
      continue;
    }

    if (
      out.title === undefined &&
      (line.kind === "heading" || line.kind === "text") &&
      !WEEK_LINE.test(text) &&
      !PHASE_HEADING.test(text) &&
      !isLabel(text)
    ) {
      out.title = withoutTrailingParenthetical(
        text.replace(/\s+[—–-]\s+(?:complete guide|guide|syllabus|curriculum|study plan)$/i, ""),
      );
      out.titleLine = line.n;
      info(line.n, `title "${out.title}"`);
      const next = lines.slice(index + 1).find((candidate) => candidate.kind !== "blank");
      if (
        next?.kind === "text" &&
        next.text.length <= 150 &&
        !WEEK_LINE.test(next.text) &&
        !isLabel(next.text) &&
        !PHASE_HEADING.test(next.text)
      ) {
        out.subtitle = { text: next.text, line: next.n };
        info(next.n, `subtitle "${next.text}"`);
        index = lines.indexOf(next);
      }
      continue;
    }

    if (line.kind === "row") {
      const previous = lines[index - 1];
      if (previous?.kind !== "row" || (table === null && header.length === 0)) {
        header = line.cells;
        table = tableKind(line.cells);
        if (table === null && sub === "bars") table = "bars";
        if (table === null && sub === "targets") table = "targets";
        if (table === null && sub === "resources") table = "resources";
        if (table === "targets" && !track) table = null;
        if (table === null) unplaced(line);
        continue;
      }
      if (!handleRow(line)) unplaced(line);
      continue;
    }
    header = [];

    // Weekly hours stated in a sentence: "8–10 hours a week".
    if (!out.weeklyHours && !track) {
      const hours =
        /(\d+(?:\.\d+)?)\s*(?:[-–—]|to)\s*(\d+(?:\.\d+)?)\s*(?:hrs?|hours)\s*(?:\/|per|a|each)\s*week/i.exec(
          text,
        ) ?? /(\d+(?:\.\d+)?)\s*(?:hrs?|hours)\s*(?:\/|per|a|each)\s*week/i.exec(text);
      if (hours && !WEEK_LINE.test(text)) {
        const min = Number(hours[1]);
        const max = hours[2] === undefined || !/[-–—]|to/.test(hours[0]) ? min : Number(hours[2]);
        if (min <= max) {
          out.weeklyHours = { min, max, line: line.n };
          info(line.n, `weekly hours ${min}–${max}`);
          if (line.kind === "text" && !phase && !project) continue;
        }
      }
    }

    // A phase heading: "Phase 2 — Title (Weeks 7–16)"; inside a track, the heading of a bar.
    const phaseHeading = line.kind !== "item" && headingLike(line) ? PHASE_HEADING.exec(text) : null;
    if (phaseHeading && !/^\s*(?:of|is|was|and|will|ends?)\b/i.test(phaseHeading[2] ?? "")) {
      const number = Number(phaseHeading[1]);
      const weeks = spanOf(WEEK_RANGE.exec(text));
      const rest = (phaseHeading[2] ?? "")
        .replace(/\(\s*(?:weeks?|wks?)\s+[^)]*\)/i, "")
        .replace(new RegExp(WEEK_RANGE.source, "i"), "")
        .replace(/^[\s:.)—–-]+|[\s:.(—–-]+$/g, "")
        .trim();
      if (track) {
        closeSections();
        bar = track.bars.find((candidate) => candidate.phase === number);
        if (!bar) {
          bar = { line: line.n, phase: number, guidance: [] };
          track.bars.push(bar);
        }
        if (rest) bar.title = rest;
        info(line.n, `bar of phase ${number}${rest ? ` "${rest}"` : ""}`);
        continue;
      }
      closeSections();
      choiceGroup = undefined;
      const existing = phaseByNumber(number);
      phase = existing ?? emptyPhase(number, line.n);
      if (!existing) out.phases.push(phase);
      phase.line = line.n;
      if (rest) {
        phase.longTitle = rest;
        phase.title ??= rest;
      }
      if (weeks) {
        if (phase.weeks && (phase.weeks.from !== weeks.from || phase.weeks.to !== weeks.to))
          warn(
            line.n,
            `phase ${number}: weeks ${weeks.from}–${weeks.to} here, ${phase.weeks.from}–${phase.weeks.to} in the table; the heading's are kept`,
          );
        phase.weeks = weeks;
      }
      info(
        line.n,
        `phase ${number}${rest ? ` "${rest}"` : ""}${weeks ? `, weeks ${weeks.from}–${weeks.to}` : ", no weeks stated"}`,
      );
      continue;
    }

    // A track: "Parallel Track: DSA Practice (Months 1–12)", "## OSS track".
    if (
      line.kind !== "item" &&
      headingLike(line) &&
      /\btrack\b/i.test(text) &&
      !isLabel(text.replace(/^[^:]*track:/i, ""))
    ) {
      closeSections();
      phase = undefined;
      const title = withoutTrailingParenthetical(
        text.replace(/^.*?\btrack\s*[:—–-]\s*/i, "").replace(/\s+track$/i, ""),
      );
      track = {
        line: line.n,
        title,
        phases: phaseNumbers(text),
        summary: [],
        stages: [],
        targets: [],
        bars: [],
        capstoneNotes: [],
      };
      out.tracks.push(track);
      info(line.n, `track "${title}"`);
      continue;
    }

    // A choice's option: "Option A: name — what it is".
    const option = !track ? OPTION_HEADING.exec(text) : null;
    if (option && headingLike({ ...line, kind: line.kind === "item" ? "text" : line.kind })) {
      closeSections();
      const { name, tagline } = splitNameTagline(option[2] ?? "");
      const group = choiceGroup ?? slugify(phase?.title ?? "choice");
      project = newProject(line, name, tagline);
      project.choice = group;
      project.label = `Option ${option[1]}`;
      if (!choiceGroup) {
        choiceGroup = group;
        warn(line.n, `choice group "${group}" named after its phase (guessed)`);
      }
      info(line.n, `option "${name}" of choice group "${group}"`);
      continue;
    }

    // A project heading: "Project: name — tagline".
    const projectHeading = line.kind !== "item" && !track ? PROJECT_HEADING.exec(text) : null;
    if (projectHeading && headingLike(line) && !/^projects\b/i.test(text)) {
      closeSections();
      const { name, tagline } = splitNameTagline(projectHeading[1] ?? "");
      project = newProject(line, name, tagline);
      info(line.n, `project "${name}"`);
      continue;
    }

    // A stage of a track by months: "Months 1–3: Foundations (Phase 1 of …)".
    const months = track && line.kind !== "item" ? MONTH_HEADING.exec(text) : null;
    if (months && track) {
      const span = spanOf(months);
      if (span) {
        closeSections();
        const title =
          withoutTrailingParenthetical(months[3] ?? "").replace(/[:.]$/, "") ||
          `Months ${span.from}–${span.to}`;
        stage = {
          line: line.n,
          months: span,
          title,
          phases: phaseNumbers(months[3] ?? ""),
          topics: [],
          notes: [],
        };
        track.stages.push(stage);
        sub = "topics";
        info(line.n, `stage "${title}", months ${span.from}–${span.to}`);
        continue;
      }
    }

    // A week: "Week 3: …", "- Weeks 11–13: Build …", "### Week 4".
    const weekLine = !track ? WEEK_LINE.exec(text) : null;
    if (weekLine && (line.kind === "item" || headingLike(line) || /[:—–]/.test(text.slice(0, 20)))) {
      const span = spanOf(weekLine);
      if (span) {
        const body = (weekLine[3] ?? "").trim();
        if (line.kind === "heading" || line.kind === "text") project = project?.choice ? project : undefined;
        week = {
          line: line.n,
          weeks: span,
          ...(phase ? { phase: phase.number } : {}),
          ...(project?.choice ? { option: project.name } : {}),
          body: body ? [body] : [],
          items: [],
        };
        out.weeks.push(week);
        if (line.kind !== "item") sub = "schedule";
        info(
          line.n,
          `week${span.from === span.to ? ` ${span.from}` : `s ${span.from}–${span.to}`}${body ? "" : " (heading)"}`,
        );
        continue;
      }
    }

    // A label: "Objective: …", "Study Material:", a heading "Concepts".
    const labelled = /^([^:]{2,50}):\s*(.*)$/.exec(text);
    const label =
      labelled && line.kind !== "item"
        ? labelKind(labelled[1] ?? "")
        : line.kind === "heading" || headingLike(line)
          ? labelKind(text)
          : undefined;
    if (label !== undefined) {
      const value = labelled && line.kind !== "heading" ? (labelled[2] ?? "").trim() : "";
      week = undefined;
      table = null;
      if (label === "objective" || label === "goal") {
        if (bar) bar.goal = value || bar.goal;
        else if (track && label === "goal") {
          sub = null;
          stage = undefined;
          if (value) track.goal = value;
          else {
            const next = lines[index + 1];
            if (next && next.kind === "text") {
              track.goal = next.text;
              index++;
            }
          }
        } else if (phase && !project) {
          phase.objective = value || phase.objective;
        } else if (!value) {
          sub = null;
        } else {
          unplaced(line);
          continue;
        }
        info(line.n, `${label}${value ? `: ${value.slice(0, 50)}` : ""}`);
        continue;
      }
      if (label === "summary") {
        if (project && value) project.summary = value;
        else if (!value) sub = null;
        else unplaced(line);
        continue;
      }
      if (label === "heuristic") {
        if (value) {
          out.ai.heuristic = capitalize(value);
          info(line.n, "rule of thumb");
        } else unplaced(line);
        continue;
      }
      if (label === "target") {
        const range = numberRange(value);
        if (stage && range) {
          stage.target = range;
          if (/\(.+\)/.test(value))
            stage.notes.push(`${range.min}–${range.max} problems per week: ${/\((.+)\)/.exec(value)?.[1]}`);
          info(line.n, `stage target ${range.min}–${range.max} a week`);
        } else unplaced(line);
        continue;
      }
      sub = label;
      // "End-of-phase check" under a project's heading is the phase's, not the project's.
      if (label === "checks" && !project?.choice && /\bphase\b/i.test(labelled?.[1] ?? text))
        project = undefined;
      if (label === "checks" && value) {
        const questions = questionsOf(value);
        if (project) project.checks.push(...questions);
        else if (phase) phase.checks.push(...questions);
        info(line.n, `${questions.length} check question(s)`);
        continue;
      }
      if (label === "study" && value) {
        const items = value
          .split(/,\s+(?![^()]*\))/)
          .map((item) => stripPeriod(item))
          .filter(Boolean);
        for (const item of items) (project ? project.study : phase?.study)?.push(studyOf(item));
        info(line.n, `${items.length} study item(s)`);
        continue;
      }
      if (label === "concepts" && value) {
        const items = value
          .split(/,\s+(?![^()]*\))/)
          .map((item) => capitalize(stripPeriod(item)))
          .filter(Boolean);
        (project ? project.concepts : phase?.concepts)?.push(...items);
        info(line.n, `${items.length} concept(s)`);
        continue;
      }
      if (label === "notes" && value) {
        (project ? project.notes : phase?.notes)?.push(`**${labelled?.[1]}:** ${value}`);
        info(line.n, "note");
        continue;
      }
      if (label === "done" && value && project) {
        project.checks.push(...value.split(/;\s+/).map((item) => stripPeriod(item)));
        continue;
      }
      if (label === "projects" || label === "schedule") {
        if (line.kind === "heading") project = undefined;
      }
      if (label === "resources" || label === "outcomes" || label === "budget") {
        if (line.kind === "heading" || !phase) {
          phase = undefined;
          track = undefined;
          project = undefined;
        }
      }
      if (label === "bars" || label === "targets") {
        stage = undefined;
        bar = undefined;
      }
      info(
        line.n,
        `section "${stripPeriod(labelled?.[1] ?? text)}"${value ? `: ${value.slice(0, 40)}` : ""}`,
      );
      if (value) unplaced(line);
      continue;
    }

    // Text under a week heading, or items of a week written as a heading.
    if (
      (week && sub === "schedule" && (line.kind === "item" || line.kind === "text") && !headingLike(line)) ||
      (week && line.kind === "item" && sub === "schedule")
    ) {
      week.items.push(text);
      continue;
    }

    if (line.kind === "item") {
      if (placeItem(line)) continue;
      unplaced(line);
      continue;
    }

    if (line.kind === "text") {
      if (placeText(line)) continue;
      unplaced(line);
      continue;
    }

    // A heading that names nothing we know: it ends the sections it would otherwise extend.
    if (line.kind === "heading") {
      closeSections();
      if (/\bresources\b/i.test(text)) sub = "resources";
      info(line.n, `heading "${text}" (not a known section)`);
    }
  }

  function placeItem(line: Line): boolean {
    const text = line.text;
    if (stage && (sub === "topics" || sub === null)) {
      const target = /^(?:target|pace)\s*:\s*(.*)$/i.exec(text);
      if (target) {
        const range = numberRange(target[1] ?? "");
        if (range) {
          stage.target = range;
          const reason = /\((.+)\)\s*$/.exec(target[1] ?? "")?.[1];
          if (reason) stage.notes.push(`${range.min}–${range.max} problems per week: ${reason}`);
          info(line.n, `stage target ${range.min}–${range.max} a week`);
          return true;
        }
      }
      if (
        stage.topics.length === 0 ||
        (/[,:]/.test(text) && !/^(?:do|focus|start|all)\b/i.test(text) && stage.topics.length < 2)
      ) {
        stage.topics.push(...topicsOf(text));
        info(line.n, "stage topics");
      } else {
        stage.notes.push(text);
        info(line.n, "stage note");
      }
      return true;
    }
    if (sub === "split") {
      const block =
        /^(.+?)\s*\(\s*~?(\d+(?:\.\d+)?)(?:\s*(?:[-–—]|to)\s*(\d+(?:\.\d+)?))?\s*(?:hrs?|hours)\b[^)]*\)\s*:\s*(.+)$/i.exec(
          text,
        );
      if (block?.[1] && block[4]) {
        const min = Number(block[2]);
        const max = Number(block[3] ?? block[2]);
        out.split.push({
          label: block[1],
          hours: { min, max: Math.max(min, max) },
          work: block[4]
            .split(/,\s+(?![^()]*\))/)
            .map((part) => capitalize(stripPeriod(part)))
            .filter(Boolean),
          weekend: /weekend|saturday|sunday/i.test(block[1]),
        });
        info(line.n, `time block "${block[1]}"`);
        return true;
      }
    }
    if (sub === "schedule" && week) {
      week.items.push(text);
      return true;
    }
    if (sub === "concepts") {
      const target = project ?? phase;
      if (!target) return false;
      target.concepts.push(text);
      info(line.n, "concept");
      return true;
    }
    if (sub === "study") {
      const target = project ?? phase;
      if (!target) return false;
      target.study.push(studyOf(text));
      info(line.n, "study material");
      return true;
    }
    if (sub === "checks" || sub === "done") {
      const target = sub === "done" ? project : (project ?? phase);
      if (!target) return false;
      target.checks.push(stripPeriod(text));
      info(line.n, sub === "done" ? "done-when check" : "check question");
      return true;
    }
    if (sub === "commands" && project) {
      project.commands.push(text.replace(/^`|`$/g, "").replace(/^\$\s+/, ""));
      return true;
    }
    if (sub === "notes") {
      const target = project ?? phase;
      if (!target) return false;
      target.notes.push(text);
      return true;
    }
    if (sub === "projects" && phase) return placeProjectItem(line);
    if (sub === "outcomes") {
      out.outcomes.push(text);
      return true;
    }
    if (bar) {
      bar.guidance.push(text);
      return true;
    }
    if (project && /^(?:done when|✓|\[ ?\])/i.test(text)) {
      project.checks.push(text.replace(/^(?:done when:?|✓|\[ ?\])\s*/i, ""));
      return true;
    }
    return placeText(line);
  }

  /** An item of a "Projects:" list: "name — tagline", or an item opening with a name the phase table lists. */
  function placeProjectItem(line: Line): boolean {
    if (!phase) return false;
    const owner = phase;
    const text = line.text;
    // Several "name — what it is" can share an item a flattening glued: cut it at each name.
    const cuts: { at: number; name: string }[] = [];
    for (const name of knownNames) {
      const pattern = new RegExp(`\`?${escapeRegExp(name)}\`?\\s*[—–]\\s*`, "g");
      for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        const at = match.index;
        if (!cuts.some((cut) => Math.abs(cut.at - at) < name.length)) cuts.push({ at, name });
      }
    }
    cuts.sort((a, b) => a.at - b.at);
    if (cuts.length === 0) {
      for (const name of owner.projectNames) {
        const words = name
          .toLowerCase()
          .split(/[^a-z0-9]+/)
          .filter(Boolean);
        const found = matchWords(text, words);
        if (found) {
          cuts.push({ at: found.start, name });
          break;
        }
      }
    }
    if (cuts.length === 0) {
      const split = /^`?([^`—–]{1,40}?)`?(?:\s*[—–]\s*|\s+-\s+)(.+)$/.exec(text);
      if (!split?.[1] || !split[2]) return false;
      cuts.push({ at: 0, name: split[1].trim() });
    }
    const before = text.slice(0, cuts[0]?.at ?? 0).trim();
    if (before) warn(line.n, `not placed (before project "${cuts[0]?.name}"): ${before.slice(0, 70)}`);
    cuts.forEach((cut, index) => {
      const segment = text.slice(cut.at, cuts[index + 1]?.at ?? text.length).trim();
      const words = cut.name
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter(Boolean);
      const found = matchWords(segment, words) ?? { start: 0, end: cut.name.length };
      const titled = segment.slice(found.start, found.end).replace(/`/g, "").trim();
      const rest = segment.slice(found.end).replace(/^`/, "").trim();
      const dashed = /^[—–:-]/.test(rest);
      const taglineText = rest.replace(/^[—–:-]\s*/, "").trim();
      const project = newProject(line, cut.name, undefined);
      project.phase ??= owner.number;
      project.title = titled && titled.length <= 60 ? titled : cut.name;
      if (taglineText) {
        project.tagline ??= capitalize(withoutTrailingParenthetical(stripPeriod(taglineText)));
        project.summary ??= `${capitalize(dashed ? stripPeriod(taglineText) : `${titled} ${stripPeriod(taglineText)}`)}.`;
      }
      info(line.n, `project "${cut.name}"${project.tagline ? ` — ${project.tagline}` : ""}`);
    });
    return true;
  }

  function placeText(line: Line): boolean {
    const text = line.text;
    if (project && !project.summary && sub === null && !/^(?:full|see)\b/i.test(text)) {
      project.summary = text;
      info(line.n, `summary of project "${project.name}"`);
      return true;
    }
    if (project && startsWithName(text, project.name) && !/[.!?]$/.test(text)) {
      project.commands.push(text);
      info(line.n, `command example of "${project.name}"`);
      return true;
    }
    if (project && /^(?:full|see)\b.*\b(?:specification|details|spec)s?\b/i.test(text)) {
      project.notes.push(text);
      return true;
    }
    if (/^(?:full|see)\b.*\b(?:specification|details|spec)s?\b/i.test(text) && phase) {
      phase.notes.push(text);
      return true;
    }
    if (bar) {
      for (const name of knownNames) {
        if (new RegExp(`\\bif your \\w+ is \`?${name}\`?\\b`, "i").test(text) && track) {
          track.capstoneNotes.push({ name, text });
          info(line.n, `note for option "${name}"`);
          return true;
        }
      }
      bar.guidance.push(text);
      return true;
    }
    if (track && !stage && track.bars.length === 0 && track.targets.length === 0 && sub === null) {
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
    if (phase && !project && !week && sub === null && !phase.objective && !phase.choiceText) {
      if (CHOICE.test(text)) phase.choiceText = text;
      else phase.notes.push(text);
      info(line.n, `text of phase ${phase.number}`);
      return true;
    }
    if (phase && !project && sub === null && CHOICE.test(text)) {
      phase.choiceText = text;
      return true;
    }
    if (phase && !project && sub === "study" && line.text.length > 60) {
      phase.notes.push(text);
      return true;
    }
    if (/^note\b/i.test(text) && phase) {
      phase.notes.push(text);
      return true;
    }
    return false;
  }

  return out;
}

const NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

function emptyPhase(number: number, line: number): PhaseDraft {
  return { number, line, study: [], concepts: [], checks: [], notes: [], projectNames: [] };
}

function startsWithName(text: string, name: string): boolean {
  return text.toLowerCase().startsWith(`${name.toLowerCase()} `);
}

/** Where the words of a name occur in order, near the start of a text (within a few extra words). */
function matchWords(text: string, words: readonly string[]): { start: number; end: number } | null {
  if (words.length === 0) return null;
  const token = /[A-Za-z0-9]+/g;
  const found: { word: string; start: number; end: number }[] = [];
  for (let match = token.exec(text); match; match = token.exec(text)) {
    found.push({ word: match[0].toLowerCase(), start: match.index, end: match.index + match[0].length });
    if (found.length > 40) break;
  }
  for (let first = 0; first < found.length; first++) {
    if (found[first]?.word !== words[0]) continue;
    let at = first;
    let matched = 1;
    for (
      let next = first + 1;
      next < found.length && matched < words.length && next - first <= words.length + 3;
      next++
    ) {
      if (found[next]?.word === words[matched]) {
        matched++;
        at = next;
      }
    }
    if (matched === words.length) {
      const start = found[first]?.start ?? 0;
      // A name right before a dash or at the start: the item is about it.
      const end = found[at]?.end ?? 0;
      const after = text.slice(end).trimStart();
      if (start === 0 || /^`?\s*[—–]/.test(after) || text.slice(0, start).trim().endsWith("`"))
        return { start: text[start - 1] === "`" ? start - 1 : start, end: text[end] === "`" ? end + 1 : end };
    }
  }
  return null;
}

function questionsOf(text: string): string[] {
  return text
    .split(/(?<=\?)\s+/)
    .map((question) => question.trim())
    .filter(Boolean);
}

function topicsOf(text: string): string[] {
  const [head, rest] = /^([^:]{1,40}):\s*(.+)$/.exec(text)?.slice(1) ?? [undefined, text];
  const parts = (rest ?? text)
    .split(/,\s+(?![^()]*\))/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (head && parts[0]) parts[0] = `${head}: ${parts[0]}`;
  return parts;
}

function studyOf(text: string): StudyDraft {
  const parenthetical = /^(.+?)\s*\(([^()]+)\)$/.exec(text);
  if (parenthetical?.[1] && parenthetical[2] && !/[—–]/.test(parenthetical[1]))
    return { title: parenthetical[1], detail: parenthetical[2] };
  const match = /^(.+?)\s+[—–]\s+(.+)$/.exec(text);
  if (match?.[1] && match[2]) return { title: match[1], detail: match[2] };
  const chapters = /^(.+?)\s*[—–-]?\s*(chapters?\s+[\d–-]+.*)$/i.exec(text);
  if (chapters?.[1] && chapters[2]) return { title: chapters[1], detail: capitalize(chapters[2]) };
  return { title: text };
}
