import { Emulator } from "@syllabot/github-emulator";
import { validateAgainstOpenApi } from "@syllabot/github-emulator/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ossProgress } from "../../src/use-cases/index.js";
import { emulatedGateway, PINNED } from "../helpers/emulated-github.js";
import { date, exampleContext } from "../helpers/setup.js";

const REPO = "octocat/portfolio";
let emulator: Emulator;

const gatewayFor = (repo: string) => emulatedGateway(emulator, repo);

beforeEach(async () => {
  emulator = await Emulator.start(PINNED("2026-11-24T04:00:00Z"));
  for (const repo of [REPO, "qdrant/qdrant", "vectordotdev/vector", "tikv/tikv"]) emulator.createRepo(repo);
});
afterEach(async () => {
  await emulator.close();
  expect(validateAgainstOpenApi(emulator.log)).toEqual([]);
});

const merged = (
  repo: string,
  mergedAt: string,
  files: { filename: string; additions: number; deletions: number }[],
  labels: string[] = [],
) =>
  emulator.addPullRequest(repo, {
    title: `Fix in ${repo}`,
    author: "octocat",
    state: "merged",
    createdAt: mergedAt,
    mergedAt,
    closedAt: mergedAt,
    files,
    labels,
  });

const progress = () =>
  ossProgress({
    gateway: gatewayFor(REPO),
    context: exampleContext(),
    gatewayFor,
    today: date("2026-11-24"),
  });
/** Searches for pull requests (the engagement search for issues is one more, separate). */
const searches = () =>
  emulator.log.filter(
    (entry) =>
      entry.operationId === "search/issues-and-pull-requests" && String(entry.query.q).includes("is:pr"),
  ).length;

describe("OSS bars from GitHub", () => {
  it("judges PRs merged in phases 2, 3 and 4 from one search for all target repositories", async () => {
    merged("qdrant/qdrant", "2026-05-04T10:00:00Z", [
      { filename: "docs/api.md", additions: 12, deletions: 2 },
    ]);
    merged("vectordotdev/vector", "2026-07-15T10:00:00Z", [
      { filename: "src/sinks/http.rs", additions: 8, deletions: 1 },
    ]);
    merged("tikv/tikv", "2026-10-02T10:00:00Z", [{ filename: "tests/raft.rs", additions: 90, deletions: 0 }]);
    merged(
      "tikv/tikv",
      "2026-10-20T10:00:00Z",
      [{ filename: "components/raftstore/src/peer.rs", additions: 48, deletions: 11 }],
      ["spam"],
    );
    const { bars, incomplete } = await progress();
    expect(incomplete).toBe(false);
    expect(bars.map((bar) => [bar.bar.phase, bar.state, bar.counting.length])).toEqual([
      [3, "met", 2],
      [4, "at-risk", 1],
      [5, "unmet", 0],
    ]);
    expect(bars[1]?.counting[0]?.reason).toContain("only docs or tests");
    expect(searches()).toBe(1);
  });

  it("makes one search request per 100 results, whatever the number of target repositories", async () => {
    for (let index = 0; index < 150; index++) {
      const repo = ["qdrant/qdrant", "vectordotdev/vector", "tikv/tikv"][index % 3] ?? "tikv/tikv";
      merged(repo, "2026-07-01T10:00:00Z", [{ filename: "README.md", additions: 1, deletions: 0 }]);
    }
    const { bars } = await progress();
    expect(bars[0]?.counting).toHaveLength(150);
    expect(searches()).toBe(2);
  });

  it("never lowers a count on an incomplete search, and reads a pull request's files once", async () => {
    for (const day of ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04"]) {
      merged("tikv/tikv", `${day}T10:00:00Z`, [{ filename: "src/server.rs", additions: 30, deletions: 4 }]);
    }
    const first = await progress();
    expect(first.bars[1]?.counting).toHaveLength(4);
    const fileReads = () => emulator.log.filter((entry) => entry.operationId === "pulls/list-files").length;
    expect(fileReads()).toBe(4);

    emulator.faults.next("incomplete-search", { operationId: "search/issues-and-pull-requests" });
    const second = await progress();
    expect(second.incomplete).toBe(true);
    expect(second.bars[1]?.counting).toHaveLength(4);
    expect(second.bars[1]?.state).toBe("met");
    expect(fileReads()).toBe(4);
  });

  it("meets phase 5 with an issue the learner opened in a target repository during it", async () => {
    emulator.addIssue("qdrant/qdrant", {
      title: "Bug in HNSW",
      author: "octocat",
      createdAt: "2026-12-20T10:00:00Z",
    });
    emulator.addIssue("qdrant/qdrant", {
      title: "Someone else's",
      author: "mallory",
      createdAt: "2026-12-21T10:00:00Z",
    });
    const { bars } = await ossProgress({
      gateway: gatewayFor(REPO),
      context: exampleContext(),
      gatewayFor,
      today: date("2027-01-10"),
    });
    expect(bars[2]).toMatchObject({ state: "met", engagement: 1 });
  });

  it("meets phase 5 with comments on others' issues made during it, reading each issue's comments once", async () => {
    const during = emulator.addIssue("tikv/tikv", {
      title: "Region split stalls",
      author: "mallory",
      createdAt: "2026-11-20T10:00:00Z",
    });
    emulator.addComment("tikv/tikv", during, {
      author: "octocat",
      body: "I can reproduce this",
      createdAt: "2026-12-15T10:00:00Z",
    });
    // Commented on in phase 3; updated in phase 5 by someone else: no engagement in phase 5.
    const before = emulator.addIssue("tikv/tikv", {
      title: "Old discussion",
      author: "mallory",
      createdAt: "2026-06-01T10:00:00Z",
    });
    emulator.addComment("tikv/tikv", before, {
      author: "octocat",
      body: "+1",
      createdAt: "2026-06-02T10:00:00Z",
    });
    emulator.addComment("tikv/tikv", before, {
      author: "mallory",
      body: "still open",
      createdAt: "2026-12-16T10:00:00Z",
    });
    const progress = () =>
      ossProgress({
        gateway: gatewayFor(REPO),
        context: exampleContext(),
        gatewayFor,
        today: date("2027-01-10"),
      });
    const first = await progress();
    expect(first.bars[2]).toMatchObject({ state: "met", engagement: 1 });
    const commentReads = () =>
      emulator.log.filter((entry) => entry.operationId === "issues/list-comments").length;
    expect(commentReads()).toBe(2);
    const second = await progress();
    expect(second.bars[2]).toMatchObject({ state: "met", engagement: 1 });
    expect(commentReads()).toBe(2);
  });
});
