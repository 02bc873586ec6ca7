import { describe, expect, it } from "vitest";
import { Emulator } from "../src/index.js";
import { useEmulator } from "../src/testing/emulator-handle.js";
import { validateAgainstOpenApi } from "../src/testing/openapi.js";

const api = useEmulator(() => ({ login: "learner" }));
const base64 = (text: string) => Buffer.from(text).toString("base64");

describe("building a scene with the API alone", () => {
  it("creates user and organization repositories, files and history, then reads them back", async () => {
    const octokit = api.octokit();
    const portfolio = await octokit.request("POST /user/repos", {
      name: "portfolio",
      auto_init: true,
      private: true,
    });
    expect(portfolio.status).toBe(201);
    expect(portfolio.data).toMatchObject({
      full_name: "learner/portfolio",
      private: true,
      default_branch: "main",
    });
    const org = await octokit.request("POST /orgs/{org}/repos", { org: "qdrant", name: "qdrant" });
    expect(org.data.owner).toMatchObject({ login: "qdrant", type: "Organization" });

    const params = { owner: "learner", repo: "portfolio" };
    await octokit.request("PUT /repos/{owner}/{repo}/contents/{path}", {
      ...params,
      path: ".github/syllabot.yml",
      message: "configure syllabot",
      content: base64("learner: learner\n"),
    });
    const head = await octokit.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
      ...params,
      ref: "heads/main",
    });
    const commits = await octokit.request("GET /repos/{owner}/{repo}/commits", params);
    expect(commits.data.map((commit) => commit.commit.message)).toEqual([
      "configure syllabot",
      "Initial commit",
    ]);
    expect(commits.data[0]?.sha).toBe(head.data.object.sha);
    expect(commits.data[0]?.author).toMatchObject({ login: "learner" });
  });

  it("refuses a repository name already taken on the account", async () => {
    const octokit = api.octokit();
    await octokit.request("POST /user/repos", { name: "portfolio" });
    const again = await api.fetch("/user/repos", { method: "POST", json: { name: "Portfolio" } });
    expect(again.status).toBe(422);
    expect(await again.json()).toMatchObject({
      message: "Repository creation failed.",
      errors: [{ resource: "Repository", code: "custom", field: "name" }],
    });
  });
});

describe("state", () => {
  it("snapshots the whole state as JSON and starts again from it", async () => {
    const emulator = api.emulator;
    emulator.createRepo("learner/portfolio");
    emulator.addIssue("learner/portfolio", { title: "Week 1", labels: ["syllabot"] });
    emulator.addComment("learner/portfolio", 1, { author: "mentor", body: "hi" });
    emulator.addPullRequest("learner/portfolio", { title: "PR", author: "friend", state: "merged" });
    const saved = JSON.parse(JSON.stringify(emulator.snapshot()));

    const restored = await Emulator.start({ state: saved, login: "learner" });
    try {
      const read = await fetch(`${restored.url}/repos/learner/portfolio/issues?state=all`, {
        headers: { authorization: `token ${restored.token}` },
      });
      const issues = (await read.json()) as { number: number; title: string; comments: number }[];
      expect(issues.map(({ number, title, comments }) => ({ number, title, comments }))).toEqual([
        { number: 2, title: "PR", comments: 0 },
        { number: 1, title: "Week 1", comments: 1 },
      ]);
      const created = await fetch(`${restored.url}/repos/learner/portfolio/issues`, {
        method: "POST",
        headers: { authorization: `token ${restored.token}` },
        body: JSON.stringify({ title: "next" }),
      });
      expect(((await created.json()) as { number: number }).number).toBe(3);
      expect(restored.snapshot().repos[0]?.git).toEqual(saved.repos[0].git);
    } finally {
      await restored.close();
    }
    expect(validateAgainstOpenApi(restored.log)).toEqual([]);
  });

  it("refuses a state it does not know", async () => {
    await expect(Emulator.start({ state: { version: 2 } as never })).rejects.toThrow(
      /unsupported emulator state/,
    );
  });
});

describe("request log", () => {
  it("records each request with its route, operation, query, bodies and cost, and counts them", async () => {
    api.emulator.createRepo("learner/portfolio");
    const octokit = api.octokit();
    const params = { owner: "learner", repo: "portfolio" };
    await octokit.request("POST /repos/{owner}/{repo}/issues", { ...params, title: "a" });
    await octokit.request("GET /repos/{owner}/{repo}/issues", { ...params, state: "all" });
    await api.fetch("/nowhere");
    const [create, list, unrouted] = api.emulator.log;
    expect(create).toMatchObject({
      method: "POST",
      path: "/repos/learner/portfolio/issues",
      route: "/repos/:owner/:repo/issues",
      operationId: "issues/create",
      status: 201,
      requestBody: { title: "a" },
      responseBody: { number: 1, title: "a" },
      write: true,
      rateLimitCost: 1,
      dropped: false,
    });
    expect(create?.responseHeaders.location).toMatch(/\/repos\/learner\/portfolio\/issues\/1$/);
    expect(list).toMatchObject({
      operationId: "issues/list-for-repo",
      query: { state: "all" },
      write: false,
    });
    expect(unrouted).toMatchObject({ route: null, operationId: null, status: 404 });
    expect(api.emulator.counts()).toEqual({
      requests: 3,
      writes: 1,
      rateLimitCost: 3,
      byOperation: { "issues/create": 1, "issues/list-for-repo": 1, "(unrouted)": 1 },
    });
    api.emulator.clearLog();
    expect(api.emulator.counts().requests).toBe(0);
  });
});
