import { Octokit } from "@octokit/core";
import { Emulator } from "@syllabot/github-emulator";
import { appJwt, validateAgainstOpenApi } from "@syllabot/github-emulator/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Temporal } from "../../src/calendar.js";
import { createClient, TEST_PACING } from "../../src/github/octokit.js";
import { RestGateway } from "../../src/github/rest-gateway.js";
import type { ActualIssue } from "../../src/model/actual.js";
import { planContext } from "../../src/model/context.js";
import { keyOf } from "../../src/model/markers.js";
import type { CommitEvidence } from "../../src/progress/evidence.js";
import { SuggestionCache } from "../../src/remind/suggestions.js";
import { remind, sync, syncRepository, track } from "../../src/use-cases/index.js";
import { date, exampleContext } from "../helpers/setup.js";

/**
 * A public portfolio is open to strangers: they open issues and comment, copying syllabot's hidden
 * markers. syllabot acts as its app's bot (an installation token) for the learner, octocat; mallory
 * is a stranger. Every marker kind a stranger can write is shown to change nothing.
 */
const REPO = "octocat/portfolio";
const STRANGER = "mallory";
let emulator: Emulator;
let clock = new Date("2026-03-02T04:00:00Z");
let client: ReturnType<typeof createClient>;

const gatewayFor = (repo: string) => new RestGateway(client, repo);
const context = exampleContext();

beforeEach(async () => {
  clock = new Date("2026-03-02T04:00:00Z");
  emulator = await Emulator.start({ limits: { enabled: false }, now: () => clock });
  emulator.createRepo(REPO);
  for (const target of ["qdrant/qdrant", "vectordotdev/vector", "tikv/tikv"]) emulator.createRepo(target);
  await asInstallation();
});

/** syllabot's client: a token minted for the app's installation on octocat's account (it lasts an hour). */
async function asInstallation(): Promise<void> {
  const minted = await new Octokit({ auth: appJwt(), baseUrl: emulator.url }).request(
    "POST /app/installations/{installation_id}/access_tokens",
    { installation_id: 1 },
  );
  client = createClient({ token: minted.data.token, baseUrl: emulator.url, pacing: TEST_PACING });
}
afterEach(async () => {
  await emulator.close();
  expect(validateAgainstOpenApi(emulator.log)).toEqual([]);
});

const region = (key: string, text = "mine now") =>
  `<!-- syllabot:key=${key} -->\n<!-- syllabot:start -->\n${text}\n<!-- syllabot:end -->\n`;

async function issues(): Promise<ActualIssue[]> {
  return gatewayFor(REPO).readAllIssues();
}

async function withKey(key: string, author: string): Promise<ActualIssue[]> {
  return (await issues()).filter((issue) => keyOf(issue.body) === key && issue.user?.login === author);
}

const syncNow = (day = "2026-03-02", runContext = context) =>
  sync({ gateway: gatewayFor(REPO), context: runContext, today: date(day) });

async function remindOn(day: string) {
  clock = new Date(
    Temporal.PlainDateTime.from(`${day}T09:00`).toZonedDateTime("Asia/Kolkata").epochMilliseconds,
  );
  await asInstallation();
  return remind({
    gateway: gatewayFor(REPO),
    context,
    gatewayFor,
    today: date(day),
    suggestions: new SuggestionCache(),
  });
}

describe("a stranger's hidden markers change nothing", () => {
  it("an issue a stranger opened with a week's key is not adopted: syllabot opens its own, and leaves theirs alone", async () => {
    const planted = emulator.addIssue(REPO, {
      title: "free stuff",
      author: STRANGER,
      body: region("week-05"),
    });
    await syncNow();
    const theirs = (await issues()).find((issue) => issue.number === planted);
    expect(theirs).toMatchObject({ title: "free stuff", milestone: null, labels: [], state: "open" });
    expect(await withKey("week-05", "syllabot[bot]")).toHaveLength(1);
    // A second run does not take it either, nor duplicate its own.
    await syncNow();
    expect(await withKey("week-05", "syllabot[bot]")).toHaveLength(1);
    expect((await issues()).find((issue) => issue.number === planted)?.title).toBe("free stuff");
  });

  it("a pull request a stranger opened with a week's key is not adopted either", async () => {
    const planted = emulator.addPullRequest(REPO, {
      title: "docs: typo",
      author: STRANGER,
      body: region("week-06"),
      labels: ["syllabot"],
    });
    await syncNow();
    const theirs = (await issues()).find((issue) => issue.number === planted);
    expect(theirs).toMatchObject({ title: "docs: typo", milestone: null });
    expect(await withKey("week-06", "syllabot[bot]")).toHaveLength(1);
  });

  it("an issue the learner opened with a key is theirs to give: syllabot adopts it instead of duplicating", async () => {
    const mine = emulator.addIssue(REPO, { title: "my week 5", author: "octocat", body: region("week-05") });
    await syncNow();
    const week5 = (await issues()).filter((issue) => keyOf(issue.body) === "week-05");
    expect(week5.map((issue) => issue.number)).toEqual([mine]);
    expect(week5[0]?.milestone).not.toBeNull();
  });

  it("an account named in trusted_authors is believed, and only then", async () => {
    emulator.addUser("github-actions[bot]", {});
    const earlier = emulator.addIssue(REPO, {
      title: "Week 5",
      author: "github-actions[bot]",
      body: region("week-05"),
    });
    emulator.addIssue(REPO, { title: "Week 6", author: "github-actions[bot]", body: region("week-06") });
    const trusting = planContext(
      { ...context.config, trusted_authors: ["github-actions[bot]"] },
      context.curriculum,
    );
    await syncNow("2026-03-02", trusting);
    const week5 = (await issues()).filter((issue) => keyOf(issue.body) === "week-05");
    expect(week5.map((issue) => issue.number)).toEqual([earlier]);
    // Without the config's word, the same kind of issue is not syllabot's.
    await syncNow("2026-03-02");
    expect(await withKey("week-06", "syllabot[bot]")).toHaveLength(1);
  });

  it("a stranger's comment claiming a commit closed the week does not stop the learner's commit from closing it", async () => {
    await syncNow();
    const [week5] = await withKey("week-05", "syllabot[bot]");
    if (!week5) throw new Error("no week 5");
    emulator.addComment(REPO, week5.number, {
      author: STRANGER,
      body: `<!-- syllabot:closed-by=${"f".repeat(40)} -->\nClosed by something`,
      createdAt: "2026-04-10T00:00:00Z",
    });
    const finished: CommitEvidence = {
      sha: "a1".padEnd(40, "0"),
      message: "parser done, closes week 5",
      repo: "octocat/csvq",
      url: "https://github.com/octocat/csvq/commit/a1",
      timestamp: "2026-04-03T10:00:00Z",
      authorLogin: "octocat",
    };
    const result = await track({ gateway: gatewayFor(REPO), context, commits: [finished] });
    expect(result.closed.map((closed) => closed.key)).toEqual(["week-05"]);
    expect((await issues()).find((issue) => issue.number === week5.number)?.state).toBe("closed");
  });

  it("a stranger's reminder issue opened first does not capture the phase's reminder", async () => {
    await syncNow();
    const planted = emulator.addIssue(REPO, {
      title: "PR reminder",
      author: STRANGER,
      body: `${region("reminder-phase-4")}<!-- syllabot:reminder=lead-21 --><!-- syllabot:reminder=lead-7 --><!-- syllabot:reminder=lead-2 --><!-- syllabot:reminder=missed -->`,
    });
    const result = await remindOn("2026-11-24");
    expect(result.sent.map((sent) => [sent.phase, sent.threshold, sent.kind])).toEqual([
      [3, "missed", "issue"],
      [4, "lead-21", "issue"],
    ]);
    expect(result.sent.every((sent) => sent.number !== planted)).toBe(true);
    expect((await withKey("reminder-phase-4", "syllabot[bot]")).map((issue) => issue.assignees)).toHaveLength(
      1,
    );
  });

  it("a stranger's comment saying a threshold was sent silences no later reminder", async () => {
    await syncNow();
    await remindOn("2026-11-24");
    const [reminder] = await withKey("reminder-phase-4", "syllabot[bot]");
    if (!reminder) throw new Error("no reminder for phase 4");
    emulator.addComment(REPO, reminder.number, {
      author: STRANGER,
      body: "<!-- syllabot:reminder=lead-7 --><!-- syllabot:reminder=lead-2 --><!-- syllabot:reminder=missed -->",
    });
    const later = await remindOn("2026-11-29");
    expect(later.sent.map((sent) => [sent.phase, sent.threshold, sent.kind])).toEqual([
      [4, "lead-7", "comment"],
    ]);
  });

  it("a stranger's issue keyed as syllabot's config notice is never edited, reopened or closed by syllabot", async () => {
    const planted = emulator.addIssue(REPO, {
      title: "config notice",
      author: STRANGER,
      body: region("config-error", "nothing wrong here"),
      state: "closed",
    });
    emulator.addCommit(REPO, {
      message: "break the config",
      files: { ".github/syllabot.yml": "learner: octocat\nstart: not-a-date\n" },
    });
    const outcome = await syncRepository({
      gateway: gatewayFor(REPO),
      serverUrl: "https://github.com",
      now: Temporal.Instant.from(clock.toISOString()),
    });
    expect(outcome.status).toBe("invalid");
    const theirs = (await issues()).find((issue) => issue.number === planted);
    expect(theirs).toMatchObject({ state: "closed", body: region("config-error", "nothing wrong here") });
    expect(await withKey("config-error", "syllabot[bot]")).toHaveLength(1);
  });
});
