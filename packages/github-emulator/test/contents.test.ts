import { describe, expect, it } from "vitest";
import { failure, useEmulator } from "../src/testing/emulator-handle.js";

const api = useEmulator();
const REPO = "octocat/portfolio";
const params = { owner: "octocat", repo: "portfolio" };
const base64 = (text: string) => Buffer.from(text).toString("base64");

function put(path: string, text: string, extra: { sha?: string; branch?: string } = {}) {
  return api.octokit().request("PUT /repos/{owner}/{repo}/contents/{path}", {
    ...params,
    path,
    message: `write ${path}`,
    content: base64(text),
    ...extra,
  });
}

function get(path: string, ref?: string) {
  return api
    .octokit()
    .request("GET /repos/{owner}/{repo}/contents/{path}", { ...params, path, ...(ref ? { ref } : {}) });
}

function fileOf(data: unknown): { content: string; sha: string; type: string; encoding: string } {
  return data as { content: string; sha: string; type: string; encoding: string };
}

describe("contents", () => {
  it("creates a file (201), then serves it base64-encoded with its blob sha", async () => {
    api.emulator.createRepo(REPO);
    const created = await put("progress/README.md", "# Progress\n");
    expect(created.status).toBe(201);
    const read = fileOf((await get("progress/README.md")).data);
    expect(read.type).toBe("file");
    expect(read.encoding).toBe("base64");
    expect(Buffer.from(read.content, "base64").toString()).toBe("# Progress\n");
    expect(read.sha).toBe(created.data.content?.sha);
    expect(created.data.commit.message).toBe("write progress/README.md");
  });

  it("updates a file given its current sha (200), moving the branch by one commit", async () => {
    api.emulator.createRepo(REPO);
    const first = await put("README.md", "one\n", { sha: fileOf((await get("README.md")).data).sha });
    const second = await put("README.md", "two\n", { sha: first.data.content?.sha ?? "" });
    expect(second.status).toBe(200);
    expect(second.data.commit.parents?.[0]?.sha).toBe(first.data.commit.sha);
    expect(Buffer.from(fileOf((await get("README.md")).data).content, "base64").toString()).toBe("two\n");
  });

  it("refuses an update without sha with 422, and with a stale sha with 409 'does not match'", async () => {
    api.emulator.createRepo(REPO);
    const missing = await failure(put("README.md", "x"));
    expect(missing.status).toBe(422);
    expect(JSON.stringify(missing.body)).toContain('\\"sha\\" wasn\'t supplied');
    const stale = await failure(put("README.md", "x", { sha: "0".repeat(40) }));
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ message: `README.md does not match ${"0".repeat(40)}` });
  });

  it("writes to another branch, created from the default branch, leaving the default branch alone", async () => {
    api.emulator.createRepo(REPO);
    api.emulator.addCommit(REPO, { branch: "progress", message: "start", files: { "a.md": "a" } });
    await put("b.md", "b", { branch: "progress" });
    expect((await get("b.md", "progress")).status).toBe(200);
    expect((await failure(get("b.md"))).status).toBe(404);
  });

  it("lists the root directory", async () => {
    api.emulator.createRepo(REPO);
    const listed = (await get("")).data as { name: string; type: string }[];
    expect(listed.map(({ name, type }) => ({ name, type }))).toEqual([{ name: "README.md", type: "file" }]);
  });

  it("lists a directory", async () => {
    api.emulator.createRepo(REPO);
    api.emulator.addCommit(REPO, { message: "files", files: { "docs/a.md": "a", "docs/sub/b.md": "b" } });
    const listed = (await get("docs")).data as { name: string; type: string; path: string }[];
    expect(listed.map(({ name, type, path }) => ({ name, type, path }))).toEqual([
      { name: "a.md", type: "file", path: "docs/a.md" },
      { name: "sub", type: "dir", path: "docs/sub" },
    ]);
  });

  it("answers a missing path with 404 and an empty repository with 404 'This repository is empty.'", async () => {
    api.emulator.createRepo(REPO);
    expect((await failure(get("nope.md"))).status).toBe(404);
    await api.octokit().request("POST /user/repos", { name: "empty" });
    const empty = await failure(
      api
        .octokit()
        .request("GET /repos/{owner}/{repo}/contents/{path}", { owner: "octocat", repo: "empty", path: "x" }),
    );
    expect(empty).toMatchObject({ status: 404, body: { message: "This repository is empty." } });
  });

  it("starts the history of an empty repository with the first file written", async () => {
    await api.octokit().request("POST /user/repos", { name: "portfolio" });
    const created = await put("README.md", "# Hello\n");
    expect(created.status).toBe(201);
    expect(created.data.commit.parents).toEqual([]);
  });
});

describe("contents over GitHub's size limits", () => {
  const MiB = 1024 * 1024;
  const blobOf = (sha: string) =>
    api.octokit().request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", { ...params, file_sha: sha });

  it("serves a file of exactly 1 MiB inline, and one byte more with empty content and encoding none", async () => {
    api.emulator.createRepo(REPO);
    const exact = "a".repeat(MiB);
    const over = `${"b".repeat(MiB)}!`;
    api.emulator.addCommit(REPO, { message: "big", files: { "exact.md": exact, "over.md": over } });
    const inline = fileOf((await get("exact.md")).data);
    expect(inline.encoding).toBe("base64");
    expect(Buffer.from(inline.content, "base64").toString()).toBe(exact);
    const large = fileOf((await get("over.md")).data) as ReturnType<typeof fileOf> & { size: number };
    expect(large).toMatchObject({ content: "", encoding: "none", size: MiB + 1 });
    // The blob API serves it whole, base64.
    const blob = (await blobOf(large.sha)).data;
    expect(blob.encoding).toBe("base64");
    expect(blob.size).toBe(MiB + 1);
    expect(Buffer.from(blob.content, "base64").toString()).toBe(over);
  });

  it("sends the bytes themselves with the raw media type, through the contents and the blob API", async () => {
    api.emulator.createRepo(REPO);
    const over = `${"é".repeat(MiB / 2)}!`;
    api.emulator.addCommit(REPO, { message: "big", files: { "over.md": over } });
    const raw = await api.fetch(`/repos/${REPO}/contents/over.md`, {
      headers: { accept: "application/vnd.github.raw+json" },
    });
    expect(raw.status).toBe(200);
    expect(raw.headers.get("content-type")).toBe("application/vnd.github.raw; charset=utf-8");
    expect(await raw.text()).toBe(over);
    const sha = fileOf((await get("over.md")).data).sha;
    const rawBlob = await api.fetch(`/repos/${REPO}/git/blobs/${sha}`, {
      headers: { accept: "application/vnd.github.raw" },
    });
    expect(await rawBlob.text()).toBe(over);
  });

  it("refuses a file over 100 MiB with 403 too_large, through the contents and the blob API", {
    timeout: 120_000,
  }, async () => {
    api.emulator.createRepo(REPO);
    api.emulator.addCommit(REPO, { message: "huge", files: { "huge.bin": "z".repeat(100 * MiB + 1) } });
    const refused = await failure(get("huge.bin"));
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      errors: [{ resource: "Blob", field: "data", code: "too_large" }],
    });
    const listing = (await get("")).data as { name: string; sha: string; size: number }[];
    const huge = listing.find((item) => item.name === "huge.bin");
    expect(huge?.size).toBe(100 * MiB + 1);
    expect((await failure(blobOf(huge?.sha ?? ""))).status).toBe(403);
  });
});

describe("the contents API's custom media types", () => {
  const DIV = '<div id="file" class="Box-body readme blob js-code-block-container p-5 p-xl-6">';
  const ARTICLE = '<article class="markdown-body entry-content container-lg" itemprop="text">';

  it("answers a file's bytes to every spelling of the raw media type, naming the type asked for", async () => {
    api.emulator.createRepo(REPO);
    api.emulator.addCommit(REPO, {
      message: "config",
      files: { ".github/syllabot.yml": "start: 2026-03-02\n" },
    });
    for (const [accept, contentType] of [
      ["application/vnd.github.raw", "application/vnd.github.raw; charset=utf-8"] as const,
      ["application/vnd.github.raw+json", "application/vnd.github.raw; charset=utf-8"],
      ["application/vnd.github.v3.raw", "application/vnd.github.v3.raw; charset=utf-8"],
    ]) {
      const response = await api.fetch(`/repos/${REPO}/contents/.github/syllabot.yml`, {
        headers: { accept },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe(contentType);
      expect(response.headers.get("x-github-media-type")).toBe("github.v3; param=raw");
      expect(await response.text()).toBe("start: 2026-03-02\n");
    }
  });

  it("gives Octokit's raw format (as @probot/octokit-plugin-config asks) the file's text", async () => {
    api.emulator.createRepo(REPO);
    api.emulator.addCommit(REPO, {
      message: "config",
      files: { ".github/syllabot.yml": "start: 2026-03-02\n" },
    });
    const raw = await api.octokit().request("GET /repos/{owner}/{repo}/contents/{path}", {
      ...params,
      path: ".github/syllabot.yml",
      mediaType: { format: "raw" },
    });
    expect(raw.data).toBe("start: 2026-03-02\n");
  });

  it("answers Markdown rendered as HTML in GitHub's file wrapper, and any other file escaped", async () => {
    api.emulator.createRepo(REPO);
    api.emulator.addCommit(REPO, {
      message: "docs",
      files: { "docs/week.md": "# Week 1\n\n- [x] read *chapter 1*\n", "a.txt": "x < y & z\n" },
    });
    for (const accept of ["application/vnd.github.html", "application/vnd.github.html+json"]) {
      const response = await api.fetch(`/repos/${REPO}/contents/docs/week.md`, { headers: { accept } });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/vnd.github.html; charset=utf-8");
      const html = await response.text();
      expect(html.startsWith(`${DIV}${ARTICLE}`)).toBe(true);
      expect(html.endsWith("</article></div>")).toBe(true);
      expect(html).toContain("<h1>Week 1</h1>");
      expect(html).toContain("<em>chapter 1</em>");
    }
    const text = await api.fetch(`/repos/${REPO}/contents/a.txt`, {
      headers: { accept: "application/vnd.github.v3.html" },
    });
    expect(text.headers.get("content-type")).toBe("application/vnd.github.v3.html; charset=utf-8");
    expect(await text.text()).toContain("<pre>x &#60; y &#38; z\n</pre>");
  });

  it("answers a directory as one object with its entries to the object media type", async () => {
    api.emulator.createRepo(REPO);
    api.emulator.addCommit(REPO, { message: "docs", files: { "docs/a.md": "a\n", "docs/b/c.md": "c\n" } });
    const octokit = api.octokit();
    const listed = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
      ...params,
      path: "docs",
    });
    const object = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
      ...params,
      path: "docs",
      headers: { accept: "application/vnd.github.object+json" },
    });
    expect(object.headers["x-github-media-type"]).toBe("github.v3; param=object; format=json");
    const dir = object.data as unknown as { type: string; name: string; path: string; entries: unknown[] };
    expect(dir).toMatchObject({ type: "dir", name: "docs", path: "docs", size: 0 });
    expect(dir.entries).toEqual(listed.data);
    expect(
      (dir.entries as { type: string; name: string }[]).map(({ type, name }) => `${type} ${name}`),
    ).toEqual(["file a.md", "dir b"]);
    // A file is the same object either way.
    const file = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
      ...params,
      path: "docs/a.md",
      headers: { accept: "application/vnd.github.object" },
    });
    expect(file.data).toEqual((await get("docs/a.md")).data);
  });

  it("answers a directory asked raw or HTML with its JSON listing: those media types are for files", async () => {
    api.emulator.createRepo(REPO);
    api.emulator.addCommit(REPO, { message: "docs", files: { "docs/a.md": "a\n" } });
    for (const accept of ["application/vnd.github.raw", "application/vnd.github.html"]) {
      const response = await api.fetch(`/repos/${REPO}/contents/docs`, { headers: { accept } });
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(((await response.json()) as { name: string }[]).map((item) => item.name)).toEqual(["a.md"]);
    }
  });
});
