import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RequestRecord } from "@syllabot/github-emulator";
import { type Access, Emulator, requiredPermission } from "@syllabot/github-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { keyOf } from "../../src/model/markers.js";
import { type AppServer, examplePayload, repositoryPayload, startApp } from "../app/harness.js";
import { EXAMPLE_CONFIG, repoPath } from "../helpers/setup.js";

/**
 * The permissions the code's requests need are exactly those it declares: app.yml's
 * `default_permissions` for the GitHub App, the README workflow's `permissions:` for the Action's
 * GITHUB_TOKEN. Each request of a representative run is mapped through the emulator's table of
 * the permission every operation needs (GitHub's "Permissions required for GitHub Apps"); the
 * highest access per permission must equal the declaration, nothing missing and nothing extra.
 */

const TODAY = "2026-11-24T06:00:00Z";
const PORTFOLIO = "octocat/portfolio";
const CONFIG = readFileSync(EXAMPLE_CONFIG, "utf8");
const NO_TIME_LIMIT = 0;

/** Operations authenticated as the app itself (its JWT), which no installation permission governs. */
const AS_THE_APP = new Set([
  "apps/create-installation-access-token",
  "apps/list-installations",
  "apps/get-authenticated",
]);
/** Operations every installation token may call: listing its own repositories needs only metadata. */
const METADATA_ONLY = new Set([
  "apps/list-repos-accessible-to-installation",
  // GraphQL's `viewer { login }`: which account the token acts as, which any token may ask.
  "graphql",
]);

type Needs = Record<string, Access>;

/** The highest access each permission is needed at, over these requests; unknown operations are listed. */
function permissionsNeeded(requests: readonly RequestRecord[]): { needs: Needs; unknown: string[] } {
  const needs: Needs = { metadata: "read" };
  const unknown = new Set<string>();
  for (const request of requests) {
    const operation = request.operationId;
    if (operation === null) {
      unknown.add(`${request.method} ${request.path} (no route)`);
      continue;
    }
    if (AS_THE_APP.has(operation)) continue;
    const required = METADATA_ONLY.has(operation)
      ? { permission: "metadata", access: "read" as const }
      : requiredPermission(operation);
    if (!required) {
      unknown.add(operation);
      continue;
    }
    if (needs[required.permission] !== "write") needs[required.permission] = required.access;
  }
  return { needs: sortedKeys(needs), unknown: [...unknown].sort() };
}

function sortedKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/** GitHub's workflow names (`pull-requests`) as the app-permission names (`pull_requests`). */
function asAppPermissions(declared: Record<string, string>): Record<string, string> {
  return sortedKeys(
    Object.fromEntries(Object.entries(declared).map(([name, access]) => [name.replace(/-/g, "_"), access])),
  );
}

const operations = (requests: readonly RequestRecord[]) =>
  [...new Set(requests.map((request) => String(request.operationId)))].sort();

/** A merged pull request of the learner's in a target repository: the open-source bars read its files. */
function addContribution(emulator: Emulator): void {
  emulator.createRepo("tikv/tikv");
  emulator.addPullRequest("tikv/tikv", {
    title: "Fix a panic in the raft log",
    author: "octocat",
    state: "merged",
    createdAt: "2026-09-28T10:00:00Z",
    mergedAt: "2026-10-01T10:00:00Z",
    files: [{ filename: "src/raft.rs", status: "modified", additions: 40, deletions: 3 }],
  });
}

describe("the GitHub App's permissions (app.yml)", () => {
  let emulator: Emulator;
  let app: AppServer;
  beforeAll(async () => {
    emulator = await Emulator.start({ limits: { enabled: false }, now: () => new Date(TODAY) });
    emulator.createRepo(PORTFOLIO);
    emulator.createRepo("octocat/csvq");
    emulator.addCommit(PORTFOLIO, { message: "Add config", files: { ".github/syllabot.yml": CONFIG } });
    addContribution(emulator);
    app = await startApp(emulator, TODAY, { tickSecret: "tick-secret", refreshDelayMs: 20 });
  });
  afterAll(async () => {
    await app.close();
    await emulator.close();
  });

  const settle = async () => {
    await app.queue.idle();
    await new Promise((resolve) => setTimeout(resolve, 80));
    await app.queue.idle();
  };

  it(
    "needs exactly default_permissions over an install, a push, a config pull request, a closed week and a tick",
    async () => {
      // Installed: the portfolio is bootstrapped and its README refreshed.
      const installation = examplePayload("installation", "created");
      installation.installation = { ...(installation.installation as object), id: 1 };
      installation.repositories = [repositoryPayload(PORTFOLIO), repositoryPayload("octocat/csvq")];
      expect(await app.deliver("installation", installation)).toBe(200);
      await settle();

      // A repository added to the installation: synced like the others.
      const added = examplePayload("installation_repositories", "added");
      added.installation = { ...(added.installation as object), id: 1 };
      added.repositories_added = [repositoryPayload(PORTFOLIO)];
      added.repositories_removed = [];
      expect(await app.deliver("installation_repositories", added)).toBe(200);

      // A learner's push to a project repository closes the week it finishes.
      const push = examplePayload("push") as Record<string, unknown> & { repository: object };
      const sha = "f".repeat(40);
      push.ref = "refs/heads/main";
      push.installation = { id: 1, node_id: "I_1" };
      push.repository = { ...push.repository, ...repositoryPayload("octocat/csvq"), default_branch: "main" };
      push.commits = [
        {
          id: sha,
          tree_id: sha,
          distinct: true,
          message: "parser done, closes week 5",
          timestamp: "2026-04-01T10:00:00Z",
          url: `https://github.com/octocat/csvq/commit/${sha}`,
          author: { name: "octocat", email: "octocat@example.com", username: "octocat" },
          committer: { name: "octocat", email: "octocat@example.com", username: "octocat" },
          added: [],
          modified: ["src/main.rs"],
          removed: [],
        },
      ];
      expect(await app.deliver("push", push)).toBe(200);
      await settle();

      // A pull request that changes the config: one check run with the plan.
      const head = emulator.addCommit(PORTFOLIO, {
        branch: "lead-days",
        message: "Remind earlier",
        files: { ".github/syllabot.yml": CONFIG.replace("lead_days: [21, 7, 2]", "lead_days: [28, 7]") },
      });
      const number = emulator.addPullRequest(PORTFOLIO, {
        title: "Remind earlier",
        author: "octocat",
        headRef: "lead-days",
        files: [{ filename: ".github/syllabot.yml", status: "modified", additions: 1, deletions: 1 }],
      });
      const pull = examplePayload("pull_request", "opened") as Record<string, unknown> & {
        pull_request: Record<string, unknown> & { head: object };
      };
      pull.number = number;
      pull.installation = { id: 1, node_id: "I_1" };
      pull.repository = { ...(pull.repository as object), ...repositoryPayload(PORTFOLIO) };
      pull.pull_request = { ...pull.pull_request, number, head: { ...pull.pull_request.head, sha: head } };
      expect(await app.deliver("pull_request", pull)).toBe(200);
      await settle();

      // A week closed by hand: the README follows.
      const week = emulator.log
        .filter((entry) => entry.operationId === "issues/create")
        .map((entry) => entry.responseBody as { number: number; body: string })
        .find((issue) => keyOf(issue.body) === "week-06");
      expect(week).toBeDefined();
      emulator.editIssueOnWeb(PORTFOLIO, Number(week?.number), { state: "closed" });
      const closed = examplePayload("issues", "reopened") as Record<string, unknown>;
      closed.action = "closed";
      closed.issue = { ...(closed.issue as object), number: week?.number, body: week?.body, state: "closed" };
      closed.repository = { ...(closed.repository as object), ...repositoryPayload(PORTFOLIO) };
      closed.installation = { id: 1, node_id: "I_1" };
      expect(await app.deliver("issues", closed)).toBe(200);
      await settle();

      // The daily tick: catch-up, open-source bars, README, reminders.
      const tick = await fetch(new URL("/syllabot/tick", app.url), {
        method: "POST",
        headers: { authorization: "Bearer tick-secret" },
      });
      expect(tick.status).toBe(202);
      await settle();

      const used = operations(emulator.log);
      // The run was representative: every kind of write the app makes happened.
      expect(used).toEqual(
        expect.arrayContaining([
          "issues/create-milestone",
          "issues/create-label",
          "issues/create",
          "issues/update",
          "checks/create",
          "pulls/list-files",
          "git/create-commit",
          "git/update-ref",
          "search/issues-and-pull-requests",
          "apps/list-installations",
        ]),
      );
      // Nothing was refused: the token minted from the installation had what each request needed.
      expect(emulator.log.filter((entry) => entry.status === 403 || entry.status === 401)).toEqual([]);

      const { needs, unknown } = permissionsNeeded(emulator.log);
      expect(unknown).toEqual([]);
      const manifest = parse(readFileSync(repoPath("app.yml"), "utf8")) as {
        default_permissions: Record<string, string>;
      };
      expect(needs).toEqual(asAppPermissions(manifest.default_permissions));
    },
    NO_TIME_LIMIT,
  );
});

describe("the Action's permissions (the README workflow's permissions: block)", () => {
  let emulator: Emulator;
  let workspace: string;
  beforeAll(async () => {
    emulator = await Emulator.start({ limits: { enabled: false }, now: () => new Date(TODAY) });
    emulator.createRepo(PORTFOLIO);
    emulator.createRepo("octocat/csvq");
    emulator.addCommit("octocat/csvq", {
      message: "parser done, closes week 5",
      author: "octocat",
      date: "2026-04-01T10:00:00Z",
      files: { "src/main.rs": "fn main() {}\n" },
    });
    addContribution(emulator);
    workspace = mkdtempSync(join(tmpdir(), "syllabot-permissions-"));
    mkdirSync(join(workspace, ".github"));
    writeFileSync(join(workspace, ".github/syllabot.yml"), CONFIG);
  });
  afterAll(async () => {
    rmSync(workspace, { recursive: true, force: true });
    await emulator.close();
  });

  async function runAction(inputs: Record<string, string>): Promise<number | null> {
    const files = mkdtempSync(join(tmpdir(), "syllabot-permissions-runner-"));
    writeFileSync(join(files, "output"), "");
    writeFileSync(join(files, "summary"), "");
    const child = spawn(process.execPath, [repoPath("dist/index.js")], {
      cwd: workspace,
      env: {
        PATH: process.env.PATH,
        GITHUB_ACTIONS: "true",
        GITHUB_REPOSITORY: PORTFOLIO,
        GITHUB_API_URL: emulator.url,
        GITHUB_SERVER_URL: "https://github.com",
        GITHUB_WORKSPACE: workspace,
        GITHUB_OUTPUT: join(files, "output"),
        GITHUB_STEP_SUMMARY: join(files, "summary"),
        INPUT_TOKEN: emulator.token,
        INPUT_CONFIG: ".github/syllabot.yml",
        "INPUT_DRY-RUN": "false",
        "INPUT_PACE-MS": "0",
        ...Object.fromEntries(
          Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
        ),
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", resolve);
    });
    rmSync(files, { recursive: true, force: true });
    return code;
  }

  /**
   * The README's portfolio workflow: the YAML block that runs syllabot as a step in the portfolio
   * itself (a project repository's workflow names the portfolio with `portfolio:` and its own token).
   */
  function workflowPermissions(): Record<string, string> {
    const readme = readFileSync(repoPath("README.md"), "utf8");
    const workflows = [...readme.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)]
      .map((block) => String(block[1]))
      .filter(
        (text) => /^jobs:/m.test(text) && /uses: .*syllabot@/.test(text) && !/^\s+portfolio:/m.test(text),
      );
    expect(workflows).toHaveLength(1);
    const workflow = parse(String(workflows[0])) as { permissions?: Record<string, string> };
    expect(workflow.permissions).toBeDefined();
    return workflow.permissions ?? {};
  }

  it(
    "needs on the portfolio exactly what the workflow grants GITHUB_TOKEN, over command all and remind",
    async () => {
      expect(await runAction({ command: "all", today: "2026-11-24" })).toBe(0);
      expect(await runAction({ command: "remind", today: "2026-11-29" })).toBe(0);
      const used = operations(emulator.log);
      expect(used).toEqual(
        expect.arrayContaining([
          "issues/create",
          "issues/update",
          "git/create-commit",
          "search/issues-and-pull-requests",
        ]),
      );
      // GITHUB_TOKEN's permissions govern the workflow's own repository (and search, which needs only
      // metadata); other repositories are read as any public repository is, which no permission grants.
      const own = (entry: RequestRecord) =>
        entry.path === `/repos/${PORTFOLIO}` ||
        entry.path.startsWith(`/repos/${PORTFOLIO}/`) ||
        !entry.path.startsWith("/repos/");
      const elsewhere = emulator.log.filter((entry) => !own(entry));
      expect(elsewhere.filter((entry) => entry.write)).toEqual([]);
      expect(operations(elsewhere)).toEqual(["pulls/list-files", "repos/list-commits"]);

      const { needs, unknown } = permissionsNeeded(emulator.log.filter(own));
      expect(unknown).toEqual([]);
      // metadata: read is granted to every GITHUB_TOKEN, whatever the block says.
      expect(needs).toEqual(asAppPermissions({ metadata: "read", ...workflowPermissions() }));
    },
    NO_TIME_LIMIT,
  );
});
