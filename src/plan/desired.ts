import { dueOnFor, spanOfWeeks, weekOn, weekSpan } from "../calendar.js";
import type { Config } from "../config/schema.js";
import { phaseOf, plannedProjects } from "../curriculum/load.js";
import { keys, labelNames, type PlainDate, type PlanContext } from "../model/context.js";
import { renderMilestone, renderProjectIssue, renderWeekIssue } from "../render/issue-bodies.js";
import { fitLine, GITHUB_LIMITS } from "../text/github-limits.js";
import { terminalSafe } from "../text/terminal.js";
import { backfillNote } from "./installation.js";

export interface DesiredLabel {
  kind: "label";
  key: string;
  name: string;
  color: string;
  description: string;
}

export interface DesiredMilestone {
  kind: "milestone";
  key: string;
  title: string;
  description: string;
  /** The phase's last local day; what GitHub must show as the due date. */
  dueDate: PlainDate;
  due_on: string;
}

export interface DesiredIssue {
  kind: "issue";
  key: string;
  title: string;
  body: string;
  labels: string[];
  milestoneKey: string;
  /**
   * Set when its weeks ended before installation: the backfill policy then decides. Such an issue
   * is not created under `skip`, and starts closed under `close`; one that exists (made before the
   * start, time zone or curriculum moved its weeks into the past) is closed as that policy says.
   */
  backfill?: Config["backfill"];
}

export interface DesiredState {
  labels: DesiredLabel[];
  milestones: DesiredMilestone[];
  issues: DesiredIssue[];
}

/** Okabe–Ito colours: distinguishable with every common form of colour-blindness. */
const PHASE_COLORS = ["e69f00", "56b4e9", "009e73", "f0e442", "0072b2", "d55e00", "cc79a7"];

export function desiredLabels(context: PlanContext): DesiredLabel[] {
  const names = labelNames(context.config.labels.prefix);
  const label = (name: string, color: string, description: string): DesiredLabel => ({
    kind: "label",
    key: name.toLowerCase(),
    name,
    color,
    description,
  });
  return [
    label(names.managed, "5319e7", "Managed by syllabot"),
    label(names.week, "bfd4f2", "A week of the curriculum"),
    ...(plannedProjects(context.curriculum, context.chosen).length > 0
      ? [label(names.project, "0e8a16", "A project of the curriculum")]
      : []),
    ...context.curriculum.phases.map((phase) =>
      label(
        names.phase(phase.number),
        PHASE_COLORS[(phase.number - 1) % PHASE_COLORS.length] ?? "ededed",
        fitLine(
          terminalSafe(`Phase ${phase.number}: ${phase.title}`).replace(/`/g, ""),
          GITHUB_LIMITS.labelDescription.max,
        ),
      ),
    ),
    ...(context.curriculum.tracks.dsa ? [label(names.track("dsa"), "fbca04", "DSA track")] : []),
    ...(context.curriculum.tracks.oss ? [label(names.track("oss"), "1d76db", "Open-source track")] : []),
  ];
}

/**
 * The GitHub objects that should exist. `installedOn` is the day syllabot was installed: new
 * issues for weeks that ended before it follow the backfill policy.
 */
export function desiredState(context: PlanContext, installedOn: PlainDate, today: PlainDate): DesiredState {
  const { curriculum, config, calendar } = context;
  const lastWeekDue = lastWeekToCreate(context, today);
  const names = labelNames(config.labels.prefix);
  const milestones = curriculum.phases.map((phase): DesiredMilestone => {
    const rendered = renderMilestone(context, phase);
    const { last } = spanOfWeeks(calendar, phase.weeks.from, phase.weeks.to);
    return {
      kind: "milestone",
      key: rendered.key,
      title: rendered.title,
      description: rendered.body,
      dueDate: last,
      due_on: dueOnFor(last),
    };
  });

  const backfill = (note: string | undefined) => (note ? { backfill: config.backfill } : {});
  const issues: DesiredIssue[] = [];
  for (let week = 1; week <= Math.min(curriculum.totalWeeks, lastWeekDue); week++) {
    const note = backfillNote(config, weekSpan(calendar, week).last, installedOn);
    const phase = phaseOf(curriculum, week).number;
    const rendered = renderWeekIssue(context, week, note);
    issues.push({
      kind: "issue",
      ...rendered,
      labels: [names.managed, names.week, names.phase(phase)],
      milestoneKey: keys.phase(phase),
      ...backfill(note),
    });
  }
  for (const project of plannedProjects(curriculum, context.chosen)) {
    if (project.weeks.from > lastWeekDue) continue;
    const note = backfillNote(
      config,
      spanOfWeeks(calendar, project.weeks.from, project.weeks.to).last,
      installedOn,
    );
    const rendered = renderProjectIssue(context, project, note);
    issues.push({
      kind: "issue",
      ...rendered,
      labels: [names.managed, names.project, names.phase(project.phase)],
      milestoneKey: keys.phase(project.phase),
      ...backfill(note),
    });
  }
  return { labels: desiredLabels(context), milestones, issues };
}

/** With `issues_ahead: N`, issues exist up to N weeks after the current one (before the start, week N). */
function lastWeekToCreate(context: PlanContext, today: PlainDate): number {
  const ahead = context.config.issues_ahead;
  if (ahead === "all") return Number.POSITIVE_INFINITY;
  const position = weekOn(context.calendar, today);
  const current =
    position.kind === "before"
      ? 0
      : position.kind === "during"
        ? position.week
        : context.curriculum.totalWeeks;
  return current + ahead;
}
