import type { RuleIssue } from "../yaml/validate.js";
import type { ParsedCurriculum, Range } from "./schema.js";

/** Cross-field checks that a schema cannot express; every finding, not just the first. */
export function curriculumRuleIssues(curriculum: ParsedCurriculum): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const phases = new Map<number, Range>();
  curriculum.phases.forEach((phase, index) => {
    if (phases.has(phase.number))
      issues.push({ path: ["phases", index, "number"], message: `phase ${phase.number} is defined twice` });
    phases.set(phase.number, phase.weeks);
  });
  const totalWeeks = Math.max(...curriculum.phases.map((phase) => phase.weeks.to));
  issues.push(...phaseCoverageIssues(curriculum, totalWeeks));

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
        message: `phase ${project.phase} does not exist (phases: ${[...phases.keys()].join(", ")})`,
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
        message: `phase ${week.phase} does not exist (phases: ${[...phases.keys()].join(", ")})`,
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
  issues.push(...weekCoverageIssues(curriculum, totalWeeks));

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

/**
 * Every week 1..N must be planned exactly once: by a common entry, or, for weeks that depend on a
 * choice, by one entry of every option in that choice group.
 */
function weekCoverageIssues(curriculum: ParsedCurriculum, totalWeeks: number): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const groups = new Map<string, string[]>();
  for (const project of curriculum.projects) {
    if (project.choice) groups.set(project.choice, [...(groups.get(project.choice) ?? []), project.slug]);
  }
  const options = [...groups.values()].flat();
  const scenarios: (string | undefined)[] = options.length > 0 ? options : [undefined];
  const reported = new Set<string>();
  const missingByScenario = new Map<string | undefined, number[]>();
  for (const option of scenarios) {
    const owner = new Map<number, number>();
    curriculum.weeks.forEach((week, index) => {
      if (week.option !== undefined && week.option !== option) return;
      for (let n = week.weeks.from; n <= week.weeks.to; n++) {
        const previous = owner.get(n);
        if (previous !== undefined) {
          const message = `week ${n} is planned twice (also by weeks[${previous}])`;
          if (!reported.has(`${index}:${message}`)) issues.push({ path: ["weeks", index, "weeks"], message });
          reported.add(`${index}:${message}`);
        } else owner.set(n, index);
      }
    });
    const missing: number[] = [];
    for (let n = 1; n <= totalWeeks; n++) if (!owner.has(n)) missing.push(n);
    missingByScenario.set(option, missing);
  }
  // A week missing whatever the learner chooses is reported once; the rest per option.
  const everywhere = (missingByScenario.get(scenarios[0]) ?? []).filter((n) =>
    scenarios.every((option) => missingByScenario.get(option)?.includes(n)),
  );
  if (everywhere.length > 0) issues.push({ path: ["weeks"], message: `${weeksPhrase(everywhere)} missing` });
  for (const [option, missing] of missingByScenario) {
    const only = missing.filter((n) => !everywhere.includes(n));
    if (only.length > 0)
      issues.push({ path: ["weeks"], message: `${weeksPhrase(only)} missing for option "${option}"` });
  }
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
