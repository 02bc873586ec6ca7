import { Emulator } from "@syllabot/github-emulator";
import { validateAgainstOpenApi } from "@syllabot/github-emulator/testing";
import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GitHubError } from "../../src/github/errors.js";
import { createClient, TEST_PACING } from "../../src/github/octokit.js";
import { RestGateway } from "../../src/github/rest-gateway.js";
import { emulatedGateway, PINNED } from "../helpers/emulated-github.js";

const REPO = "octocat/portfolio";
const MiB = 1024 * 1024;

describe("reading a file over GitHub's 1 MiB contents limit", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await Emulator.start(PINNED("2026-03-02T04:00:00Z"));
    emulator.createRepo(REPO);
  });
  afterAll(async () => {
    await emulator.close();
    expect(validateAgainstOpenApi(emulator.log)).toEqual([]);
  });

  it("reads a 1.1 MB file whole, through the blob API, never as empty", async () => {
    const text = `# Notes\n${"ünïcode and plain words\n".repeat(48_000)}`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(1.1 * MiB);
    emulator.addCommit(REPO, { message: "notes", files: { "NOTES.md": text } });
    emulator.clearLog();
    expect(await emulatedGateway(emulator, REPO).readFile("NOTES.md")).toBe(text);
    expect(emulator.log.map((entry) => entry.operationId)).toEqual(["repos/get-content", "git/get-blob"]);
  });

  it("reads a file of 1 MiB or less in one request", async () => {
    const text = "x".repeat(MiB);
    emulator.addCommit(REPO, { message: "exact", files: { "EXACT.md": text } });
    emulator.clearLog();
    expect(await emulatedGateway(emulator, REPO).readFile("EXACT.md")).toBe(text);
    expect(emulator.log.map((entry) => entry.operationId)).toEqual(["repos/get-content"]);
  });
});

describe("a file GitHub will not serve whole", () => {
  const API = "https://api.github.test";
  const gateway = () =>
    new RestGateway(createClient({ token: "ghs_test", baseUrl: API, pacing: TEST_PACING }), REPO);
  const file = (fields: Record<string, unknown>) => ({
    type: "file",
    name: "README.md",
    path: "README.md",
    sha: "a".repeat(40),
    size: 5,
    url: `${API}/repos/${REPO}/contents/README.md`,
    git_url: null,
    html_url: null,
    download_url: null,
    _links: { self: `${API}/repos/${REPO}/contents/README.md`, git: null, html: null },
    ...fields,
  });
  beforeAll(() => nock.disableNetConnect());
  // Other files may run next in this worker (without isolation) and talk to an emulator on loopback.
  afterAll(() => nock.enableNetConnect());
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });

  it("throws on a file over 100 MB (GitHub's 403 too_large), saying so, rather than reading it as absent", async () => {
    nock(API)
      .get(`/repos/${REPO}/contents/README.md`)
      .reply(403, {
        message: "This API returns blobs up to 100 MB in size.",
        errors: [{ resource: "Blob", field: "data", code: "too_large" }],
      });
    const error = await gateway()
      .readFile("README.md")
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitHubError);
    expect((error as Error).message).toBe(
      "GitHub: read README.md in octocat/portfolio failed (HTTP 403): the file is over 100 MB, which GitHub's API does not serve; syllabot cannot read it, so it leaves it as it is",
    );
  });

  it("throws on an encoding it does not know, and on a blob shorter than the file's size", async () => {
    nock(API)
      .get(`/repos/${REPO}/contents/README.md`)
      .reply(200, file({ content: "hello", encoding: "utf-8" }));
    await expect(gateway().readFile("README.md")).rejects.toThrow(
      /read README\.md in octocat\/portfolio failed: GitHub sent its content encoded as "utf-8"/,
    );
    nock(API)
      .get(`/repos/${REPO}/contents/README.md`)
      .reply(200, file({ content: "", encoding: "none", size: 2_000_000 }))
      .get(`/repos/${REPO}/git/blobs/${"a".repeat(40)}`)
      .reply(200, { sha: "a".repeat(40), size: 2_000_000, content: "aGVsbG8=", encoding: "base64" });
    await expect(gateway().readFile("README.md")).rejects.toThrow(/GitHub sent 5 of its 2000000 bytes/);
  });

  it("commits nothing when a file it must read first cannot be read", async () => {
    // One file to write: read through the contents API, then written there (never, here).
    nock(API)
      .get(`/repos/${REPO}/contents/README.md`)
      .reply(200, file({ content: "", encoding: "none", size: 2_000_000 }))
      .get(`/repos/${REPO}/git/blobs/${"a".repeat(40)}`)
      .reply(403, { message: "too large", errors: [{ resource: "Blob", field: "data", code: "too_large" }] });
    let rendered = false;
    const error = await gateway()
      .commitFiles({
        message: "refresh",
        read: ["README.md"],
        render: () => {
          rendered = true;
          return { "README.md": "only syllabot's region\n" };
        },
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitHubError);
    expect((error as Error).message).toContain("the file is over 100 MB");
    // No write was made: nock would have refused it.
    expect(rendered).toBe(false);
  });
});
