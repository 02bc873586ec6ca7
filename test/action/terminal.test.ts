import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Emulator } from "@syllabot/github-emulator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runAction } from "../helpers/run-action.js";
import { MINI_CONFIG, MINI_CURRICULUM } from "../helpers/setup.js";

/**
 * A curriculum's titles with terminal escapes, and a line break that would start a workflow
 * command: the Action's log and job summary show the text, never the escapes or the command.
 */

const HOSTILE =
  "\u001b]8;;https://evil.example/\u0007link\u001b]8;;\u0007 \u001b[2J\u009b2J\rover\n::warning::forged";
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const NO_TIME_LIMIT = 0;

let emulator: Emulator;
let workspace: string;

beforeEach(async () => {
  emulator = await Emulator.start({
    limits: { enabled: false },
    now: () => new Date("2026-01-20T04:00:00Z"),
  });
  emulator.createRepo("octocat/portfolio");
  workspace = mkdtempSync(join(tmpdir(), "syllabot-action-terminal-"));
  mkdirSync(join(workspace, ".github"));
  writeFileSync(
    join(workspace, "hostile.yaml"),
    readFileSync(MINI_CURRICULUM, "utf8")
      .replace("title: Basics", `title: ${JSON.stringify(`Basics${HOSTILE}`)}`)
      .replace("title: First steps with `tool`", `title: ${JSON.stringify(`First steps${HOSTILE}`)}`),
  );
  writeFileSync(
    join(workspace, ".github/syllabot.yml"),
    readFileSync(MINI_CONFIG, "utf8").replace(/^curriculum: .*$/m, "curriculum: hostile.yaml"),
  );
});
afterEach(async () => {
  await emulator.close();
  rmSync(workspace, { recursive: true, force: true });
});

describe("the Action's log and job summary", () => {
  it(
    "show a curriculum's titles without their escapes, and no forged workflow command",
    async () => {
      const run = await runAction({
        inputs: { token: emulator.token, today: "2026-01-20", "pace-ms": "0" },
        workspace,
        apiUrl: emulator.url,
      });
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("Week 1: First stepslink over ::warning::forged");
      expect(run.stdout).not.toMatch(ACTIVE);
      expect(run.stdout).not.toMatch(/^::warning::forged/m);
      expect(run.summary).toContain("Week 1: First stepslink over ::warning::forged");
      expect(run.summary).not.toMatch(ACTIVE);
    },
    NO_TIME_LIMIT,
  );
});
