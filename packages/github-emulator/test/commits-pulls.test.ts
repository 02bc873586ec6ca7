import { describe, expect, it } from "vitest";
import { failure, TestClock, useEmulator } from "../src/testing/emulator-handle.js";

const api = useEmulator(() => ({ now: new TestClock("2026-03-02T10:00:00Z").now }));
const params = { owner: "octocat", repo: "csvq" };

function scene() {
  api.emulator.addUser("octocat", { name: "The Octocat", emails: ["octocat@github.com"] });
  api.emulator.createRepo("octocat/csvq");
  const emulator = api.emulator;
  const parser = emulator.addCommit("octocat/csvq", {
    message: "parser done, closes week 5",
    files: { "src/parser.rs": "fn parse() {}\nfn lex() {}\n" },
    author: "octocat",
    date: "2026-03-05T18:00:00Z",
  });
  const stranger = emulator.addCommit("octocat/csvq", {
    message: "typo",
    files: { "README.md": "# csvq\n\nA CSV query tool.\n" },
    author: { name: "Someone", email: "someone@example.com" },
    date: "2026-03-06T09:00:00Z",
  });
  const edit = emulator.addCommit("octocat/csvq", {
    message: "lexer rewrite",
    files: { "src/parser.rs": "fn parse() {}\nfn lex2() {}\nfn tokens() {}\n", "old.txt": null },
    author: { name: "Octo", email: "octocat@github.com" },
    date: "2026-03-07T20:00:00Z",
  });
  return { parser, stranger, edit };
}

const list = async (query: Record<string, string>) =>
  (await api.octokit().request("GET /repos/{owner}/{repo}/commits", { ...params, ...query })).data;

describe("commits", () => {
  it("shows a signed commit verified only when the signer's account holds the committer's email", async () => {
    scene();
    const own = api.emulator.addCommit("octocat/csvq", {
      message: "signed",
      files: { "a.txt": "a" },
      author: "octocat",
      signedBy: "octocat",
    });
    api.emulator.addUser("mallory", { emails: ["mallory@example.com"] });
    const forged = api.emulator.addCommit("octocat/csvq", {
      message: "signed by someone else",
      files: { "b.txt": "b" },
      author: "octocat",
      signedBy: "mallory",
    });
    const read = async (sha: string) =>
      (await api.octokit().request("GET /repos/{owner}/{repo}/commits/{ref}", { ...params, ref: sha })).data
        .commit.verification;
    expect(await read(own)).toMatchObject({ verified: true, reason: "valid" });
    expect((await read(own))?.signature).toMatch(/^-----BEGIN PGP SIGNATURE-----/);
    expect(await read(forged)).toMatchObject({ verified: false, reason: "bad_email" });
    const listed = await list({});
    expect(listed.find((commit) => commit.sha === own)?.commit.verification?.verified).toBe(true);
    expect(
      listed.find((commit) => commit.sha !== own && commit.sha !== forged)?.commit.verification,
    ).toMatchObject({ verified: false, reason: "unsigned" });
  });

  it("lists a branch's commits newest first, with the GitHub account behind each email", async () => {
    const { parser, stranger, edit } = scene();
    const commits = await list({});
    expect(commits.map((commit) => commit.sha).slice(0, 3)).toEqual([edit, stranger, parser]);
    expect(commits[0]?.author).toMatchObject({ login: "octocat" });
    // An email that belongs to no account: GitHub sends null for the account, in every commit shape.
    expect(commits[1]?.author).toBeNull();
    expect(commits[1]?.committer).toBeNull();
    const single = await api.octokit().request("GET /repos/{owner}/{repo}/commits/{ref}", {
      ...params,
      ref: stranger,
    });
    expect([single.data.author, single.data.committer]).toEqual([null, null]);
    expect(commits[2]?.commit).toMatchObject({
      message: "parser done, closes week 5",
      author: { name: "The Octocat", email: "octocat@github.com", date: "2026-03-05T18:00:00Z" },
    });
  });

  it("filters by author (login or email), since, until and path", async () => {
    const { parser, stranger, edit } = scene();
    expect((await list({ author: "octocat" })).map((commit) => commit.sha)).toEqual([
      edit,
      parser,
      expect.any(String),
    ]);
    expect((await list({ author: "someone@example.com" })).map((commit) => commit.sha)).toEqual([stranger]);
    const window = await list({ since: "2026-03-05T00:00:00Z", until: "2026-03-06T23:59:59Z" });
    expect(window.map((commit) => commit.sha)).toEqual([stranger, parser]);
    expect((await list({ path: "src/parser.rs" })).map((commit) => commit.sha)).toEqual([edit, parser]);
  });

  it("lists another branch with sha=, and answers an empty repository with 409", async () => {
    scene();
    const branch = api.emulator.addCommit("octocat/csvq", {
      branch: "wip",
      message: "wip",
      files: { "w.md": "w" },
      date: "2026-03-08T00:00:00Z",
    });
    expect((await list({ sha: "wip" }))[0]?.sha).toBe(branch);
    expect((await list({}))[0]?.sha).not.toBe(branch);
    await api.octokit().request("POST /user/repos", { name: "empty" });
    const empty = await failure(
      api.octokit().request("GET /repos/{owner}/{repo}/commits", { owner: "octocat", repo: "empty" }),
    );
    expect(empty).toMatchObject({ status: 409, body: { message: "Git Repository is empty." } });
  });

  it("shows one commit with its files and line stats", async () => {
    const { edit } = scene();
    const { data } = await api
      .octokit()
      .request("GET /repos/{owner}/{repo}/commits/{ref}", { ...params, ref: edit });
    expect(data.stats).toEqual({ additions: 2, deletions: 1, total: 3 });
    expect(
      data.files?.map(({ filename, status, additions, deletions, changes }) => ({
        filename,
        status,
        additions,
        deletions,
        changes,
      })),
    ).toEqual([{ filename: "src/parser.rs", status: "modified", additions: 2, deletions: 1, changes: 3 }]);
    const byBranch = await api
      .octokit()
      .request("GET /repos/{owner}/{repo}/commits/{ref}", { ...params, ref: "main" });
    expect(byBranch.data.sha).toBe(edit);
    const unknown = await failure(
      api.octokit().request("GET /repos/{owner}/{repo}/commits/{ref}", { ...params, ref: "nope" }),
    );
    expect(unknown.status).toBe(422);
  });
});

describe("pull requests", () => {
  function pulls() {
    api.emulator.createRepo("qdrant/qdrant");
    const merged = api.emulator.addPullRequest("qdrant/qdrant", {
      title: "Fix segment merge",
      author: "octocat",
      state: "merged",
      mergedAt: "2026-05-02T12:00:00Z",
      labels: ["bug"],
      files: [
        { filename: "lib/segment/src/merge.rs", additions: 30, deletions: 4 },
        { filename: "docs/new.md", additions: 12, deletions: 0, status: "added" },
      ],
    });
    const open = api.emulator.addPullRequest("qdrant/qdrant", { title: "WIP", author: "octocat" });
    const closed = api.emulator.addPullRequest("qdrant/qdrant", {
      title: "Nope",
      author: "other",
      state: "closed",
    });
    return { merged, open, closed };
  }
  const qdrant = { owner: "qdrant", repo: "qdrant" };

  it("lists open pull requests by default, and closed or all as asked", async () => {
    pulls();
    const octokit = api.octokit();
    const titles = async (state?: "open" | "closed" | "all") =>
      (
        await octokit.request("GET /repos/{owner}/{repo}/pulls", { ...qdrant, ...(state ? { state } : {}) })
      ).data.map((pull) => pull.title);
    expect(await titles()).toEqual(["WIP"]);
    expect(await titles("closed")).toEqual(["Nope", "Fix segment merge"]);
    expect(await titles("all")).toHaveLength(3);
  });

  it("shows whether a pull request was merged, when, and its size", async () => {
    const { merged, closed } = pulls();
    const octokit = api.octokit();
    const one = await octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
      ...qdrant,
      pull_number: merged,
    });
    expect(one.data).toMatchObject({
      state: "closed",
      merged: true,
      merged_at: "2026-05-02T12:00:00Z",
      additions: 42,
      deletions: 4,
      changed_files: 2,
      user: { login: "octocat" },
    });
    const unmerged = await octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
      ...qdrant,
      pull_number: closed,
    });
    expect(unmerged.data).toMatchObject({ merged: false, merged_at: null });
  });

  it("lists a pull request's files with additions, deletions, changes and status", async () => {
    const { merged } = pulls();
    const files = await api.octokit().request("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", {
      ...qdrant,
      pull_number: merged,
    });
    expect(
      files.data.map(({ filename, status, additions, deletions, changes }) => [
        filename,
        status,
        additions,
        deletions,
        changes,
      ]),
    ).toEqual([
      ["lib/segment/src/merge.rs", "modified", 30, 4, 34],
      ["docs/new.md", "added", 12, 0, 12],
    ]);
  });

  it("answers an issue number asked as a pull request with 404", async () => {
    pulls();
    api.emulator.addIssue("qdrant/qdrant", { title: "an issue", author: "octocat" });
    const missing = await failure(
      api.octokit().request("GET /repos/{owner}/{repo}/pulls/{pull_number}", { ...qdrant, pull_number: 4 }),
    );
    expect(missing.status).toBe(404);
  });
});
