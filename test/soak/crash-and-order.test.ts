import { Emulator } from "@syllabot/github-emulator";
import { describe, expect, it } from "vitest";
import { keyOf } from "../../src/model/markers.js";
import { claimsOf } from "../../src/progress/evidence.js";
import {
  emptyLedger,
  type LedgerCommit,
  ledgerEntry,
  recordCommits,
  serializeLedger,
} from "../../src/progress/ledger.js";
import { ledgerBars } from "../../src/progress/oss.js";
import { progressReport } from "../../src/progress/report.js";
import { renderProgressRegion } from "../../src/render/readme.js";
import { sync } from "../../src/use-cases/index.js";
import { emulatedGateway } from "../helpers/emulated-github.js";
import { date, exampleContext } from "../helpers/setup.js";
import { seeded } from "./scenario.js";

describe("a bootstrap crashed at every one of its writes", () => {
  it("finishes when run again, with one object per key, whatever write it crashed after", {
    timeout: 0,
  }, async () => {
    const context = exampleContext();
    const today = date("2026-03-02");
    const emulator = await Emulator.start({
      limits: { enabled: false },
      now: () => new Date("2026-03-02T04:00:00Z"),
    });
    try {
      // A clean bootstrap first: how many writes it makes, and the state it leaves.
      emulator.createRepo("octocat/clean");
      await sync({ gateway: emulatedGateway(emulator, "octocat/clean", true), context, today });
      const writes = emulator.log.filter((entry) => entry.write).length;
      // 75 objects and 37 sub-issue links.
      expect(writes).toBe(112);
      let crashes = 0;
      for (let k = 0; k < writes; k++) {
        const repo = `octocat/crash-${k}`;
        emulator.createRepo(repo);
        emulator.faults.crashAfterWrites(k);
        await expect(
          sync({ gateway: emulatedGateway(emulator, repo, true), context, today }),
        ).rejects.toThrow();
        crashes++;
        emulator.faults.clear();
        await sync({ gateway: emulatedGateway(emulator, repo, true), context, today });
        const again = await sync({ gateway: emulatedGateway(emulator, repo, true), context, today });
        expect(again.plan.operations).toEqual([]);
        const issues = await emulatedGateway(emulator, repo, true).readAllIssues();
        const keys = issues.map((issue) => keyOf(issue.body));
        expect(new Set(keys).size).toBe(keys.length);
        expect(keys).toHaveLength(60);
      }
      expect(crashes).toBe(112);
    } finally {
      await emulator.close();
    }
  });
});

describe("the pushes of a week in any order", () => {
  it("give a byte-identical ledger and README region in 1,000 random orders", { timeout: 120_000 }, () => {
    const context = exampleContext();
    const today = date("2026-04-20");
    // Week 6 (6–12 April 2026): work, time, DSA, a week finished, and a project finished.
    const commits = [
      ["closes week 6\n\nTime: 2h", "2026-04-11T15:00:00Z"],
      ["tests for the lexer\n\nTime: 45m", "2026-04-07T15:00:00Z"],
      ["two-sum\n\nProblem: two-sum\nProblem: contains-duplicate", "2026-04-08T15:00:00Z"],
      ["finish csvq, closes project csvq\n\nTime: 1h30m", "2026-04-12T15:00:00Z"],
      ["refactor", "2026-04-09T15:00:00Z"],
      ["week 5 done (late)", "2026-04-06T15:00:00Z"],
      ["Week: 4", "2026-04-06T16:00:00Z"],
    ].map(([message = "", timestamp = ""], index) => ({
      sha: String(index + 1).repeat(40),
      message,
      repo: "octocat/csvq",
      url: `https://github.com/octocat/csvq/commit/${String(index + 1).repeat(40)}`,
      timestamp,
      authorLogin: "octocat",
    }));
    const render = (order: typeof commits) => {
      let ledger = emptyLedger();
      // Each push delivered on its own, some twice.
      for (const commit of order) {
        const entry: LedgerCommit = ledgerEntry(commit, claimsOf(commit, context.curriculum), context);
        ledger = recordCommits(ledger, { [commit.sha]: entry });
      }
      const report = progressReport({
        context,
        issues: [],
        ledger,
        bars: ledgerBars(context, ledger, today),
        today,
      });
      return `${serializeLedger(ledger)}\n${renderProgressRegion(report, ".syllabot")}`;
    };
    const expected = render(commits);
    expect(expected).toContain("3 of 52 weeks done");
    const random = seeded(2026);
    for (let run = 0; run < 1000; run++) {
      const order = random.shuffle([...commits, ...commits.filter(() => random.next() < 0.3)]);
      expect(render(order)).toBe(expected);
    }
  });
});
