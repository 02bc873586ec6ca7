import { readFileSync } from "node:fs";
import { Emulator } from "@syllabot/github-emulator";
import { validateAgainstOpenApi } from "@syllabot/github-emulator/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkConfig, parseConfig } from "../../src/config/load.js";
import { parseCurriculum } from "../../src/curriculum/load.js";
import { planContext } from "../../src/model/context.js";
import { sync } from "../../src/use-cases/index.js";
import { emulatedGateway, PINNED } from "../helpers/emulated-github.js";
import { date, MINI_CONFIG, MINI_CURRICULUM } from "../helpers/setup.js";

/**
 * Terminal escapes in a curriculum never reach GitHub, and the titles written without them are
 * the titles the next plan expects: a second sync writes nothing.
 */

const REPO = "octocat/portfolio";
const HOSTILE = "\u001b]8;;https://evil.example/\u0007link\u001b]8;;\u0007 \u001b[2J\u009b2J\rover";
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
let emulator: Emulator;

beforeEach(async () => {
  emulator = await Emulator.start(PINNED("2026-01-20T04:00:00Z"));
  emulator.createRepo(REPO);
});
afterEach(async () => {
  expect(validateAgainstOpenApi(emulator.log)).toEqual([]);
  await emulator.close();
});

function hostileContext() {
  const curriculum = parseCurriculum(
    readFileSync(MINI_CURRICULUM, "utf8")
      .replace("title: Basics", `title: ${JSON.stringify(`Basics${HOSTILE}`)}`)
      .replace("objective: Learn the basics.", `objective: ${JSON.stringify(`Learn${HOSTILE}`)}`)
      .replace("title: First steps with `tool`", `title: ${JSON.stringify(`First steps${HOSTILE}`)}`)
      .replace('weekday: ["Read chapter 1"', `weekday: [${JSON.stringify(`Read${HOSTILE}`)}`)
      .replace("title: calc", `title: ${JSON.stringify(`calc${HOSTILE}`)}`),
    "hostile.yaml",
  );
  const config = checkConfig(parseConfig(readFileSync(MINI_CONFIG, "utf8"), "syllabot.yml"), curriculum);
  return planContext(config, curriculum);
}

describe("terminal escapes in a curriculum", () => {
  it("reach no issue, milestone or label on GitHub, and a second sync writes nothing", async () => {
    const gateway = emulatedGateway(emulator, REPO);
    const first = await sync({ gateway, context: hostileContext(), today: date("2026-01-20") });
    expect(first.plan.summary.total).toBeGreaterThan(0);
    const written = emulator.log
      .filter((entry) => entry.write)
      .map((entry) => JSON.stringify(entry.requestBody));
    expect(written.length).toBeGreaterThan(0);
    // JSON escapes C0 controls; the escape sequences themselves must be gone from what was sent.
    for (const body of written) {
      expect(body).not.toMatch(ACTIVE);
      expect(body).not.toMatch(/\\u001b|\\u0007|\\r/);
    }
    const before = emulator.counts().writes;
    const second = await sync({ gateway, context: hostileContext(), today: date("2026-01-20") });
    expect(second.plan.operations).toEqual([]);
    expect(emulator.counts().writes).toBe(before);
  }, 120_000);
});
