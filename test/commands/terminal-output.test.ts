import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPTY_SNAPSHOT } from "../../src/model/actual.js";
import { planContext } from "../../src/model/context.js";
import { plan } from "../../src/plan/index.js";
import { emptyLedger, serializeLedger } from "../../src/progress/ledger.js";
import { loadSetup } from "../../src/setup/local.js";
import { runCli } from "../helpers/run-cli.js";
import { date, MINI_CONFIG, MINI_CURRICULUM } from "../helpers/setup.js";

/**
 * A curriculum is anyone's text: its titles may hold terminal escapes (a hyperlink to anywhere,
 * "clear the screen", an 8-bit CSI, a carriage return that prints over a line). Nothing syllabot
 * prints on a terminal, and no title it writes to GitHub, holds one.
 */

const HOSTILE = "\u001b]8;;https://evil.example/\u0007link\u001b]8;;\u0007 \u001b[2J\u009b2J\rover";
/** ESC, DEL, C1 and the C0 controls but line break and tab: what a terminal acts on. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

let clone: string;
let config: string;

beforeAll(() => {
  clone = mkdtempSync(join(tmpdir(), "syllabot-hostile-"));
  mkdirSync(join(clone, ".github"));
  const curriculum = readFileSync(MINI_CURRICULUM, "utf8")
    .replace("title: A Mini Program", `title: ${JSON.stringify(`A Mini Program${HOSTILE}`)}`)
    .replace("title: Basics", `title: ${JSON.stringify(`Basics${HOSTILE}`)}`)
    .replace("title: First steps with `tool`", `title: ${JSON.stringify(`First steps${HOSTILE}`)}`)
    .replace("title: calc", `title: ${JSON.stringify(`calc${HOSTILE}`)}`)
    .replace("objective: Learn the basics.", `objective: ${JSON.stringify(`Learn${HOSTILE}`)}`)
    .replace('weekday: ["Read chapter 1"', `weekday: [${JSON.stringify(`Read${HOSTILE}`)}`);
  writeFileSync(join(clone, "hostile.yaml"), curriculum);
  config = join(clone, ".github/syllabot.yml");
  writeFileSync(
    config,
    readFileSync(MINI_CONFIG, "utf8").replace(/^curriculum: .*$/m, "curriculum: hostile.yaml"),
  );
  writeFileSync(join(clone, "state.json"), serializeLedger(emptyLedger()));
});
afterAll(() => rmSync(clone, { recursive: true, force: true }));

describe("terminal escapes in a curriculum", () => {
  it("reach no line of `syllabot plan`", async () => {
    const { code, stdout, stderr } = await runCli(["plan", "--config", config, "--today", "2026-01-20"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).not.toMatch(ACTIVE);
    expect(stdout).toContain("syllabot plan: A Mini Programlink  over (mini)");
    expect(stdout).toMatch(/\+ issue\s+week-01\s+Week 1: First stepslink over/);
  });

  it("reach no byte of `syllabot plan --json`, which still carries the same text", async () => {
    const { code, stdout } = await runCli(["plan", "--config", config, "--today", "2026-01-20", "--json"]);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(ACTIVE);
    const titles = JSON.parse(stdout).operations.map((operation: { title: string }) => operation.title);
    expect(titles).toContain("Week 1: First stepslink over");
  });

  it("reach no line of `syllabot status`", async () => {
    const { code, stdout, stderr } = await runCli([
      "status",
      "--ledger",
      join(clone, "state.json"),
      "--config",
      config,
      "--today",
      "2026-01-20",
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).not.toMatch(ACTIVE);
    expect(stdout).toContain("phase 1: Basicslink  over");
    const json = await runCli([
      "status",
      "--ledger",
      join(clone, "state.json"),
      "--config",
      config,
      "--json",
    ]);
    expect(json.stdout).not.toMatch(ACTIVE);
  });

  it("reach no title, description or body syllabot would write to GitHub", () => {
    const { config: parsed, curriculum } = loadSetup(config);
    const context = planContext(parsed, curriculum);
    const planned = plan(context, EMPTY_SNAPSHOT, date("2026-01-20"));
    expect(planned.operations.length).toBeGreaterThan(0);
    for (const operation of planned.operations) {
      expect(operation.title).not.toMatch(ACTIVE);
      for (const value of Object.values(operation.fields))
        if (typeof value === "string") expect(value).not.toMatch(ACTIVE);
    }
    const titles = planned.operations.map((operation) => operation.title);
    expect(titles).toContain("Phase 1: Basicslink over");
    expect(titles).toContain("Project calclink over");
  });

  it("reach no error line, whether the input or the command line holds them", async () => {
    const bad = join(clone, "bad.yml");
    writeFileSync(
      bad,
      `${readFileSync(config, "utf8")}${JSON.stringify(`x${HOSTILE}`)}: 1\nlabels: {prefix: ${JSON.stringify(`p${HOSTILE}`)}}\n`,
    );
    const invalid = await runCli(["validate", bad]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('unknown key "xlink  over"');
    expect(invalid.stderr).not.toMatch(ACTIVE);
    const usage = await runCli(["plan", `--x${HOSTILE}`]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("unknown option");
    expect(usage.stderr).not.toMatch(ACTIVE);
  });
});
