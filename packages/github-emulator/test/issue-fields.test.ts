import { Octokit } from "@octokit/core";
import { describe, expect, it } from "vitest";
import { appJwt, useEmulator } from "../src/testing/emulator-handle.js";

const api = useEmulator();
const REPO = "octocat/portfolio";
const params = { owner: "octocat", repo: "portfolio" };

async function asInstallation(): Promise<Octokit> {
  const app = new Octokit({ auth: appJwt(), baseUrl: api.emulator.url });
  const minted = await app.request("POST /app/installations/{installation_id}/access_tokens", {
    installation_id: 1,
  });
  return new Octokit({ auth: minted.data.token, baseUrl: api.emulator.url });
}

const EMPTY_REACTIONS = {
  total_count: 0,
  "+1": 0,
  "-1": 0,
  laugh: 0,
  hooray: 0,
  confused: 0,
  heart: 0,
  rocket: 0,
  eyes: 0,
};

describe("issue and comment fields", () => {
  it("carries the reactions rollup, the timeline URL, and no app for what a person did", async () => {
    api.emulator.createRepo(REPO);
    const octokit = api.octokit();
    const created = await octokit.request("POST /repos/{owner}/{repo}/issues", { ...params, title: "a" });
    const api1 = `${api.emulator.url}/repos/${REPO}/issues/1`;
    expect(created.data).toMatchObject({
      timeline_url: `${api1}/timeline`,
      reactions: { url: `${api1}/reactions`, ...EMPTY_REACTIONS },
      performed_via_github_app: null,
    });
    const comment = await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      ...params,
      issue_number: 1,
      body: "hi",
    });
    expect(comment.data).toMatchObject({
      reactions: {
        url: `${api.emulator.url}/repos/${REPO}/issues/comments/${comment.data.id}/reactions`,
        ...EMPTY_REACTIONS,
      },
      performed_via_github_app: null,
      author_association: "OWNER",
    });
  });

  it("names the app that created an issue or comment with an installation token", async () => {
    api.emulator.createRepo(REPO);
    const bot = await asInstallation();
    const created = await bot.request("POST /repos/{owner}/{repo}/issues", {
      ...params,
      title: "from the app",
    });
    expect(created.data.user?.login).toBe("syllabot[bot]");
    expect(created.data.performed_via_github_app).toMatchObject({
      id: 1,
      slug: "syllabot",
      owner: { login: "octocat" },
    });
    const comment = await bot.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      ...params,
      issue_number: 1,
      body: "done",
    });
    expect(comment.data.performed_via_github_app).toMatchObject({ slug: "syllabot" });
    // Read back with another token, the issue still names the app.
    const read = await api.octokit().request("GET /repos/{owner}/{repo}/issues/{issue_number}", {
      ...params,
      issue_number: 1,
    });
    expect(read.data.performed_via_github_app).toMatchObject({ slug: "syllabot" });
  });

  it("says how each author relates to the repository", async () => {
    api.emulator.addUser("acme", { type: "Organization", members: ["alice"] });
    api.emulator.addUser("carol", { emails: ["carol@example.com"] });
    api.emulator.createRepo("acme/portfolio");
    api.emulator.createRepo("dave/elsewhere");
    api.emulator.addCommit("acme/portfolio", {
      message: "fix",
      files: { "a.txt": "a" },
      author: { name: "Carol", email: "carol@example.com" },
    });
    api.emulator.addCommit("dave/elsewhere", { message: "x", files: { "x.txt": "x" }, author: "dave" });
    const issue = (author: string) => api.emulator.addIssue("acme/portfolio", { title: author, author });
    for (const author of ["acme", "alice", "carol", "nobody"]) issue(author);
    api.emulator.addPullRequest("acme/portfolio", { title: "dave", author: "dave" });
    api.emulator.addPullRequest("acme/portfolio", { title: "erin", author: "erin" });
    api.emulator.addPullRequest("acme/portfolio", { title: "frank", author: "frank", state: "merged" });
    const listed = await api.octokit().request("GET /repos/{owner}/{repo}/issues", {
      owner: "acme",
      repo: "portfolio",
      state: "all",
      direction: "asc",
    });
    expect(Object.fromEntries(listed.data.map((item) => [item.title, item.author_association]))).toEqual({
      acme: "OWNER",
      alice: "MEMBER",
      carol: "CONTRIBUTOR",
      nobody: "NONE",
      dave: "FIRST_TIME_CONTRIBUTOR",
      erin: "FIRST_TIMER",
      frank: "CONTRIBUTOR",
    });
  });

  it("counts the creator of an organization's repository as a member", async () => {
    const octokit = api.octokit();
    await octokit.request("POST /orgs/{org}/repos", { org: "acme", name: "portfolio" });
    const created = await octokit.request("POST /repos/{owner}/{repo}/issues", {
      owner: "acme",
      repo: "portfolio",
      title: "mine",
    });
    expect(created.data.author_association).toBe("MEMBER");
  });
});
