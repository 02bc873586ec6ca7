import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkConfig, parseConfig } from "../../src/config/load.js";
import { parseCurriculum } from "../../src/curriculum/load.js";
import { planContext } from "../../src/model/context.js";
import { desiredState } from "../../src/plan/desired.js";
import { date, repoPath, reportedProblems } from "../helpers/setup.js";

/** A curriculum with two choice groups, `tool` (weeks 1–2) and `service` (weeks 3–4). */
const TWO_CHOICES = readFileSync(repoPath("test/fixtures/two-choices-curriculum.yaml"), "utf8");
const BASE = "learner: octocat\nstart: 2026-01-05\ntimezone: UTC\ncurriculum: two-choices.yaml\n";

function errorsOf(run: () => unknown): string[] {
  return reportedProblems(() => run());
}

function planFor(configText: string) {
  const curriculum = parseCurriculum(TWO_CHOICES, "two-choices.yaml");
  const context = planContext(checkConfig(parseConfig(configText, "syllabot.yml"), curriculum), curriculum);
  return desiredState(context, date("2026-01-05"), date("2026-01-05"));
}

const titles = (state: ReturnType<typeof planFor>) => state.issues.map((issue) => issue.title);

describe("several choice groups", () => {
  it("are a valid curriculum: each group covers its own weeks", () => {
    expect(errorsOf(() => parseCurriculum(TWO_CHOICES, "c.yaml"))).toEqual([]);
    expect([...parseCurriculum(TWO_CHOICES, "c.yaml").choices]).toEqual([
      ["tool", ["cli", "tui"]],
      ["service", ["gateway", "chat"]],
    ]);
  });

  it("still report an option that leaves out weeks its own group plans", () => {
    const broken = TWO_CHOICES.replace(
      "{weeks: 3-4, phase: 2, option: chat",
      "{weeks: 3, phase: 2, option: chat",
    );
    expect(errorsOf(() => parseCurriculum(broken, "c.yaml"))).toEqual([
      'c.yaml:16:3: weeks: week 4 is missing for option "chat"',
    ]);
  });

  it("refuse a week that depends on two groups at once, saying so", () => {
    const both = TWO_CHOICES.replace(
      "{weeks: 3-4, phase: 2, option: gateway",
      "{weeks: 2-2, phase: 1, option: gateway, title: Early gateway, weekday: [x]}\n  - {weeks: 3-4, phase: 2, option: gateway",
    ).replace(
      "{weeks: 3-4, phase: 2, option: chat",
      "{weeks: 2-2, phase: 1, option: chat, title: Early chat, weekday: [x]}\n  - {weeks: 3-4, phase: 2, option: chat",
    );
    expect(errorsOf(() => parseCurriculum(both, "c.yaml"))).toEqual([
      'c.yaml:16:3: weeks: week 2 depends on two choice groups ("tool" and "service"); a week may depend on one',
    ]);
  });

  it("title the weeks of an undecided choice with the options' project titles, not their slugs", () => {
    const state = planFor(BASE);
    expect(titles(state)).toContain("Week 3: Services, API gateway | Chat server");
    const week3 = state.issues.find((issue) => issue.key === "week-03");
    expect(week3?.body).toContain("### Tasks: API gateway");
    expect(week3?.body).toContain("`choices: {service: OPTION}`");
    expect(week3?.body).not.toMatch(/capstone|evening/i);
  });

  it("take one pick per group from choices:, planning each chosen option's weeks and project", () => {
    const state = planFor(`${BASE}choices: {tool: tui, service: chat}\n`);
    expect(titles(state)).toEqual([
      "Week 1: Build the TUI",
      "Week 2: Build the TUI",
      "Week 3: Build the chat server",
      "Week 4: Build the chat server",
      "Project Terminal interface",
      "Project Chat server",
    ]);
  });

  it("keep capstone: working as the pick of whichever group holds the option", () => {
    const state = planFor(`${BASE}capstone: gateway\nchoices: {tool: cli}\n`);
    expect(titles(state)).toContain("Week 3: Build the gateway");
    expect(titles(state)).toContain("Week 1: Build the CLI");
  });
});
