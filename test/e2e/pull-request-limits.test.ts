import { readFileSync } from "node:fs";
import { Emulator } from "@syllabot/github-emulator";
import { validateAgainstOpenApi } from "@syllabot/github-emulator/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Temporal } from "../../src/calendar.js";
import { checkPullRequest } from "../../src/use-cases/index.js";
import { emulatedGateway, PINNED } from "../helpers/emulated-github.js";
import { EXAMPLE_CONFIG } from "../helpers/setup.js";

const REPO = "octocat/portfolio";
const NOW = "2026-03-02T04:00:00Z";
const CONFIG = readFileSync(EXAMPLE_CONFIG, "utf8");
let emulator: Emulator;

beforeEach(async () => {
  emulator = await Emulator.start(PINNED(NOW));
  emulator.createRepo(REPO);
  emulator.addUser("mallory");
  emulator.addCommit(REPO, { message: "Add syllabot config", files: { ".github/syllabot.yml": CONFIG } });
});
afterEach(async () => {
  await emulator.close();
  expect(emulator.internalErrors).toEqual([]);
  expect(validateAgainstOpenApi(emulator.log, { requests: "accepted" })).toEqual([]);
});

/** A stranger's pull request changing `files`, checked as the app checks it; the check-run requests it cost. */
async function strangersPullRequest(files: Record<string, string>) {
  const head = emulator.addCommit(REPO, { branch: "proposal", message: "Proposal", files });
  const number = emulator.addPullRequest(REPO, {
    title: "Proposal",
    author: "mallory",
    headRef: "proposal",
    files: Object.keys(files).map((filename) => ({
      filename,
      status: "modified",
      additions: 1,
      deletions: 1,
    })),
  });
  emulator.clearLog();
  const checked = await checkPullRequest({
    gateway: emulatedGateway(emulator, REPO),
    serverUrl: "https://github.com",
    now: Temporal.Instant.from(NOW),
    number,
    headSha: head,
  });
  const checkRequests = emulator.log.filter((entry) => entry.operationId?.startsWith("checks/"));
  return { checked, checkRequests };
}

/** The output a check-run request sent. */
function outputOf(entry: { requestBody?: unknown } | undefined) {
  const body = entry?.requestBody as { output?: { summary: string; annotations: unknown[] } } | undefined;
  if (!body?.output) throw new Error("no check-run output sent");
  return body.output;
}

/** The example config with hundreds of invalid verdicts, each a problem of its own, about `bytes` long. */
function configOfSize(bytes: number): string {
  const entries = Array.from({ length: Math.ceil(bytes / 16) }, (_, index) => `"o/r#${index + 1}": x`);
  return CONFIG.replace(/^ {2}verdicts: .*$/m, `  verdicts: {${entries.join(", ")}}`);
}

describe("a pull request's cost", () => {
  it("checks a 6 KB config with hundreds of errors in one request, its summary within GitHub's limit", {
    timeout: 120_000,
  }, async () => {
    const config = configOfSize(6 * 1024);
    const { checked, checkRequests } = await strangersPullRequest({ ".github/syllabot.yml": config });
    expect(checked).toBe(true);
    expect(checkRequests.length).toBeGreaterThanOrEqual(1);
    expect(checkRequests.length).toBeLessThanOrEqual(2);
    expect(checkRequests.every((entry) => entry.status < 300)).toBe(true);
    const output = outputOf(checkRequests[0]);
    expect(Buffer.byteLength(output.summary, "utf8")).toBeLessThanOrEqual(65_535);
    expect(output.annotations).toHaveLength(50);
    expect(output.summary).toMatch(/…and \d+ more problems: fix these first\./);
  });

  it("refuses a 990 KB config before parsing it, in one check-run request", {
    timeout: 120_000,
  }, async () => {
    const { checked, checkRequests } = await strangersPullRequest({
      ".github/syllabot.yml": configOfSize(990 * 1024),
    });
    expect(checked).toBe(true);
    expect(checkRequests).toHaveLength(1);
    const output = outputOf(checkRequests[0]);
    expect(output.summary).toContain("at most 65536 (64 KiB) is accepted");
  });

  it("costs no check run for a pull request touching only a YAML file that is not syllabot's", async () => {
    const { checked, checkRequests } = await strangersPullRequest({ "docs/x.yml": configOfSize(6 * 1024) });
    expect(checked).toBe(false);
    expect(checkRequests).toEqual([]);
  });

  it("reads a pull request's files only until it knows: one page when the config is among the first", async () => {
    const many = Object.fromEntries(
      Array.from({ length: 450 }, (_, index) => [`docs/page-${index}.md`, "x"]),
    );
    const { checked } = await strangersPullRequest({ ".github/syllabot.yml": CONFIG, ...many });
    expect(checked).toBe(true);
    expect(emulator.log.filter((entry) => entry.operationId === "pulls/list-files")).toHaveLength(1);
  });

  it("checks a pull request touching the curriculum file the config on the default branch names", async () => {
    const curriculum = readFileSync(new URL("../fixtures/mini-curriculum.yaml", import.meta.url), "utf8");
    emulator.addCommit(REPO, {
      message: "Own curriculum",
      files: {
        "course/plan.yaml": curriculum,
        ".github/syllabot.yml": readFileSync(
          new URL("../fixtures/mini-config.yml", import.meta.url),
          "utf8",
        ).replace(/^curriculum: .*$/m, "curriculum: course/plan.yaml"),
      },
    });
    const { checked, checkRequests } = await strangersPullRequest({
      "course/plan.yaml": `${curriculum}\n# edit\n`,
    });
    expect(checked).toBe(true);
    expect(checkRequests.map((entry) => entry.operationId)).toEqual(["checks/create"]);
    // Another YAML file of the same repository is not the curriculum.
    const other = await strangersPullRequest({ "course/other.yaml": curriculum });
    expect(other.checked).toBe(false);
  });
});
