import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { localDate, spanOfWeeks, Temporal, weekSpan } from "../../src/calendar.js";
import { DEMO_CONFIG, demoSetup } from "../../src/demo/config.js";
import { type DemoYear, simulateYear } from "../../src/demo/learner.js";
import { mulberry32 } from "../../src/demo/random.js";
import { planContext } from "../../src/model/context.js";
import { parseCommitMessage } from "../../src/progress/commit-grammar.js";
import { dsaTargetFor } from "../../src/progress/dsa.js";
import { codeLines } from "../../src/progress/oss.js";
import { trackedRepositories } from "../../src/progress/portfolios.js";
import { thresholdsOf } from "../../src/remind/policy.js";
import { EXAMPLE_CONFIG } from "../helpers/setup.js";

const { config, curriculum } = demoSetup();
const context = planContext(config, curriculum);
const program = {
  totalWeeks: curriculum.totalWeeks,
  projectSlugs: new Set(curriculum.projects.map((project) => project.slug)),
};
const SEEDS = [...Array.from({ length: 40 }, (_, index) => index + 1), 2026, 4294967295];
const years = new Map(SEEDS.map((seed) => [seed, simulateYear(context, seed)]));
const year = (seed: number) => years.get(seed) as DemoYear;

const commitsOf = (demo: DemoYear) => demo.days.flatMap((day) => day.commits);
const local = (instant: string) => localDate(Temporal.Instant.from(instant), config.timezone);
const weekOf = (date: Temporal.PlainDate) =>
  Math.floor(context.calendar.start.until(date, { largestUnit: "days" }).days / 7) + 1;

describe("the demo learner's year", () => {
  it("plays the embedded config, which is examples/syllabot.yml", () => {
    expect(DEMO_CONFIG).toBe(readFileSync(EXAMPLE_CONFIG, "utf8"));
  });

  it("is a pure function of the program and the seed", () => {
    expect(simulateYear(context, 1)).toEqual(year(1));
    expect(JSON.stringify(simulateYear(context, 7))).toBe(JSON.stringify(year(7)));
    expect(commitsOf(year(1)).map((commit) => commit.message)).not.toEqual(
      commitsOf(year(2)).map((commit) => commit.message),
    );
    const random = mulberry32(5);
    const again = mulberry32(5);
    const draws = Array.from({ length: 100 }, () => random());
    expect(draws).toEqual(Array.from({ length: 100 }, () => again()));
    expect(draws.every((draw) => draw >= 0 && draw < 1)).toBe(true);
  });

  it("covers every day of the program, with commits in the tracked repositories at evening-ish local times", () => {
    const tracked = new Set(trackedRepositories(config));
    for (const seed of SEEDS) {
      const demo = year(seed);
      expect(demo.days).toHaveLength(curriculum.totalWeeks * 7);
      expect(demo.days[0]?.date).toBe(config.start.toString());
      for (const day of demo.days) {
        for (const commit of day.commits) {
          expect(tracked.has(commit.repo)).toBe(true);
          expect(local(commit.at).toString()).toBe(day.date);
          const hour = Temporal.Instant.from(commit.at).toZonedDateTimeISO(config.timezone).hour;
          expect(hour).toBeGreaterThanOrEqual(6);
        }
        const times = day.commits.map((commit) => Date.parse(commit.at));
        expect(times).toEqual([...times].sort((a, b) => a - b));
      }
    }
  });

  it("writes messages that the real grammar reads as meant", () => {
    for (const seed of SEEDS) {
      for (const commit of commitsOf(year(seed))) {
        const claims = parseCommitMessage(commit.message, program);
        expect(claims.rejected, commit.message).toEqual([]);
        expect(
          {
            weeks: claims.weeks,
            projects: claims.projects,
            minutes: claims.minutes,
            problems: claims.problems,
          },
          commit.message,
        ).toEqual(commit.intent);
      }
    }
  });

  it("uses the grammar's several forms", () => {
    const messages = SEEDS.flatMap((seed) => commitsOf(year(seed)).map((commit) => commit.message));
    for (const form of [
      /closes week \d+/,
      /^week \d+ done/m,
      /^Week: \d+$/m,
      /completes w\d+/,
      /done week \d\d/,
      /finished weeks \d+ and \d+/,
      /closes project [a-z0-9-]+/,
      /finished with project [a-z0-9-]+/,
      /completes project [a-z0-9-]+/,
      /^Time: \d+h\d+m$/m,
      /^Time: \d+m$/m,
      /^Problem: [a-z0-9-]+$/m,
    ]) {
      expect(
        messages.some((message) => form.test(message)),
        String(form),
      ).toBe(true);
    }
  });

  it("closes most weeks on their last days, some late, a couple never", () => {
    for (const seed of SEEDS) {
      const demo = year(seed);
      const claimed = new Map<number, Temporal.PlainDate>();
      for (const commit of commitsOf(demo)) {
        for (const week of commit.intent.weeks) claimed.set(week, local(commit.at));
      }
      const fates = demo.weeks.map((week) => week.fate);
      expect(fates.filter((fate) => fate === "overdue")).toHaveLength(2);
      expect(fates.filter((fate) => fate === "late").length).toBeGreaterThanOrEqual(4);
      expect(fates.filter((fate) => fate === "on-time").length).toBeGreaterThanOrEqual(40);
      for (const week of demo.weeks) {
        const last = weekSpan(context.calendar, week.week).last;
        const closed = claimed.get(week.week);
        if (week.fate === "overdue") {
          expect(closed).toBeUndefined();
          continue;
        }
        expect(closed?.toString(), `week ${week.week}`).toBe(week.closedOn);
        const after = last.until(closed as Temporal.PlainDate, { largestUnit: "days" }).days;
        if (week.fate === "on-time") expect(after).toBeGreaterThanOrEqual(-2);
        if (week.fate === "on-time") expect(after).toBeLessThanOrEqual(0);
        else expect(after).toBeGreaterThan(0);
      }
      // Every project is finished, in its repository.
      const finished = commitsOf(demo).flatMap((commit) =>
        commit.intent.projects.map((slug) => [slug, commit.repo] as const),
      );
      expect(new Map(finished)).toEqual(
        new Map(Object.entries(config.projects).map(([slug, location]) => [slug, location.repo])),
      );
    }
  });

  it("logs 6–11 hours in most weeks, never an implausible amount", () => {
    for (const seed of SEEDS) {
      const hours = year(seed).weeks.map((week) => week.minutes / 60);
      expect(Math.min(...hours)).toBeGreaterThanOrEqual(3);
      expect(Math.max(...hours)).toBeLessThanOrEqual(12);
      const typical = hours.filter((value) => value >= 6 && value <= 11).length;
      expect(typical / hours.length).toBeGreaterThanOrEqual(0.85);
      const mean = hours.reduce((sum, value) => sum + value, 0) / hours.length;
      expect(mean).toBeGreaterThan(7.5);
      expect(mean).toBeLessThan(9.5);
    }
  });

  it("solves DSA problems in line with each week's target", () => {
    for (const seed of SEEDS) {
      const demo = year(seed);
      const all = commitsOf(demo).flatMap((commit) => commit.intent.problems);
      expect(new Set(all).size).toBe(all.length);
      for (const week of demo.weeks) {
        const target = dsaTargetFor(context, week.week);
        if (!target) continue;
        expect(week.problems, `week ${week.week}`).toBeGreaterThanOrEqual(target.min - 1);
        expect(week.problems, `week ${week.week}`).toBeLessThanOrEqual(target.max + 1);
      }
      expect(
        commitsOf(demo).every((commit) => commit.intent.problems.length === 0 || commit.repo === config.dsa),
      ).toBe(true);
    }
  });

  it("merges a small PR in phase 3, a docs-only and a substantive one in phase 4 (late: after a reminder), and comments on an issue in phase 5", () => {
    const phase = (number: number) => {
      const weeks = curriculum.phases.find((candidate) => candidate.number === number)?.weeks ?? {
        from: 0,
        to: 0,
      };
      return spanOfWeeks(context.calendar, weeks.from, weeks.to);
    };
    const within = (instant: string, number: number) => {
      const { first, last } = phase(number);
      const day = local(instant);
      return Temporal.PlainDate.compare(first, day) <= 0 && Temporal.PlainDate.compare(day, last) <= 0;
    };
    for (const seed of SEEDS) {
      const demo = year(seed);
      const pulls = demo.days.flatMap((day) => day.pulls);
      expect(pulls.map((pull) => pull.kind).sort()).toEqual(["docs", "first", "substantive"]);
      for (const pull of pulls) {
        expect(config.oss.repos).toContain(pull.repo);
        expect(Date.parse(pull.createdAt)).toBeLessThan(Date.parse(pull.mergedAt));
        expect(within(pull.mergedAt, pull.kind === "first" ? 3 : 4), `${pull.kind} ${pull.mergedAt}`).toBe(
          true,
        );
        const lines = codeLines(pull.files);
        if (pull.kind === "substantive") expect(lines).toBeGreaterThan(config.oss.substantive_min_lines);
        if (pull.kind === "docs") expect(lines).toBe(0);
        if (pull.kind === "first") expect(lines).toBeLessThan(config.oss.substantive_min_lines);
        if (pull.kind === "substantive") {
          // Long in review, merged after the phase's first reminder and before its last two days.
          const merged = local(pull.mergedAt);
          const [lead21] = thresholdsOf(context, 4);
          expect(Temporal.PlainDate.compare(merged, lead21?.on as Temporal.PlainDate)).toBe(1);
          expect(merged.until(phase(4).last, { largestUnit: "days" }).days).toBeGreaterThanOrEqual(3);
          const review = local(pull.createdAt).until(merged, { largestUnit: "days" }).days;
          expect(review).toBeGreaterThanOrEqual(21);
          expect(review).toBeLessThanOrEqual(42);
        }
      }
      const engagements = demo.days.flatMap((day) => day.engagements);
      expect(engagements).toHaveLength(1);
      expect(within(engagements[0]?.comment.at ?? "", 5)).toBe(true);
      expect(Object.keys(demo.lastNumbers).sort()).toEqual([...(config.oss.repos ?? [])].sort());
    }
  });

  it("keeps each commit in the week it is dated, and every closing after the work it closes", () => {
    const demo = year(1);
    for (const day of demo.days) {
      for (const commit of day.commits) {
        for (const week of commit.intent.weeks) {
          expect(weekOf(local(commit.at))).toBeGreaterThanOrEqual(week);
        }
      }
    }
  });
});
