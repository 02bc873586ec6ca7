import { describe, expect, it } from "vitest";
import { LEDGER_PATH } from "../../src/config/paths.js";
import { keyOf } from "../../src/model/markers.js";
import { parseLedger } from "../../src/progress/ledger.js";
import { track } from "../../src/use-cases/index.js";
import { type MemoryGateway, syncedPortfolio } from "../helpers/memory-gateway.js";
import { exampleContext } from "../helpers/setup.js";

/** Tracking on an in-memory portfolio: what it plans, what it writes, what a refusal leaves. */

const context = exampleContext();

const portfolio = () => syncedPortfolio(context);

function commit(sha: string, message: string, timestamp: string) {
  return {
    sha: sha.padEnd(40, "0"),
    message,
    repo: "octocat/csvq",
    url: `https://github.com/octocat/csvq/commit/${sha}`,
    timestamp,
    authorLogin: "octocat",
  };
}

const numberOf = (gateway: MemoryGateway, key: string) =>
  gateway.issues.find((issue) => keyOf(issue.body) === key)?.number ?? -1;

describe("track", () => {
  it("a dry run returns the close, the comment and the ledger commit a real run then writes, in that order", async () => {
    const gateway = await portfolio();
    const commits = [commit("a1", "parser done, closes week 4\n\nTime: 1h", "2026-03-26T18:00:00Z")];
    const planned = await track({ gateway, context, commits, dryRun: true });
    expect(gateway.writes).toEqual([]);
    expect(planned.closed).toEqual([
      { key: "week-04", number: numberOf(gateway, "week-04"), sha: commits[0]?.sha },
    ]);
    const shape = planned.operations.map((operation) => `${operation.op} ${operation.key}`);
    expect(shape).toEqual(["close week-04", "comment week-04", `commit-files ${LEDGER_PATH}`]);

    const applied = await track({ gateway, context, commits });
    expect(applied.operations.map((operation) => `${operation.op} ${operation.key}`)).toEqual(shape);
    expect(gateway.writes.map((write) => write.method)).toEqual([
      "updateIssue",
      "commentOnIssue",
      "commitFiles",
    ]);
    expect(gateway.issues.find((issue) => keyOf(issue.body) === "week-04")?.state).toBe("closed");
    expect(Object.keys(parseLedger(gateway.files.get(LEDGER_PATH) ?? "")?.commits ?? {})).toEqual([
      commits[0]?.sha,
    ]);
  });

  it("two commits finishing the same week close it once; the later one adds nothing", async () => {
    const gateway = await portfolio();
    const commits = [
      commit("b2", "closes week 4", "2026-03-27T18:00:00Z"),
      commit("b1", "closes week 4", "2026-03-26T18:00:00Z"),
    ];
    const result = await track({ gateway, context, commits });
    expect(result.closed.map((entry) => entry.sha)).toEqual([commits[1]?.sha]);
    expect(gateway.writes.filter((write) => write.method === "commentOnIssue")).toHaveLength(1);
  });

  it("a week GitHub refuses to close is reported, its comment skipped, and later weeks and the ledger still written", async () => {
    const gateway = await portfolio();
    gateway.refusing.add(numberOf(gateway, "week-04"));
    const commits = [
      commit("c1", "closes week 4", "2026-03-26T18:00:00Z"),
      commit("c2", "closes week 5", "2026-04-01T18:00:00Z"),
    ];
    const result = await track({ gateway, context, commits });
    expect(result.closed.map((entry) => entry.key)).toEqual(["week-05"]);
    expect(result.rejected).toEqual([
      expect.objectContaining({
        sha: commits[0]?.sha,
        text: "week-04",
        reason: expect.stringContaining("GitHub refused it"),
      }),
    ]);
    // The refused close was tried once; its comment never was.
    expect(gateway.writes.map((write) => `${write.method} ${write.target}`)).toEqual([
      `updateIssue ${numberOf(gateway, "week-04")}`,
      `updateIssue ${numberOf(gateway, "week-05")}`,
      `commentOnIssue ${numberOf(gateway, "week-05")}`,
      expect.stringMatching(/^commitFiles /),
    ]);
  });

  it("commits that claim nothing cost no read and no write", async () => {
    const gateway = await portfolio();
    const reads = gateway.reads;
    const result = await track({ gateway, context, commits: [commit("d1", "tidy", "2026-03-26T18:00:00Z")] });
    expect(result.operations).toEqual([]);
    expect(gateway.reads).toBe(reads);
    expect(gateway.writes).toEqual([]);
  });
});
