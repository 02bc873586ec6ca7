import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Emulator } from "@syllabot/github-emulator";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { webUrlFor } from "../../src/github/web-url.js";
import { keyOf } from "../../src/model/markers.js";
import { examplePayload, repositoryPayload, startApp } from "../app/harness.js";
import { emulatedGateway, PINNED } from "../helpers/emulated-github.js";
import { runAction } from "../helpers/run-action.js";
import { runCli } from "../helpers/run-cli.js";
import { EXAMPLE_CONFIG } from "../helpers/setup.js";

/**
 * The CLI and the Action, run in turn on one repository, write the same links: neither rewrites the
 * other's issue bodies. Both take the web address from one rule (webUrlFor), told or derived.
 */

const REPO = "octocat/portfolio";
const TODAY = "2026-03-02";
/** Child processes: no limit on how long a run may take on a slow machine. */
const NO_TIME_LIMIT = 0;

let emulator: Emulator;
let workspace: string;

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), "syllabot-web-url-"));
  mkdirSync(join(workspace, ".github"));
  writeFileSync(join(workspace, ".github/syllabot.yml"), readFileSync(EXAMPLE_CONFIG, "utf8"));
});
afterAll(() => {
  rmSync(workspace, { recursive: true, force: true });
});
beforeEach(async () => {
  emulator = await Emulator.start(PINNED(`${TODAY}T04:00:00Z`));
  emulator.createRepo(REPO);
});
afterEach(async () => {
  await emulator.close();
});

/** `syllabot apply` on the portfolio; how many writes it made. */
async function cliApply(options: readonly string[], env: Record<string, string> = {}): Promise<number> {
  const before = emulator.counts().writes;
  const argv = ["apply", "--repo", REPO, "--config", EXAMPLE_CONFIG, "--api-url", emulator.url];
  const run = await runCli([...argv, "--today", TODAY, "--pace", "0", ...options], {
    GITHUB_TOKEN: emulator.token,
    ...env,
  });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return emulator.counts().writes - before;
}

/** The Action's `sync` on the portfolio, with the runner's environment; how many writes it made. */
async function actionSync(runner: Record<string, string>): Promise<number> {
  const before = emulator.counts().writes;
  const run = await runAction({
    inputs: { token: emulator.token, command: "sync", today: TODAY, "pace-ms": "0" },
    workspace,
    apiUrl: emulator.url,
    repo: REPO,
    env: runner,
    build: "source",
  });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return emulator.counts().writes - before;
}

async function projectIssue(slug: string) {
  const issues = await emulatedGateway(emulator, REPO).readAllIssues();
  const issue = issues.find((candidate) => keyOf(candidate.body) === `project-${slug}`);
  if (!issue) throw new Error(`no issue of project ${slug}`);
  return issue;
}

describe("the CLI and the Action on one repository write the same links", () => {
  it(
    "told the same server URL (--server-url, GITHUB_SERVER_URL), the second and third runs write nothing",
    async () => {
      const server = "https://ghes.example.com";
      expect(await cliApply(["--server-url", server])).toBeGreaterThan(0);
      expect(await actionSync({ GITHUB_SERVER_URL: server })).toBe(0);
      expect(await cliApply(["--server-url", `${server}/`])).toBe(0);
      expect((await projectIssue("csvq")).body).toContain(`${server}/octocat/csvq`);
    },
    NO_TIME_LIMIT,
  );

  it(
    "told nothing, both derive it from the API URL, as the emulator's html_url does",
    async () => {
      // A runner always sets GITHUB_SERVER_URL; without it the Action derives, as the CLI does.
      expect(await actionSync({ GITHUB_SERVER_URL: "" })).toBeGreaterThan(0);
      expect(await cliApply([])).toBe(0);
      expect(await actionSync({ GITHUB_SERVER_URL: "" })).toBe(0);
      const web = webUrlFor({ apiUrl: emulator.url });
      const issue = await projectIssue("csvq");
      expect(issue.body).toContain(`${web}/octocat/csvq`);
      expect(issue.html_url).toBe(`${web}/${REPO}/issues/${issue.number}`);
    },
    NO_TIME_LIMIT,
  );

  it(
    "the CLI honours the runner's GITHUB_SERVER_URL as the Action does, and --server-url over it",
    async () => {
      expect(await actionSync({ GITHUB_SERVER_URL: "https://github.com" })).toBeGreaterThan(0);
      expect(await cliApply([], { GITHUB_SERVER_URL: "https://github.com" })).toBe(0);
      expect(
        await cliApply(["--server-url", "https://github.com"], {
          GITHUB_SERVER_URL: "https://elsewhere.example",
        }),
      ).toBe(0);
    },
    NO_TIME_LIMIT,
  );
});

describe("the app and the CLI on one repository write the same links", () => {
  it("the app links to the web address of the API it talks to, as `plan` shows what apply would write", async () => {
    emulator.addCommit(REPO, {
      message: "Add syllabot config",
      files: { ".github/syllabot.yml": readFileSync(EXAMPLE_CONFIG, "utf8") },
    });
    const app = await startApp(emulator, `${TODAY}T04:00:00Z`);
    try {
      const payload = examplePayload("installation", "created");
      payload.installation = { ...(payload.installation as object), id: 1 };
      payload.repositories = [repositoryPayload(REPO)];
      expect(await app.deliver("installation", payload)).toBe(200);
      await app.queue.idle();
    } finally {
      await app.close();
    }
    const written = (await projectIssue("csvq")).body;
    expect(written).toContain(`${webUrlFor({ apiUrl: emulator.url })}/octocat/csvq`);
    const planned = await runCli(["plan", "--config", EXAMPLE_CONFIG, "--today", TODAY, "--json"], {
      GITHUB_API_URL: emulator.url,
    });
    const operations = JSON.parse(planned.stdout).operations as { key: string; fields: { body?: string } }[];
    expect(operations.find((operation) => operation.key === "project-csvq")?.fields.body).toBe(written);
  });
});
