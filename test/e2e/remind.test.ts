import { Emulator } from "@syllabot/github-emulator";
import { validateAgainstOpenApi } from "@syllabot/github-emulator/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Temporal } from "../../src/calendar.js";
import { keyOf } from "../../src/model/markers.js";
import { SuggestionCache } from "../../src/remind/suggestions.js";
import { remind, sync } from "../../src/use-cases/index.js";
import { cases } from "../helpers/depth.js";
import { emulatedGateway } from "../helpers/emulated-github.js";
import { date, exampleContext } from "../helpers/setup.js";

const REPO = "octocat/portfolio";
let emulator: Emulator;
let clock = new Date("2026-03-02T04:00:00Z");
const gatewayFor = (repo: string) => emulatedGateway(emulator, repo);

beforeEach(async () => {
  clock = new Date("2026-03-02T04:00:00Z");
  emulator = await Emulator.start({ limits: { enabled: false }, now: () => clock });
  emulator.createRepo(REPO);
  for (const target of ["qdrant/qdrant", "vectordotdev/vector", "tikv/tikv"]) emulator.createRepo(target);
  await sync({ gateway: gatewayFor(REPO), context: exampleContext(), today: date("2026-03-02") });
  emulator.clearLog();
});
afterEach(async () => {
  await emulator.close();
  expect(validateAgainstOpenApi(emulator.log)).toEqual([]);
});

/** Run remind on the learner's date `day` (09:00 in Kolkata), the emulator's clock with it. */
const context = exampleContext();

function remindOn(day: string, suggestions = new SuggestionCache(), lean = false) {
  clock = new Date(
    Temporal.PlainDateTime.from(`${day}T09:00`).toZonedDateTime("Asia/Kolkata").epochMilliseconds,
  );
  const gatewayOf = (repo: string) => emulatedGateway(emulator, repo, lean);
  return remind({ gateway: gatewayOf(REPO), context, gatewayFor: gatewayOf, today: date(day), suggestions });
}

async function reminderIssues() {
  const issues = await gatewayFor(REPO).readAllIssues();
  return issues.filter((issue) => keyOf(issue.body)?.startsWith("reminder-"));
}

async function commentsOf(number: number) {
  return gatewayFor(REPO).listIssueComments(number);
}

describe("PR reminders against the emulator", () => {
  it("on 2026-11-24 with no merged PR: one issue for phase 4 (12 days left) and one for phase 3 as missed; nothing new on a second run", async () => {
    emulator.addIssue("tikv/tikv", {
      title: "Easy: typo in docs",
      author: "mallory",
      labels: ["good first issue"],
    });
    const result = await remindOn("2026-11-24");
    expect(result.sent.map((sent) => [sent.phase, sent.threshold, sent.kind])).toEqual([
      [3, "missed", "issue"],
      [4, "lead-21", "issue"],
    ]);
    const issues = await reminderIssues();
    expect(issues).toHaveLength(2);
    const phase4 = issues.find((issue) => keyOf(issue.body) === "reminder-phase-4");
    expect(phase4?.body).toContain("12 days left (until Sun 6 Dec 2026) to meet phase 4");
    // The issue's html_url, on the emulator's web address.
    expect(phase4?.body).toContain(
      `[tikv/tikv\\#\u200B1: Easy: typo in docs](${emulator.url}/tikv/tikv/issues/1)`,
    );
    expect((phase4 as { assignees?: { login: string }[] }).assignees?.map((user) => user.login)).toEqual([
      "octocat",
    ]);
    const phase3 = issues.find((issue) => keyOf(issue.body) === "reminder-phase-3");
    expect(phase3?.body).toContain("Phase 3 ended on Sun 13 Sep 2026 without its open");

    emulator.clearLog();
    const again = await remindOn("2026-11-24");
    expect(again.sent).toEqual([]);
    expect(emulator.log.filter((entry) => entry.write)).toEqual([]);
  });

  it("comments, mentioning the learner, at the next threshold; closes the issue naming the PR once the bar is met", async () => {
    await remindOn("2026-11-24");
    const later = await remindOn("2026-11-29");
    expect(later.sent).toEqual([expect.objectContaining({ phase: 4, threshold: "lead-7", kind: "comment" })]);
    const phase4 = (await reminderIssues()).find((issue) => keyOf(issue.body) === "reminder-phase-4");
    if (!phase4) throw new Error("no reminder");
    const [comment] = await commentsOf(phase4.number);
    expect(comment?.body).toMatch(/^@octocat 7 days left/);
    expect(phase4.body).toContain("7 days left");

    emulator.addPullRequest("tikv/tikv", {
      title: "Batch region heartbeats",
      author: "octocat",
      state: "merged",
      mergedAt: "2026-11-30T10:00:00Z",
      files: [{ filename: "components/raftstore/src/store.rs", additions: 80, deletions: 12 }],
    });
    const met = await remindOn("2026-12-01");
    expect(met.closed).toEqual([{ phase: 4, number: phase4.number }]);
    expect(met.sent).toEqual([]);
    const closed = (await reminderIssues()).find((issue) => issue.number === phase4.number);
    expect(closed?.state).toBe("closed");
    const comments = await commentsOf(phase4.number);
    expect(comments.at(-1)?.body).toContain("The bar is met by [tikv/tikv");
    expect(comments.at(-1)?.body).toContain("Batch region heartbeats");
    // Phase 3 stays unmet: a PR merged after it ended counts for phase 4.
    expect((await reminderIssues()).find((issue) => keyOf(issue.body) === "reminder-phase-3")?.state).toBe(
      "open",
    );
  });

  for (const every of cases([1, 10], [10])) {
    it(`over a simulated year with a run every ${every} day(s): one issue per unmet phase, one comment per later threshold, no burst`, {
      timeout: 0,
    }, async () => {
      const suggestions = new SuggestionCache();
      let day = date("2026-03-02");
      while (Temporal.PlainDate.compare(day, date("2027-03-20")) <= 0) {
        // A year of runs: the lean client, since the emulator here neither limits nor fails.
        const result = await remindOn(day.toString(), suggestions, true);
        expect(new Set(result.sent.map((sent) => sent.phase)).size).toBe(result.sent.length);
        day = day.add({ days: every });
      }
      const issues = await reminderIssues();
      expect(issues.map((issue) => keyOf(issue.body)).sort()).toEqual([
        "reminder-phase-3",
        "reminder-phase-4",
        "reminder-phase-5",
      ]);
      for (const issue of issues) {
        const comments = await commentsOf(issue.number);
        const thresholds = comments.map(
          (comment) => /syllabot:reminder=([\w-]+)/.exec(comment.body ?? "")?.[1],
        );
        expect(new Set(thresholds).size).toBe(thresholds.length);
        if (every === 1) expect(thresholds).toEqual(["lead-7", "lead-2", "missed"]);
        else expect(thresholds.at(-1)).toBe("missed");
      }
    });
  }
});
