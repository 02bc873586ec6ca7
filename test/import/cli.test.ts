import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const folder = mkdtempSync(join(tmpdir(), "syllabot-import-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const SEED = new URL("./fixtures/rust-learning-program.txt", import.meta.url).pathname;
const GIT = new URL("./fixtures/git-basics.md", import.meta.url).pathname;

/** The CLI with a standard input to read. */
const withStdin = (argv: string[], input: string | undefined) =>
  runCli(argv, {}, input === undefined ? {} : { stdin: input });

describe("syllabot import", () => {
  it("prints the draft of a file on stdout and the report on stderr; the draft passes syllabot validate", async () => {
    const { code, stdout, stderr } = await runCli(["import", SEED]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Drafted by `syllabot import` from .*rust-learning-program\.txt/);
    expect(stderr).toMatch(
      /rust-learning-program\.txt:31: info: phase 1 "Language Foundations", weeks 1–6\n/,
    );
    expect(stderr).toMatch(
      /recognised 5 phases, 36 week entries, 10 projects, 2 tracks; the draft validates/,
    );
    const out = join(folder, "seed.yaml");
    writeFileSync(out, stdout);
    const validated = await runCli(["validate", out]);
    expect(validated.stdout).toMatch(
      /ok .*seed\.yaml: curriculum "the-rust-learning-program": 5 phases, 52 weeks, 10 projects/,
    );
  });

  it("reads standard input for -, and writes --out, refusing to overwrite it without --force", async () => {
    const out = join(folder, "git.yaml");
    const first = await withStdin(["import", "-", "--out", out], readFileSync(GIT, "utf8"));
    expect(first.code).toBe(0);
    expect(first.stdout).toBe("");
    expect(first.stderr).toMatch(/^standard input: warning: no weekly hours found/m);
    expect(readFileSync(out, "utf8")).toMatch(/from standard input/);

    writeFileSync(out, "kept");
    const again = await withStdin(["import", "-", "--out", out], readFileSync(GIT, "utf8"));
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      `${out}: cannot write the draft: already exists: give --force to overwrite it`,
    );
    expect(readFileSync(out, "utf8")).toBe("kept");

    const forced = await withStdin(["import", "-", "--out", out, "--force"], readFileSync(GIT, "utf8"));
    expect(forced.code).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^# Drafted by/);
  });

  it("names a file it cannot read, and a folder it cannot write to", async () => {
    const missing = join(folder, "no-such-plan.md");
    const { code, stderr, stdout } = await runCli(["import", missing]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(`syllabot: 1 problem:\n  ${missing}: cannot read: no such file\n`);
    const nowhere = join(folder, "missing-folder", "out.yaml");
    const unwritable = await runCli(["import", GIT, "--out", nowhere]);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toContain(`${nowhere}: cannot write the draft: its folder does not exist`);
    expect(existsSync(nowhere)).toBe(false);
  });

  it("reports as JSON with --report json, and fails (exit 1) on a draft that does not validate, writing it all the same", async () => {
    const { code, stdout, stderr } = await withStdin(
      ["import", "-", "--report", "json"],
      "Notes\n\nNothing planned.\n",
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(/^# Drafted by/);
    const [json, ...rest] = stderr.split("\n");
    const report = JSON.parse(json ?? "");
    expect(report).toMatchObject({
      source: "standard input",
      out: null,
      valid: false,
      counts: { phases: 0, weeks: 0 },
    });
    expect(report.findings).toContainEqual({
      line: 0,
      severity: "error",
      message: "no phase and no week found: nothing to draft a curriculum from",
    });
    expect(rest.join("\n")).toMatch(/^syllabot: 3 problems:\n {2}standard input: no phase and no week found/);
  });

  it("refuses an unknown report format and a standard input it cannot read", async () => {
    const format = await runCli(["import", GIT, "--report", "xml"]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--report "xml" is not a report format (text or json)');
    const noStdin = await withStdin(["import", "-"], undefined);
    expect(noStdin.code).toBe(2);
    expect(noStdin.stderr).toContain("standard input cannot be read here: name a file");
  });

  it("explains in --help what it recognises and what to run next", async () => {
    const { code, stdout } = await runCli(["import", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: syllabot import [options] <file>");
    expect(stdout).toMatch(/"Phase 2 — Title \(Weeks 7–16\)"/);
    expect(stdout).toMatch(/Option A: name/);
    expect(stdout).toContain("syllabot validate curriculum.yaml");
    expect(stdout).toContain("syllabot plan --curriculum curriculum.yaml");
  });
});
