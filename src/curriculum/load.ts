import { InputError, MAX_REPORTED_PROBLEMS } from "../errors.js";
import { parseYamlSource } from "../yaml/source.js";
import { locatedProblems, validateSource } from "../yaml/validate.js";
import { curriculumRuleIssues, lastWeek } from "./rules.js";
import { curriculumSchema, type ParsedCurriculum, type Project, type WeekEntry } from "./schema.js";

/** A validated curriculum, with what every consumer derives from it computed once. */
export interface Curriculum extends ParsedCurriculum {
  /** The file it was read from, for error messages. */
  file: string;
  totalWeeks: number;
  /** choice group -> the slugs of its options, e.g. capstone -> [docforge, formulaengine, ruleforge]. */
  choices: ReadonlyMap<string, readonly string[]>;
}

export function parseCurriculum(text: string, file: string): Curriculum {
  const source = parseYamlSource(text, file);
  const parsed = validateSource(curriculumSchema, source);
  const issues = curriculumRuleIssues(parsed);
  if (issues.length > 0)
    throw new InputError(
      locatedProblems(source, issues.slice(0, MAX_REPORTED_PROBLEMS)),
      Math.max(0, issues.length - MAX_REPORTED_PROBLEMS),
    );
  const choices = new Map<string, string[]>();
  for (const project of parsed.projects) {
    if (project.choice) choices.set(project.choice, [...(choices.get(project.choice) ?? []), project.slug]);
  }
  return { ...parsed, file, totalWeeks: lastWeek(parsed), choices };
}

/**
 * The plan of week `n`: the common entry, or the entries of each option when the week depends on a
 * choice. With `chosen` (the learner's picks), only the chosen option's entry.
 */
export function entriesForWeek(curriculum: Curriculum, n: number, chosen: ReadonlySet<string>): WeekEntry[] {
  const entries = curriculum.weeks.filter((week) => week.weeks.from <= n && n <= week.weeks.to);
  const common = entries.filter((week) => week.option === undefined);
  if (common.length > 0) return common;
  const picked = entries.filter((week) => week.option !== undefined && chosen.has(week.option));
  return picked.length > 0 ? picked : entries;
}

/** Projects that are planned: every project outside a choice group, and the chosen options. */
export function plannedProjects(curriculum: Curriculum, chosen: ReadonlySet<string>): Project[] {
  return curriculum.projects.filter((project) => project.choice === undefined || chosen.has(project.slug));
}

export function phaseOf(curriculum: Curriculum, week: number) {
  const phase = curriculum.phases.find(
    (candidate) => candidate.weeks.from <= week && week <= candidate.weeks.to,
  );
  if (!phase) throw new RangeError(`week ${week} is outside the curriculum (1–${curriculum.totalWeeks})`);
  return phase;
}

/**
 * What the week's two lists of work are called: the curriculum's names for its time blocks, else
 * plain words (no block of the day is assumed).
 */
export function timeBlockNames(curriculum: Pick<Curriculum, "time_budget">): {
  weekday: string;
  weekend: string;
} {
  const split = curriculum.time_budget.split;
  return {
    weekday: split?.weekday.label ?? (split ? "Weekdays" : "Tasks"),
    weekend: split?.weekend.label ?? "Weekend",
  };
}

/** The title of a choice's option (a project), for texts: its slug only when no project has it. */
export function optionTitle(curriculum: Pick<Curriculum, "projects">, slug: string): string {
  return curriculum.projects.find((project) => project.slug === slug)?.title ?? slug;
}
