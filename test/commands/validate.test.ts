import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_REPORTED_PROBLEMS } from "../../src/errors.js";
import { MAX_SOURCE_BYTES } from "../../src/yaml/source.js";
import { runCli } from "../helpers/run-cli.js";
import { EXAMPLE_CONFIG, MINI_CURRICULUM } from "../helpers/setup.js";

/**
 * `syllabot validate` on files written to be expensive: whatever the file holds (up to the 1 MiB
 * cap), the report is short (the first problems, then a count), and the command answers with a
 * located problem rather than the engine's stack overflow. No assertion is made on time; the
 * generous timeouts only guard against a hang on a busy machine.
 */

const SLOW = 240_000;
const MINI = readFileSync(MINI_CURRICULUM, "utf8");
const EXAMPLE = readFileSync(EXAMPLE_CONFIG, "utf8");
const folder = mkdtempSync(join(tmpdir(), "syllabot-validate-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

/** Header line, at most MAX_REPORTED_PROBLEMS problems, and the line counting the rest. */
const SHORT_REPORT_LINES = MAX_REPORTED_PROBLEMS + 2;

async function validate(path: string, ...flags: string[]) {
  const { code, stdout, stderr } = await runCli(["validate", path, ...flags]);
  const lines = stderr.trimEnd().split("\n");
  expect(stderr).not.toMatch(/call stack|unexpected error|RangeError/i);
  return { code, stdout, stderr, lines };
}

/** The mini curriculum with its `weeks:` list replaced by `list`. */
const withWeeks = (list: string) => MINI.replace(/^weeks:\n(?: {2}.*\n)+/m, `weeks: ${list}\n`);

describe("syllabot validate on expensive files", () => {
  it(
    "answers a 0.45 MB curriculum whose weeks are 150,000 invalid items with a short report",
    async () => {
      const path = file("flat.yaml", withWeeks(`[${Array(150_000).fill("1").join(",")}]`));
      const { code, lines, stderr } = await validate(path);
      expect(code).toBe(1);
      expect(lines.length).toBeLessThanOrEqual(SHORT_REPORT_LINES);
      expect(stderr).toMatch(/flat\.yaml:\d+:\d+: /);
    },
    SLOW,
  );

  it(
    "answers a list of 150,000 items nested in a list's item with a located problem, not a stack overflow",
    async () => {
      const concepts = `concepts: [${Array(150_000).fill("1").join(",")}]`;
      const path = file("nested.yaml", MINI.replace('concepts: ["Values and `types`"]', concepts));
      const { code, lines, stderr } = await validate(path);
      expect(code).toBe(1);
      expect(lines.length).toBeLessThanOrEqual(SHORT_REPORT_LINES);
      expect(stderr).toMatch(/nested\.yaml:10:\d+: /);
    },
    SLOW,
  );

  it(
    "answers a file of 1 MiB of small invalid mappings with a short report",
    async () => {
      const item = "- {a: 1}\n";
      const room = MAX_SOURCE_BYTES - Buffer.byteLength(withWeeks("")) - 16;
      const path = file("mappings.yaml", withWeeks(`\n${item.repeat(Math.floor(room / item.length))}`));
      const { code, lines } = await validate(path);
      expect(code).toBe(1);
      expect(lines.length).toBeLessThanOrEqual(SHORT_REPORT_LINES);
    },
    SLOW,
  );

  it(
    "counts the problems it does not show: the first 50, then one line with the rest",
    async () => {
      // 60 weeks entries, each missing its required fields: more problems than are shown.
      const path = file("sixty.yaml", withWeeks(`[${Array(60).fill("{title: x}").join(", ")}]`));
      const { code, lines } = await validate(path);
      expect(code).toBe(1);
      expect(lines[0]).toBe("syllabot: 180 problems:");
      expect(lines).toHaveLength(SHORT_REPORT_LINES);
      expect(lines.at(-1)).toBe("  … and 130 more problems");
    },
    SLOW,
  );

  it(
    "answers a config with 150,000 invalid oss.repos, and one with 40,000 unknown projects, briefly",
    async () => {
      const repos = file(
        "repos.yml",
        EXAMPLE.replace(/^ {2}repos: .*$/m, `  repos: [${Array(150_000).fill("x").join(",")}]`),
      );
      const reposRun = await validate(repos, "--kind", "config");
      expect(reposRun.code).toBe(1);
      expect(reposRun.lines.length).toBeLessThanOrEqual(SHORT_REPORT_LINES);
      const unknown = Array.from({ length: 40_000 }, (_, index) => `  zz${index}: a/b`).join("\n");
      const projects = file("projects.yml", EXAMPLE.replace(/^projects:.*$/m, `projects:\n${unknown}`));
      const projectsRun = await validate(projects, "--kind", "config");
      expect(projectsRun.code).toBe(1);
      expect(projectsRun.lines.length).toBeLessThanOrEqual(SHORT_REPORT_LINES);
      expect(projectsRun.stderr).toMatch(/projects\.yml:\d+:\d+: /);
    },
    SLOW,
  );

  it(
    "answers a curriculum whose 1,000 weeks entries all overlap with one problem per entry, not one per week",
    async () => {
      const entries = Array.from(
        { length: 1_000 },
        () => "  - {weeks: 1-1000, phase: 1, title: W, weekday: [x]}",
      );
      const text = MINI.replace(
        /^phases:\n(?: {2}.*\n)+/m,
        "phases:\n  - {number: 1, title: P, weeks: 1-1000, objective: o}\n",
      )
        .replace(/^weeks:\n(?: {2}.*\n)+/m, `weeks:\n${entries.join("\n")}\n`)
        .replace(/^projects:\n(?: {2}.*\n)+/m, "")
        .replace(/^tracks:\n(?: {2}.*\n)+/m, "");
      const { code, lines } = await validate(file("overlap.yaml", text));
      expect(code).toBe(1);
      expect(lines[0]).toBe("syllabot: 999 problems:");
      expect(lines[1]).toMatch(/weeks\[1\]\.weeks: weeks 1–1000 are planned twice \(also by weeks\[0\]\)$/);
      expect(lines.length).toBe(SHORT_REPORT_LINES);
    },
    SLOW,
  );
});
