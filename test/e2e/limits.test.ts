import { Emulator } from "@syllabot/github-emulator";
import { validateAgainstOpenApi } from "@syllabot/github-emulator/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LEDGER_PATH } from "../../src/config/paths.js";
import { GitHubError } from "../../src/github/errors.js";
import type { RestGateway } from "../../src/github/rest-gateway.js";
import { keyOf } from "../../src/model/markers.js";
import { parseLedger } from "../../src/progress/ledger.js";
import { sync, trackHistory } from "../../src/use-cases/index.js";
import { emulatedGateway, PINNED } from "../helpers/emulated-github.js";
import { date, exampleContext } from "../helpers/setup.js";

const REPO = "octocat/portfolio";
let emulator: Emulator;

const gatewayFor = (repo: string) => emulatedGateway(emulator, repo);

beforeEach(async () => {
  // GitHub's text limits are always enforced by the emulator; only its rate limits are off.
  emulator = await Emulator.start(PINNED("2026-03-02T04:00:00Z"));
  emulator.createRepo(REPO);
  emulator.createRepo("octocat/csvq");
  await sync({ gateway: gatewayFor(REPO), context: exampleContext(), today: date("2026-03-02") });
});
afterEach(async () => {
  await emulator.close();
  expect(validateAgainstOpenApi(emulator.log, { requests: "accepted" })).toEqual([]);
});

async function week(key: string) {
  const issues = await gatewayFor(REPO).readAllIssues();
  const found = issues.find((issue) => keyOf(issue.body) === key);
  if (!found) throw new Error(`no ${key}`);
  return { state: found.state, comments: await gatewayFor(REPO).listIssueComments(found.number) };
}

function push(message: string, when: string) {
  emulator.addCommit("octocat/csvq", {
    message,
    author: "octocat",
    date: when,
    files: { [`${when}.md`]: "x" },
  });
}

/** The portfolio as GitHub answers it, except that it refuses every comment on one issue with a 422. */
function refusingComments(gateway: RestGateway, refused: number): RestGateway {
  return new Proxy(gateway, {
    get(target, property, receiver) {
      if (property !== "commentOnIssue") return Reflect.get(target, property, receiver);
      return async (number: number, body: string) => {
        if (number !== refused) return target.commentOnIssue(number, body);
        throw new GitHubError({
          status: 422,
          repo: REPO,
          action: `comment on issue #${number}`,
          detail: "Validation Failed",
        });
      };
    },
  });
}

const run = () => trackHistory({ gateway: gatewayFor(REPO), context: exampleContext(), gatewayFor });

describe("GitHub's limits while tracking", () => {
  it("closes a week whose commit subject is 72 KB or 2.5 MB with a comment within GitHub's limit, and later commits still close theirs", {
    timeout: 120_000,
  }, async () => {
    push(`skeleton, closes week 4: ${"x".repeat(72 * 1024)}`, "2026-03-26T18:00:00Z");
    expect((await run()).closed.map((closed) => closed.key)).toEqual(["week-04"]);
    push(`core, closes week 5 ${"y".repeat(2_500_000)}\n\nTime: 1h`, "2026-04-01T18:00:00Z");
    expect((await run()).closed.map((closed) => closed.key)).toEqual(["week-05"]);
    push("parser, closes week 6", "2026-04-13T09:00:00Z");
    expect((await run()).closed.map((closed) => closed.key)).toEqual(["week-06"]);

    for (const key of ["week-04", "week-05"]) {
      const closed = await week(key);
      expect(closed.state).toBe("closed");
      expect(closed.comments).toHaveLength(1);
      const body = closed.comments[0]?.body ?? "";
      expect(body).toMatch(/^<!-- syllabot:closed-by=[0-9a-f]{40} -->\nClosed by /);
      // The subject is cut to a sane length, not merely to GitHub's 65,536.
      expect(body.length).toBeLessThan(600);
      expect(body.endsWith("…")).toBe(true);
    }
    const ledger = parseLedger((await gatewayFor(REPO).readFile(LEDGER_PATH)) ?? "");
    expect(ledger?.lastSeen["octocat/csvq"]?.timestamp).toBe("2026-04-13T09:00:00Z");
  });

  it("records a write GitHub refuses for one commit as a rejection, and goes on with the others and the ledger", {
    timeout: 120_000,
  }, async () => {
    const week4 = (await gatewayFor(REPO).readAllIssues()).find((issue) => keyOf(issue.body) === "week-04");
    if (!week4) throw new Error("no week 4");
    push("skeleton, closes week 4", "2026-03-26T18:00:00Z");
    push("core, closes week 5", "2026-04-01T18:00:00Z");
    const portfolio = refusingComments(gatewayFor(REPO), week4.number);
    const result = await trackHistory({ gateway: portfolio, context: exampleContext(), gatewayFor });
    expect(result.closed.map((closed) => closed.key)).toEqual(["week-05"]);
    expect(result.rejected).toEqual([
      expect.objectContaining({ text: "week-04", reason: expect.stringContaining("HTTP 422") }),
    ]);
    const ledger = parseLedger((await gatewayFor(REPO).readFile(LEDGER_PATH)) ?? "");
    expect(ledger?.lastSeen["octocat/csvq"]?.timestamp).toBe("2026-04-01T18:00:00Z");
  });
});
