import { describe, expect, it } from "vitest";
import { appJwt, DOCS, failure, useEmulator } from "../src/testing/emulator-handle.js";

const api = useEmulator();
const params = { owner: "octocat", repo: "portfolio" };

/** github.com's default labels, as `GET /repos/{owner}/{repo}/labels` lists them on a new repository. */
const GITHUB_DEFAULT_LABELS = [
  ["bug", "d73a4a", "Something isn't working"],
  ["documentation", "0075ca", "Improvements or additions to documentation"],
  ["duplicate", "cfd3d7", "This issue or pull request already exists"],
  ["enhancement", "a2eeef", "New feature or request"],
  ["good first issue", "7057ff", "Good for newcomers"],
  ["help wanted", "008672", "Extra attention is needed"],
  ["invalid", "e4e669", "This doesn't seem right"],
  ["question", "d876e3", "Further information is requested"],
  ["wontfix", "ffffff", "This will not be worked on"],
].map(([name, color, description]) => ({ name, color, description, default: true }));

describe("a new repository's default labels", () => {
  it("gives a repository created through the API GitHub's nine default labels", async () => {
    const octokit = api.octokit();
    await octokit.request("POST /user/repos", { name: "portfolio" });
    await octokit.request("POST /orgs/{org}/repos", { org: "acme", name: "course" });
    for (const [owner, repo] of [
      ["octocat", "portfolio"],
      ["acme", "course"],
    ] as const) {
      const { data } = await octokit.request("GET /repos/{owner}/{repo}/labels", { owner, repo });
      expect(
        data.map(({ name, color, description, default: isDefault }) => ({
          name,
          color,
          description,
          default: isDefault,
        })),
      ).toEqual(GITHUB_DEFAULT_LABELS);
    }
  });

  it("gives a scene repository the same labels, so creating `bug` again is refused", async () => {
    api.emulator.createRepo("octocat/portfolio");
    const octokit = api.octokit();
    const bug = await octokit.request("GET /repos/{owner}/{repo}/labels/{name}", { ...params, name: "Bug" });
    expect(bug.data).toMatchObject({ name: "bug", color: "d73a4a", default: true });
    const refused = await failure(
      octokit.request("POST /repos/{owner}/{repo}/labels", { ...params, name: "bug", color: "000000" }),
    );
    expect(refused).toMatchObject({
      status: 422,
      body: {
        message: "Validation Failed",
        errors: [{ resource: "Label", code: "already_exists", field: "name" }],
        documentation_url: DOCS,
      },
    });
    const mine = await octokit.request("POST /repos/{owner}/{repo}/labels", { ...params, name: "syllabot" });
    expect(mine.data.default).toBe(false);
  });

  it("applies a default label to an issue that names it, keeping its color", async () => {
    api.emulator.createRepo("octocat/portfolio");
    const issue = await api
      .octokit()
      .request("POST /repos/{owner}/{repo}/issues", { ...params, title: "Broken", labels: ["bug"] });
    expect(issue.data.labels).toMatchObject([{ name: "bug", color: "d73a4a", default: true }]);
  });
});

describe("updating a repository (PATCH /repos/{owner}/{repo})", () => {
  it("changes description, homepage, visibility, features and merge settings, and answers the full repository", async () => {
    api.emulator.createRepo("octocat/portfolio");
    const updated = await api.octokit().request("PATCH /repos/{owner}/{repo}", {
      ...params,
      description: "My year of Rust",
      homepage: "https://example.org",
      visibility: "private",
      has_issues: false,
      has_wiki: false,
      allow_update_branch: true,
      use_squash_pr_title_as_default: true,
      squash_merge_commit_title: "PR_TITLE",
      delete_branch_on_merge: true,
    });
    expect(updated.status).toBe(200);
    expect(updated.data).toMatchObject({
      description: "My year of Rust",
      homepage: "https://example.org",
      private: true,
      visibility: "private",
      has_issues: false,
      has_wiki: false,
      has_projects: true,
      allow_update_branch: true,
      use_squash_pr_title_as_default: true,
      squash_merge_commit_title: "PR_TITLE",
      squash_merge_commit_message: "COMMIT_MESSAGES",
      delete_branch_on_merge: true,
    });
    const read = await api.octokit().request("GET /repos/{owner}/{repo}", params);
    expect(read.data).toEqual(updated.data);
  });

  it("sets the default branch only to an existing branch (422 otherwise, nothing changed)", async () => {
    api.emulator.createRepo("octocat/portfolio");
    api.emulator.addCommit("octocat/portfolio", {
      message: "dev",
      branch: "develop",
      files: { "a.md": "a\n" },
    });
    const octokit = api.octokit();
    const refused = await failure(
      octokit.request("PATCH /repos/{owner}/{repo}", { ...params, default_branch: "nope", description: "x" }),
    );
    expect(refused).toMatchObject({
      status: 422,
      body: {
        message: "Validation Failed",
        errors: [{ resource: "Repository", code: "invalid", field: "default_branch" }],
      },
    });
    const unchanged = await octokit.request("GET /repos/{owner}/{repo}", params);
    expect(unchanged.data).toMatchObject({ default_branch: "main", description: null });
    const moved = await octokit.request("PATCH /repos/{owner}/{repo}", {
      ...params,
      default_branch: "develop",
    });
    expect(moved.data.default_branch).toBe("develop");
  });

  it("needs administration: write of an installation token", async () => {
    api.emulator.createRepo("octocat/portfolio");
    const minted = await api.fetch("/app/installations/1/access_tokens", {
      method: "POST",
      auth: appJwt(),
      json: { permissions: { issues: "write", contents: "write" } },
    });
    const { token } = (await minted.json()) as { token: string };
    const refused = await api.fetch("/repos/octocat/portfolio", {
      method: "PATCH",
      auth: token,
      json: { description: "x" },
    });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ message: "Resource not accessible by integration" });
  });

  it("renames: the old name redirects to the repository's id address, 301 for GET, 307 for the rest", async () => {
    api.emulator.createRepo("octocat/portfolio");
    const octokit = api.octokit();
    const renamed = await octokit.request("PATCH /repos/{owner}/{repo}", { ...params, name: "year-of-rust" });
    expect(renamed.data).toMatchObject({ name: "year-of-rust", full_name: "octocat/year-of-rust" });
    const id = renamed.data.id;

    const get = await api.fetch("/repos/octocat/portfolio/issues?state=all", { redirect: "manual" });
    expect(get.status).toBe(301);
    expect(get.headers.get("location")).toBe(`${api.emulator.url}/repositories/${id}/issues?state=all`);
    expect(await get.json()).toEqual({
      message: "Moved Permanently",
      url: `${api.emulator.url}/repositories/${id}/issues?state=all`,
      documentation_url: "https://docs.github.com/v3/#http-redirects",
    });
    const post = await api.fetch("/repos/octocat/portfolio/issues", {
      method: "POST",
      json: { title: "x" },
      redirect: "manual",
    });
    expect(post.status).toBe(307);
    expect(post.headers.get("location")).toBe(`${api.emulator.url}/repositories/${id}/issues`);
    expect(await post.json()).toMatchObject({ message: "Moved Permanently" });

    // Octokit (fetch) follows both: a GET gets the renamed repository, a POST is re-sent to it.
    const followed = await octokit.request("GET /repos/{owner}/{repo}", params);
    expect(followed.data).toMatchObject({ id, full_name: "octocat/year-of-rust" });
    const issue = await octokit.request("POST /repos/{owner}/{repo}/issues", { ...params, title: "Week 1" });
    expect(issue.status).toBe(201);
    expect(issue.data.repository_url).toBe(`${api.emulator.url}/repos/octocat/year-of-rust`);
    const byId = await api.fetch(`/repositories/${id}`);
    expect(((await byId.json()) as { full_name: string }).full_name).toBe("octocat/year-of-rust");
  });

  it("refuses a name the owner already has, and lets a new repository take a name given up", async () => {
    api.emulator.createRepo("octocat/portfolio");
    api.emulator.createRepo("octocat/other");
    const octokit = api.octokit();
    const refused = await failure(
      octokit.request("PATCH /repos/{owner}/{repo}", { ...params, name: "Other" }),
    );
    expect(refused).toMatchObject({
      status: 422,
      body: { errors: [{ resource: "Repository", code: "custom", field: "name" }] },
    });
    await octokit.request("PATCH /repos/{owner}/{repo}", { ...params, name: "renamed" });
    api.emulator.createRepo("octocat/portfolio");
    const fresh = await api.fetch("/repos/octocat/portfolio", { redirect: "manual" });
    expect(fresh.status).toBe(200);
  });

  it("answers an unknown repository id with 404", async () => {
    const missing = await api.fetch("/repositories/999999/issues");
    expect(missing.status).toBe(404);
  });
});

describe("the fields of a repository", () => {
  it("carries what GitHub's full repository carries: merge settings, temp_clone_token, custom_properties", async () => {
    api.emulator.createRepo("octocat/portfolio");
    api.emulator.createRepo("octocat/private", { private: true });
    const octokit = api.octokit();
    const { data } = await octokit.request("GET /repos/{owner}/{repo}", params);
    expect(data).toMatchObject({
      allow_update_branch: false,
      use_squash_pr_title_as_default: false,
      squash_merge_commit_title: "COMMIT_OR_PR_TITLE",
      squash_merge_commit_message: "COMMIT_MESSAGES",
      merge_commit_title: "MERGE_MESSAGE",
      merge_commit_message: "PR_TITLE",
      temp_clone_token: "",
      custom_properties: {},
    });
    expect(data).not.toHaveProperty("organization");
    const hidden = await octokit.request("GET /repos/{owner}/{repo}", { owner: "octocat", repo: "private" });
    expect(hidden.data.temp_clone_token).toMatch(/^[A-Z2-7]{29}$/);
  });

  it("names an organization's repository's organization, as a user object of type Organization", async () => {
    const octokit = api.octokit();
    await octokit.request("POST /orgs/{org}/repos", { org: "acme", name: "course" });
    const { data } = await octokit.request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "course" });
    expect(data.organization).toEqual(data.owner);
    expect(data.organization).toMatchObject({
      login: "acme",
      type: "Organization",
      url: `${api.emulator.url}/users/acme`,
    });
  });

  it("serves the owner's url: GET /users/{username} (404 for nobody), GET /orgs/{org}", async () => {
    api.emulator.addUser("alice", { name: "Alice" });
    api.emulator.createRepo("alice/portfolio");
    api.emulator.createRepo("alice/secret", { private: true });
    const octokit = api.octokit();
    const repo = await octokit.request("GET /repos/{owner}/{repo}", { owner: "alice", repo: "portfolio" });
    const owner = await api.fetch(new URL(repo.data.owner.url).pathname);
    expect(owner.status).toBe(200);
    expect(await owner.json()).toMatchObject({
      login: "alice",
      type: "User",
      name: "Alice",
      public_repos: 1,
      user_view_type: "public",
    });
    const nobody = await failure(octokit.request("GET /users/{username}", { username: "nobody" }));
    expect(nobody.status).toBe(404);

    await octokit.request("POST /orgs/{org}/repos", { org: "acme", name: "course" });
    const org = await octokit.request("GET /orgs/{org}", { org: "acme" });
    expect(org.data).toMatchObject({
      login: "acme",
      type: "Organization",
      url: `${api.emulator.url}/orgs/acme`,
      repos_url: `${api.emulator.url}/orgs/acme/repos`,
      public_repos: 1,
    });
    const notAnOrg = await failure(octokit.request("GET /orgs/{org}", { org: "alice" }));
    expect(notAnOrg.status).toBe(404);
  });
});

describe("an archived repository", () => {
  it("refuses writes with 403 'Repository was archived so is read-only.' until it is unarchived", async () => {
    api.emulator.createRepo("octocat/portfolio");
    const octokit = api.octokit();
    const archived = await octokit.request("PATCH /repos/{owner}/{repo}", { ...params, archived: true });
    expect(archived.data.archived).toBe(true);
    const refused = await failure(
      octokit.request("POST /repos/{owner}/{repo}/issues", { ...params, title: "Week 1" }),
    );
    expect(refused).toMatchObject({
      status: 403,
      body: { message: "Repository was archived so is read-only." },
    });
    const read = await octokit.request("GET /repos/{owner}/{repo}/issues", params);
    expect(read.data).toEqual([]);
    await octokit.request("PATCH /repos/{owner}/{repo}", { ...params, archived: false });
    const created = await octokit.request("POST /repos/{owner}/{repo}/issues", {
      ...params,
      title: "Week 1",
    });
    expect(created.status).toBe(201);
  });
});
