/**
 * From what the recognisers gathered to a curriculum draft in the schema's shape, with a mark for
 * every value guessed or left to fill in. Nothing the document does not state is invented: a
 * missing title, objective or check becomes a "TODO: fill in" the schema accepts, marked.
 */
import type {
  Finding,
  PhaseDraft,
  ProjectDraft,
  Recognised,
  StudyDraft,
  TrackDraft,
  WeekDraft,
} from "./recognise.js";
import {
  capitalize,
  clip,
  type Span,
  sentences,
  showSpan,
  slugify,
  spanOf,
  spanValue,
  stripPeriod,
  WEEK_RANGE,
  withoutTrailingParenthetical,
} from "./text.js";

export type Path = readonly (string | number)[];

/** A comment for the YAML: on the value at `path`. */
export interface Mark {
  path: Path;
  note: string;
}

export const TODO = "TODO: fill in";

type Json = Record<string, unknown>;

export interface Built {
  curriculum: Json;
  marks: Mark[];
  findings: Finding[];
}

const BUILD_VERB =
  /^(?:build|start|finish|complete|implement|develop|write|create|ship|deploy|work on|continue|polish|extend|begin|core)\b/i;

export function build(recognised: Recognised): Built {
  const marks: Mark[] = [];
  const findings: Finding[] = [...recognised.findings];
  const mark = (path: Path, note: string) => marks.push({ path, note });
  const report = (line: number, severity: Finding["severity"], message: string) =>
    findings.push({ line, severity, message });

  const title = recognised.title ?? TODO;
  if (recognised.title === undefined) {
    mark(["title"], TODO);
    report(0, "warning", "no title found");
  }
  const curriculum: Json = { id: slugify(recognised.title ?? "imported-curriculum"), title };
  if (recognised.subtitle) {
    curriculum.subtitle = recognised.subtitle.text;
    mark(["subtitle"], "guessed: the line under the title");
  }
  mark(["id"], "guessed: from the title");

  const hours = recognised.weeklyHours;
  curriculum.time_budget = {
    weekly_hours: hours ? { min: hours.min, max: hours.max } : { min: 0, max: 0 },
    ...(recognised.schedule.length > 0 ? { schedule: recognised.schedule } : {}),
  };
  const weekdayBlock = recognised.split.find((block) => !block.weekend);
  const weekendBlock = recognised.split.find((block) => block.weekend);
  if (weekdayBlock && weekendBlock) {
    const part = (block: typeof weekdayBlock) => ({
      label: clip(block.label, 39),
      hours: block.hours,
      work: block.work,
    });
    (curriculum.time_budget as Json).split = { weekday: part(weekdayBlock), weekend: part(weekendBlock) };
  }
  const ai = recognised.ai;
  if (ai.allowed.length > 0 || ai.notAllowed.length > 0 || ai.heuristic)
    curriculum.ai_rules = {
      ...(ai.allowed.length > 0 ? { allowed: ai.allowed } : {}),
      ...(ai.notAllowed.length > 0 ? { not_allowed: ai.notAllowed } : {}),
      ...(ai.heuristic ? { heuristic: ai.heuristic } : {}),
    };
  if (!hours) {
    mark(["time_budget", "weekly_hours"], `${TODO}: hours a week (none stated)`);
    report(0, "warning", "no weekly hours found: time_budget.weekly_hours is 0–0, to fill in");
  }

  const phases = [...recognised.phases].sort((a, b) => a.number - b.number);
  const weekDrafts = recognised.weeks;
  if (phases.length === 0 && weekDrafts.length > 0) {
    const last = Math.max(...weekDrafts.map((week) => week.weeks.to));
    phases.push({
      number: 1,
      line: 0,
      title: recognised.title ?? TODO,
      weeks: { from: 1, to: last },
      weeksGuessed: true,
      implied: true,
      study: [],
      concepts: [],
      checks: [],
      notes: [],
      projectNames: [],
    });
    report(
      0,
      "warning",
      `no phase is stated: one phase spans the stated weeks 1–${last}; divide it into phases if the course has them`,
    );
  }
  if (phases.length === 0)
    report(0, "error", "no phase and no week found: nothing to draft a curriculum from");

  // A phase without stated weeks takes the span of its own stated weeks, marked; else it is reported.
  for (const phase of phases) {
    if (phase.weeks) continue;
    const own = weekDrafts.filter((week) => week.phase === phase.number);
    if (own.length > 0) {
      phase.weeks = {
        from: Math.min(...own.map((week) => week.weeks.from)),
        to: Math.max(...own.map((week) => week.weeks.to)),
      };
      phase.weeksGuessed = true;
      report(
        phase.line,
        "warning",
        `phase ${phase.number} states no weeks: its week lines span ${showSpan(phase.weeks)}`,
      );
    } else report(phase.line, "error", `phase ${phase.number} states no weeks, and no week line is in it`);
  }

  const phaseOf = (span: Span, stated?: number): number | undefined => {
    const statedPhase = phases.find((phase) => phase.number === stated);
    if (statedPhase && (!statedPhase.weeks || within(span, statedPhase.weeks))) return stated;
    return phases.find((phase) => phase.weeks && within(span, phase.weeks))?.number;
  };

  const projects = assignProjects(recognised.projects, phases, weekDrafts, report);

  curriculum.phases = phases.map((phase, index) => phaseJson(phase, index, mark));
  curriculum.weeks = weekDrafts.map((week, index) => {
    const phase = phaseOf(week.weeks, week.phase);
    if (phase === undefined) report(week.line, "error", `week ${showSpan(week.weeks)} lies in no phase`);
    else if (week.phase !== undefined && phase !== week.phase)
      report(
        week.line,
        "warning",
        `week ${showSpan(week.weeks)} is under phase ${week.phase} but inside phase ${phase}'s weeks`,
      );
    const option = week.option ? projects.find((project) => project.name === week.option)?.slug : undefined;
    return weekJson(week, index, phase ?? null, option, mark);
  });
  if (projects.length > 0)
    curriculum.projects = projects.map((project, index) => projectJson(project, index, mark));

  const tracks = tracksJson(recognised.tracks, projects, mark, report);
  if (Object.keys(tracks).length > 0) curriculum.tracks = tracks;
  if (recognised.resources.length > 0)
    curriculum.resources = recognised.resources.map((resource, index) => {
      for (const key of ["type", "when"] as const) if (!resource[key]) mark(["resources", index, key], TODO);
      return { name: resource.name, type: resource.type || TODO, when: resource.when || TODO };
    });
  if (recognised.outcomes.length > 0) curriculum.outcomes = recognised.outcomes;
  return { curriculum, marks, findings };
}

function within(inner: Span, outer: Span): boolean {
  return outer.from <= inner.from && inner.to <= outer.to;
}

function phaseJson(phase: PhaseDraft, index: number, mark: (path: Path, note: string) => void): Json {
  const path = ["phases", index];
  const title = phase.title ? clip(phase.title, 100) : TODO;
  if (!phase.title) mark([...path, "title"], TODO);
  else if (title !== phase.title) mark([...path, "title"], "guessed: shortened to 100 characters");
  if (phase.weeksGuessed) mark([...path, "weeks"], "guessed: from the weeks the document states");
  if (!phase.weeks) mark([...path, "weeks"], `${TODO}: the document states no weeks for this phase`);
  if (!phase.objective && !phase.choiceText) mark([...path, "objective"], TODO);
  if (phase.implied)
    mark(
      [...path, "title"],
      "TODO: the document states no phase: this one spans all its weeks; divide it if the course has phases",
    );
  const json: Json = {
    number: phase.number,
    title,
    ...(phase.longTitle && phase.longTitle !== title ? { long_title: phase.longTitle } : {}),
    weeks: phase.weeks ? spanValue(phase.weeks) : null,
    objective: phase.objective ?? phase.choiceText ?? TODO,
  };
  if (!phase.objective && phase.choiceText) mark([...path, "objective"], "guessed: the phase's opening text");
  if (phase.study.length > 0) json.study_material = phase.study.map(studyJson);
  if (phase.concepts.length > 0) json.concepts = phase.concepts;
  if (phase.checks.length > 0) json.checks = phase.checks;
  if (phase.notes.length > 0) json.notes = phase.notes;
  return json;
}

function studyJson(item: StudyDraft): Json {
  return { ...item };
}

/** A week's text divided: its title (first sentence, up to a dash), its weekday and weekend work. */
function weekJson(
  week: WeekDraft,
  index: number,
  phase: number | null,
  option: string | undefined,
  mark: (path: Path, note: string) => void,
): Json {
  const path = ["weeks", index];
  const weekday: string[] = [];
  const weekend: string[] = [];
  let toWeekend = false;
  const body = week.body.join(" ");
  const sentencesOfBody = sentences(body);
  const parts = week.items.length > 0 ? [...sentencesOfBody.slice(1), ...week.items] : sentencesOfBody;
  for (const part of parts) {
    const labelled = /^(weekends?|saturday|sunday|weekdays?|evenings?)\b[^:]{0,20}:\s*(.*)$/i.exec(part);
    if (labelled) toWeekend = /^(?:weekend|saturday|sunday)/i.test(labelled[1] ?? "");
    const text = stripPeriod(capitalize((labelled ? labelled[2] : part) ?? ""));
    if (!text) continue;
    (toWeekend ? weekend : weekday).push(text);
  }
  const first = sentencesOfBody[0] ?? "";
  const head = withoutTrailingParenthetical(stripPeriod(first.split(/\s+[—–]\s+|\s+-\s+/)[0] ?? ""));
  const title = head ? clip(head.replace(/^weekend:\s*/i, ""), 120) : TODO;
  if (!head) mark([...path, "title"], TODO);
  else if (stripPeriod(first) !== title)
    mark([...path, "title"], "guessed: the first sentence, up to a dash or parenthesis");
  if (week.weeks.from !== week.weeks.to)
    mark(
      [...path, "weeks"],
      `weeks ${week.weeks.from}–${week.weeks.to} share this plan, as the document states`,
    );
  if (weekday.length === 0) {
    if (week.items.length === 0 && first) weekday.push(stripPeriod(first));
    else {
      weekday.push(TODO);
      mark([...path, "weekday"], TODO);
    }
  }
  if (phase === null) mark([...path, "phase"], `${TODO}: the week lies in no stated phase`);
  return {
    weeks: spanValue(week.weeks),
    phase,
    title,
    ...(option ? { option } : {}),
    weekday,
    ...(weekend.length > 0 ? { weekend } : {}),
  };
}

interface PlacedProject extends ProjectDraft {
  slug: string;
  weeksNote?: string;
}

/** Each project's slug, phase and weeks, from what the document says about it. */
function assignProjects(
  drafts: readonly ProjectDraft[],
  phases: readonly PhaseDraft[],
  weeks: readonly WeekDraft[],
  report: (line: number, severity: Finding["severity"], message: string) => void,
): PlacedProject[] {
  const slugs = new Set<string>();
  return drafts.map((draft) => {
    let slug = slugify(draft.name);
    for (let n = 2; slugs.has(slug); n++) slug = `${slugify(draft.name).slice(0, 36)}-${n}`;
    slugs.add(slug);
    const placed: PlacedProject = { ...draft, slug };
    placed.phase ??= phases.find((phase) =>
      phase.projectNames.some((name) => name.toLowerCase() === draft.name.toLowerCase()),
    )?.number;
    const phase = phases.find((candidate) => candidate.number === placed.phase);
    const window = phase?.weeks;
    const words = draft.name
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    const mentions = (text: string) => {
      const tokens = text
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter(Boolean);
      const first = tokens.indexOf(words[0] ?? "");
      return first >= 0 && words.every((word, at) => tokens.slice(first, first + 4 + at).includes(word));
    };
    let span: Span | undefined;
    let how = "";
    if (draft.choice) {
      const own = weeks.filter((week) => week.option === draft.name);
      if (own.length > 0) {
        span = {
          from: Math.min(...own.map((w) => w.weeks.from)),
          to: Math.max(...own.map((w) => w.weeks.to)),
        };
        how = "its own weeks";
      } else if (draft.offeredIn) {
        span = draft.offeredIn;
        how = "the week entry that offers the choice";
      }
    }
    // A sentence naming the project and a week range: "xlsxfmt is scoped to … Weeks 37–40".
    if (!span && phase)
      for (const note of [...phase.notes, ...draft.notes]) {
        for (const sentence of sentences(note)) {
          const stated = spanOf(WEEK_RANGE.exec(sentence));
          if (stated && mentions(sentence) && (!window || within(stated, window))) {
            span = stated;
            how = "a sentence naming it with its weeks";
            break;
          }
        }
        if (span) break;
      }
    // Weeks whose text builds it: "Build X", "Start X skeleton", "Finish X".
    if (!span) {
      const building = weeks.filter(
        (week) =>
          week.option === undefined &&
          [...sentences(week.body.join(" ")), ...week.items].some((sentence) => {
            const clean = sentence.replace(/^(?:weekend|weekdays?):\s*/i, "").replace(/`/g, "");
            if (!BUILD_VERB.test(clean)) return false;
            const tokens = clean
              .toLowerCase()
              .split(/[^a-z0-9]+/)
              .filter(Boolean)
              .slice(0, words.length + 4);
            return words.every((word) => tokens.includes(word));
          }),
      );
      const inPhase = building.filter((week) => !window || within(week.weeks, window));
      if (inPhase.length > 0) {
        span = {
          from: Math.min(...inPhase.map((w) => w.weeks.from)),
          to: Math.max(...inPhase.map((w) => w.weeks.to)),
        };
        how = "the weeks that build it";
      }
    }
    if (!span && window) {
      span = window;
      placed.weeksNote = "guessed: the whole phase (no week names this project)";
      report(draft.line, "warning", `project "${draft.name}": no week builds it; its weeks are its phase's`);
    }
    if (span) placed.weeks = span;
    if (how) {
      report(draft.line, "info", `project "${draft.name}": weeks ${showSpan(span as Span)} from ${how}`);
      // An option's weeks are the weeks it plans; others are read from the text: a guess to check.
      if (!draft.choice) placed.weeksNote = `guessed: from ${how}`;
    }
    if (placed.phase === undefined && span) {
      placed.phase = phases.find(
        (candidate) => candidate.weeks && within(span as Span, candidate.weeks),
      )?.number;
    }
    if (placed.phase === undefined) report(draft.line, "error", `project "${draft.name}": in no phase`);
    return placed;
  });
}

function projectJson(project: PlacedProject, index: number, mark: (path: Path, note: string) => void): Json {
  const path = ["projects", index];
  const title = clip(project.title, 60);
  if (title !== project.title) mark([...path, "title"], "guessed: shortened to 60 characters");
  if (project.weeksNote) mark([...path, "weeks"], project.weeksNote);
  if (project.choice)
    mark(
      [...path, "choice"],
      `guessed: the group is named after ${project.choiceFrom === "week" ? "the week that offers it" : "its phase"}`,
    );
  if (!project.weeks) mark([...path, "weeks"], TODO);
  const summary = project.summary ?? (project.tagline ? `${stripPeriod(project.tagline)}.` : undefined);
  if (!project.summary) mark([...path, "summary"], project.tagline ? "guessed: the tagline" : TODO);
  if (project.checks.length === 0)
    mark([...path, "checks"], `${TODO}: what done means (the document states no check)`);
  return {
    slug: project.slug,
    title,
    ...(project.tagline ? { tagline: clip(project.tagline, 120) } : {}),
    phase: project.phase ?? null,
    weeks: project.weeks ? spanValue(project.weeks) : null,
    summary: summary ?? TODO,
    ...(project.description ? { description: project.description } : {}),
    ...(project.commands.length > 0 ? { commands: project.commands } : {}),
    checks: project.checks.length > 0 ? project.checks : [TODO],
    ...(project.concepts.length > 0 ? { concepts: project.concepts } : {}),
    ...(project.study.length > 0 ? { study_material: project.study.map(studyJson) } : {}),
    ...(project.choice ? { choice: project.choice, label: project.label } : {}),
    ...(project.notes.length > 0 ? { notes: project.notes } : {}),
  };
}

const REQUIRES: readonly (readonly [RegExp, string])[] = [
  [/substantive|significant|real engineering|non-trivial|code change/i, "substantive-pr"],
  [/engagement|issues?\b|review|discussion/i, "pr-or-engagement"],
  [/merged|pull request|\bPRs?\b/i, "merged-pr"],
];

/** The tracks: by months with targets per week (practice), or by repositories and bars (open source). */
function tracksJson(
  drafts: readonly TrackDraft[],
  projects: readonly PlacedProject[],
  mark: (path: Path, note: string) => void,
  report: (line: number, severity: Finding["severity"], message: string) => void,
): Json {
  const tracks: Json = {};
  for (const track of drafts) {
    const kind =
      track.stages.length > 0 ? "dsa" : track.targets.length > 0 || track.bars.length > 0 ? "oss" : null;
    if (kind === null || kind in tracks) {
      report(
        track.line,
        "warning",
        `track "${track.title}" not placed: syllabot's tracks are one of months with weekly targets and one of open-source repositories`,
      );
      continue;
    }
    const path = ["tracks", kind];
    const summary = track.summary.join("\n\n") || TODO;
    if (summary === TODO) mark([...path, "summary"], TODO);
    if (kind === "dsa") {
      if (!track.hours) mark([...path, "hours_per_week"], `${TODO}: hours a week (none stated)`);
      if (!track.goal) mark([...path, "goal"], TODO);
      tracks.dsa = {
        title: track.title,
        summary,
        hours_per_week: track.hours ?? { min: 0, max: 0 },
        stages: track.stages.map((stage, index) => {
          if (!stage.target) mark([...path, "stages", index, "problems_per_week"], `${TODO}: none stated`);
          if (stage.topics.length === 0) mark([...path, "stages", index, "topics"], TODO);
          return {
            months: spanValue(stage.months),
            title: stage.title,
            ...(stage.phases.length > 0 ? { phases: stage.phases } : {}),
            topics: stage.topics.length > 0 ? stage.topics : [TODO],
            ...(stage.notes.length > 0 ? { notes: stage.notes } : {}),
            problems_per_week: stage.target ?? { min: 0, max: 0 },
          };
        }),
        goal: track.goal ?? TODO,
      };
      continue;
    }
    if (track.targets.length === 0) {
      mark([...path, "targets"], `${TODO}: the repositories whose pull requests count`);
      report(
        track.line,
        "error",
        `track "${track.title}": no target repository (github.com/owner/name) found`,
      );
    }
    const notes: Json = {};
    for (const note of track.capstoneNotes) {
      const project = projects.find((candidate) => candidate.name.toLowerCase() === note.name.toLowerCase());
      if (project?.choice) notes[project.slug] = note.text;
    }
    tracks.oss = {
      title: track.title,
      ...(track.phases.length > 0 ? { phases: track.phases } : {}),
      summary,
      targets: track.targets.map((target, index) => {
        if (!target.why) mark([...path, "targets", index, "why"], TODO);
        return { ...target, why: target.why || TODO };
      }),
      bars: track.bars.map((bar, index) => {
        const said = `${bar.minimum ?? ""} ${bar.goal ?? ""} ${bar.title ?? ""}`;
        const requires = REQUIRES.find(([pattern]) => pattern.test(said))?.[1] ?? "merged-pr";
        mark([...path, "bars", index, "requires"], "guessed: from the bar's words");
        const count = Number(/^\s*(\d+)\b/.exec(bar.minimum ?? bar.goal ?? "")?.[1] ?? 1);
        if (!bar.title) mark([...path, "bars", index, "title"], TODO);
        if (!bar.goal && !bar.minimum) mark([...path, "bars", index, "goal"], TODO);
        return {
          phase: bar.phase,
          title: bar.title ?? TODO,
          goal: bar.goal ?? bar.minimum ?? TODO,
          minimum: bar.minimum ?? bar.goal ?? TODO,
          requires,
          count: count > 0 ? count : 1,
          ...(bar.guidance.length > 0 ? { guidance: bar.guidance } : {}),
        };
      }),
      ...(Object.keys(notes).length > 0 ? { capstone_notes: notes } : {}),
    };
  }
  return tracks;
}
