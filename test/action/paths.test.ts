import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Emulator } from "@syllabot/github-emulator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runAction } from "../helpers/run-action.js";
import { EXAMPLE_CONFIG } from "../helpers/setup.js";

/**
 * The Action reads only files of the checked-out repository: a commit can make the config or the
 * curriculum a symbolic link to `.git/config` (where actions/checkout keeps the job's credential) or
 * name a path outside the checkout. Such a run fails in one line naming the input or field, before
 * any request, and prints no byte of the file it refused.
 */

/** What actions/checkout persists: the job's token, base64-encoded, in the repository's .git/config. */
const CREDENTIAL = "eC1hY2Nlc3MtdG9rZW46Z2hzX0NoZWNrb3V0Q3JlZGVudGlhbDAx";
const GIT_CONFIG = `[core]\n\trepositoryformatversion = 0\n[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${CREDENTIAL}\n`;
const ENVIRONMENT_SECRET = "environment-canary-5f1c9e";
const NO_TIME_LIMIT = 0;

let emulator: Emulator;
let root: string;
let workspace: string;

beforeEach(async () => {
  emulator = await Emulator.start({
    limits: { enabled: false },
    now: () => new Date("2026-03-02T04:00:00Z"),
  });
  emulator.createRepo("octocat/portfolio");
  root = mkdtempSync(join(tmpdir(), "syllabot-action-paths-"));
  workspace = join(root, "portfolio");
  mkdirSync(join(workspace, ".git"), { recursive: true });
  mkdirSync(join(workspace, ".github"));
  writeFileSync(join(workspace, ".git/config"), GIT_CONFIG);
  writeFileSync(join(root, "outside.yml"), GIT_CONFIG);
});
afterEach(async () => {
  await emulator.close();
  rmSync(root, { recursive: true, force: true });
});

function writeConfig(curriculum: string, path = ".github/syllabot.yml"): void {
  writeFileSync(
    join(workspace, path),
    readFileSync(EXAMPLE_CONFIG, "utf8").replace(/^curriculum: .*$/m, `curriculum: ${curriculum}`),
  );
}

function action(inputs: Record<string, string> = {}) {
  return runAction({
    inputs: { token: emulator.token, today: "2026-03-02", "pace-ms": "0", ...inputs },
    workspace,
    apiUrl: emulator.url,
    env: { SYLLABOT_CANARY: ENVIRONMENT_SECRET },
  });
}

/** The run failed before any request, with exactly one error line, and showed nothing of the refused file. */
async function expectRefused(run: Awaited<ReturnType<typeof action>>): Promise<string> {
  expect(run.code).toBe(1);
  const errors = run.stdout.split("\n").filter((line) => line.startsWith("::error::"));
  expect(errors).toHaveLength(1);
  const printed = run.stdout.replace(`::add-mask::${emulator.token}\n`, "") + run.stderr + run.summary;
  for (const secret of [
    CREDENTIAL,
    "AUTHORIZATION",
    "extraheader",
    "repositoryformatversion",
    ENVIRONMENT_SECRET,
  ])
    expect(printed).not.toContain(secret);
  expect(emulator.counts().requests).toBe(0);
  return errors[0] ?? "";
}

describe("the Action reads only the checkout's own files", () => {
  it(
    "refuses a curriculum that is a symbolic link to .git/config, naming the field, without printing the credential",
    async () => {
      symlinkSync(join(workspace, ".git/config"), join(workspace, "curriculum.yaml"));
      writeConfig("curriculum.yaml");
      expect(await expectRefused(await action())).toBe(
        '::error::syllabot: 1 problem:%0A  .github/syllabot.yml:8:13: curriculum: "curriculum.yaml" is a symbolic link: syllabot reads only the repository\'s own files',
      );
    },
    NO_TIME_LIMIT,
  );

  it(
    "refuses a curriculum in a folder that is a symbolic link, and one reached through ../",
    async () => {
      symlinkSync(join(workspace, ".git"), join(workspace, "curricula"));
      writeFileSync(join(workspace, ".git/plan.yaml"), GIT_CONFIG);
      writeConfig("curricula/plan.yaml");
      expect(await expectRefused(await action())).toContain(
        'curriculum: "curricula/plan.yaml" goes through the symbolic link "curricula"',
      );
      writeConfig("../outside.yml");
      expect(await expectRefused(await action())).toContain(
        'curriculum: "../outside.yml" has a . or .. folder',
      );
    },
    NO_TIME_LIMIT,
  );

  it.each([
    ["../outside.yml", "is outside the workspace"],
    ["/proc/self/environ", "is outside the workspace"],
    [".git/config", "is inside .git"],
  ])("refuses the config input %j: %s", { timeout: NO_TIME_LIMIT }, async (config, reason) => {
    writeConfig("rust-systems-1y");
    const error = await expectRefused(await action({ config }));
    expect(error).toMatch(
      new RegExp(`^::error::syllabot: input "config": "${config.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}" `),
    );
    expect(error).toContain(reason);
  });

  it(
    "refuses a config input that is a symbolic link, even to a file inside the workspace",
    async () => {
      writeConfig("rust-systems-1y", "real.yml");
      symlinkSync(join(workspace, "real.yml"), join(workspace, "linked.yml"));
      expect(await expectRefused(await action({ config: "linked.yml" }))).toContain(
        'input "config": "linked.yml" is a symbolic link',
      );
      const run = await action({ config: "real.yml", "dry-run": "true" });
      expect(run.code).toBe(0);
    },
    NO_TIME_LIMIT,
  );
});
