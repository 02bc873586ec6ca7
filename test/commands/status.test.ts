import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Emulator } from "@syllabot/github-emulator";
import { afterAll, describe, expect, it } from "vitest";
import { formatStatus } from "../../src/commands/status.js";
import { emptyLedger, type LedgerCommit, serializeLedger } from "../../src/progress/ledger.js";
import { progressStatus, sync } from "../../src/use-cases/index.js";
import { emulatedGateway, PINNED } from "../helpers/emulated-github.js";
import { runCli } from "../helpers/run-cli.js";
import { date, EXAMPLE_CONFIG, exampleContext } from "../helpers/setup.js";

const folder = mkdtempSync(join(tmpdir(), "syllabot-status-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function commit(week: number, timestamp: string, minutes = 60): LedgerCommit {
  return {
    repo: "octocat/csvq",
    timestamp,
    week,
    weeks: [week],
    projects: [],
    minutes,
    problems: [],
    attributed: [],
  };
}

const ledger = {
  ...emptyLedger(),
  commits: {
    ["a".repeat(40)]: commit(1, "2026-03-07T12:00:00Z"),
    ["b".repeat(40)]: commit(2, "2026-03-14T12:00:00Z"),
    ["c".repeat(40)]: commit(3, "2026-03-21T12:00:00Z", 90),
  },
  pulls: {
    "tikv/tikv#12": {
      title: "Fix \u001b[31mtypo\u001b[0m in docs",
      url: "https://github.com/tikv/tikv/pull/12",
      mergedAt: "2026-10-01T10:00:00Z",
      labels: [],
      files: [{ filename: "docs/README.md", additions: 3, deletions: 1 }],
    },
  },
};
const ledgerPath = join(folder, "state.json");
writeFileSync(ledgerPath, serializeLedger(ledger));

describe("syllabot status", () => {
  it("prints the progress of a local ledger: pace, phases, bars with reasons, the next reminder", async () => {
    const result = await runCli([
      "status",
      "--ledger",
      ledgerPath,
      "--config",
      EXAMPLE_CONFIG,
      "--today",
      "2026-11-24",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("3 of 52 weeks done · 35 weeks behind plan (38 expected)");
    expect(result.stdout).toMatch(/4 1 substantive merged PR · at-risk · 12 days left/);
    expect(result.stdout).toMatch(/3 1 merged PR — any size · missed · ended 72 days ago/);
    // The escape codes in the title are gone, whole.
    expect(result.stdout).toContain("tikv/tikv#12 Fix typo in docs");
    expect(result.stdout).toContain(
      "does not count, merged in phase 4; substantive: no, it changes only docs or tests",
    );
    expect(result.stdout).toContain("Next reminder  Sun 29 Nov 2026 (phase 4, 7 days before its deadline)");
    // No colour codes when the output is not a terminal, and none smuggled in by a PR title.
    expect(result.stdout).not.toContain("\u001b");
  });

  it("prints JSON for scripts", async () => {
    const result = await runCli([
      "status",
      "--ledger",
      ledgerPath,
      "--config",
      EXAMPLE_CONFIG,
      "--today",
      "2026-11-24",
      "--json",
    ]);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.report.pace).toMatchObject({ done: 3, expected: 38, status: "behind" });
    expect(parsed.nextReminder).toEqual({ phase: 4, threshold: "lead-7", on: "2026-11-29" });
    // Phase 3 has ended unmet: at risk, and ended (shown as missed).
    expect(
      parsed.report.bars.map((bar: { state: string; ended: boolean }) => [bar.state, bar.ended]),
    ).toEqual([
      ["at-risk", true],
      ["at-risk", false],
      ["unmet", false],
    ]);
  });

  it("colours states on a terminal", () => {
    const status = progressStatus(exampleContext(), ledger, [], date("2026-11-24"));
    expect(formatStatus("x", status, true)).toContain("\u001b[31mat-risk\u001b[39m");
  });

  it("reads a repository on GitHub without writing anything", { timeout: 120_000 }, async () => {
    const emulator = await Emulator.start(PINNED("2026-03-02T04:00:00Z"));
    try {
      emulator.createRepo("octocat/portfolio");
      await sync({
        gateway: emulatedGateway(emulator, "octocat/portfolio"),
        context: exampleContext(),
        today: date("2026-03-02"),
      });
      emulator.clearLog();
      const result = await runCli(
        [
          "status",
          "--repo",
          "octocat/portfolio",
          "--config",
          EXAMPLE_CONFIG,
          "--api-url",
          emulator.url,
          "--today",
          "2026-03-20",
        ],
        { GITHUB_TOKEN: emulator.token },
      );
      expect(result.stderr).toBe("");
      expect(result.stdout).toContain("week 3 of 52, phase 1: Language Foundations");
      expect(result.stdout).toContain("0 of 52 weeks done · 2 weeks behind plan (2 expected)");
      expect(emulator.log.filter((entry) => entry.write)).toEqual([]);
    } finally {
      await emulator.close();
    }
  });

  it("explains what is wrong with its arguments or the ledger", async () => {
    const neither = await runCli(["status", "--config", EXAMPLE_CONFIG]);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain("give either --repo OWNER/NAME (read from GitHub) or --ledger FILE");
    const bad = join(folder, "bad.json");
    writeFileSync(bad, '{"version": 9}');
    const broken = await runCli(["status", "--ledger", bad, "--config", EXAMPLE_CONFIG]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(
      `${bad}: version: written by a newer syllabot (ledger version 9; this one reads versions 1 and 2)`,
    );
  });

  it("says the course has ended instead of showing this week's hours after its last day", () => {
    const text = formatStatus("x", progressStatus(exampleContext(), ledger, [], date("2027-04-10")), false);
    expect(text).not.toMatch(/This week\s+0 h/);
    expect(text).toMatch(/This week\s+none: the course ended on Sun 28 Feb 2027/);
  });

  it("says when the course starts instead of showing this week's hours before its first day", () => {
    const text = formatStatus(
      "x",
      progressStatus(exampleContext(), emptyLedger(), [], date("2026-02-20")),
      false,
    );
    expect(text).toMatch(/This week\s+none yet: the course starts on Mon 2 Mar 2026/);
  });

  it("names one week, day and issue in the singular and several in the plural", () => {
    const behindOne = formatStatus(
      "x",
      progressStatus(exampleContext(), ledger, [], date("2026-03-25")),
      false,
    );
    expect(behindOne).toContain("3 of 52 weeks done · on plan (3 expected)");
    const behindTwo = formatStatus(
      "x",
      progressStatus(exampleContext(), ledger, [], date("2026-04-08")),
      false,
    );
    expect(behindTwo).toContain("3 of 52 weeks done · 2 weeks behind plan (5 expected)");
    const behind = formatStatus("x", progressStatus(exampleContext(), ledger, [], date("2026-04-01")), false);
    expect(behind).toContain("3 of 52 weeks done · 1 week behind plan (4 expected)");
    const lastDay = formatStatus(
      "x",
      progressStatus(exampleContext(), ledger, [], date("2026-12-05")),
      false,
    );
    expect(lastDay).toMatch(/substantive merged PR · at-risk · 1 day left$/m);
  });
});
