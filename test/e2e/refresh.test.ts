import { Emulator } from "@syllabot/github-emulator";
import { validateAgainstOpenApi } from "@syllabot/github-emulator/testing";
import { XMLValidator } from "fast-xml-parser";
import ICAL from "ical.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CALENDAR_PATH, LEDGER_PATH } from "../../src/config/paths.js";
import type { FileCommit } from "../../src/github/gateway.js";
import { parseLedger } from "../../src/progress/ledger.js";
import { REGION_END, REGION_START } from "../../src/render/readme.js";
import { refresh, sync, trackHistory } from "../../src/use-cases/index.js";
import { emulatedGateway, PINNED } from "../helpers/emulated-github.js";
import { date, exampleContext } from "../helpers/setup.js";

const REPO = "octocat/portfolio";
let emulator: Emulator;
const gatewayFor = (repo: string) => emulatedGateway(emulator, repo);
const TODAY = date("2026-04-15");

beforeEach(async () => {
  emulator = await Emulator.start(PINNED("2026-03-02T04:00:00Z"));
  emulator.createRepo(REPO);
  emulator.createRepo("octocat/csvq");
  await sync({ gateway: gatewayFor(REPO), context: exampleContext(), today: date("2026-03-02") });
  for (const [message, when] of [
    ["skeleton, closes week 1\n\nTime: 3h", "2026-03-05T18:00:00Z"],
    ["parser, closes week 2\n\nTime: 2h30m", "2026-03-16T18:00:00Z"],
  ] as const) {
    emulator.addCommit("octocat/csvq", {
      message,
      author: "octocat",
      date: when,
      files: { [`notes/${when}.md`]: message },
    });
  }
  await trackHistory({ gateway: gatewayFor(REPO), context: exampleContext(), gatewayFor });
  emulator.clearLog();
});
afterEach(async () => {
  await emulator.close();
  expect(validateAgainstOpenApi(emulator.log)).toEqual([]);
});

const commits = () => emulator.log.filter((entry) => entry.operationId === "git/create-commit");

describe("refresh", () => {
  it("commits the README region, the pictures, the calendar and the ledger's pace in one commit, and nothing when nothing changed", async () => {
    const first = await refresh({ gateway: gatewayFor(REPO), context: exampleContext(), today: TODAY });
    expect(first.commit).toBeDefined();
    expect(commits()).toHaveLength(1);
    const readme = (await gatewayFor(REPO).readFile("README.md")) ?? "";
    expect(readme).toContain(REGION_START);
    expect(readme).toContain("Week 7 of 52, phase 2: Type System &amp; Patterns");
    expect(readme).toContain("2 of 52 weeks done, 4 weeks behind plan (6 expected by now)");
    for (const name of ["weeks", "phases", "hours"]) {
      for (const theme of ["light", "dark"]) {
        const svg = await gatewayFor(REPO).readFile(`.syllabot/${name}-${theme}.svg`);
        expect(XMLValidator.validate(svg ?? "")).toBe(true);
        expect(readme).toContain(`.syllabot/${name}-${theme}.svg`);
      }
    }
    const ledger = parseLedger((await gatewayFor(REPO).readFile(LEDGER_PATH)) ?? "");
    expect(ledger?.pace).toMatchObject({ asOf: "2026-04-15", done: 2, expected: 6, status: "behind" });
    // In the one commit's tree.
    const tree = emulator.log.find((entry) => entry.operationId === "git/create-tree");
    expect(JSON.stringify(tree?.requestBody)).toContain(CALENDAR_PATH);

    emulator.clearLog();
    const second = await refresh({ gateway: gatewayFor(REPO), context: exampleContext(), today: TODAY });
    expect(second.commit).toBeUndefined();
    expect(commits()).toHaveLength(0);
    // No write at all: the pictures were compared by their blob hashes from one tree listing.
    expect(emulator.log.filter((entry) => entry.write)).toEqual([]);
  });

  it("links each week in the calendar to its issue and each phase's deadline to its milestone, as GitHub numbered them", async () => {
    await refresh({ gateway: gatewayFor(REPO), context: exampleContext(), today: TODAY });
    const text = (await gatewayFor(REPO).readFile(CALENDAR_PATH)) ?? "";
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue("x-wr-timezone")).toBe("Asia/Kolkata");
    const events = new Map(
      calendar.getAllSubcomponents("vevent").map((vevent) => [
        String(vevent.getFirstPropertyValue("uid")),
        {
          url: String(vevent.getFirstPropertyValue("url")),
          start: new ICAL.Event(vevent).startDate.toString(),
        },
      ]),
    );
    const issues = await gatewayFor(REPO).readManagedState("syllabot");
    const week2 = issues.issues.find((issue) => issue.title.startsWith("Week 2:"));
    const phase1 = issues.milestones.find((milestone) => milestone.title.startsWith("Phase 1"));
    expect(week2?.html_url).toMatch(/^http/);
    expect(events.get("week-02@octocat/portfolio.syllabot")).toEqual({
      url: week2?.html_url,
      start: "2026-03-09",
    });
    expect(events.get("phase-1-due@octocat/portfolio.syllabot")?.url).toBe(
      `https://github.com/${REPO}/milestone/${phase1?.number}`,
    );
  });

  it("keeps the learner's text above and below the markers byte for byte, CRLF included", async () => {
    const above = "# My portfolio\r\n\r\nHello *world*, see @octocat.\r\n\r\n";
    const below = "\r\n\r\n## Contact\r\n\r\nmail me\r\n";
    emulator.addCommit(REPO, {
      message: "readme",
      author: "octocat",
      files: { "README.md": `${above}${REGION_START}\r\nold\r\n${REGION_END}${below}` },
    });
    await refresh({ gateway: gatewayFor(REPO), context: exampleContext(), today: TODAY });
    const readme = (await gatewayFor(REPO).readFile("README.md")) ?? "";
    expect(readme.startsWith(`${above}${REGION_START}\r\n`)).toBe(true);
    expect(readme.endsWith(`${REGION_END}${below}`)).toBe(true);
    expect(readme).not.toContain("\r\nold\r\n");
    // The region takes the file's line endings.
    expect(readme.replace(/\r\n/g, "")).not.toContain("\n");
  });

  it("re-reads and re-renders when the branch moved meanwhile, and both changes survive", async () => {
    const gateway = gatewayFor(REPO);
    const commitFiles = gateway.commitFiles.bind(gateway);
    let renders = 0;
    gateway.commitFiles = (commit: FileCommit) =>
      commitFiles({
        ...commit,
        render: (current) => {
          renders += 1;
          // Someone pushes between syllabot's read of the branch and its ref update.
          if (renders === 1) {
            emulator.addCommit(REPO, {
              message: "notes",
              author: "octocat",
              files: { "notes.md": "mine\n" },
            });
          }
          return commit.render(current);
        },
      });
    const result = await refresh({ gateway, context: exampleContext(), today: TODAY });
    expect(result.commit).toBeDefined();
    expect(renders).toBe(2);
    expect(
      emulator.log.filter((entry) => entry.operationId === "git/update-ref").map((entry) => entry.status),
    ).toEqual([422, 200]);
    expect(await gatewayFor(REPO).readFile("notes.md")).toBe("mine\n");
    expect(await gatewayFor(REPO).readFile("README.md")).toContain(REGION_START);
  });

  it("uses the configured commit message and author, and marks the commit as syllabot's", async () => {
    const base = exampleContext();
    const context = {
      ...base,
      config: {
        ...base.config,
        commit: { message: "chore: progress", author: { name: "Octo Bot", email: "bot@example.com" } },
      },
    };
    await refresh({ gateway: gatewayFor(REPO), context, today: TODAY });
    const [created] = commits();
    expect(created?.requestBody).toMatchObject({
      message: "chore: progress\n\nSyllabot-Commit: refresh",
      author: { name: "Octo Bot", email: "bot@example.com" },
    });
  });
});
