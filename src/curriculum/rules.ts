import type { RuleIssue } from "../yaml/validate.js";
import type { ParsedCurriculum, Range } from "./schema.js";

/**
 * Cross-field checks that a schema cannot express; every finding, not just the first. The work is
 * linear in the curriculum's entries and weeks (both bounded by the schema and the YAML limits).
 */
export function curriculumRuleIssues(curriculum: ParsedCurriculum): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const phases = new Map<number, Range>();
  curriculum.phases.forEach((phase, index) => {
    if (phases.has(phase.number))
      issues.push({ path: ["phases", index, "number"], message: `phase ${phase.number} is defined twice` });
    phases.set(phase.number, phase.weeks);
  });
  const phaseNumbers = [...phases.keys()].join(", ");
  const totalWeeks = lastWeek(curriculum);
  for (const issue of phaseCoverageIssues(curriculum, totalWeeks)) issues.push(issue);

  const projects = new Map(curriculum.projects.map((project) => [project.slug, project]));
  const seenSlugs = new Set<string>();
  curriculum.projects.forEach((project, index) => {
    if (seenSlugs.has(project.slug))
      issues.push({
        path: ["projects", index, "slug"],
        message: `project "${project.slug}" is defined twice`,
      });
    seenSlugs.add(project.slug);
    const window = phases.get(project.phase);
    if (!window)
      issues.push({
        path: ["projects", index, "phase"],
        message: `phase ${project.phase} does not exist (phases: ${phaseNumbers})`,
      });
    else if (!within(project.weeks, window))
      issues.push({
        path: ["projects", index, "weeks"],
        message: `weeks ${show(project.weeks)} are outside phase ${project.phase} (weeks ${show(window)})`,
      });
    project.replaces.forEach((replaced, replacedIndex) => {
      if (projects.has(replaced.slug))
        issues.push({
          path: ["projects", index, "replaces", replacedIndex, "slug"],
          message: `"${replaced.slug}" is replaced but is still a project of the curriculum`,
        });
    });
  });

  curriculum.weeks.forEach((week, index) => {
    const window = phases.get(week.phase);
    if (!window)
      issues.push({
        path: ["weeks", index, "phase"],
        message: `phase ${week.phase} does not exist (phases: ${phaseNumbers})`,
      });
    else if (!within(week.weeks, window))
      issues.push({
        path: ["weeks", index, "weeks"],
        message: `week ${show(week.weeks)} is outside its phase ${week.phase} (weeks ${show(window)})`,
      });
    if (week.option !== undefined) {
      const option = projects.get(week.option);
      if (!option?.choice)
        issues.push({
          path: ["weeks", index, "option"],
          message: `"${week.option}" is not a project with a choice group (options are projects with \`choice\`)`,
        });
    }
  });
  for (const issue of weekCoverageIssues(curriculum)) issues.push(issue);

  const dsa = curriculum.tracks.dsa;
  dsa?.stages.forEach((stage, index) => {
    stage.phases.forEach((number, phaseIndex) => {
      if (!phases.has(number))
        issues.push({
          path: ["tracks", "dsa", "stages", index, "phases", phaseIndex],
          message: `phase ${number} does not exist`,
        });
    });
    const previous = dsa.stages[index - 1];
    if (previous && stage.months.from !== previous.months.to + 1)
      issues.push({
        path: ["tracks", "dsa", "stages", index, "months"],
        message: `months ${show(stage.months)} do not follow months ${show(previous.months)}`,
      });
  });
  if (dsa?.stages[0] && dsa.stages[0].months.from !== 1)
    issues.push({
      path: ["tracks", "dsa", "stages", 0, "months"],
      message: "the first stage must start in month 1",
    });

  const oss = curriculum.tracks.oss;
  const barPhases = new Set<number>();
  oss?.bars.forEach((bar, index) => {
    if (!phases.has(bar.phase))
      issues.push({
        path: ["tracks", "oss", "bars", index, "phase"],
        message: `phase ${bar.phase} does not exist`,
      });
    if (barPhases.has(bar.phase))
      issues.push({
        path: ["tracks", "oss", "bars", index, "phase"],
        message: `phase ${bar.phase} has two bars`,
      });
    barPhases.add(bar.phase);
  });
  for (const slug of Object.keys(oss?.capstone_notes ?? {})) {
    if (!projects.has(slug))
      issues.push({
        path: ["tracks", "oss", "capstone_notes", slug],
        message: `"${slug}" is not a project of the curriculum`,
        atKey: true,
      });
  }
  return issues;
}

function phaseCoverageIssues(curriculum: ParsedCurriculum, totalWeeks: number): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const sorted = curriculum.phases
    .map((phase, index) => ({ phase, index }))
    .sort((a, b) => a.phase.weeks.from - b.phase.weeks.from);
  let next = 1;
  for (const { phase, index } of sorted) {
    if (phase.weeks.from > next)
      issues.push({
        path: ["phases", index, "weeks"],
        message: `${phase.weeks.from - next === 1 ? "week" : "weeks"} ${show({ from: next, to: phase.weeks.from - 1 })} ${phase.weeks.from - next === 1 ? "belongs" : "belong"} to no phase`,
      });
    if (phase.weeks.from < next)
      issues.push({
        path: ["phases", index, "weeks"],
        message: `weeks ${show(phase.weeks)} overlap the previous phase`,
      });
    next = Math.max(next, phase.weeks.to + 1);
  }
  if (next !== totalWeeks + 1) issues.push({ path: ["phases"], message: "phases must cover every week" });
  return issues;
}

/** The curriculum's last week: where its last phase ends. */
export function lastWeek(curriculum: Pick<ParsedCurriculum, "phases">): number {
  return curriculum.phases.reduce((last, phase) => Math.max(last, phase.weeks.to), 0);
}

/**
 * Every week 1..N must be planned exactly once: by a common entry, or, for weeks that depend on a
 * choice, by one entry of every option in that choice group. Entries naming an option that is not
 * a choice are reported elsewhere and left out here.
 */
function weekCoverageIssues(curriculum: ParsedCurriculum): RuleIssue[] {
  const groupOf = new Map<string, string>();
  for (const project of curriculum.projects) if (project.choice) groupOf.set(project.slug, project.choice);
  const entries = curriculum.weeks;
  // For each week number, the entries planning it, in file order.
  const planners: number[][] = [];
  entries.forEach((entry, index) => {
    if (entry.option !== undefined && !groupOf.has(entry.option)) return;
    for (let n = entry.weeks.from; n <= entry.weeks.to; n++) {
      const planning = planners[n];
      if (planning) planning.push(index);
      else planners[n] = [index];
    }
  });
  return [
    ...overlapIssues(entries, planners),
    ...missingWeekIssues(entries, planners, groupOf, lastWeek(curriculum)),
  ];
}

/**
 * An entry planning a week that an earlier entry of the same scenario already plans (a common entry,
 * or one of the same option), reported once per earlier entry with the weeks they share.
 */
function overlapIssues(entries: ParsedCurriculum["weeks"], planners: readonly number[][]): RuleIssue[] {
  const shared = new Map<number, Map<number, number[]>>();
  planners.forEach((indexes, n) => {
    let firstCommon: number | undefined;
    const firstOfOption = new Map<string, number>();
    for (const index of indexes) {
      const option = entries[index]?.option;
      const earlier =
        option === undefined
          ? indexes[0]
          : Math.min(firstCommon ?? index, firstOfOption.get(option) ?? index);
      if (earlier !== undefined && earlier !== index) {
        const byEarlier = shared.get(index) ?? new Map<number, number[]>();
        shared.set(index, byEarlier);
        const weeks = byEarlier.get(earlier);
        if (weeks) weeks.push(n);
        else byEarlier.set(earlier, [n]);
      }
      if (option === undefined) firstCommon ??= index;
      else if (!firstOfOption.has(option)) firstOfOption.set(option, index);
    }
  });
  return [...shared.keys()]
    .sort((a, b) => a - b)
    .flatMap((index) =>
      [...(shared.get(index) ?? [])].map(([earlier, weeks]) => ({
        path: ["weeks", index, "weeks"],
        message: `${weeksPhrase(weeks)} planned twice (also by weeks[${earlier}])`,
      })),
    );
}

/**
 * Weeks no entry plans: once when whatever the learner chooses, else per option of the group that
 * decides the week and leaves it out. A week decided by two groups' options is refused: which of
 * the two plans would it follow?
 */
function missingWeekIssues(
  entries: ParsedCurriculum["weeks"],
  planners: readonly number[][],
  groupOf: ReadonlyMap<string, string>,
  totalWeeks: number,
): RuleIssue[] {
  const everywhere: number[] = [];
  const missingFor = new Map<string, number[]>();
  const twoGroups = new Map<string, number[]>();
  for (let n = 1; n <= totalWeeks; n++) {
    const planned = (planners[n] ?? []).map((index) => entries[index]?.option);
    if (planned.includes(undefined)) continue;
    if (planned.length === 0) {
      everywhere.push(n);
      continue;
    }
    const covered = new Set(planned);
    const groups = [...new Set(planned.map((option) => groupOf.get(option ?? "")))];
    if (groups.length > 1) {
      const key = groups.map((group) => `"${group}"`).join(" and ");
      twoGroups.set(key, [...(twoGroups.get(key) ?? []), n]);
      continue;
    }
    for (const [option, group] of groupOf) {
      if (group !== groups[0] || covered.has(option)) continue;
      missingFor.set(option, [...(missingFor.get(option) ?? []), n]);
    }
  }
  const issues: RuleIssue[] = [];
  if (everywhere.length > 0) issues.push({ path: ["weeks"], message: `${weeksPhrase(everywhere)} missing` });
  for (const [groups, weeks] of twoGroups)
    issues.push({
      path: ["weeks"],
      message: `${weeks.length === 1 ? `week ${weeks[0]} depends` : `weeks ${compress(weeks)} depend`} on two choice groups (${groups}); a week may depend on one`,
    });
  for (const [option, weeks] of missingFor)
    issues.push({ path: ["weeks"], message: `${weeksPhrase(weeks)} missing for option "${option}"` });
  return issues;
}

function weeksPhrase(weeks: number[]): string {
  return weeks.length === 1 ? `week ${weeks[0]} is` : `weeks ${compress(weeks)} are`;
}

function within(inner: Range, outer: Range): boolean {
  return inner.from >= outer.from && inner.to <= outer.to;
}

export function show(range: Range): string {
  return range.from === range.to ? String(range.from) : `${range.from}–${range.to}`;
}

function compress(numbers: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === (numbers[j] ?? 0) + 1) j++;
    parts.push(show({ from: numbers[i] ?? 0, to: numbers[j] ?? 0 }));
    i = j + 1;
  }
  return parts.join(", ");
}
