import { useEmulator } from "@syllabot/github-emulator/testing";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { GitHubError } from "../../src/github/errors.js";
import { gitBlobSha } from "../../src/github/known-files.js";
import { createClient, TEST_PACING } from "../../src/github/octokit.js";
import { RestGateway } from "../../src/github/rest-gateway.js";

const api = useEmulator();
const REPO = "octocat/portfolio";

/** One client, as one job of the app or one run of the Action holds. */
function gateway(baseUrl = api.emulator.url, token = api.emulator.token) {
  const client = createClient({ token, baseUrl, pacing: TEST_PACING });
  return new RestGateway(client, REPO, { identity: async () => "syllabot[bot]" });
}

function setUp() {
  api.emulator.createRepo(REPO);
  api.emulator.addCommit(REPO, {
    message: "start",
    files: { "README.md": "# Me\n", ".syllabot/state.json": '{"n":0}\n' },
  });
}

const operations = () => api.emulator.log.map((entry) => `${entry.operationId} ${entry.status}`);

/** A one-file commit adding a line to the file, as the ledger's are. */
const appendLine = (path: string, line: string) => ({
  message: `add ${line}`,
  read: [path],
  render: (current: ReadonlyMap<string, string | undefined>) => ({
    [path]: `${current.get(path) ?? ""}${line}\n`,
  }),
});

describe("a commit of one file", () => {
  it("reads it and writes it through the contents API, then writes again without reading", async () => {
    setUp();
    const portfolio = gateway();
    await portfolio.commitFiles(appendLine(".syllabot/state.json", "a"));
    expect(operations()).toEqual(["repos/get-content 200", "repos/create-or-update-file-contents 200"]);
    api.emulator.clearLog();
    await portfolio.commitFiles(appendLine(".syllabot/state.json", "b"));
    expect(operations()).toEqual(["repos/create-or-update-file-contents 200"]);
    expect(await portfolio.readFile(".syllabot/state.json")).toBe('{"n":0}\na\nb\n');
  });

  it("reads again and merges when the file moved since it was last seen, losing nothing", async () => {
    setUp();
    const portfolio = gateway();
    await portfolio.commitFiles(appendLine(".syllabot/state.json", "a"));
    // Another process (or the learner) writes the file meanwhile.
    await gateway().commitFiles(appendLine(".syllabot/state.json", "elsewhere"));
    api.emulator.clearLog();
    await portfolio.commitFiles(appendLine(".syllabot/state.json", "b"));
    expect(operations()).toEqual([
      "repos/create-or-update-file-contents 409",
      "repos/get-content 200",
      "repos/create-or-update-file-contents 200",
    ]);
    expect(await portfolio.readFile(".syllabot/state.json")).toBe('{"n":0}\na\nelsewhere\nb\n');
  });

  it("looks at the branch before saying nothing changed, when it only knew the file from before", async () => {
    setUp();
    const portfolio = gateway();
    await portfolio.commitFiles(appendLine(".syllabot/state.json", "a"));
    api.emulator.clearLog();
    const unchanged = await portfolio.commitFiles({
      message: "nothing",
      read: [".syllabot/state.json"],
      render: (current) => ({ ".syllabot/state.json": current.get(".syllabot/state.json") ?? "" }),
    });
    expect(unchanged).toBeUndefined();
    expect(operations()).toEqual(["repos/get-content 200"]);
  });

  it("tries again when GitHub refuses a write that met another one, though the file did not move", async () => {
    setUp();
    const portfolio = gateway();
    api.emulator.faults.next("stale-sha", { operationId: "repos/create-or-update-file-contents" });
    await portfolio.commitFiles(appendLine(".syllabot/state.json", "a"));
    expect(operations()).toEqual([
      "repos/get-content 200",
      "repos/create-or-update-file-contents 409",
      // Read again: unchanged, so a 304.
      "repos/get-content 304",
      "repos/create-or-update-file-contents 200",
    ]);
    expect(await portfolio.readFile(".syllabot/state.json")).toBe('{"n":0}\na\n');
  });

  it("creates a file that does not exist yet", async () => {
    setUp();
    await gateway().commitFiles(appendLine("notes/new.md", "first"));
    expect(operations()).toEqual(["repos/get-content 404", "repos/create-or-update-file-contents 201"]);
    expect(await gateway().readFile("notes/new.md")).toBe("first\n");
  });

  it("gives up at once when GitHub refuses the write of a file that did not move (a protected branch)", async () => {
    const base = "https://api.github.test";
    const file = {
      type: "file",
      encoding: "base64",
      size: 4,
      name: "state.json",
      path: ".syllabot/state.json",
    };
    const sha = gitBlobSha("old\n");
    nock(base)
      .get("/repos/octocat/portfolio/contents/.syllabot%2Fstate.json")
      .times(2)
      .reply(200, { ...file, sha, content: Buffer.from("old\n").toString("base64") })
      .put("/repos/octocat/portfolio/contents/.syllabot%2Fstate.json")
      .reply(409, { message: "Changes must be made through a pull request." });
    const error = await gateway(base, "ghs_token")
      .commitFiles(appendLine(".syllabot/state.json", "new"))
      .catch((caught: unknown) => caught);
    expect(nock.pendingMocks()).toEqual([]);
    nock.cleanAll();
    expect(error).toBeInstanceOf(GitHubError);
    expect((error as Error).message).toContain("Changes must be made through a pull request");
  });
});

describe("a commit of several files", () => {
  it("reads no file whose blob it knows: one listing of the head's tree, then the three writes", async () => {
    setUp();
    const portfolio = gateway();
    const refresh = (line: string) => ({
      message: `refresh ${line}`,
      read: ["README.md", ".syllabot/state.json"],
      render: (current: ReadonlyMap<string, string | undefined>) => ({
        "README.md": `${current.get("README.md")}${line}\n`,
        ".syllabot/state.json": `${current.get(".syllabot/state.json")}${line}\n`,
        "pictures/progress.svg": `<svg>${line}</svg>\n`,
      }),
    });
    await portfolio.commitFiles(refresh("one"));
    api.emulator.clearLog();
    await portfolio.commitFiles(refresh("two"));
    // The default branch is the one seen before: not asked again.
    expect(operations()).toEqual([
      "git/get-ref 200",
      "git/get-tree 200",
      "git/create-tree 201",
      "git/create-commit 201",
      "git/update-ref 200",
    ]);
    // A file the learner changed meanwhile has a blob it does not know: that one is read.
    api.emulator.addCommit(REPO, { message: "learner", files: { "README.md": "# Me, edited\n" } });
    api.emulator.clearLog();
    await portfolio.commitFiles(refresh("three"));
    expect(operations().filter((operation) => operation.startsWith("repos/get-content"))).toEqual([
      "repos/get-content 200",
    ]);
    expect(await portfolio.readFile("README.md")).toBe("# Me, edited\nthree\n");
    expect(await portfolio.readFile(".syllabot/state.json")).toBe('{"n":0}\none\ntwo\nthree\n');
  });

  it("finds the default branch again when it was renamed since it was last seen", async () => {
    setUp();
    const portfolio = gateway();
    const files = (line: string) => ({
      message: line,
      read: ["README.md", "NOTES.md"],
      render: () => ({ "README.md": `${line}\n`, "NOTES.md": `${line}\n` }),
    });
    await portfolio.commitFiles(files("on main"));
    const octokit = api.octokit();
    const params = { owner: "octocat", repo: "portfolio" };
    const { data: main } = await octokit.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
      ...params,
      ref: "heads/main",
    });
    await octokit.request("POST /repos/{owner}/{repo}/git/refs", {
      ...params,
      ref: "refs/heads/trunk",
      sha: main.object.sha,
    });
    await octokit.request("PATCH /repos/{owner}/{repo}", { ...params, default_branch: "trunk" });
    await octokit.request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", { ...params, ref: "heads/main" });
    api.emulator.clearLog();
    await portfolio.commitFiles(files("on trunk"));
    expect(operations().slice(0, 3)).toEqual(["git/get-ref 404", "repos/get 200", "git/get-ref 200"]);
    expect(await portfolio.readFile("NOTES.md")).toBe("on trunk\n");
  });

  it("gives up at once when the branch refuses an update without having moved (a protection rule)", async () => {
    const base = "https://api.github.test";
    const head = "c".repeat(40);
    const ref = { ref: "refs/heads/main", object: { sha: head, type: "commit" } };
    nock(base)
      .get("/repos/octocat/portfolio")
      .reply(200, { default_branch: "main" })
      .get("/repos/octocat/portfolio/git/ref/heads%2Fmain")
      .times(2)
      .reply(200, ref)
      .get(`/repos/octocat/portfolio/git/trees/${head}`)
      .query({ recursive: "1" })
      .reply(200, { sha: "t".repeat(40), truncated: false, tree: [] })
      .post("/repos/octocat/portfolio/git/trees")
      .reply(201, { sha: "u".repeat(40) })
      .post("/repos/octocat/portfolio/git/commits")
      .reply(201, { sha: "d".repeat(40) })
      .patch("/repos/octocat/portfolio/git/refs/heads%2Fmain")
      .reply(422, { message: "Protected branch update failed for refs/heads/main." });
    const error = await gateway(base, "ghs_token")
      .commitFiles({ message: "two files", read: [], render: () => ({ "a.md": "a\n", "b.md": "b\n" }) })
      .catch((caught: unknown) => caught);
    expect(nock.pendingMocks()).toEqual([]);
    nock.cleanAll();
    expect(error).toBeInstanceOf(GitHubError);
    expect((error as Error).message).toContain("Protected branch update failed");
  });
});
