import { spanOfWeeks, weekSpan } from "../calendar.js";
import { entriesForWeek, optionTitle, phaseOf, plannedProjects, timeBlockNames } from "../curriculum/load.js";
import { show } from "../curriculum/rules.js";
import type { Phase, Project, WeekEntry } from "../curriculum/schema.js";
import { keys, locationName, locationUrl, type PlanContext, repoUrl } from "../model/context.js";
import { titleMarker } from "../model/markers.js";
import { dsaTargetFor } from "../progress/dsa.js";
import { trackedRepositories } from "../progress/portfolios.js";
import { fitLine, fitText, GITHUB_LIMITS, type TextLimit } from "../text/github-limits.js";
import { plainText } from "../text/markdown.js";
import { noun } from "../text/plural.js";
import { formatSpan } from "./dates.js";
import { renderTemplate } from "./liquid.js";
import { managedBody } from "./managed-body.js";
import { link } from "./readme.js";

export interface RenderedObject {
  key: string;
  title: string;
  body: string;
}

/**
 * A managed body cut to GitHub's limit (a curriculum's week may be long): its region is cut, so the
 * plan compares the same text each time. Titles are cut before their fingerprint is taken.
 */
function fitBody(key: string, content: string, limit: TextLimit = GITHUB_LIMITS.issueBody): string {
  return fitText(managedBody(key, content), limit);
}

export function renderWeekIssue(context: PlanContext, week: number, backfill?: string): RenderedObject {
  const { curriculum, calendar } = context;
  const phase = phaseOf(curriculum, week);
  const entries = entriesForWeek(curriculum, week, context.chosen);
  const undecided = entries.length > 1;
  const options = entries.map((entry) => ({
    slug: entry.option ?? "",
    title: plainText(optionTitle(curriculum, entry.option ?? "")),
  }));
  const title = fitLine(
    undecided
      ? `Week ${week}: ${plainText(phase.title)}, ${options.map((option) => option.title).join(" | ")}`
      : `Week ${week}: ${plainText(entries[0]?.title ?? phase.title)}`,
    GITHUB_LIMITS.issueTitle.max,
  );
  const block = entries[0] && entries[0].weeks.to > entries[0].weeks.from ? entries[0].weeks : undefined;
  const span = weekSpan(calendar, week);
  const split = curriculum.time_budget.split;
  const blocks = timeBlockNames(curriculum);
  const hours = (range?: { min: number; max: number }) =>
    range ? ` (${range.min === range.max ? range.min : `${range.min}–${range.max}`} h)` : "";
  const sections = entries.flatMap((entry, index) => {
    const suffix = undecided ? `: ${options[index]?.title}` : "";
    return [
      { heading: `${blocks.weekday}${hours(split?.weekday.hours)}${suffix}`, items: entry.weekday },
      { heading: `${blocks.weekend}${hours(split?.weekend.hours)}${suffix}`, items: entry.weekend },
    ].filter((section) => section.items.length > 0);
  });
  const project = weekProject(context, week, entries);
  const dsa = dsaTarget(context, week);
  const content = renderTemplate("week-issue.md", {
    title_marker: titleMarker(title),
    phase: { number: phase.number, title: phase.title },
    week,
    total_weeks: curriculum.totalWeeks,
    dates: formatSpan(span.first, span.last),
    block: block
      ? { index: week - block.from + 1, count: block.to - block.from + 1, range: show(block) }
      : false,
    backfill: backfill ?? false,
    choose: undecided ? choiceNote(context, options) : false,
    sections,
    project: project ?? false,
    concepts: phase.concepts,
    dsa: dsa ?? false,
    close_where: closeWhere(context),
    close_example: `closes week ${week}`,
    close_trailer: `Week: ${week}`,
  });
  return { key: keys.week(context, week), title, body: fitBody(keys.week(context, week), content) };
}

/** The project worked on in a week: the planned project whose weeks include it. */
function weekProject(context: PlanContext, week: number, entries: WeekEntry[]) {
  const project = context.curriculum.projects.find(
    (candidate) =>
      candidate.weeks.from <= week &&
      week <= candidate.weeks.to &&
      (candidate.choice === undefined || context.chosen.has(candidate.slug)) &&
      (entries.length === 1 || candidate.choice === undefined),
  );
  if (!project) return undefined;
  const location = context.config.projects[project.slug];
  return {
    title: project.title,
    repo: location ? locationName(location) : false,
    url: location ? locationUrl(context, location) : "",
  };
}

/** The note on a week that waits for a pick: the group, its options, and the setting that picks one. */
function choiceNote(context: PlanContext, options: { slug: string; title: string }[]) {
  const { curriculum } = context;
  const group = curriculum.projects.find((project) => project.slug === options[0]?.slug)?.choice ?? "";
  // `capstone:` is the older key, kept for the curricula with one group of that name.
  const setting =
    group === "capstone" && curriculum.choices.size === 1 ? "capstone:" : `choices: {${group}: OPTION}`;
  return {
    group,
    options: options
      .map((option) => (option.title === option.slug ? option.slug : `${option.title} (${option.slug})`))
      .join(" | "),
    setting,
  };
}

/**
 * Where a commit closes a week, as Markdown: the project repositories, and the work repositories;
 * in a course without projects, any tracked repository. False when no commit can close it.
 */
function closeWhere(context: PlanContext): string | false {
  const { config } = context;
  const hasProjects = plannedProjects(context.curriculum, context.chosen).length > 0;
  const others = hasProjects ? config.work_repos : trackedRepositories({ ...config, projects: {} });
  const links = others.map((repo) => link(repo, repoUrl(context, repo)));
  const listed = links.length > 1 ? `${links.slice(0, -1).join(", ")} or ${links.at(-1)}` : links[0];
  if (hasProjects) return listed ? `a project repository or to ${listed}` : "a project repository";
  return listed ?? false;
}

function dsaTarget(context: PlanContext, week: number) {
  const target = dsaTargetFor(context, week);
  if (!target) return undefined;
  return {
    target: target.min === target.max ? String(target.min) : `${target.min}–${target.max}`,
    problems: noun(target.max, "problem"),
    months: show(target.stage.months),
    title: target.stage.title,
    topics: target.stage.topics.join("; "),
  };
}

export function renderProjectIssue(
  context: PlanContext,
  project: Project,
  backfill?: string,
): RenderedObject {
  const { curriculum, calendar } = context;
  const phase = curriculum.phases.find((candidate) => candidate.number === project.phase) as Phase;
  const key = keys.project(project.slug);
  const title = fitLine(
    `Project ${plainText(project.title)}${project.tagline ? `: ${plainText(project.tagline)}` : ""}`,
    GITHUB_LIMITS.issueTitle.max,
  );
  const span = spanOfWeeks(calendar, project.weeks.from, project.weeks.to);
  const location = context.config.projects[project.slug];
  const alternatives = project.choice ? (curriculum.choices.get(project.choice) ?? []) : [];
  const content = renderTemplate("project-issue.md", {
    title_marker: titleMarker(title),
    phase: { number: phase.number, title: phase.title },
    weeks: show(project.weeks),
    dates: formatSpan(span.first, span.last),
    label: project.label ?? false,
    alternatives: alternatives.map((slug) => plainText(optionTitle(curriculum, slug))).join(", "),
    slug: project.slug,
    repo: location ? locationName(location) : false,
    url: location ? locationUrl(context, location) : "",
    backfill: backfill ?? false,
    tagline: project.tagline ?? false,
    summary: project.summary,
    description: project.description ?? false,
    commands: project.commands,
    checks: project.checks,
    concepts: project.concepts,
    study_material: project.study_material.map(studyLine),
    replaces: project.replaces,
    notes: project.notes,
    close_example: `closes project ${project.slug}`,
  });
  return { key, title, body: fitBody(key, content) };
}

function studyLine(item: Project["study_material"][number]): string {
  const extra = [item.detail, item.chapters && `chapters ${item.chapters}`, item.when].filter(Boolean);
  return extra.length > 0 ? `${item.title}: ${extra.join(", ")}` : item.title;
}

export function renderMilestone(context: PlanContext, phase: Phase): RenderedObject {
  const key = keys.phase(phase.number);
  const title = fitLine(`Phase ${phase.number}: ${plainText(phase.title)}`, GITHUB_LIMITS.milestoneTitle.max);
  const span = spanOfWeeks(context.calendar, phase.weeks.from, phase.weeks.to);
  const projects = context.curriculum.projects
    .filter(
      (project) =>
        project.phase === phase.number && (project.choice === undefined || context.chosen.has(project.slug)),
    )
    .map((project) => plainText(project.title));
  const content = renderTemplate("milestone.md", {
    title_marker: titleMarker(title),
    weeks: show(phase.weeks),
    dates: formatSpan(span.first, span.last),
    objective: phase.objective,
    projects: projects.join(", "),
  });
  return { key, title, body: fitBody(key, content, GITHUB_LIMITS.milestoneDescription) };
}
