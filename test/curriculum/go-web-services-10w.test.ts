import { describe, expect, it } from "vitest";
import { builtinCurriculumIds, loadBuiltinCurriculum } from "../../src/curriculum/builtin.js";
import { runCli } from "../helpers/run-cli.js";
import { repoPath } from "../helpers/setup.js";

/**
 * The second bundled course: short, no choice of projects, no practice or open-source track. Its
 * shape is the point (the engine must not lean on the Rust year's), so the shape is what is pinned.
 */
describe("the bundled go-web-services-10w curriculum", () => {
  const curriculum = loadBuiltinCurriculum("go-web-services-10w");

  it("is a built-in id beside the Rust year", () => {
    expect(builtinCurriculumIds()).toEqual(["go-web-services-10w", "rust-systems-1y"]);
  });

  it("has 10 weeks in 3 phases, every week planned once, and 3 projects without a choice", () => {
    expect(curriculum.totalWeeks).toBe(10);
    expect(curriculum.phases.map((phase) => [phase.weeks.from, phase.weeks.to])).toEqual([
      [1, 3],
      [4, 7],
      [8, 10],
    ]);
    const planned = curriculum.weeks.flatMap((entry) =>
      Array.from({ length: entry.weeks.to - entry.weeks.from + 1 }, (_, index) => entry.weeks.from + index),
    );
    expect(planned).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(curriculum.projects.map((project) => project.slug)).toEqual(["linkcheck", "shorturl", "jobqueue"]);
    expect(curriculum.projects.every((project) => project.choice === undefined)).toBe(true);
    expect(curriculum.weeks.every((week) => week.option === undefined)).toBe(true);
    expect(curriculum.tracks).toEqual({});
  });

  it("passes syllabot validate, with its example config", async () => {
    const { code, stdout, stderr } = await runCli([
      "validate",
      repoPath("curriculum/go-web-services-10w.yaml"),
      repoPath("examples/syllabot-go.yml"),
    ]);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('curriculum "go-web-services-10w": 3 phases, 10 weeks, 3 projects');
    expect(stdout).toContain('config for @octocat: curriculum "go-web-services-10w", start 2027-01-04');
  });
});
