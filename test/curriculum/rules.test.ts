import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCurriculum } from "../../src/curriculum/load.js";
import { MINI_CURRICULUM, reportedProblems } from "../helpers/setup.js";

const MINI = readFileSync(MINI_CURRICULUM, "utf8");

function errorsOf(text: string): string[] {
  return reportedProblems(() => parseCurriculum(text, "c.yaml"));
}

describe("curriculum rules", () => {
  it("accepts a curriculum whose choice-dependent weeks are covered by every option", () => {
    expect(errorsOf(MINI)).toEqual([]);
    const curriculum = parseCurriculum(MINI, "c.yaml");
    expect(curriculum.totalWeeks).toBe(6);
    expect([...curriculum.choices]).toEqual([["capstone", ["alpha", "beta"]]]);
  });

  it.each([
    {
      name: "a missing week",
      input: MINI.replace("  - weeks: 2-3\n", "  - weeks: 3\n"),
      errors: ["c.yaml:17:3: weeks: week 2 is missing"],
    },
    {
      name: "overlapping weeks",
      input: MINI.replace("  - weeks: 2-3\n", "  - weeks: 1-3\n"),
      errors: ["c.yaml:22:12: weeks[1].weeks: week 1 is planned twice (also by weeks[0])"],
    },
    {
      name: "an entry sharing several weeks with an earlier one, once",
      input: MINI.replace("  - weeks: 1\n", "  - weeks: 1-3\n"),
      errors: ["c.yaml:22:12: weeks[1].weeks: weeks 2–3 are planned twice (also by weeks[0])"],
    },
    {
      name: "a common entry planning a week the options plan, once",
      input: MINI.replace("projects:\n", "  - {weeks: 6, phase: 2, title: Extra, weekday: [x]}\nprojects:\n"),
      errors: ["c.yaml:39:13: weeks[4].weeks: week 6 is planned twice (also by weeks[2])"],
    },
    {
      name: "a week past the last week a curriculum may have",
      input: MINI.replace("    weeks: 4-6\n    objective:", "    weeks: 4-1001\n    objective:"),
      errors: ["c.yaml:14:12: phases[1].weeks: week 1001 is past week 1000: at most 1000 are accepted"],
    },
    {
      name: "more open-source targets than are searched",
      input: `${MINI}  oss:\n    title: OSS\n    summary: s\n    targets:\n${Array.from({ length: 101 }, (_, index) => `      - {repo: o/r${index}, name: r, why: w}`).join("\n")}\n`,
      errors: [
        "c.yaml:76:7: tracks.oss.targets: at most 100 target repositories: each is searched on every run",
      ],
    },
    {
      name: "a week outside its phase",
      input: MINI.replace("  - weeks: 2-3\n    phase: 1\n", "  - weeks: 2-3\n    phase: 2\n"),
      errors: ["c.yaml:22:12: weeks[1].weeks: week 2–3 is outside its phase 2 (weeks 4–6)"],
    },
    {
      name: "a week in a phase that does not exist",
      input: MINI.replace("  - weeks: 1\n    phase: 1\n", "  - weeks: 1\n    phase: 9\n"),
      errors: ["c.yaml:18:12: weeks[0].phase: phase 9 does not exist (phases: 1, 2)"],
    },
    {
      name: "a project in a phase that does not exist",
      input: MINI.replace(
        "    phase: 1\n    weeks: 2-3\n    summary: A calculator.",
        "    phase: 3\n    weeks: 2-3\n    summary: A calculator.",
      ),
      errors: ["c.yaml:42:12: projects[0].phase: phase 3 does not exist (phases: 1, 2)"],
    },
    {
      name: "an option missing a week",
      input: MINI.replace(
        "  - weeks: 4-6\n    phase: 2\n    option: beta\n",
        "  - weeks: 4-5\n    phase: 2\n    option: beta\n",
      ),
      errors: ['c.yaml:17:3: weeks: week 6 is missing for option "beta"'],
    },
    {
      name: "an option that is not a choice",
      input: MINI.replace("    option: beta\n", "    option: calc\n"),
      errors: [
        'c.yaml:35:13: weeks[3].option: "calc" is not a project with a choice group (options are projects with `choice`)',
        'c.yaml:17:3: weeks: weeks 4–6 are missing for option "beta"',
      ],
    },
    {
      name: "a range written backwards",
      input: MINI.replace("  - weeks: 2-3\n", "  - weeks: 3-2\n"),
      errors: ['c.yaml:22:12: weeks[1].weeks: "3-2" is not an ascending range of positive numbers'],
    },
    {
      name: "a phase gap",
      input: MINI.replace(
        "    weeks: 4-6\n    objective: Build something.",
        "    weeks: 5-6\n    objective: Build something.",
      ),
      errors: expect.arrayContaining(["c.yaml:14:12: phases[1].weeks: week 4 belongs to no phase"]),
    },
    {
      name: "hours whose minimum is above their maximum",
      input: MINI.replace("weekly_hours: {min: 3, max: 4}", "weekly_hours: {min: 9, max: 3}"),
      errors: ["c.yaml:4:17: time_budget.weekly_hours: min (9) is more than max (3)"],
    },
    {
      name: "a project's weeks written as a list",
      input: MINI.replace(
        "    phase: 1\n    weeks: 2-3\n    summary:",
        "    phase: 1\n    weeks: [2, 3]\n    summary:",
      ),
      errors: [
        'c.yaml:43:12: projects[0].weeks: expected a week number such as 5, or a range of weeks such as "5-7"; got a list (write [2, 3] as "2-3")',
      ],
    },
    {
      name: "a week entry's weeks that are neither a number nor a range",
      input: MINI.replace("  - weeks: 2-3\n", "  - weeks: two\n"),
      errors: [
        'c.yaml:22:12: weeks[1].weeks: expected a week number such as 5, or a range of weeks such as "5-7"; got "two"',
      ],
    },
    {
      name: "a track with no topics",
      input: MINI.replace("topics: [Arrays]", "topics: []"),
      errors: ["c.yaml:69:17: tracks.dsa.stages[0].topics: must list at least 1 item (got none)"],
    },
    {
      name: "a phase starting before the previous one ends",
      input: MINI.replace("    weeks: 4-6\n    objective: Build", "    weeks: 3-6\n    objective: Build"),
      errors: ["c.yaml:14:12: phases[1].weeks: weeks 3–6 overlap the previous phase"],
    },
    {
      name: "two projects with one slug",
      input: MINI.replace("  - slug: beta\n", "  - slug: calc\n"),
      errors: [
        'c.yaml:54:11: projects[2].slug: project "calc" is defined twice',
        'c.yaml:35:13: weeks[3].option: "beta" is not a project with a choice group (options are projects with `choice`)',
        'c.yaml:17:3: weeks: weeks 4–6 are missing for option "calc"',
      ],
    },
    {
      name: "a drill stage in a phase that does not exist",
      input: MINI.replace("      - months: 1-12\n", "      - months: 1-12\n        phases: [9]\n"),
      errors: ["c.yaml:68:18: tracks.dsa.stages[0].phases[0]: phase 9 does not exist"],
    },
    {
      name: "drills that do not start in the first month",
      input: MINI.replace("      - months: 1-12\n", "      - months: 2-12\n"),
      errors: ["c.yaml:67:17: tracks.dsa.stages[0].months: the first stage must start in month 1"],
    },
    {
      name: "a month without drills between two stages",
      input: MINI.replace(
        "      - months: 1-12\n        title: All\n",
        "      - months: 1-3\n        title: All\n        topics: [Arrays]\n        problems_per_week: {min: 2, max: 2}\n      - months: 5-12\n        title: Rest\n",
      ),
      errors: ["c.yaml:71:17: tracks.dsa.stages[1].months: months 5–12 do not follow months 1–3"],
    },
  ])("reports $name", ({ input, errors }) => {
    expect(errorsOf(input)).toEqual(errors);
  });

  it("accepts a 110-week curriculum that reuses one small anchor in every week", () => {
    const weeks = Array.from(
      { length: 109 },
      (_, index) => `  - {weeks: ${index + 2}, phase: 1, title: Week ${index + 2}, weekday: *weekday}`,
    );
    const text = [
      "id: long",
      "title: A long course",
      "time_budget: {weekly_hours: {min: 3, max: 4}}",
      "phases:",
      "  - {number: 1, title: All, weeks: 1-110, objective: Keep going.}",
      "weeks:",
      "  - {weeks: 1, phase: 1, title: Week 1, weekday: &weekday [Read a chapter, Do its exercises]}",
      ...weeks,
      "",
    ].join("\n");
    expect(errorsOf(text)).toEqual([]);
    const curriculum = parseCurriculum(text, "c.yaml");
    expect(curriculum.totalWeeks).toBe(110);
    expect(curriculum.weeks[109]?.weekday).toEqual(["Read a chapter", "Do its exercises"]);
  });

  it("reports schema problems with the path of the bad field", () => {
    const errors = errorsOf(
      MINI.replace(
        "    title: First steps with `tool`\n",
        "    title: First steps with `tool`\n    weekday_typo: 1\n",
      ),
    );
    expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(/unknown key "weekday_typo"/)]));
  });
});
