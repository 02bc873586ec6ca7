import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Emulator } from "@syllabot/github-emulator";
import { validateAgainstOpenApi } from "@syllabot/github-emulator/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Temporal } from "../../src/calendar.js";
import { checkConfig, parseConfig } from "../../src/config/load.js";
import { LEDGER_PATH } from "../../src/config/paths.js";
import { loadBuiltinCurriculum } from "../../src/curriculum/builtin.js";
import type { Curriculum } from "../../src/curriculum/load.js";
import type { ActualIssue } from "../../src/model/actual.js";
import { type PlanContext, planContext } from "../../src/model/context.js";
import { keyOf } from "../../src/model/markers.js";
import { type Ledger, parseLedger } from "../../src/progress/ledger.js";
import { formatDate } from "../../src/render/dates.js";
import { REGION_END, REGION_START } from "../../src/render/readme.js";
import { remind, runUseCases, trackPush } from "../../src/use-cases/index.js";
import { emulatedGateway } from "../helpers/emulated-github.js";
import { runCli } from "../helpers/run-cli.js";

/**
 * The whole life of a portfolio, as a learner lives it, on each bundled curriculum and in each
 * repository layout: validate, plan, apply, a push tracked as the app tracks it, refresh, remind,
 * status and rebuild. What is asserted is what the learner would notice (an issue made once, a week
 * closed by its commit, README numbers that are the ledger's, a second identical run that writes
 * nothing, a rebuilt ledger equal to the tracked one), so that an assumption that holds only for
 * the Rust year, or only for one repository per project, fails here.
 *
 * Each case plays two weeks: the CLI's apply on the first morning, a commit closing week 1 (with a
 * logged time) in the first project's repository, a commit finishing the first project in week 2,
 * then the scheduled work and the reads on the Wednesday of week 2.
 */

const LEARNER = "octocat";
const PORTFOLIO = `${LEARNER}/portfolio`;
const WEB_URL = "https://github.com";

type Layout = "one repository per project" | "monorepo" | "portfolio is a project repository";

interface Course {
  id: string;
  start: string;
  timezone: string;
  /** The config's extra lines (a capstone choice, for a course that has one). */
  extra: string[];
}

const COURSES: Course[] = [
  {
    id: "rust-systems-1y",
    start: "2026-03-02",
    timezone: "Asia/Kolkata",
    extra: ["capstone: formulaengine"],
  },
  { id: "go-web-services-10w", start: "2027-01-04", timezone: "Europe/Berlin", extra: [] },
];

/** The config's `projects:` lines for a layout: every planned project of the course. */
function projectLines(curriculum: Curriculum, chosen: string | undefined, layout: Layout): string[] {
  const planned = curriculum.projects.filter(
    (project) => project.choice === undefined || project.slug === chosen,
  );
  return [
    "projects:",
    ...planned.map((project, index) => {
      if (layout === "monorepo")
        return `  ${project.slug}: {repo: ${LEARNER}/studies, path: ${project.slug}}`;
      if (layout === "portfolio is a project repository" && index === 0)
        return `  ${project.slug}: ${PORTFOLIO}`;
      return `  ${project.slug}: ${LEARNER}/${project.slug}`;
    }),
  ];
}

function configText(course: Course, curriculum: Curriculum, layout: Layout): string {
  const chosen = course.extra.find((line) => line.startsWith("capstone:"))?.split(": ")[1];
  return [
    `learner: ${LEARNER}`,
    `emails: [${LEARNER}@github.com]`,
    `start: ${course.start}`,
    `timezone: ${course.timezone}`,
    `curriculum: ${course.id}`,
    ...course.extra,
    ...projectLines(curriculum, chosen, layout),
    "backfill: close",
    "",
  ].join("\n");
}

const LAYOUTS: Layout[] = ["one repository per project", "monorepo", "portfolio is a project repository"];

describe.each(COURSES.flatMap((course) => LAYOUTS.map((layout) => [course.id, layout, course] as const)))(
  "the life cycle of %s, %s",
  (_id, layout, course) => {
    const curriculum = loadBuiltinCurriculum(course.id);
    const folder = mkdtempSync(join(tmpdir(), "syllabot-life-"));
    const configFile = join(folder, "syllabot.yml");
    const text = configText(course, curriculum, layout);
    writeFileSync(configFile, text);

    const start = Temporal.PlainDate.from(course.start);
    const week2 = start.add({ days: 7 });
    const today = start.add({ days: 9 });
    const instant = (date: Temporal.PlainDate, hour: number) =>
      date.toZonedDateTime({ timeZone: course.timezone, plainTime: { hour } }).toInstant().toString();

    let clock = instant(start, 7);
    let emulator: Emulator;
    let context: PlanContext;
    const gatewayFor = (repo: string) => emulatedGateway(emulator, repo, true);
    const gateway = () => gatewayFor(PORTFOLIO);
    const cli = (args: string[]) =>
      runCli([...args, "--config", configFile, "--api-url", emulator.url], { GITHUB_TOKEN: emulator.token });
    const writes = () => emulator.log.filter((entry) => entry.write);
    const managedIssues = async () =>
      (await gateway().readAllIssues()).filter(
        (issue: ActualIssue) => issue.pull_request === undefined && keyOf(issue.body) !== undefined,
      );
    const readLedger = async (): Promise<Ledger | undefined> =>
      parseLedger((await gateway().readFile(LEDGER_PATH)) ?? "");
    const firstProject = () => {
      const slug = Object.keys(context.config.projects)[0] ?? "";
      return { slug, repo: context.config.projects[slug]?.repo ?? "" };
    };

    beforeAll(async () => {
      emulator = await Emulator.start({
        limits: { enabled: false },
        now: () => new Date(clock),
        login: LEARNER,
      });
      emulator.addUser(LEARNER, { emails: [`${LEARNER}@github.com`] });
      emulator.createRepo(PORTFOLIO);
      emulator.addCommit(PORTFOLIO, {
        message: "Set up syllabot",
        author: LEARNER,
        files: {
          "README.md": `# My studies\n\n${REGION_START}\n${REGION_END}\n`,
          ".github/syllabot.yml": text,
        },
      });
      for (const repo of new Set(Object.values(parseConfigRepos(text)))) {
        if (repo !== PORTFOLIO) emulator.createRepo(repo);
      }
    });
    afterAll(async () => {
      await emulator?.close();
      if (emulator) expect(validateAgainstOpenApi(emulator.log)).toEqual([]);
    });

    it("validates the config against its course, and plans every week and project", async () => {
      context = planContext(checkConfig(parseConfig(text, "syllabot.yml"), curriculum), curriculum, WEB_URL);
      const validated = await runCli(["validate", configFile]);
      expect(validated.code, validated.stderr).toBe(0);
      const planned = await runCli(["plan", "--config", configFile, "--today", course.start, "--json"]);
      expect(planned.code, planned.stderr).toBe(0);
      const plan = JSON.parse(planned.stdout) as {
        operations: { op: string; kind: string; key: string }[];
      };
      const issueKeys = plan.operations.filter(
        (op) => op.op === "create" && op.kind === "issue" && /^(week|project)-/.test(op.key),
      );
      expect(issueKeys).toHaveLength(curriculum.totalWeeks + Object.keys(context.config.projects).length);
    });

    it("applies once: every issue made once, and a second identical apply writes nothing", async () => {
      const first = await cli(["apply", "--repo", PORTFOLIO, "--today", course.start, "--pace", "0"]);
      expect(first.code, first.stderr).toBe(0);
      const issues = await managedIssues();
      const keys = issues.map((issue) => keyOf(issue.body));
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.filter((key) => key?.startsWith("week-"))).toHaveLength(curriculum.totalWeeks);
      expect(keys.filter((key) => key?.startsWith("project-"))).toHaveLength(
        Object.keys(context.config.projects).length,
      );
      emulator.clearLog();
      const second = await cli(["apply", "--repo", PORTFOLIO, "--today", course.start, "--pace", "0"]);
      expect(second.code, second.stderr).toBe(0);
      expect(writes()).toEqual([]);
    });

    it("closes a week when its commit lands, and the project when its commit says so", async () => {
      const { slug, repo } = firstProject();
      const pushes = [
        {
          at: instant(start.add({ days: 3 }), 20),
          message: "notes: first steps\n\ncloses week 1\n\nTime: 2h",
        },
        {
          at: instant(week2.add({ days: 1 }), 21),
          message: `${slug}: first version, closes project ${slug}\n\nTime: 1h30m`,
        },
      ];
      for (const push of pushes) {
        clock = push.at;
        const sha = emulator.addCommit(repo, {
          message: push.message,
          author: LEARNER,
          date: push.at,
          files: { [`${slug}/notes-${push.at.slice(0, 10)}.md`]: push.message },
        });
        await trackPush({
          portfolios: async () => [{ repo: PORTFOLIO, config: context.config, curriculum }],
          pushedRepo: repo,
          commits: [
            {
              sha,
              message: push.message,
              repo,
              url: `${WEB_URL}/${repo}/commit/${sha}`,
              timestamp: push.at,
              authorLogin: LEARNER,
              authorEmail: `${LEARNER}@github.com`,
              // As a push payload lists them (added, modified, removed).
              files: [`${slug}/notes-${push.at.slice(0, 10)}.md`],
            },
          ],
          gatewayFor,
          serverUrl: WEB_URL,
        });
      }
      const issues = await managedIssues();
      const state = (key: string) => issues.find((issue) => keyOf(issue.body) === key)?.state;
      expect(state("week-01")).toBe("closed");
      expect(state("week-02")).toBe("open");
      expect(state(`project-${slug}`)).toBe("closed");
      const ledger = await readLedger();
      expect(
        Object.values(ledger?.commits ?? {})
          .map((commit) => commit.minutes)
          .sort(),
      ).toEqual([120, 90]);
    });

    it("refreshes on schedule a README whose numbers are the ledger's, and a second run writes nothing", async () => {
      clock = instant(today, 6);
      // The scheduled run (the app's tick, the Action's `all`): catch-up sync and tracking, README, reminders.
      const first = await runUseCases({ gateway: gateway(), context, gatewayFor, today });
      expect(first.refresh?.commit).toBeDefined();
      const readme = (await gateway().readFile("README.md")) ?? "";
      const ledger = await readLedger();
      expect(ledger?.pace).toMatchObject({ asOf: today.toString(), done: 1, expected: 1 });
      expect(readme).toContain(`**Pace:** 1 of ${curriculum.totalWeeks} weeks done`);
      expect(readme).toContain("3.5 h logged in all");
      expect(readme).not.toContain("**Streak:**\n");
      if (!curriculum.tracks.oss) expect(readme).not.toMatch(/open-source/i);
      emulator.clearLog();
      const second = await runUseCases({ gateway: gateway(), context, gatewayFor, today });
      expect(second.refresh?.commit).toBeUndefined();
      expect(writes()).toEqual([]);
    });

    it("reminds of nothing early in the course, and writes nothing", async () => {
      emulator.clearLog();
      const result = await remind({ gateway: gateway(), context, gatewayFor, today });
      expect(result.sent).toEqual([]);
      expect(writes()).toEqual([]);
    });

    it("prints the same pace as the README, and nothing of tracks the course lacks", async () => {
      const { code, stdout, stderr } = await cli([
        "status",
        "--repo",
        PORTFOLIO,
        "--today",
        today.toString(),
      ]);
      expect(code, stderr).toBe(0);
      expect(stdout).toContain(`1 of ${curriculum.totalWeeks} weeks done`);
      if (!curriculum.tracks.oss) expect(stdout).not.toMatch(/open-source|OSS/i);
      if (!curriculum.tracks.dsa) expect(stdout).not.toMatch(/DSA/);
    });

    it("says the same pace everywhere: on plan or ahead never projects a late finish", async () => {
      const pace = (await readLedger())?.pace;
      expect(pace?.status).not.toBe("behind");
      expect(
        Temporal.PlainDate.compare(pace?.projectedFinish ?? "", pace?.plannedFinish ?? ""),
      ).toBeLessThanOrEqual(0);
      const { stdout } = await cli(["status", "--repo", PORTFOLIO, "--today", today.toString()]);
      const finish = formatDate(Temporal.PlainDate.from(pace?.projectedFinish ?? ""));
      expect(stdout).toContain(
        pace?.projectedFinish === pace?.plannedFinish
          ? `finish as planned, ${finish}`
          : `projected finish ${finish}`,
      );
    });

    it("rebuilds the same ledger from the repositories' histories", async () => {
      const tracked = await readLedger();
      const { code, stderr } = await cli(["rebuild", "--repo", PORTFOLIO, "--pace", "0"]);
      expect(code, stderr).toBe(0);
      const rebuilt = await readLedger();
      expect(rebuilt?.commits).toEqual(tracked?.commits);
      const logged = Object.values(rebuilt?.commits ?? {}).filter((commit) => commit.minutes > 0);
      expect(logged.map((commit) => commit.minutes).sort()).toEqual([120, 90]);
    });
  },
);

/** The repositories a config's `projects` names, in either form (`owner/name` or `{repo, path}`). */
function parseConfigRepos(text: string): Record<string, string> {
  const repos: Record<string, string> = {};
  for (const match of text.matchAll(/^ {2}([a-z0-9-]+): (?:\{repo: )?([\w-]+\/[\w.-]+)/gm)) {
    repos[match[1] ?? ""] = match[2] ?? "";
  }
  return repos;
}
