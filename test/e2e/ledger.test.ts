import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Emulator } from "@syllabot/github-emulator";
import { validateAgainstOpenApi } from "@syllabot/github-emulator/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LEDGER_PATH } from "../../src/config/paths.js";
import {
  emptyLedger,
  parseLedger,
  recordCommits,
  serializeLedger,
  weeklyTotals,
} from "../../src/progress/ledger.js";
import { rebuildLedger, sync, track, trackHistory } from "../../src/use-cases/index.js";
import { emulatedGateway, PINNED } from "../helpers/emulated-github.js";
import { runCli } from "../helpers/run-cli.js";
import { date, EXAMPLE_CONFIG, exampleContext } from "../helpers/setup.js";

const REPO = "octocat/portfolio";
let emulator: Emulator;

const gatewayFor = (repo: string) => emulatedGateway(emulator, repo);

beforeEach(async () => {
  emulator = await Emulator.start(PINNED("2026-03-02T04:00:00Z"));
  emulator.createRepo(REPO);
  emulator.createRepo("octocat/csvq");
  await sync({ gateway: gatewayFor(REPO), context: exampleContext(), today: date("2026-03-02") });
  const commits: [string, string][] = [
    ["skeleton, closes week 4\n\nTime: 1h30m", "2026-03-26T18:00:00Z"],
    ["core, week 5 done\n\nTime: 2h", "2026-04-01T18:00:00Z"],
    ["tidy the lexer\n\nTime: 45m", "2026-04-02T18:00:00Z"],
    ["closes project csvq", "2026-04-11T18:00:00Z"],
    ["wip", "2026-04-12T18:00:00Z"],
  ];
  for (const [message, when] of commits) {
    emulator.addCommit("octocat/csvq", {
      message,
      author: "octocat",
      date: when,
      files: { [`notes/${when}.md`]: message },
    });
  }
});
afterEach(async () => {
  await emulator.close();
  expect(validateAgainstOpenApi(emulator.log)).toEqual([]);
});

async function ledgerText(): Promise<string | undefined> {
  return gatewayFor(REPO).readFile(LEDGER_PATH);
}

describe("the ledger in the portfolio", () => {
  it("holds the same bytes whatever the order of pushes, and rebuilding from GitHub alone gives exactly it", async () => {
    const history = (await gatewayFor("octocat/csvq").listCommitsSince("2026-03-01T00:00:00Z")) ?? [];
    // The repository's initial commit, and the five above.
    expect(history).toHaveLength(6);
    const context = exampleContext();
    // Pushed one commit at a time, newest first, then all again as one push.
    for (const commit of [...history].reverse())
      await track({ gateway: gatewayFor(REPO), context, commits: [commit] });
    await track({ gateway: gatewayFor(REPO), context, commits: history });
    // A scheduled run then lists the repositories and notes the newest commit seen in each.
    await trackHistory({ gateway: gatewayFor(REPO), context, gatewayFor });
    const incremental = await ledgerText();
    expect(incremental).toBeDefined();
    const ledger = parseLedger(incremental ?? "");
    // Every commit of the learner's, the repository's initial commit included: project activity.
    expect(Object.keys(ledger?.commits ?? {})).toHaveLength(6);
    // Week 4 is 23–29 March; week 5 is 30 March – 5 April (Asia/Kolkata).
    expect(weeklyTotals(ledger ?? emptyLedger()).get(5)).toEqual({
      commits: 2,
      minutes: 165,
      problems: 0,
    });

    emulator.clearLog();
    const rebuilt = await rebuildLedger({ gateway: gatewayFor(REPO), context, gatewayFor });
    expect(rebuilt.commits).toBe(6);
    expect(await ledgerText()).toBe(incremental);
    // Identical, so rebuilding made no commit.
    expect(emulator.log.filter((entry) => entry.operationId === "git/create-commit")).toEqual([]);
  });

  it("lists each repository from a little before the newest commit it saw there, and misses nothing new", async () => {
    const context = exampleContext();
    await trackHistory({ gateway: gatewayFor(REPO), context, gatewayFor });
    const first = parseLedger((await ledgerText()) ?? "");
    expect(first?.lastSeen["octocat/csvq"]?.timestamp).toBe("2026-04-12T18:00:00Z");
    emulator.addCommit("octocat/csvq", {
      message: "parser, closes week 6\n\nTime: 1h",
      author: "octocat",
      date: "2026-04-13T09:00:00Z",
      files: { "src/parser.rs": "fn main() {}\n" },
    });
    emulator.clearLog();
    const result = await trackHistory({ gateway: gatewayFor(REPO), context, gatewayFor });
    expect(result.closed.map((closed) => closed.key)).toEqual(["week-06"]);
    const listings = emulator.log.filter(
      (entry) => entry.operationId === "repos/list-commits" && entry.path.includes("/octocat/csvq/"),
    );
    expect(listings.map((entry) => entry.query.since)).toEqual(["2026-04-05T18:00:00Z"]);
    const ledger = parseLedger((await ledgerText()) ?? "");
    expect(ledger?.lastSeen["octocat/csvq"]?.timestamp).toBe("2026-04-13T09:00:00Z");
    expect(Object.keys(ledger?.commits ?? {})).toHaveLength(7);
  });

  it("closes a week in as few requests as GitHub allows: no comment read where there is none, the ledger written at once", async () => {
    const history = (await gatewayFor("octocat/csvq").listCommitsSince("2026-03-01T00:00:00Z")) ?? [];
    const [week4, week5] = history.filter((commit) => /week [45]/.test(commit.message));
    if (!week4 || !week5) throw new Error("no commits");
    // One client, as one process of the app keeps per installation.
    const portfolio = gatewayFor(REPO);
    const context = exampleContext();
    await track({ gateway: portfolio, context, commits: [week4] });
    emulator.clearLog();
    const result = await track({ gateway: portfolio, context, commits: [week5] });
    expect(result.closed.map((closed) => closed.key)).toEqual(["week-05"]);
    const answered = emulator.log.filter((entry) => entry.status !== 304);
    expect(answered.map((entry) => entry.operationId)).toEqual([
      "issues/list-for-repo",
      "issues/update",
      "issues/create-comment",
      "repos/create-or-update-file-contents",
    ]);
    // Closing reads no milestone or label: those are sync's.
    expect(emulator.log.filter((entry) => entry.status === 304)).toEqual([]);
    const ledger = parseLedger((await ledgerText()) ?? "");
    expect(Object.keys(ledger?.commits ?? {}).sort()).toEqual([week4.sha, week5.sha].sort());
  });

  it("never overwrites a ledger that moved meanwhile: the writes merge", async () => {
    const history = (await gatewayFor("octocat/csvq").listCommitsSince("2026-03-01T00:00:00Z")) ?? [];
    const context = exampleContext();
    const [first, second] = history.filter((commit) => commit.message.includes("Time:"));
    if (!first || !second) throw new Error("no commits");
    await Promise.all([
      track({ gateway: gatewayFor(REPO), context, commits: [first] }),
      track({ gateway: gatewayFor(REPO), context, commits: [second] }),
    ]);
    const ledger = parseLedger((await ledgerText()) ?? "");
    expect(Object.keys(ledger?.commits ?? {}).sort()).toEqual([first.sha, second.sha].sort());
    // The race happened: one write of the ledger (the contents API, a file at a time) was refused
    // because the file had moved since it was read, then read again, merged and retried.
    const writes = emulator.log.filter(
      (entry) => entry.operationId === "repos/create-or-update-file-contents",
    );
    expect(writes.map((entry) => entry.status).sort()).toEqual([201, 200, 422].sort());
  });

  it("is rebuilt by syllabot rebuild, which names the project repositories it could not read", async () => {
    const result = await runCli(
      ["rebuild", "--repo", REPO, "--config", EXAMPLE_CONFIG, "--api-url", emulator.url, "--pace", "0"],
      { GITHUB_TOKEN: emulator.token },
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "Rebuilt .syllabot/state.json in octocat/portfolio from GitHub: 6 commits of the learner's",
    );
    expect(result.stdout).toContain("not read: octocat/logr does not exist yet, or the token cannot see it");
    expect(Object.keys(parseLedger((await ledgerText()) ?? "")?.commits ?? {})).toHaveLength(6);
  });

  describe("after a project's repository is switched in the config", () => {
    /** The example config with csvq moved to a new repository, as a file `syllabot rebuild` reads. */
    function switchedConfig(): string {
      const file = join(mkdtempSync(join(tmpdir(), "syllabot-")), "syllabot.yml");
      writeFileSync(
        file,
        readFileSync(EXAMPLE_CONFIG, "utf8").replace("csvq: octocat/csvq", "csvq: octocat/csvq-v2"),
      );
      return file;
    }
    const rebuild = (config: string) =>
      runCli(["rebuild", "--repo", REPO, "--config", config, "--api-url", emulator.url, "--pace", "0"], {
        GITHUB_TOKEN: emulator.token,
      });
    const minutes = async () =>
      [...weeklyTotals(parseLedger((await ledgerText()) ?? "") ?? emptyLedger()).values()].reduce(
        (sum, week) => sum + week.minutes,
        0,
      );

    beforeEach(async () => {
      await trackHistory({ gateway: gatewayFor(REPO), context: exampleContext(), gatewayFor });
      emulator.createRepo("octocat/csvq-v2");
      emulator.addCommit("octocat/csvq-v2", {
        message: "start over\n\nTime: 3h",
        author: "octocat",
        date: "2026-04-20T18:00:00Z",
        files: { "src/main.rs": "fn main() {}\n" },
      });
    });

    it("rebuild still counts the former repository's commits, read from GitHub, and says so", async () => {
      expect(await minutes()).toBe(255);
      const result = await rebuild(switchedConfig());
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("also read: octocat/csvq, no longer in the config");
      // 1 h 30 + 2 h + 45 min in the former repository, 3 h in the new one.
      expect(await minutes()).toBe(255 + 180);
      // And the next rebuild still knows the former repository.
      await rebuild(switchedConfig());
      expect(await minutes()).toBe(255 + 180);
    });

    it("says plainly what is lost when a former repository cannot be read", async () => {
      // The ledger recorded two commits in a repository since deleted.
      const recorded = {
        repo: "octocat/csvq-old",
        timestamp: "2026-03-10T18:00:00.000Z",
        week: 2,
        weeks: [],
        projects: [],
        minutes: 60,
        problems: [],
        attributed: [],
      };
      const previous = parseLedger((await ledgerText()) ?? "") ?? emptyLedger();
      const seeded = recordCommits(previous, {
        ["a".repeat(40)]: recorded,
        ["b".repeat(40)]: recorded,
      });
      emulator.addCommit(REPO, {
        message: "seed",
        author: "octocat",
        files: { [LEDGER_PATH]: serializeLedger(seeded) },
      });
      const result = await rebuild(switchedConfig());
      expect(result.stdout).toContain(
        "not read: octocat/csvq-old, no longer in the config: the 2 commits the ledger had recorded there are not in the rebuilt one",
      );
      expect(result.stdout).toContain("also read: octocat/csvq, no longer in the config");
    });

    it("says plainly what may be lost when the previous ledger cannot be read", async () => {
      emulator.addCommit(REPO, {
        message: "oops",
        author: "octocat",
        files: { [LEDGER_PATH]: "{ not json" },
      });
      const result = await rebuild(switchedConfig());
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(
        /The previous ledger could not be read \(.*not valid JSON.*\): commits in repositories the config no longer names are not in the rebuilt one\./,
      );
      expect(await minutes()).toBe(180);
    });
  });

  it("counts DSA problems per week from the DSA repository's Problem: trailers", async () => {
    emulator.createRepo("octocat/dsa");
    emulator.addCommit("octocat/dsa", {
      message: "arrays\n\nProblem: two-sum\nProblem: contains-duplicate",
      author: "octocat",
      date: "2026-03-03T15:00:00Z",
      files: { "arrays/two_sum.py": "pass\n" },
    });
    emulator.addCommit("octocat/dsa", {
      message: "stack\n\nProblem: valid-parentheses\nTime: 40m",
      author: "octocat",
      date: "2026-03-05T15:00:00Z",
      files: { "stack/valid.py": "pass\n" },
    });
    await rebuildLedger({ gateway: gatewayFor(REPO), context: exampleContext(), gatewayFor });
    const ledger = parseLedger((await ledgerText()) ?? "");
    // Week 1 also holds the initial commits of csvq and dsa.
    expect(weeklyTotals(ledger ?? emptyLedger()).get(1)).toEqual({
      commits: 4,
      minutes: 40,
      problems: 3,
    });
  });
});
