import { stringify } from "yaml";
import { parseCurriculum } from "../src/curriculum/load.js";

/** A valid curriculum of `weeks` weeks in 5 phases with 10 projects, shaped like the bundled one. */
export function syntheticCurriculum(weeks: number) {
  const phaseLength = Math.ceil(weeks / 5);
  const phases = Array.from({ length: 5 }, (_, index) => ({
    number: index + 1,
    title: `Phase ${index + 1}`,
    weeks: `${index * phaseLength + 1}-${Math.min(weeks, (index + 1) * phaseLength)}`,
    objective: "Learn `things` with **care**.",
    concepts: ["Ownership — `String` vs `&str`", "Traits", "Lifetimes"],
    checks: ["Can you explain it?"],
  })).filter((phase) => Number(phase.weeks.split("-")[0]) <= weeks);
  const phaseOf = (week: number) => Math.floor((week - 1) / phaseLength) + 1;
  const projectLength = Math.max(1, Math.floor(weeks / 10));
  return parseCurriculum(
    stringify({
      id: `synthetic-${weeks}`,
      title: `Synthetic ${weeks}`,
      time_budget: { weekly_hours: { min: 8, max: 10 } },
      phases,
      weeks: Array.from({ length: weeks }, (_, index) => ({
        weeks: index + 1,
        phase: phaseOf(index + 1),
        title: `Week ${index + 1} work`,
        weekday: ["Read chapter `x`", "Do the exercises"],
        weekend: ["Build the project"],
      })),
      projects: Array.from({ length: 10 }, (_, index) => {
        const from = index * projectLength + 1;
        const to = Math.min(weeks, from + projectLength - 1);
        return {
          slug: `project-${index + 1}`,
          title: `Project ${index + 1}`,
          phase: phaseOf(from),
          weeks: `${from}-${Math.min(to, phaseOf(from) * phaseLength)}`,
          summary: "A tool.",
          checks: ["It works"],
        };
      }).filter((project) => Number(project.weeks.split("-")[0]) <= weeks),
    }),
    `synthetic-${weeks}.yaml`,
  );
}
