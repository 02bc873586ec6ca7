import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkConfig, parseConfig } from "../../src/config/load.js";
import { DEMO_CONFIG_GO, demoConfigText, demoSetup, derivedConfig } from "../../src/demo/config.js";
import { type DemoYear, simulateYear } from "../../src/demo/learner.js";
import { planContext } from "../../src/model/context.js";
import { trackedRepositories } from "../../src/progress/portfolios.js";
import { loadCurriculumFile } from "../../src/setup/local.js";
import { MINI_CURRICULUM, repoPath } from "../helpers/setup.js";

/** The demo learner of a course other than the Rust year speaks of that course, and of nothing it lacks. */

const commitsOf = (year: DemoYear) => year.days.flatMap((day) => day.commits);

describe("the demo learner of the Go course", () => {
  const { config, curriculum } = demoSetup(demoConfigText("go-web-services-10w"));
  const context = planContext(config, curriculum);
  const years = [1, 2, 3, 4, 5].map((seed) => simulateYear(context, seed));

  it("plays the embedded config, which is examples/syllabot-go.yml", () => {
    expect(DEMO_CONFIG_GO).toBe(readFileSync(repoPath("examples/syllabot-go.yml"), "utf8"));
  });

  it("commits Go work to the three project repositories, and nothing of Rust, DSA or open source", () => {
    const projects = new Set(trackedRepositories(config));
    for (const year of years) {
      const commits = commitsOf(year);
      expect(commits.length).toBeGreaterThan(30);
      for (const commit of commits) {
        expect(projects.has(commit.repo), commit.repo).toBe(true);
        expect(commit.message).not.toMatch(/rust|cargo|clippy|Problem:/i);
        for (const file of Object.keys(commit.files)) expect(file).toMatch(/\.(go|md)$/);
        expect(commit.intent.problems).toEqual([]);
      }
      expect(year.days.flatMap((day) => [...day.pulls, ...day.engagements])).toEqual([]);
      expect(year.weeks.every((week) => week.problems === 0)).toBe(true);
    }
  });

  it("finishes every project once and closes each week it does not give up, in hours near the course's budget", () => {
    for (const year of years) {
      const claimed = commitsOf(year).flatMap((commit) => commit.intent.projects);
      expect(claimed.sort()).toEqual(["jobqueue", "linkcheck", "shorturl"]);
      const closing = commitsOf(year).flatMap((commit) => commit.intent.weeks);
      expect(new Set(closing)).toEqual(
        new Set(year.weeks.filter((week) => week.fate !== "overdue").map((week) => week.week)),
      );
      expect(year.weeks).toHaveLength(10);
      // 6–8 h a week is the budget; the learner's good weeks average inside it.
      const good = year.weeks.filter((week) => week.fate === "on-time");
      const average = good.reduce((sum, week) => sum + week.minutes, 0) / good.length / 60;
      expect(average).toBeGreaterThanOrEqual(5.5);
      expect(average).toBeLessThanOrEqual(8.5);
    }
  });
});

describe("the demo of a course without written words", () => {
  const curriculum = loadCurriculumFile(MINI_CURRICULUM);

  it("makes a config from the course: its projects, the first option of its choice", () => {
    const text = derivedConfig(curriculum);
    const config = checkConfig(parseConfig(text, "derived.yml"), curriculum);
    expect(config.capstone).toBe("alpha");
    expect(config.projects).toEqual({ calc: { repo: "octocat/calc" }, alpha: { repo: "octocat/alpha" } });
    // The course has a DSA track: its solutions need a repository.
    expect(config.dsa).toBe("octocat/dsa");
  });

  it("draws its topics and project steps from the course, never a Rust word", () => {
    const config = checkConfig(parseConfig(derivedConfig(curriculum), "derived.yml"), curriculum);
    const year = simulateYear(planContext(config, curriculum), 3);
    const messages = commitsOf(year).map((commit) => commit.message);
    expect(messages.some((message) => message.includes("values and types"))).toBe(true);
    expect(messages.some((message) => message.startsWith("calc: it adds"))).toBe(true);
    expect(messages.join("\n")).not.toMatch(/rust|cargo|clippy/i);
  });
});
