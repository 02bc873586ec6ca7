import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.js";
import { EXAMPLE_CONFIG, MINI_CURRICULUM, repoPath } from "./helpers/setup.js";

const run = (...argv: string[]) => runCli(argv);

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "syllabot-cli-")), name);
  writeFileSync(path, text);
  return path;
}

const EXAMPLE = execFileSync("cat", [EXAMPLE_CONFIG], { encoding: "utf8" });

describe("syllabot plan", () => {
  it("prints a readable plan with a summary line", async () => {
    const { code, stdout, stderr } = await run("plan", "--config", EXAMPLE_CONFIG, "--today", "2026-03-02");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("+ milestone phase-1");
    expect(stdout).toMatch(/\+ issue\s+week-52\s+Week 52: /);
    expect(stdout.trim().split("\n").at(-1)).toBe(
      "Plan: 75 to create (5 milestones, 10 labels, 60 issues), 0 to update, 0 to close, 37 sub-issues to link.",
    );
  });

  it("prints stable JSON: operations with op, kind, key, title and REST-named fields, and a summary", async () => {
    const { code, stdout } = await run("plan", "--config", EXAMPLE_CONFIG, "--today", "2026-11-24", "--json");
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(["operations", "summary"]);
    const milestone = result.operations.find((operation: { kind: string }) => operation.kind === "milestone");
    expect(Object.keys(milestone)).toEqual(["op", "kind", "key", "title", "fields"]);
    expect(Object.keys(milestone.fields)).toEqual(["title", "description", "due_on", "state"]);
    const week = result.operations.find((operation: { key: string }) => operation.key === "week-01");
    expect(Object.keys(week.fields)).toEqual([
      "title",
      "body",
      "labels",
      "milestone",
      "state",
      "state_reason",
    ]);
    // On 2026-11-24, weeks 1–38 have ended: with backfill "close" they are created closed.
    const closed = result.operations.filter(
      (operation: { fields: { state?: string } }) => operation.fields.state === "closed",
    );
    expect(closed.filter((operation: { key: string }) => operation.key.startsWith("week-"))).toHaveLength(38);
    expect(result.summary).toEqual({
      create: { label: 10, milestone: 5, issue: 60 },
      update: { label: 0, milestone: 0, issue: 0 },
      close: { label: 0, milestone: 0, issue: 0 },
      // Each project's weeks, as sub-issues of its issue.
      link: 37,
      total: 112,
    });
    const link = result.operations.find((operation: { kind: string }) => operation.kind === "sub-issue");
    expect(link).toMatchObject({ op: "link", key: "week-04", fields: { sub_issue: "week-04" } });
  });

  it("plans against a snapshot file: nothing to do once applied", async () => {
    const { applyAsGitHub } = await import("./helpers/github-snapshot.js");
    const { stdout } = await run("plan", "--config", EXAMPLE_CONFIG, "--today", "2026-03-02", "--json");
    const snapshot = applyAsGitHub({ milestones: [], labels: [], issues: [] }, JSON.parse(stdout).operations);
    const file = tempFile("snapshot.json", JSON.stringify(snapshot));
    const again = await run("plan", "--config", EXAMPLE_CONFIG, "--actual", file, "--today", "2026-03-02");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("No changes: the repository matches the curriculum.");
  });

  it.each([
    {
      name: "malformed YAML",
      config: "learner: octocat\nstart: [2026-03-02\n",
      where: /syllabot\.yml:3:1: /,
    },
    {
      name: "a wrong type",
      config: EXAMPLE.replace("start: 2026-03-02", "start: 20260302"),
      where: /syllabot\.yml:6:8: start: expected a string, got number 20260302/,
    },
    {
      name: "an unknown time zone",
      config: EXAMPLE.replace("Asia/Kolkata", "Asia/Kolkota"),
      where: /syllabot\.yml:7:11: timezone: unknown time zone "Asia\/Kolkota"/,
    },
    {
      name: "an alias bomb",
      config: `a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n`,
      // a to d's aliases make 12,330 values, and each of e's 11,111: its eighth passes 100,000.
      where: /syllabot\.yml:5:26: aliases would expand to more than 100000 values/,
    },
  ])("exits 1 with a located error and no stack trace on $name", async ({ config, where }) => {
    const file = tempFile("syllabot.yml", config);
    const { code, stdout, stderr } = await run("plan", "--config", file);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(where);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 1 naming the curriculum file when a week is missing", async () => {
    const curriculum = tempFile(
      "c.yaml",
      execFileSync("cat", [MINI_CURRICULUM], { encoding: "utf8" }).replace(
        "  - weeks: 2-3\n",
        "  - weeks: 3\n",
      ),
    );
    const { code, stderr } = await run("plan", "--config", EXAMPLE_CONFIG, "--curriculum", curriculum);
    expect(code).toBe(1);
    expect(stderr).toMatch(/c\.yaml:17:3: weeks: week 2 is missing/);
  });

  it("exits 1 when the config file does not exist", async () => {
    const { code, stderr } = await run("plan", "--config", "/nonexistent/syllabot.yml");
    expect(code).toBe(1);
    expect(stderr).toContain("/nonexistent/syllabot.yml: cannot read: no such file");
  });

  it.each([
    { name: "an unknown option", argv: ["plan", "--frobnicate"] },
    { name: "an unknown command", argv: ["plna"] },
    { name: "a bad --today", argv: ["plan", "--config", EXAMPLE_CONFIG, "--today", "24/11/2026"] },
  ])("exits 2 on $name", async ({ argv }) => {
    const { code, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(/syllabot|error/);
  });

  it("explains itself with --help", async () => {
    const { code, stdout } = await run("plan", "--help");
    expect(code).toBe(0);
    expect(stdout).toContain("--actual <file>");
    expect(stdout).toContain("Examples:");
  });
});

describe("syllabot validate", () => {
  it("checks a curriculum and a config, telling them apart by their keys", async () => {
    const { code, stdout } = await run(
      "validate",
      repoPath("curriculum/rust-systems-1y.yaml"),
      EXAMPLE_CONFIG,
    );
    expect(code).toBe(0);
    expect(stdout).toContain('curriculum "rust-systems-1y": 5 phases, 52 weeks, 10 projects');
    expect(stdout).toContain('config for @octocat: curriculum "rust-systems-1y"');
  });

  it("reports every bad file and exits 1", async () => {
    const bad = tempFile("syllabot.yml", EXAMPLE.replace("capstone: formulaengine", "capstone: spreadsheet"));
    const { code, stderr } = await run("validate", bad, EXAMPLE_CONFIG);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /syllabot\.yml:9:11: capstone: "spreadsheet" is not an option .*docforge \| formulaengine \| ruleforge/,
    );
  });
});

describe("the installed command", () => {
  it("runs as a process with exit codes 0, 1 and 2", () => {
    const bin = repoPath("bin/syllabot.js");
    const ok = spawnSync(process.execPath, [bin, "plan", "--config", EXAMPLE_CONFIG, "--json"], {
      encoding: "utf8",
    });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).summary.create.milestone).toBe(5);
    const invalid = spawnSync(process.execPath, [bin, "validate", tempFile("x.yml", "learner: [")], {
      encoding: "utf8",
    });
    expect(invalid.status).toBe(1);
    const usage = spawnSync(process.execPath, [bin, "plan", "--nope"], { encoding: "utf8" });
    expect(usage.status).toBe(2);
  });
});
