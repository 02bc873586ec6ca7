import { describe, expect, it } from "vitest";
import { failure, TestClock, useEmulator } from "../src/testing/emulator-handle.js";

const clock = new TestClock();
const api = useEmulator(() => ({ now: clock.now }));
const REPO = "octocat/portfolio";
const params = { owner: "octocat", repo: "portfolio" };

function createIssue(fields: { title: string; body?: string; labels?: string[]; milestone?: number }) {
  return api.octokit().request("POST /repos/{owner}/{repo}/issues", { ...params, ...fields });
}

function update(issue_number: number, fields: Record<string, unknown>) {
  return api
    .octokit()
    .request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", { ...params, issue_number, ...fields });
}

describe("issues", () => {
  it("shares one number sequence between issues and pull requests", async () => {
    api.emulator.createRepo(REPO);
    expect((await createIssue({ title: "first" })).data.number).toBe(1);
    expect(api.emulator.addPullRequest(REPO, { title: "a fix", author: "contributor" })).toBe(2);
    expect((await createIssue({ title: "second" })).data.number).toBe(3);
  });

  it("lists pull requests among issues, marked with a pull_request key", async () => {
    api.emulator.createRepo(REPO);
    await createIssue({ title: "an issue" });
    api.emulator.addPullRequest(REPO, { title: "a pull request", author: "contributor", state: "merged" });
    const listed = await api
      .octokit()
      .request("GET /repos/{owner}/{repo}/issues", { ...params, state: "all" });
    const byTitle = new Map(listed.data.map((issue) => [issue.title, issue]));
    expect(byTitle.get("an issue")?.pull_request).toBeUndefined();
    expect(byTitle.get("a pull request")?.pull_request).toMatchObject({
      merged_at: expect.stringMatching(/Z$/),
    });
  });

  it("closes with state_reason completed by default, or the reason sent, and reopens as reopened", async () => {
    api.emulator.createRepo(REPO);
    await createIssue({ title: "a" });
    await createIssue({ title: "b" });
    clock.advance(60);
    const closed = await update(1, { state: "closed" });
    expect(closed.data).toMatchObject({ state: "closed", state_reason: "completed", closed_at: clock.iso() });
    expect(closed.data.closed_by?.login).toBe("octocat");
    const notPlanned = await update(2, { state: "closed", state_reason: "not_planned" });
    expect(notPlanned.data.state_reason).toBe("not_planned");
    const reopened = await update(1, { state: "open" });
    expect(reopened.data).toMatchObject({ state: "open", state_reason: "reopened", closed_at: null });
  });

  it("ignores state_reason when the state does not change", async () => {
    api.emulator.createRepo(REPO);
    await createIssue({ title: "a" });
    const updated = await update(1, { state_reason: "not_planned" });
    expect(updated.data).toMatchObject({ state: "open", state_reason: null });
  });

  it("maintains updated_at, and sets it on every change", async () => {
    api.emulator.createRepo(REPO);
    const created = await createIssue({ title: "a" });
    expect(created.data.updated_at).toBe(created.data.created_at);
    clock.advance(3600);
    const updated = await update(1, { body: "new" });
    expect(updated.data.updated_at).toBe(clock.iso());
    expect(updated.data.created_at).toBe(created.data.created_at);
  });

  it("sets, replaces and clears labels and milestone", async () => {
    api.emulator.createRepo(REPO);
    await api.octokit().request("POST /repos/{owner}/{repo}/milestones", { ...params, title: "Phase 1" });
    await createIssue({ title: "a", labels: ["x", "y"], milestone: 1 });
    const replaced = await update(1, { labels: ["z"], milestone: null });
    expect(replaced.data.labels.map((label) => (typeof label === "string" ? label : label.name))).toEqual([
      "z",
    ]);
    expect(replaced.data.milestone).toBeNull();
  });

  it("refuses an unknown milestone with 422 invalid on milestone", async () => {
    api.emulator.createRepo(REPO);
    const refused = await failure(createIssue({ title: "a", milestone: 7 }));
    expect(refused).toMatchObject({
      status: 422,
      body: {
        message: "Validation Failed",
        errors: [{ resource: "Issue", code: "invalid", field: "milestone" }],
      },
    });
  });

  it("refuses an issue without a title", async () => {
    api.emulator.createRepo(REPO);
    const refused = await api.fetch(`/repos/${REPO}/issues`, { method: "POST", json: { body: "no title" } });
    expect(refused.status).toBe(422);
  });

  it("refuses a body over 65,536 characters", async () => {
    api.emulator.createRepo(REPO);
    const refused = await failure(createIssue({ title: "a", body: "x".repeat(65_537) }));
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain("body is too long");
  });

  it("assigns known users and refuses unknown ones", async () => {
    api.emulator.createRepo(REPO);
    api.emulator.addUser("hubot");
    const assigned = await api.octokit().request("POST /repos/{owner}/{repo}/issues", {
      ...params,
      title: "a",
      assignees: ["hubot"],
    });
    expect(assigned.data.assignees?.map((user) => user.login)).toEqual(["hubot"]);
    const refused = await failure(update(1, { assignees: ["nobody-here"] }));
    expect(refused.status).toBe(422);
  });

  it("stores a body edited on the web with CRLF line endings", async () => {
    api.emulator.createRepo(REPO);
    await createIssue({ title: "a", body: "line 1\nline 2\n" });
    api.emulator.editIssueBodyOnWeb(REPO, 1, "line 1\nline 2, edited\n");
    const read = await api
      .octokit()
      .request("GET /repos/{owner}/{repo}/issues/{issue_number}", { ...params, issue_number: 1 });
    expect(read.data.body).toBe("line 1\r\nline 2, edited\r\n");
  });

  it("answers an unknown issue with 404", async () => {
    api.emulator.createRepo(REPO);
    const missing = await failure(
      api
        .octokit()
        .request("GET /repos/{owner}/{repo}/issues/{issue_number}", { ...params, issue_number: 99 }),
    );
    expect(missing.status).toBe(404);
  });
});

describe("issue lists", () => {
  async function scene() {
    api.emulator.createRepo(REPO);
    await api.octokit().request("POST /repos/{owner}/{repo}/milestones", { ...params, title: "Phase 1" });
    await createIssue({ title: "week 1", labels: ["syllabot", "syllabot:week"], milestone: 1 });
    clock.advance(60);
    await createIssue({ title: "week 2", labels: ["Syllabot"] });
    clock.advance(60);
    await createIssue({ title: "notes" });
    const notesCreated = clock.iso();
    clock.advance(60);
    await update(1, { state: "closed" });
    return notesCreated;
  }

  const titles = async (query: Record<string, string | number>) =>
    (await api.octokit().request("GET /repos/{owner}/{repo}/issues", { ...params, ...query })).data.map(
      (issue) => issue.title,
    );

  it("lists open issues by default, newest first; state=all and state=closed as asked", async () => {
    await scene();
    expect(await titles({})).toEqual(["notes", "week 2"]);
    expect(await titles({ state: "all" })).toEqual(["notes", "week 2", "week 1"]);
    expect(await titles({ state: "closed" })).toEqual(["week 1"]);
    expect(await titles({ state: "all", direction: "asc" })).toEqual(["week 1", "week 2", "notes"]);
  });

  it("filters by labels (all of them, case-insensitively) and by milestone", async () => {
    await scene();
    expect(await titles({ state: "all", labels: "syllabot" })).toEqual(["week 2", "week 1"]);
    expect(await titles({ state: "all", labels: "SYLLABOT,syllabot:week" })).toEqual(["week 1"]);
    expect(await titles({ state: "all", milestone: "1" })).toEqual(["week 1"]);
    expect(await titles({ state: "all", milestone: "none" })).toEqual(["notes", "week 2"]);
    expect(await titles({ state: "all", milestone: "*" })).toEqual(["week 1"]);
  });

  it("filters by since on updated_at and sorts by updated", async () => {
    const since = await scene();
    expect(await titles({ state: "all", since })).toEqual(["notes", "week 1"]);
    expect(await titles({ state: "all", sort: "updated" })).toEqual(["week 1", "notes", "week 2"]);
  });
});

describe("issue comments", () => {
  it("posts and lists comments on an issue, counting them on the issue", async () => {
    api.emulator.createRepo(REPO);
    await createIssue({ title: "a" });
    const octokit = api.octokit();
    const posted = await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      ...params,
      issue_number: 1,
      body: "Done in abc123",
    });
    expect(posted.status).toBe(201);
    expect(posted.data).toMatchObject({
      body: "Done in abc123",
      user: { login: "octocat" },
      author_association: "OWNER",
    });
    api.emulator.addComment(REPO, 1, { author: "mentor", body: "Nice work" });
    const listed = await octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      ...params,
      issue_number: 1,
    });
    expect(listed.data.map((comment) => [comment.user?.login, comment.body])).toEqual([
      ["octocat", "Done in abc123"],
      ["mentor", "Nice work"],
    ]);
    const issue = await octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}", {
      ...params,
      issue_number: 1,
    });
    expect(issue.data.comments).toBe(2);
  });

  it("lists a repository's comments since a time", async () => {
    api.emulator.createRepo(REPO);
    api.emulator.addIssue(REPO, { title: "a" });
    api.emulator.addIssue(REPO, { title: "b" });
    api.emulator.addComment(REPO, 1, { author: "octocat", body: "old", createdAt: "2026-01-01T00:00:00Z" });
    api.emulator.addComment(REPO, 2, { author: "octocat", body: "new", createdAt: "2026-03-01T00:00:00Z" });
    const listed = await api.octokit().request("GET /repos/{owner}/{repo}/issues/comments", {
      ...params,
      since: "2026-02-01T00:00:00Z",
    });
    expect(listed.data.map((comment) => comment.body)).toEqual(["new"]);
  });

  it("answers a comment on an unknown issue with 404", async () => {
    api.emulator.createRepo(REPO);
    const missing = await failure(
      api.octokit().request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
        ...params,
        issue_number: 5,
        body: "x",
      }),
    );
    expect(missing.status).toBe(404);
  });
});
