import { readFileSync } from "node:fs";
import { Emulator } from "@syllabot/github-emulator";
import { validateAgainstOpenApi } from "@syllabot/github-emulator/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Temporal } from "../../src/calendar.js";
import { formatProblem } from "../../src/errors.js";
import { refreshRepository, syncRepository } from "../../src/use-cases/index.js";
import { emulatedGateway, PINNED } from "../helpers/emulated-github.js";
import { EXAMPLE_CONFIG } from "../helpers/setup.js";

/**
 * A portfolio whose config names a path syllabot must never write (or read): the config is refused
 * before anything is read through it or written to it, and the repository's files stay as they were.
 */

const REPO = "octocat/portfolio";
const NOW = "2026-03-02T04:00:00Z";
const CONFIG_PATH = ".github/syllabot.yml";
let emulator: Emulator;

beforeEach(async () => {
  emulator = await Emulator.start(PINNED(NOW));
  emulator.createRepo(REPO);
});
afterEach(async () => {
  expect(validateAgainstOpenApi(emulator.log)).toEqual([]);
  await emulator.close();
});

/** The example config with one top-level field's value replaced, committed with a README. */
function commitConfig(field: "readme" | "curriculum", value: string): string {
  const config = readFileSync(EXAMPLE_CONFIG, "utf8").replace(
    new RegExp(`^${field}: .*$`, "m"),
    `${field}: ${JSON.stringify(value)}`,
  );
  emulator.addCommit(REPO, {
    message: "Add syllabot config",
    files: { [CONFIG_PATH]: config, "README.md": "# My portfolio\n" },
  });
  return config;
}

const input = () => ({
  gateway: emulatedGateway(emulator, REPO),
  serverUrl: "https://github.com",
  now: Temporal.Instant.from(NOW),
});

/** Every file write the repository received: contents, blobs, trees, commits and ref moves. */
const fileWrites = () =>
  emulator.log
    .filter((entry) => entry.write && /contents|\/git\//.test(entry.path))
    .map((entry) => entry.path);

describe("a portfolio config naming a path outside what syllabot may write", () => {
  it.each([["../x.md"], [".git/config"], [".github/syllabot.yml"], [".syllabot/state.json"]])(
    "with readme: %j is refused before any write, and the repository's files are untouched",
    { timeout: 120_000 },
    async (readme) => {
      const config = commitConfig("readme", readme);
      emulator.clearLog();

      expect(await refreshRepository(input())).toBeUndefined();
      const outcome = await syncRepository(input());
      expect(outcome.status).toBe("invalid");
      const problems = outcome.status === "invalid" ? outcome.problems.map(formatProblem) : [];
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^\.github\/syllabot\.yml:\d+:9: readme: /);

      expect(fileWrites()).toEqual([]);
      const gateway = emulatedGateway(emulator, REPO);
      expect(await gateway.readFile(CONFIG_PATH)).toBe(config);
      expect(await gateway.readFile("README.md")).toBe("# My portfolio\n");
      // The only write is the issue that tells the learner what to fix.
      expect(emulator.log.filter((entry) => entry.write).map((entry) => entry.operationId)).toEqual([
        "issues/create",
      ]);
    },
  );

  it.each([["../curricula/rust.yaml"], ["/proc/self/environ"], [".git/config.yaml"]])(
    "with curriculum: %j is refused without reading it",
    { timeout: 120_000 },
    async (curriculum) => {
      commitConfig("curriculum", curriculum);
      emulator.clearLog();
      const outcome = await syncRepository(input());
      expect(outcome.status).toBe("invalid");
      const problems = outcome.status === "invalid" ? outcome.problems.map(formatProblem) : [];
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^\.github\/syllabot\.yml:\d+:13: curriculum: /);
      const read = emulator.log.filter((entry) => entry.operationId === "repos/get-content");
      expect(read.map((entry) => decodeURIComponent(entry.path))).toEqual([
        "/repos/octocat/portfolio/contents/.github/syllabot.yml",
      ]);
    },
  );
});
