import { Emulator } from "@syllabot/github-emulator";
import { validateAgainstOpenApi } from "@syllabot/github-emulator/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LEDGER_PATH } from "../../src/config/paths.js";
import { ownCommitMessage } from "../../src/progress/evidence.js";
import { parseLedger } from "../../src/progress/ledger.js";
import { rebuildLedger, runUseCases, sync, trackPush } from "../../src/use-cases/index.js";
import { emulatedGateway, PINNED } from "../helpers/emulated-github.js";
import { date, editedExampleContext } from "../helpers/setup.js";

/**
 * The portfolio is also a project's repository, and syllabot's commits are written with the
 * learner as their author (`commit.author`, as the README suggests): everything the learner pushes
 * there is evidence, and nothing syllabot commits there is.
 */
const PORTFOLIO = "octocat/portfolio";
let emulator: Emulator;
const gatewayFor = (repo: string) => emulatedGateway(emulator, repo, true);
const context = () =>
  editedExampleContext((yaml) =>
    yaml
      .replace("csvq: octocat/csvq", `csvq: ${PORTFOLIO}`)
      .replace(
        /^readme: .*$/m,
        (line) => `${line}\ncommit:\n  author: { name: The Octocat, email: octocat@github.com }`,
      ),
  );
const TODAY = date("2026-03-04");
/** The emulator's clock: each run an hour after the last, the same day. */
let clock: number;

beforeEach(async () => {
  clock = Date.parse("2026-03-04T04:00:00Z");
  emulator = await Emulator.start({ ...PINNED("2026-03-04T04:00:00Z"), now: () => new Date(clock) });
  emulator.addUser("octocat", { emails: ["octocat@github.com"] });
  emulator.createRepo(PORTFOLIO);
  emulator.addCommit(PORTFOLIO, {
    message: "skeleton, closes week 1\n\nTime: 3h",
    author: "octocat",
    date: "2026-03-03T12:00:00Z",
    files: { "csvq/src/main.rs": "fn main() {}\n" },
  });
});
afterEach(async () => {
  await emulator.close();
  expect(validateAgainstOpenApi(emulator.log)).toEqual([]);
});

const commitsMade = () => emulator.log.filter((entry) => entry.operationId === "git/create-commit").length;
const run = () => {
  clock += 3_600_000;
  return runUseCases({ gateway: gatewayFor(PORTFOLIO), context: context(), gatewayFor, today: TODAY });
};
const ledgerCommits = async () =>
  Object.keys(parseLedger((await gatewayFor(PORTFOLIO).readFile(LEDGER_PATH)) ?? "")?.commits ?? {});
const csvqCommits = (result: Awaited<ReturnType<typeof run>>) =>
  result.refresh?.report.projects.find((project) => project.slug === "csvq")?.commits;

describe("syllabot's own commits in a portfolio that is also a project repository", () => {
  it("are never the learner's work: running everything three times the same day commits once", async () => {
    const first = await run();
    expect(first.track?.closed.map((closed) => closed.key)).toEqual(["week-01"]);
    expect(commitsMade()).toBe(1);
    // The repository's initial commit and the skeleton: the learner's two.
    expect(csvqCommits(first)).toBe(2);
    const recorded = await ledgerCommits();
    expect(recorded).toHaveLength(2);

    emulator.clearLog();
    const second = await run();
    const third = await run();
    expect(commitsMade()).toBe(0);
    expect(second.refresh?.commit).toBeUndefined();
    expect(third.refresh?.commit).toBeUndefined();
    expect(csvqCommits(third)).toBe(2);
    expect(await ledgerCommits()).toEqual(recorded);
  });

  it("still count the learner's commits around them, and a rebuild counts none of syllabot's", async () => {
    await run();
    emulator.addCommit(PORTFOLIO, {
      message: "ahead of plan: parser, closes week 2\n\nTime: 2h",
      author: "octocat",
      date: "2026-03-04T03:00:00Z",
      files: { "csvq/src/parser.rs": "// parser\n" },
    });
    const after = await run();
    expect(after.track?.closed.map((closed) => closed.key)).toEqual(["week-02"]);
    expect(csvqCommits(after)).toBe(3);
    const recorded = await ledgerCommits();
    expect(recorded).toHaveLength(3);

    const rebuilt = await rebuildLedger({ gateway: gatewayFor(PORTFOLIO), context: context(), gatewayFor });
    expect(rebuilt.commits).toBe(3);
    expect((await ledgerCommits()).sort()).toEqual([...recorded].sort());
  });

  it("close nothing when their push reaches the app, whatever their message says", async () => {
    const setup = context();
    await sync({ gateway: gatewayFor(PORTFOLIO), context: setup, today: TODAY });
    const message = ownCommitMessage("docs: progress, closes week 2 (syllabot)", "refresh");
    const sha = emulator.addCommit(PORTFOLIO, {
      message,
      author: "octocat",
      date: "2026-03-04T04:00:00Z",
      files: { "README.md": "progress\n" },
    });
    const results = await trackPush({
      portfolios: async () => [{ repo: PORTFOLIO, config: setup.config, curriculum: setup.curriculum }],
      pushedRepo: PORTFOLIO,
      commits: [
        {
          sha,
          message,
          repo: PORTFOLIO,
          url: `https://github.com/${PORTFOLIO}/commit/${sha}`,
          timestamp: "2026-03-04T04:00:00Z",
          authorLogin: "octocat",
          authorEmail: "octocat@github.com",
        },
      ],
      gatewayFor,
      serverUrl: "https://github.com",
    });
    expect(results.map((result) => result.closed)).toEqual([[]]);
    expect(await ledgerCommits()).toEqual([]);
  });
});
