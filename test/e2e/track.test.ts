import { Emulator } from "@syllabot/github-emulator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient, TEST_PACING } from "../../src/github/octokit.js";
import { RestGateway } from "../../src/github/rest-gateway.js";
import { keyOf } from "../../src/model/markers.js";
import type { CommitEvidence } from "../../src/progress/evidence.js";
import { sync, track } from "../../src/use-cases/index.js";
import { date, exampleContext } from "../helpers/setup.js";

const REPO = "octocat/portfolio";
let emulator: Emulator;

beforeEach(async () => {
  emulator = await Emulator.start({
    limits: { enabled: false },
    now: () => new Date("2026-03-02T04:00:00Z"),
  });
  emulator.createRepo(REPO);
  await sync({ gateway: gateway(), context: exampleContext(), today: date("2026-03-02") });
  emulator.clearLog();
});
afterEach(async () => {
  await emulator.close();
});

function gateway() {
  return new RestGateway(
    createClient({ token: emulator.token, baseUrl: emulator.url, pacing: TEST_PACING }),
    REPO,
  );
}

const commit = (
  sha: string,
  message: string,
  timestamp: string,
  authorLogin = "octocat",
): CommitEvidence => ({
  sha: sha.padEnd(40, "0"),
  message,
  repo: "octocat/csvq",
  url: `https://github.com/octocat/csvq/commit/${sha.padEnd(40, "0")}`,
  timestamp,
  authorLogin,
  authorEmail: `${authorLogin}@example.com`,
});

const runTrack = (commits: CommitEvidence[]) =>
  track({ gateway: gateway(), context: exampleContext(), commits });

async function issue(key: string) {
  const response = await fetch(`${emulator.url}/repos/${REPO}/issues?state=all&per_page=100`, {
    headers: { authorization: `token ${emulator.token}` },
  });
  const found = ((await response.json()) as { number: number; body: string; state: string }[]).find(
    (candidate) => keyOf(candidate.body) === key,
  );
  if (!found) throw new Error(`no ${key}`);
  const comments = await fetch(`${emulator.url}/repos/${REPO}/issues/${found.number}/comments`, {
    headers: { authorization: `token ${emulator.token}` },
  });
  return { ...found, comments: (await comments.json()) as { body: string }[] };
}

async function reopen(number: number) {
  await fetch(`${emulator.url}/repos/${REPO}/issues/${number}`, {
    method: "PATCH",
    headers: { authorization: `token ${emulator.token}`, "content-type": "application/json" },
    body: JSON.stringify({ state: "open" }),
  });
}

describe("track against the emulator", () => {
  it("closes the week a learner's commit finishes, with one comment linking it, once however often it is seen", async () => {
    const finished = commit("a1", "parser done, closes week 5", "2026-03-01T10:00:00Z");
    expect((await runTrack([finished])).closed).toEqual([
      { key: "week-05", number: expect.any(Number), sha: finished.sha },
    ]);
    let week5 = await issue("week-05");
    expect(week5.state).toBe("closed");
    expect(week5.comments).toHaveLength(1);
    expect(week5.comments[0]?.body).toContain(finished.url);
    emulator.clearLog();
    await runTrack([finished]);
    await runTrack([finished, finished]);
    expect(emulator.counts().writes).toBe(0);
    week5 = await issue("week-05");
    expect(week5.comments).toHaveLength(1);
  });

  it("comments once when the connection drops after the comment was written", async () => {
    emulator.faults.next("drop-after-write", { operationId: "issues/create-comment" });
    await runTrack([commit("a2", "closes week 7", "2026-03-01T10:00:00Z")]);
    const week7 = await issue("week-07");
    expect(week7.state).toBe("closed");
    expect(week7.comments).toHaveLength(1);
  });

  it("ignores other authors, and costs nothing for commits that claim nothing", async () => {
    expect(
      (await runTrack([commit("b1", "closes week 5", "2026-03-01T10:00:00Z", "mallory")])).closed,
    ).toEqual([]);
    expect((await runTrack([commit("b2", "started week 6", "2026-03-01T10:00:00Z")])).closed).toEqual([]);
    expect(emulator.counts().requests).toBe(0);
    expect((await issue("week-05")).state).toBe("open");
  });

  it("ends in the same state whatever the order of pushes", async () => {
    const pushes = [
      [commit("c1", "closes week 1", "2026-03-01T10:00:00Z")],
      [
        commit("c2", "done week 2", "2026-03-02T10:00:00Z"),
        commit("c3", "closes project csvq", "2026-03-02T11:00:00Z"),
      ],
      [commit("c4", "week 3 done\n\nTime: 2h", "2026-03-03T10:00:00Z")],
    ];
    for (const push of [...pushes].reverse()) await runTrack(push);
    for (const push of pushes) await runTrack(push);
    for (const key of ["week-01", "week-02", "week-03", "project-csvq"]) {
      const found = await issue(key);
      expect(found.state).toBe("closed");
      expect(found.comments).toHaveLength(1);
    }
  });

  it("does not close again a week the learner reopened, unless a newer commit finishes it", async () => {
    const old = commit("d1", "closes week 8", "2026-03-01T10:00:00Z");
    await runTrack([old]);
    const week8 = await issue("week-08");
    await reopen(week8.number);
    await runTrack([old]);
    expect((await issue("week-08")).state).toBe("open");
    await runTrack([commit("d2", "really done week 8", "2026-03-09T10:00:00Z")]);
    const again = await issue("week-08");
    expect(again.state).toBe("closed");
    expect(again.comments).toHaveLength(2);
  });

  it("links a commit to a week the learner closed by hand, without touching its state, once", async () => {
    const week9 = await issue("week-09");
    await fetch(`${emulator.url}/repos/${REPO}/issues/${week9.number}`, {
      method: "PATCH",
      headers: { authorization: `token ${emulator.token}`, "content-type": "application/json" },
      body: JSON.stringify({ state: "closed", state_reason: "not_planned" }),
    });
    const result = await runTrack([commit("e1", "closes week 9", "2026-03-01T10:00:00Z")]);
    expect(result.annotated).toHaveLength(1);
    await runTrack([commit("e2", "closes week 9", "2026-03-02T10:00:00Z")]);
    const closed = await issue("week-09");
    expect(closed.state).toBe("closed");
    expect(closed.comments).toHaveLength(1);
  });

  it("reports weeks outside the program with a reason", async () => {
    const result = await runTrack([commit("f1", "closes week 60", "2026-03-01T10:00:00Z")]);
    expect(result.rejected).toEqual([
      { sha: "f1".padEnd(40, "0"), text: "week 60", reason: "the program has weeks 1–52" },
    ]);
  });
});
