import { describe, expect, it } from "vitest";
import { importPlan } from "../../src/import/index.js";
import { fixture, importValid } from "./helpers.js";

/** Plan documents in other shapes than the seed's, written for these tests. */

describe("a Markdown plan with a phase table and **Week N:** bullets", () => {
  const { curriculum, result } = importValid(fixture("typescript-web-12w.md"), "typescript-web-12w.md");

  it("takes phases from the table and headings, weeks from bold bullets and a numbered list", () => {
    expect(curriculum.title).toBe("Full-Stack TypeScript in 12 Weeks");
    expect(curriculum.time_budget.weekly_hours).toEqual({ min: 6, max: 8 });
    expect(curriculum.phases.map((phase) => [phase.number, phase.title, phase.weeks])).toEqual([
      [1, "Language and Tooling", { from: 1, to: 4 }],
      [2, "Servers and Data", { from: 5, to: 8 }],
      [3, "Shipping", { from: 9, to: 12 }],
    ]);
    expect(curriculum.weeks.map((week) => [week.weeks.from, week.weeks.to, week.phase, week.title])).toEqual([
      [1, 1, 1, "Types, interfaces and narrowing"],
      [2, 2, 1, "Generics and utility types"],
      [3, 4, 1, "Build `tasklog`"],
      [5, 5, 2, "HTTP from first principles"],
      [6, 6, 2, "Routing, validation and errors"],
      [7, 8, 2, "Build `linkbox`"],
      [9, 9, 3, "Containers"],
      [10, 10, 3, "Continuous integration"],
      [11, 12, 3, "Build `statuspage`"],
    ]);
    expect(curriculum.weeks[0]?.weekend).toEqual(["Set up the editor, linter and tests"]);
  });

  it("takes projects from headings, with the weeks that build them, commands from a fenced block and done-when items", () => {
    expect(
      curriculum.projects.map((project) => [project.slug, project.phase, project.weeks, project.tagline]),
    ).toEqual([
      ["tasklog", 1, { from: 3, to: 4 }, "A command-line task journal"],
      ["linkbox", 2, { from: 7, to: 8 }, "A bookmark service with tags"],
      ["statuspage", 3, { from: 11, to: 12 }, "A status page for your services"],
    ]);
    const tasklog = curriculum.projects[0];
    expect(tasklog?.commands).toEqual(['tasklog add "wrote the parser"', "tasklog report --week"]);
    expect(tasklog?.checks).toEqual([
      "`tasklog add` and `tasklog report` work from a fresh install",
      "Every command has a test",
    ]);
    expect(curriculum.phases[0]?.checks).toEqual([
      "Can you explain structural typing to a Java programmer?",
      "When does a type guard narrow a union?",
    ]);
    expect(curriculum.phases[0]?.concepts).toEqual([
      "Structural typing",
      "Narrowing with type guards",
      "Generics and constraints",
    ]);
    expect(curriculum.phases[1]?.study_material[0]).toEqual({
      title: "Node.js Design Patterns",
      detail: "chapters 1–4",
    });
    expect(curriculum.resources.map((resource) => resource.name)).toEqual([
      "The TypeScript Handbook",
      "Node.js Design Patterns",
    ]);
  });

  it("marks the project whose document states no check", () => {
    expect(curriculum.projects[2]?.checks).toEqual(["TODO: fill in"]);
    expect(result.yaml).toMatch(
      /# TODO: fill in: what done means \(the document states no check\)\n {4}checks:\n {6}- "TODO: fill in"/,
    );
    expect(result.findings.filter((finding) => finding.severity !== "info")).toEqual([]);
  });
});

describe("a plain-text plan with ALL CAPS headings, 'Weeks 3-5' ranges and Option A/B", () => {
  const { curriculum, result } = importValid(fixture("data-engineering-16w.txt"), "data-engineering-16w.txt");

  it("reads ALL CAPS phase headings and week ranges written with a hyphen or 'to'", () => {
    expect(curriculum.title).toBe("Data Engineering Fundamentals");
    expect(curriculum.subtitle).toBe("A 16-week plan for analysts moving into engineering");
    expect(curriculum.time_budget.weekly_hours).toEqual({ min: 5, max: 7 });
    expect(curriculum.phases.map((phase) => [phase.title, phase.weeks])).toEqual([
      ["SQL and Modelling", { from: 1, to: 6 }],
      ["Pipelines", { from: 7, to: 12 }],
      ["Capstone", { from: 13, to: 16 }],
    ]);
    expect(curriculum.weeks.map((week) => [week.weeks.from, week.weeks.to, week.option ?? null])).toEqual([
      [1, 2, null],
      [3, 3, null],
      [4, 6, null],
      [7, 7, null],
      [8, 12, null],
      [13, 14, "lakehouse"],
      [15, 16, "lakehouse"],
      [13, 16, "streamboard"],
    ]);
    expect(curriculum.phases[0]?.checks).toEqual([
      "Can you explain a star schema?",
      "Can you write a running total without a self-join?",
    ]);
  });

  it("makes Option A/B after 'Choose one of' a choice group, and reads a practice track by months", () => {
    expect(curriculum.choices.get("capstone")).toEqual(["lakehouse", "streamboard"]);
    expect(
      curriculum.projects.map((project) => [project.slug, project.weeks, project.label ?? null]),
    ).toEqual([
      ["warehouse-lite", { from: 4, to: 6 }, null],
      ["flowpipe", { from: 8, to: 12 }, null],
      ["lakehouse", { from: 13, to: 16 }, "Option A"],
      ["streamboard", { from: 13, to: 16 }, "Option B"],
    ]);
    expect(curriculum.projects[1]?.summary).toBe(
      "Move a day of events from an API into the warehouse, safely twice.",
    );
    const dsa = curriculum.tracks.dsa;
    expect(dsa?.title).toBe("SQL Drills");
    expect(dsa?.hours_per_week).toEqual({ min: 2, max: 2 });
    expect(
      dsa?.stages.map((stage) => [stage.months, stage.phases, stage.topics, stage.problems_per_week]),
    ).toEqual([
      [{ from: 1, to: 2 }, [1], ["Joins", "Aggregation", "Subqueries"], { min: 3, max: 4 }],
      [{ from: 3, to: 4 }, [2, 3], ["Window functions", "Recursive queries"], { min: 2, max: 3 }],
    ]);
    expect(result.yaml).toMatch(/goal: "TODO: fill in" # TODO: fill in/);
    expect(result.yaml).toMatch(
      /objective: Choose one of the two capstones below. # guessed: the phase's opening text/,
    );
    expect(result.findings).toContainEqual({
      line: 31,
      severity: "warning",
      message: 'choice group "capstone" named after its phase (guessed)',
    });
  });
});

describe("a short course that states no phase", () => {
  const { curriculum, result } = importValid(fixture("git-basics.md"), "git-basics.md");

  it("gets one phase over its stated weeks, marked TODO, and a warning saying so", () => {
    expect(curriculum.title).toBe("Git Basics in Three Weeks");
    expect(curriculum.phases).toHaveLength(1);
    expect(curriculum.phases[0]?.weeks).toEqual({ from: 1, to: 3 });
    expect(curriculum.weeks.map((week) => week.title)).toEqual([
      "Commits and history",
      "Branches and merging",
      "Remotes and pull requests",
    ]);
    expect(result.yaml).toContain("# TODO: the document states no phase");
    expect(result.yaml).toMatch(
      /weekly_hours: \{ min: 0, max: 0 \} # TODO: fill in: hours a week \(none stated\)/,
    );
    expect(result.findings).toContainEqual({
      line: 0,
      severity: "warning",
      message:
        "no phase is stated: one phase spans the stated weeks 1–3; divide it into phases if the course has them",
    });
  });

  it("refuses nothing it can draft, but a document with neither phase nor week is an error", () => {
    const empty = importPlan("Just some notes\n\nNothing planned here.");
    expect(empty.valid).toBe(false);
    expect(empty.findings).toContainEqual({
      line: 0,
      severity: "error",
      message: "no phase and no week found: nothing to draft a curriculum from",
    });
  });
});

describe("a Markdown plan whose modules name their weeks, with a choice offered by a week entry", () => {
  const { curriculum, result } = importValid(fixture("go-backend-8w.md"), "go-backend-8w.md");

  it("ties the options to the weeks that offer them and names their group after that entry", () => {
    expect(
      curriculum.projects.map((project) => [
        project.slug,
        project.phase,
        project.weeks,
        project.choice ?? null,
      ]),
    ).toEqual([
      ["tinyapi", 1, { from: 3, to: 3 }, null],
      ["shortlink", 2, { from: 7, to: 8 }, "capstone"],
      ["chatd", 2, { from: 7, to: 8 }, "capstone"],
    ]);
    expect(result.findings.map((finding) => finding.message)).toContain(
      'choice group "capstone" named after the week that offers it (guessed)',
    );
    expect(result.yaml).toContain(
      "choice: capstone # guessed: the group is named after the week that offers it",
    );
  });
});
