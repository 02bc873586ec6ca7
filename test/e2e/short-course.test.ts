import { readFileSync } from "node:fs";
import { Emulator } from "@syllabot/github-emulator";
import { validateAgainstOpenApi } from "@syllabot/github-emulator/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatStatus } from "../../src/commands/status.js";
import { checkConfig, parseConfig } from "../../src/config/load.js";
import { planContext } from "../../src/model/context.js";
import { keyOf } from "../../src/model/markers.js";
import { loadCurriculumFile } from "../../src/setup/local.js";
import { readProgress, refresh, remind, sync, trackHistory } from "../../src/use-cases/index.js";
import { emulatedGateway, PINNED } from "../helpers/emulated-github.js";
import { date, repoPath } from "../helpers/setup.js";

/**
 * A two-week course of one phase with no projects, no tracks and no choice: nothing syllabot
 * writes or prints speaks of a part the course does not have, and its commits count where the
 * config's `work_repos` says.
 */

const REPO = "octocat/portfolio";
const NOTES = "octocat/notes";
const CURRICULUM = repoPath("test/fixtures/short-curriculum.yaml");
let emulator: Emulator;
const gatewayFor = (repo: string) => emulatedGateway(emulator, repo);

function shortContext(extra = "") {
  const text = `${readFileSync(repoPath("test/fixtures/short-config.yml"), "utf8")}${extra}`;
  const curriculum = loadCurriculumFile(CURRICULUM);
  return planContext(checkConfig(parseConfig(text, "syllabot.yml"), curriculum), curriculum);
}

beforeEach(async () => {
  emulator = await Emulator.start(PINNED("2026-01-07T09:00:00Z"));
  emulator.createRepo(REPO);
  emulator.createRepo(NOTES);
});
afterEach(async () => {
  await emulator.close();
  expect(validateAgainstOpenApi(emulator.log)).toEqual([]);
});

const weekIssues = async () =>
  (await gatewayFor(REPO).readAllIssues()).filter((issue) => keyOf(issue.body)?.startsWith("week-"));

describe("a course with no projects, tracks or choices", () => {
  it("creates no label, section or sentence about projects, DSA or open source", async () => {
    const context = shortContext();
    const { plan } = await sync({ gateway: gatewayFor(REPO), context, today: date("2026-01-07") });
    const labels = plan.operations.filter((operation) => operation.kind === "label");
    expect(labels.map((operation) => operation.key)).toEqual([
      "syllabot",
      "syllabot:week",
      "syllabot:phase-1",
    ]);
    const bodies = (await weekIssues()).map((issue) => issue.body ?? "");
    expect(bodies).toHaveLength(2);
    for (const body of bodies) {
      expect(body).not.toMatch(/project|DSA|open-source|capstone|evening|weekday/i);
      // Without a repository whose commits count, the issue says how to close it and how to add one.
      expect(body).toContain("Close this issue when the week is done");
      expect(body).toContain("`work_repos:`");
    }

    await refresh({ gateway: gatewayFor(REPO), context, today: date("2026-01-07") });
    const readme = (await gatewayFor(REPO).readFile("README.md")) ?? "";
    expect(readme).not.toContain("**Streak:**");
    expect(readme).not.toMatch(/project|DSA|open-source/i);

    emulator.clearLog();
    const reminded = await remind({
      gateway: gatewayFor(REPO),
      context,
      gatewayFor,
      today: date("2026-01-17"),
    });
    expect(reminded.sent).toEqual([]);
    // No open-source track: nothing is searched, nothing written.
    expect(emulator.log.filter((entry) => entry.write || entry.operationId?.startsWith("search/"))).toEqual(
      [],
    );

    const status = await readProgress({ gateway: gatewayFor(REPO), context, today: date("2026-01-07") });
    const printed = formatStatus(REPO, status, false);
    expect(printed).not.toMatch(/open-source|DSA|reminder/i);
    expect(printed).toContain("Week 1 of 2".toLowerCase());
  });

  it("counts the commits of its work repositories: a week closes and its hours are logged", async () => {
    const context = shortContext(`work_repos: [${NOTES}]\n`);
    await sync({ gateway: gatewayFor(REPO), context, today: date("2026-01-07") });
    const [first] = await weekIssues();
    expect(first?.body).toContain(`[${NOTES}](https://github.com/${NOTES})`);
    expect(first?.body).not.toContain("`work_repos:`");
    emulator.addCommit(NOTES, {
      message: "guide read, closes week 1\n\nTime: 2h",
      author: "octocat",
      date: "2026-01-08T18:00:00Z",
      files: { "guide.md": "notes" },
    });
    const tracked = await trackHistory({ gateway: gatewayFor(REPO), context, gatewayFor });
    expect(tracked.closed.map((closed) => closed.key)).toEqual(["week-01"]);
    const { report } = await refresh({ gateway: gatewayFor(REPO), context, today: date("2026-01-09") });
    expect(report.hours.thisWeek).toBe(120);
    expect(report.pace.done).toBe(1);
  });
});
