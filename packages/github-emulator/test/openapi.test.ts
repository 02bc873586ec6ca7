import { readFileSync } from "node:fs";
import { Octokit } from "@octokit/core";
import { describe, expect, it } from "vitest";
import { Emulator, type RequestRecord } from "../src/index.js";
import { allRoutes } from "../src/routes/index.js";
import { validateAgainstOpenApi } from "../src/testing/openapi.js";
import { compareWithExamples, documentedFigure, documentedReport } from "./recorded/documented.js";

const owner = "octocat";
const repo = "portfolio";
const params = { owner, repo };
const base64 = (text: string) => Buffer.from(text).toString("base64");

function appJwt(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "RS256" })}.${part({ iss: "1", iat: 0, exp: 1 })}.c2ln`;
}

/** Exercises every operation the emulator serves, with answers good and bad, through Octokit. */
async function scenario(emulator: Emulator): Promise<void> {
  const octokit = new Octokit({ auth: emulator.token, baseUrl: emulator.url });
  const refused = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error("expected a refusal");
      },
      () => undefined,
    );

  await octokit.request("GET /user");
  await octokit.request("GET /");
  await octokit.request("GET /meta");
  await octokit.request("GET /rate_limit");
  await refused(octokit.request("GET /repos/{owner}/{repo}/deployments", params));
  await octokit.request("POST /user/repos", { name: repo, auto_init: true, description: "My year of Rust" });
  await octokit.request("POST /orgs/{org}/repos", { org: "qdrant", name: "qdrant" });
  const repository = await octokit.request("GET /repos/{owner}/{repo}", params);
  await octokit
    .request("GET /repos/{owner}/{repo}", {
      ...params,
      headers: { "if-none-match": repository.headers.etag },
    })
    .catch(() => undefined);
  await refused(octokit.request("GET /repos/{owner}/{repo}", { owner, repo: "missing" }));
  await octokit.request("GET /users/{username}", { username: owner });
  await refused(octokit.request("GET /users/{username}", { username: "nobody-at-all" }));
  await octokit.request("GET /orgs/{org}", { org: "qdrant" });
  await octokit.request("POST /orgs/{org}/repos", { org: "qdrant", name: "old-name" });
  await octokit.request("PATCH /repos/{owner}/{repo}", {
    owner: "qdrant",
    repo: "old-name",
    name: "new-name",
    has_wiki: false,
    squash_merge_commit_title: "PR_TITLE",
  });
  // The old name answers 301 to the id address, which fetch follows.
  await octokit.request("GET /repos/{owner}/{repo}", { owner: "qdrant", repo: "old-name" });
  await refused(octokit.request("PATCH /repos/{owner}/{repo}", { ...params, default_branch: "missing" }));

  await octokit.request("POST /repos/{owner}/{repo}/milestones", {
    ...params,
    title: "Phase 1",
    description: "d",
    due_on: "2026-04-12T12:00:00Z",
  });
  await refused(octokit.request("POST /repos/{owner}/{repo}/milestones", { ...params, title: "Phase 1" }));
  await octokit.request("GET /repos/{owner}/{repo}/milestones", {
    ...params,
    state: "all",
    sort: "due_on",
    direction: "asc",
    per_page: 100,
  });
  await octokit.request("GET /repos/{owner}/{repo}/milestones/{milestone_number}", {
    ...params,
    milestone_number: 1,
  });
  await octokit.request("PATCH /repos/{owner}/{repo}/milestones/{milestone_number}", {
    ...params,
    milestone_number: 1,
    due_on: "2026-04-19T12:00:00Z",
    state: "open",
  });

  await octokit.request("POST /repos/{owner}/{repo}/labels", {
    ...params,
    name: "syllabot",
    color: "0E8A16",
    description: "Managed",
  });
  await refused(octokit.request("POST /repos/{owner}/{repo}/labels", { ...params, name: "SYLLABOT" }));
  await refused(
    octokit.request("POST /repos/{owner}/{repo}/labels", { ...params, name: "bad", color: "#123456" }),
  );
  await octokit.request("GET /repos/{owner}/{repo}/labels", { ...params, per_page: 100 });
  await octokit.request("GET /repos/{owner}/{repo}/labels/{name}", { ...params, name: "Syllabot" });
  await octokit.request("PATCH /repos/{owner}/{repo}/labels/{name}", {
    ...params,
    name: "syllabot",
    new_name: "syllabot",
    color: "0e8a16",
  });

  await octokit.request("POST /repos/{owner}/{repo}/issues", {
    ...params,
    title: "Week 1",
    body: "b",
    labels: ["syllabot", "syllabot:week"],
    milestone: 1,
    assignees: [owner],
  });
  await refused(
    octokit.request("POST /repos/{owner}/{repo}/issues", { ...params, title: "x", milestone: 9 }),
  );
  await octokit.request("GET /repos/{owner}/{repo}/issues", {
    ...params,
    state: "all",
    labels: "syllabot",
    milestone: "*",
    sort: "created",
    direction: "desc",
    since: "2020-01-01T00:00:00Z",
    per_page: 1,
    page: 1,
  });
  await octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}", { ...params, issue_number: 1 });
  await octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
    ...params,
    issue_number: 1,
    state: "closed",
    state_reason: "completed",
    milestone: null,
  });
  await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
    ...params,
    issue_number: 1,
    labels: ["extra"],
  });
  const issue1 = { ...params, issue_number: 1 };
  await octokit.request("PUT /repos/{owner}/{repo}/issues/{issue_number}/labels", {
    ...issue1,
    labels: ["syllabot", "extra"],
  });
  await octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}/labels", issue1);
  await octokit.request("DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", {
    ...issue1,
    name: "syllabot",
  });
  await refused(
    octokit.request("DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", {
      ...issue1,
      name: "syllabot",
    }),
  );
  await octokit.request("DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels", issue1);
  await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
    ...issue1,
    labels: ["extra"],
  });
  const children: number[] = [];
  for (const title of ["part one", "part two"]) {
    children.push(
      Number((await octokit.request("POST /repos/{owner}/{repo}/issues", { ...params, title })).data.id),
    );
  }
  const [partOne = 0, partTwo = 0] = children;
  for (const sub_issue_id of children) {
    await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues", {
      ...issue1,
      sub_issue_id,
    });
  }
  await refused(
    octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues", {
      ...issue1,
      sub_issue_id: partOne,
    }),
  );
  await octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority", {
    ...issue1,
    sub_issue_id: partTwo,
    before_id: partOne,
  });
  const subIssues = await octokit.request(
    "GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues",
    issue1,
  );
  await octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}/parent", {
    ...params,
    issue_number: subIssues.data[0]?.number ?? 0,
  });
  await octokit.request("DELETE /repos/{owner}/{repo}/issues/{issue_number}/sub_issue", {
    ...issue1,
    sub_issue_id: partTwo,
  });
  await octokit.request("DELETE /repos/{owner}/{repo}/labels/{name}", { ...params, name: "extra" });
  await octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
    ...issue1,
    title: "Week one",
    state: "open",
    assignees: [],
  });
  await octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}/events", issue1);
  const events = await octokit.request("GET /repos/{owner}/{repo}/issues/events", {
    ...params,
    per_page: 100,
  });
  await octokit.request("GET /repos/{owner}/{repo}/issues/events/{event_id}", {
    ...params,
    event_id: Number(events.data[0]?.id ?? 0),
  });
  await refused(
    octokit.request("GET /repos/{owner}/{repo}/issues/events/{event_id}", { ...params, event_id: 1 }),
  );

  await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    ...params,
    issue_number: 1,
    body: "Closed by abc",
  });
  await octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    ...params,
    issue_number: 1,
    since: "2020-01-01T00:00:00Z",
  });
  await octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}/timeline", issue1);
  await octokit.request("GET /repos/{owner}/{repo}/issues/comments", {
    ...params,
    sort: "created",
    direction: "asc",
  });

  const created = await octokit.request("PUT /repos/{owner}/{repo}/contents/{path}", {
    ...params,
    path: "progress/README.md",
    message: "progress",
    content: base64("# Progress\n"),
    committer: { name: "Octo", email: "octo@example.com" },
  });
  await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
    ...params,
    path: "progress/README.md",
    ref: "main",
  });
  await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", { ...params, path: "progress" });
  for (const format of ["object", "html", "raw"]) {
    await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
      ...params,
      path: "progress",
      mediaType: { format },
    });
  }
  await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
    ...params,
    path: "README.md",
    mediaType: { format: "html" },
  });
  await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", { ...params, path: "" });
  await octokit.request("PUT /repos/{owner}/{repo}/contents/{path}", {
    ...params,
    path: "progress/README.md",
    message: "again",
    content: base64("# Progress 2\n"),
    sha: created.data.content?.sha ?? "",
  });
  await refused(
    octokit.request("PUT /repos/{owner}/{repo}/contents/{path}", {
      ...params,
      path: "progress/README.md",
      message: "stale",
      content: base64("x"),
      sha: created.data.content?.sha ?? "",
    }),
  );

  const main = (
    await octokit.request("GET /repos/{owner}/{repo}/git/ref/{ref}", { ...params, ref: "heads/main" })
  ).data.object.sha;
  await octokit.request("GET /repos/{owner}/{repo}/git/matching-refs/{ref}", { ...params, ref: "heads/" });
  const blob = await octokit.request("POST /repos/{owner}/{repo}/git/blobs", {
    ...params,
    content: base64("data"),
    encoding: "base64",
  });
  await octokit.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", {
    ...params,
    file_sha: blob.data.sha,
  });
  const parent = await octokit.request("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", {
    ...params,
    commit_sha: main,
  });
  const tree = await octokit.request("POST /repos/{owner}/{repo}/git/trees", {
    ...params,
    base_tree: parent.data.tree.sha,
    tree: [
      { path: "data.bin", mode: "100644", type: "blob", sha: blob.data.sha },
      { path: "notes/a.md", mode: "100644", type: "blob", content: "a" },
    ],
  });
  await octokit.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", {
    ...params,
    tree_sha: tree.data.sha,
    recursive: "1",
  });
  const commit = await octokit.request("POST /repos/{owner}/{repo}/git/commits", {
    ...params,
    message: "data",
    tree: tree.data.sha,
    parents: [main],
    author: { name: "Octo", email: "octo@example.com", date: "2026-03-02T10:00:00Z" },
  });
  await octokit.request("POST /repos/{owner}/{repo}/git/refs", {
    ...params,
    ref: "refs/heads/data",
    sha: commit.data.sha,
  });
  await octokit.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
    ...params,
    ref: "heads/main",
    sha: commit.data.sha,
    force: false,
  });
  await refused(
    octokit.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
      ...params,
      ref: "heads/main",
      sha: main,
    }),
  );

  // The legacy refs endpoint GitHub still answers, though its description dropped it.
  await octokit.request("GET /repos/{owner}/{repo}/git/refs", params);
  await octokit.request("GET /repos/{owner}/{repo}/git/refs/{ref}", { ...params, ref: "heads" });
  await octokit.request("GET /repos/{owner}/{repo}/git/refs/{ref}", { ...params, ref: "heads/main" });
  await refused(octokit.request("GET /repos/{owner}/{repo}/git/refs/{ref}", { ...params, ref: "heads/x" }));
  await octokit.request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", { ...params, ref: "heads/data" });
  await refused(
    octokit.request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", { ...params, ref: "heads/data" }),
  );

  await octokit.request("POST /repos/{owner}/{repo}/statuses/{sha}", {
    ...params,
    sha: commit.data.sha,
    state: "success",
    context: "ci",
    description: "passed",
    target_url: "https://ci.example.com/1",
  });
  await refused(
    octokit.request("POST /repos/{owner}/{repo}/statuses/{sha}", {
      ...params,
      sha: "0".repeat(40),
      state: "error",
    }),
  );
  await octokit.request("GET /repos/{owner}/{repo}/commits/{ref}/statuses", { ...params, ref: "main" });
  await octokit.request("GET /repos/{owner}/{repo}/commits/{ref}/status", { ...params, ref: "main" });

  await octokit.request("GET /repos/{owner}/{repo}/commits", {
    ...params,
    sha: "main",
    author: owner,
    since: "2020-01-01T00:00:00Z",
    until: "2100-01-01T00:00:00Z",
    path: "data.bin",
    per_page: 10,
    page: 1,
  });
  await octokit.request("GET /repos/{owner}/{repo}/commits/{ref}", { ...params, ref: "main" });

  emulator.addPullRequest("qdrant/qdrant", {
    title: "Fix",
    author: owner,
    state: "merged",
    labels: ["bug"],
    files: [{ filename: "src/lib.rs", additions: 25, deletions: 3, patch: "@@ -1 +1 @@" }],
  });
  emulator.addPullRequest("qdrant/qdrant", { title: "Open", author: "someone", labels: ["wip"] });
  const qdrant = { owner: "qdrant", repo: "qdrant" };
  await octokit.request("GET /repos/{owner}/{repo}/pulls", {
    ...qdrant,
    state: "all",
    sort: "created",
    direction: "desc",
  });
  await octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", { ...qdrant, pull_number: 1 });
  await octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", {
    ...qdrant,
    pull_number: 1,
    per_page: 100,
  });
  const headSha = "c".repeat(40);
  const { data: run } = await octokit.request("POST /repos/{owner}/{repo}/check-runs", {
    ...params,
    name: "syllabot",
    head_sha: headSha,
    status: "in_progress",
    output: {
      title: "1 error",
      summary: "The config has an error.",
      annotations: [
        {
          path: ".github/syllabot.yml",
          start_line: 2,
          end_line: 2,
          start_column: 8,
          end_column: 8,
          annotation_level: "failure",
          message: "not a date",
        },
      ],
    },
  });
  await octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
    ...params,
    check_run_id: run.id,
    conclusion: "failure",
  });
  await octokit.request("GET /repos/{owner}/{repo}/check-runs/{check_run_id}", {
    ...params,
    check_run_id: run.id,
  });
  await octokit.request("GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations", {
    ...params,
    check_run_id: run.id,
  });
  await octokit.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", { ...params, ref: headSha });
  await refused(
    octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
      ...params,
      check_run_id: 999999,
      conclusion: "success",
    }),
  );

  await octokit.request("GET /search/issues", {
    q: "is:pr is:merged author:octocat repo:qdrant/qdrant",
    sort: "created",
    order: "desc",
    per_page: 50,
  });
  await octokit.request("GET /search/issues", { q: "is:issue involves:octocat" });

  const app = new Octokit({ auth: appJwt(), baseUrl: emulator.url });
  await app.request("GET /app");
  await app.request("GET /repos/{owner}/{repo}/installation", params);
  const token = await app.request("POST /app/installations/{installation_id}/access_tokens", {
    installation_id: 1,
  });
  const installation = new Octokit({ auth: token.data.token, baseUrl: emulator.url });
  await installation.request("GET /installation/repositories", { per_page: 100 });
  // GraphQL is outside the REST description; served for `viewer { login }` (its own tests).
  await installation.graphql("query { viewer { login } }");
  await installation.request("POST /repos/{owner}/{repo}/issues", { ...params, title: "From the app" });

  // A second installation, on an organization, for some of its repositories.
  await octokit.request("POST /orgs/{org}/repos", { org: "rustaceans", name: "portfolio", private: true });
  const second = emulator.addInstallation({ account: "rustaceans", repositories: ["rustaceans/portfolio"] });
  await app.request("GET /app/installations", { per_page: 1 });
  await app.request("GET /app/installations/{installation_id}", { installation_id: second });
  await refused(app.request("GET /app/installations/{installation_id}", { installation_id: 999 }));
  await app.request("GET /repos/{owner}/{repo}/installation", { owner: "rustaceans", repo: "portfolio" });
  await refused(app.request("GET /repos/{owner}/{repo}/installation", { owner: "qdrant", repo: "qdrant" }));
  await refused(
    app.request("POST /app/installations/{installation_id}/access_tokens", {
      installation_id: second,
      permissions: { administration: "write" },
    }),
  );
  const narrowed = await app.request("POST /app/installations/{installation_id}/access_tokens", {
    installation_id: second,
    repositories: ["portfolio"],
    permissions: { issues: "write" },
  });
  const other = new Octokit({ auth: narrowed.data.token, baseUrl: emulator.url });
  await other.request("GET /installation/repositories");
  await other.request("POST /repos/{owner}/{repo}/issues", {
    owner: "rustaceans",
    repo: "portfolio",
    title: "From the second installation",
  });
  await refused(other.request("POST /repos/{owner}/{repo}/issues", { ...params, title: "Not mine" }));
  await other.request("GET /search/issues", { q: "is:issue" });

  await fetch(`${emulator.url}/not/an/endpoint`, { headers: { authorization: `token ${emulator.token}` } });
  await fetch(`${emulator.url}/user`);
}

describe("conformance to GitHub's OpenAPI description", () => {
  it("answers every operation it serves as the description says, and takes what it says", {
    timeout: 120_000,
  }, async () => {
    const emulator = await Emulator.start();
    try {
      await scenario(emulator);
    } finally {
      await emulator.close();
    }
    expect(emulator.internalErrors).toEqual([]);
    const served = new Set(emulator.log.map((record) => record.operationId));
    const all = allRoutes(() => ({ token: "", expiresAt: 0 })).map((route) => route.operationId);
    expect(all.filter((operationId) => !served.has(operationId))).toEqual([]);
    expect(emulator.log.some((record) => record.status >= 400)).toBe(true);
    expect(emulator.log.some((record) => record.status === 304)).toBe(true);
    expect(validateAgainstOpenApi(emulator.log)).toEqual([]);
    // Measured, not judged: the field sets of GitHub's documented examples against these answers.
    const documented = compareWithExamples(emulator.log);
    await expect(documentedReport(documented, emulator.log)).toMatchFileSnapshot("./recorded/DOCUMENTED.md");
    expect(readFileSync(new URL("../README.md", import.meta.url), "utf8")).toContain(
      documentedFigure(documented),
    );
  });

  it("reports a response that strays from the description, readably", () => {
    const record: RequestRecord = {
      method: "GET",
      path: "/repos/octocat/portfolio/labels/bug",
      route: "/repos/:owner/:repo/labels/:name",
      operationId: "issues/get-label",
      query: { per_page: "5" },
      status: 200,
      requestBody: undefined,
      responseBody: {
        id: 1,
        name: "bug",
        color: 5,
        default: false,
        node_id: "x",
        url: "http://x",
        description: null,
      },
      responseHeaders: {},
      write: false,
      rateLimitCost: 1,
      dropped: false,
    };
    expect(validateAgainstOpenApi([record])).toEqual([
      "GET /repos/octocat/portfolio/labels/bug -> 200: query / must NOT have additional properties (per_page)",
      "GET /repos/octocat/portfolio/labels/bug -> 200: response body /color must be string",
    ]);
  });

  it("reports a request body the description does not allow, and an operation served under another name", () => {
    const record: RequestRecord = {
      method: "POST",
      path: "/repos/octocat/portfolio/labels",
      route: "/repos/:owner/:repo/labels",
      operationId: "issues/create-milestone",
      query: {},
      status: 422,
      requestBody: { color: "ededed" },
      responseBody: { message: "Validation Failed", documentation_url: "https://docs.github.com/rest" },
      responseHeaders: {},
      write: true,
      rateLimitCost: 1,
      dropped: false,
    };
    expect(validateAgainstOpenApi([record])).toEqual([
      "POST /repos/octocat/portfolio/labels -> 422: served as issues/create-milestone, described as issues/create-label",
      "POST /repos/octocat/portfolio/labels -> 422: request body / must have required property 'name'",
    ]);
    expect(validateAgainstOpenApi([record], { requests: "accepted" })).toHaveLength(1);
  });
});
