import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Emulator } from "@syllabot/github-emulator";
import { appJwt, validateAgainstOpenApi } from "@syllabot/github-emulator/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient, TEST_PACING } from "../../src/github/octokit.js";
import { RestGateway } from "../../src/github/rest-gateway.js";
import type { PlanContext } from "../../src/model/context.js";
import { keyOf } from "../../src/model/markers.js";
import { sync } from "../../src/use-cases/index.js";
import { cases } from "../helpers/depth.js";
import { runCli } from "../helpers/run-cli.js";
import { date, EXAMPLE_CONFIG, exampleContext, repoPath } from "../helpers/setup.js";

const REPO = "octocat/portfolio";
const TODAY = date("2026-03-02");
/** GitHub's clock and the learner's "today" must agree: the installation date is read from created_at. */
const EMULATOR = { limits: { enabled: false }, now: () => new Date("2026-03-02T04:00:00Z") };

let emulator: Emulator;

beforeEach(async () => {
  emulator = await Emulator.start(EMULATOR);
  emulator.createRepo(REPO);
});
afterEach(async () => {
  await emulator.close();
});

function client() {
  return createClient({ token: emulator.token, baseUrl: emulator.url, pacing: TEST_PACING });
}

function syncWith(options: { context?: PlanContext; gatewayClient?: ReturnType<typeof client> } = {}) {
  return sync({
    gateway: new RestGateway(options.gatewayClient ?? client(), REPO),
    context: options.context ?? exampleContext(),
    today: TODAY,
  });
}

/** The repository as a learner sees it, by key: what must be identical however it was reached. */
async function endState() {
  const octokit = client();
  const params = { owner: "octocat", repo: "portfolio", per_page: 100 };
  const issues = await octokit.paginate("GET /repos/{owner}/{repo}/issues", { ...params, state: "all" });
  const milestones = await octokit.paginate("GET /repos/{owner}/{repo}/milestones", {
    ...params,
    state: "all",
  });
  const labels = await octokit.paginate("GET /repos/{owner}/{repo}/labels", params);
  const milestoneTitle = new Map(milestones.map((milestone) => [milestone.number, milestone.title]));
  return {
    issues: issues
      .map((issue) => ({
        key: keyOf(issue.body),
        title: issue.title,
        body: issue.body,
        state: issue.state,
        labels: issue.labels.map((label) => (typeof label === "string" ? label : label.name)).sort(),
        milestone: issue.milestone ? milestoneTitle.get(issue.milestone.number) : null,
      }))
      .sort((a, b) => String(a.key).localeCompare(String(b.key))),
    milestones: milestones
      .map((milestone) => ({
        key: keyOf(milestone.description),
        title: milestone.title,
        due_on: milestone.due_on,
        description: milestone.description,
      }))
      .sort((a, b) => String(a.key).localeCompare(String(b.key))),
    labels: labels
      .map((label) => ({ name: label.name, color: label.color, description: label.description }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

const params = { owner: "octocat", repo: "portfolio" };

/** The repository's issues, looked up by syllabot key. */
async function issueFinder() {
  const issues = await client().paginate("GET /repos/{owner}/{repo}/issues", {
    ...params,
    state: "all",
    per_page: 100,
  });
  const byKey = new Map(issues.map((issue) => [keyOf(issue.body), issue]));
  return (key: string) => {
    const found = byKey.get(key);
    if (!found) throw new Error(`no issue ${key}`);
    return found;
  };
}

function expectOneObjectPerKey(state: Awaited<ReturnType<typeof endState>>) {
  const keys = state.issues.map((issue) => issue.key);
  expect(new Set(keys).size).toBe(keys.length);
  expect(keys).toHaveLength(60);
  expect(state.milestones).toHaveLength(5);
  expect(state.labels.filter((label) => label.name.startsWith("syllabot"))).toHaveLength(10);
}

describe("sync against the emulator, over HTTP", () => {
  it("bootstraps an empty repository with exactly one write per object", async () => {
    const result = await syncWith();
    // 75 objects and 37 sub-issue links (each project's weeks).
    expect(result.plan.summary.total).toBe(112);
    const counts = emulator.counts();
    expect(counts.writes).toBe(112);
    // Who the token is (once per client: whose markers are syllabot's own), 3 listings, and 1
    // unfiltered issue listing before creating issues.
    expect(counts.requests - counts.writes).toBe(5);
    expectOneObjectPerKey(await endState());
    expect(validateAgainstOpenApi(emulator.log)).toEqual([]);
  });

  it("re-syncs a synced repository in 3 requests, no write, and with ETags no rate-limit cost", async () => {
    const longLived = client();
    await syncWith({ gatewayClient: longLived });
    await syncWith({ gatewayClient: longLived });
    emulator.clearLog();
    const result = await syncWith({ gatewayClient: longLived });
    expect(result.plan.operations).toEqual([]);
    expect(emulator.counts()).toMatchObject({ requests: 3, writes: 0, rateLimitCost: 0 });
  });

  it("makes each project's weeks its sub-issues; keeps the learner's, leaves a week they moved, reports it", async () => {
    await syncWith();
    const octokit = client();
    const params = { owner: "octocat", repo: "portfolio", per_page: 100 };
    const issues = await octokit.paginate("GET /repos/{owner}/{repo}/issues", { ...params, state: "all" });
    const byKey = new Map(issues.map((issue) => [keyOf(issue.body), issue]));
    const subIssues = async (key: string) =>
      (
        await octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues", {
          ...params,
          issue_number: byKey.get(key)?.number ?? 0,
        })
      ).data.map((issue) => keyOf(issue.body) ?? issue.title);
    const projects = [...byKey.keys()].filter((key) => key?.startsWith("project-"));
    const linked = await Promise.all(projects.map((key) => subIssues(key ?? "")));
    expect(linked.flat()).toHaveLength(37);
    const first = projects[0] ?? "";
    const weeks = await subIssues(first);
    expect(weeks.length).toBeGreaterThan(0);
    expect(weeks.every((key) => key.startsWith("week-"))).toBe(true);
    // The learner adds a task of their own, and moves a week under an issue of theirs.
    const task = await octokit.request("POST /repos/{owner}/{repo}/issues", { ...params, title: "my task" });
    const epic = await octokit.request("POST /repos/{owner}/{repo}/issues", { ...params, title: "my epic" });
    const parent = { ...params, issue_number: byKey.get(first)?.number ?? 0 };
    await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues", {
      ...parent,
      sub_issue_id: Number(task.data.id),
    });
    const moved = byKey.get(weeks[0]);
    await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues", {
      ...params,
      issue_number: epic.data.number,
      sub_issue_id: Number(moved?.id ?? 0),
      replace_parent: true,
    });
    emulator.clearLog();
    const result = await syncWith();
    expect(result.plan.operations).toEqual([]);
    expect(result.plan.subIssueConflicts).toEqual([
      expect.objectContaining({ week: weeks[0], project: first, number: moved?.number }),
    ]);
    expect(emulator.counts().writes).toBe(0);
    expect(await subIssues(first)).toEqual([...weeks.slice(1), "my task"]);
    expect(validateAgainstOpenApi(emulator.log)).toEqual([]);
  });

  it("keeps a learner's edits and writes nothing: ticks, a rename, notes, a web edit with CRLF, a closed week", async () => {
    await syncWith();
    const octokit = client();
    const week = await issueFinder();
    await octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      ...params,
      issue_number: week("week-01").number,
      body: String(week("week-01").body).replace("- [ ] ", "- [x] "),
    });
    await octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      ...params,
      issue_number: week("week-02").number,
      title: "Week 2, in my own words",
    });
    await octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      ...params,
      issue_number: week("week-03").number,
      body: `${week("week-03").body}\nMy notes: the borrow checker won today.\n`,
    });
    emulator.editIssueBodyOnWeb(REPO, week("week-04").number, String(week("week-04").body));
    await octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      ...params,
      issue_number: week("week-05").number,
      state: "closed",
    });
    const before = await endState();
    emulator.clearLog();
    const result = await syncWith();
    expect(result.plan.operations).toEqual([]);
    expect(emulator.counts().writes).toBe(0);
    expect(await endState()).toEqual(before);
  });

  it("finds an issue whose managed labels the learner removed by its key, and restores them instead of duplicating", async () => {
    await syncWith();
    const octokit = client();
    const week6 = (await issueFinder())("week-06");
    await octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      ...params,
      issue_number: week6.number,
      labels: ["mine"],
    });
    emulator.clearLog();
    const result = await syncWith();
    expect(result.plan.operations).toEqual([
      expect.objectContaining({
        op: "update",
        key: "week-06",
        number: week6.number,
        fields: { labels: ["mine", "syllabot", "syllabot:week", "syllabot:phase-1"] },
      }),
    ]);
    expectOneObjectPerKey(await endState());
  });

  it.each(cases([0, 1, 9, 15, 16, 40, 74], [0, 16, 74]))(
    "finishes after a crash that follows %i writes, with one object per key",
    async (writes) => {
      emulator.faults.crashAfterWrites(writes);
      await expect(syncWith()).rejects.toThrow();
      emulator.faults.clear();
      await syncWith();
      const state = await endState();
      expectOneObjectPerKey(state);
      emulator.clearLog();
      expect((await syncWith()).plan.operations).toEqual([]);
    },
  );

  it.each(cases([1, 2, 3], [1]).map((seed) => ({ seed })))(
    "ends, under one request in ten failing (seed $seed), in the state of a clean run",
    async ({ seed }) => {
      await syncWith();
      const clean = await endState();
      await emulator.close();
      emulator = await Emulator.start(EMULATOR);
      emulator.createRepo(REPO);
      emulator.faults.random({
        seed,
        rate: 0.1,
        kinds: ["server-error", "secondary-rate-limit", "drop-after-write"],
      });
      let attempts = 0;
      for (;;) {
        attempts++;
        try {
          await syncWith();
          break;
        } catch (error) {
          if (attempts >= 10) throw error;
        }
      }
      emulator.faults.clear();
      expect(await endState()).toEqual(clean);
    },
  );
});

describe("syllabot apply against the emulator", () => {
  const run = (argv: string[], env: Record<string, string>) => runCli(argv, env);
  /** `syllabot apply` on the emulator's portfolio, with the example config, and further options. */
  const apply = (...options: string[]) => [
    "apply",
    "--repo",
    REPO,
    "--config",
    EXAMPLE_CONFIG,
    "--api-url",
    emulator.url,
    ...options,
  ];

  it("applies, then finds nothing to do", async () => {
    const argv = apply("--pace", "0", "--today", "2026-03-02");
    const first = await run(argv, { GITHUB_TOKEN: emulator.token });
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/\[ 75\/112\] \+ issue project-formulaengine #\d+/);
    // The 37 links come after the issues they name.
    expect(first.stdout).toMatch(/\[112\/112\] > sub-issue week-\d+ #\d+/);
    expect(first.stdout).toContain("Done: 112 operations applied to octocat/portfolio.");
    expect(first.stdout).not.toContain(emulator.token);
    const second = await run(argv, { GITHUB_TOKEN: emulator.token });
    expect(second.stdout).toContain("No changes: the repository matches the curriculum.");
  });

  it.each(["2026-06-01", "2026-02-10"])(
    "with --today %s, away from GitHub's clock, a second identical run writes nothing",
    async (today) => {
      const argv = apply("--pace", "0", "--today", today);
      expect((await run(argv, { GITHUB_TOKEN: emulator.token })).code).toBe(0);
      emulator.clearLog();
      const second = await run(argv, { GITHUB_TOKEN: emulator.token });
      expect(second.stdout).toContain("No changes: the repository matches the curriculum.");
      expect(emulator.counts().writes).toBe(0);
    },
  );

  it("closes as not planned, with a note, the weeks a shortened curriculum no longer has", async () => {
    await run(apply("--pace", "0", "--today", "2026-03-02"), { GITHUB_TOKEN: emulator.token });
    const shorter = join(mkdtempSync(join(tmpdir(), "syllabot-")), "short.yaml");
    const curriculum = readFileSync(repoPath("curriculum/rust-systems-1y.yaml"), "utf8");
    // The bundled course edited down to 51 weeks: its last blocks end a week earlier.
    writeFileSync(shorter, curriculum.replaceAll(/\b(\d+)-52\b/g, "$1-51"));
    const result = await run(apply("--pace", "0", "--today", "2026-03-02", "--curriculum", shorter), {
      GITHUB_TOKEN: emulator.token,
    });
    expect(result.stdout).toMatch(
      /- issue +week-52 .*#\d+: not planned: The curriculum no longer has week 52/,
    );
    const issue = (await issueFinder())("week-52");
    expect(issue).toMatchObject({ state: "closed", state_reason: "not_planned" });
    expect(issue.body).toContain("The curriculum no longer has week 52 (it has 51 weeks now).");
    expect((await issueFinder())("week-01").body).toContain("week 1 of 51");
    expect(validateAgainstOpenApi(emulator.log)).toEqual([]);
  });

  it("writes nothing on --dry-run", async () => {
    const argv = apply("--dry-run");
    const result = await run(argv, { GITHUB_TOKEN: emulator.token });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Dry run: nothing was written.");
    expect(emulator.counts().writes).toBe(0);
  });

  it.each([
    {
      name: "a bad token",
      repo: REPO,
      token: "ghs_wrong",
      error: /HTTP 401\): Bad credentials \(the token is missing, wrong or expired\)/,
    },
    {
      name: "no such repository",
      repo: "octocat/nope",
      token: "",
      error:
        /octocat\/nope failed \(HTTP 404\): Not Found \(the repository does not exist, or the token cannot see it\)/,
    },
  ])("ends with one clear line and exit 1 on $name", async ({ repo, token, error }) => {
    const result = await run(
      ["apply", "--repo", repo, "--config", EXAMPLE_CONFIG, "--api-url", emulator.url, "--pace", "0"],
      { GITHUB_TOKEN: token || emulator.token },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(error);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).not.toContain(emulator.token);
  });

  it("ends with one clear line and exit 1 when the token may not write issues", async () => {
    const minted = await fetch(`${emulator.url}/app/installations/1/access_tokens`, {
      method: "POST",
      headers: { authorization: `Bearer ${appJwt()}`, "content-type": "application/json" },
      body: JSON.stringify({ permissions: { issues: "read", metadata: "read" } }),
    });
    const { token } = (await minted.json()) as { token: string };
    const result = await run(apply("--pace", "0"), { GITHUB_TOKEN: token });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /create label "syllabot" in octocat\/portfolio failed \(HTTP 403\): Resource not accessible by integration \(the token lacks a permission/,
    );
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).not.toContain(token);
  });

  it("exits 2 without a token", async () => {
    const result = await run(["apply", "--repo", REPO, "--config", EXAMPLE_CONFIG], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("set GITHUB_TOKEN");
  });
});
