import { describe, expect, it } from "vitest";
import { failure, useEmulator } from "../src/testing/emulator-handle.js";

const api = useEmulator();
const REPO = "octocat/portfolio";
const params = { owner: "octocat", repo: "portfolio" };
const OCTO = { name: "Octo Cat", email: "octo@example.com", date: "2026-03-02T10:00:00Z" };

async function headOf(branch = "main") {
  const ref = await api
    .octokit()
    .request("GET /repos/{owner}/{repo}/git/ref/{ref}", { ...params, ref: `heads/${branch}` });
  return ref.data.object.sha;
}

async function commitOnto(parent: string, path: string, content: string) {
  const octokit = api.octokit();
  const parentCommit = await octokit.request("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", {
    ...params,
    commit_sha: parent,
  });
  const tree = await octokit.request("POST /repos/{owner}/{repo}/git/trees", {
    ...params,
    base_tree: parentCommit.data.tree.sha,
    tree: [{ path, mode: "100644", type: "blob", content }],
  });
  const commit = await octokit.request("POST /repos/{owner}/{repo}/git/commits", {
    ...params,
    message: `add ${path}`,
    tree: tree.data.sha,
    parents: [parent],
  });
  return commit.data.sha;
}

describe("git data", () => {
  it("names objects as git does: the same blob, tree and commit SHAs as `git hash-object` and `git commit-tree`", async () => {
    api.emulator.createRepo(REPO);
    const octokit = api.octokit();
    const blob = await octokit.request("POST /repos/{owner}/{repo}/git/blobs", {
      ...params,
      content: "hello\n",
    });
    expect(blob.data.sha).toBe("ce013625030ba8dba906f756967f9e9ca394464a");
    const empty = await octokit.request("POST /repos/{owner}/{repo}/git/trees", { ...params, tree: [] });
    expect(empty.data.sha).toBe("4b825dc642cb6eb9a060e54bf8d69288fbee4904");
    const tree = await octokit.request("POST /repos/{owner}/{repo}/git/trees", {
      ...params,
      tree: [
        { path: "a.txt", mode: "100644", type: "blob", sha: blob.data.sha },
        { path: "d/b.txt", mode: "100644", type: "blob", content: "x\n" },
      ],
    });
    expect(tree.data.sha).toBe("f0e0f3514c5a1102281e00e1431b0133804f0e51");
    const commit = await octokit.request("POST /repos/{owner}/{repo}/git/commits", {
      ...params,
      message: "first\n",
      tree: tree.data.sha,
      parents: [],
      author: OCTO,
      committer: OCTO,
    });
    expect(commit.data.sha).toBe("b76811be779141523f5ce731feff6499fbfe9fa1");
  });

  it("reads back blobs base64-encoded, and trees flat or recursive", async () => {
    api.emulator.createRepo(REPO);
    api.emulator.addCommit(REPO, { message: "files", files: { "src/main.rs": "fn main() {}\n" } });
    const octokit = api.octokit();
    const head = await octokit.request("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", {
      ...params,
      commit_sha: await headOf(),
    });
    const flat = await octokit.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", {
      ...params,
      tree_sha: head.data.tree.sha,
    });
    expect(flat.data.tree.map((entry) => [entry.path, entry.type])).toEqual([
      ["README.md", "blob"],
      ["src", "tree"],
    ]);
    const deep = await octokit.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", {
      ...params,
      tree_sha: head.data.tree.sha,
      recursive: "1",
    });
    const main = deep.data.tree.find((entry) => entry.path === "src/main.rs");
    const blob = await octokit.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", {
      ...params,
      file_sha: main?.sha ?? "",
    });
    expect(Buffer.from(blob.data.content, "base64").toString()).toBe("fn main() {}\n");
    expect(blob.data.size).toBe(13);
  });

  it("builds a tree on a base tree: adds nested paths, deletes with sha null, drops emptied folders", async () => {
    api.emulator.createRepo(REPO);
    api.emulator.addCommit(REPO, { message: "files", files: { "old/gone.md": "x", "keep.md": "k" } });
    const octokit = api.octokit();
    const head = await octokit.request("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", {
      ...params,
      commit_sha: await headOf(),
    });
    const tree = await octokit.request("POST /repos/{owner}/{repo}/git/trees", {
      ...params,
      base_tree: head.data.tree.sha,
      tree: [
        { path: "old/gone.md", mode: "100644", type: "blob", sha: null },
        { path: "new/deep/file.md", mode: "100644", type: "blob", content: "n" },
      ],
    });
    expect(tree.data.tree.map((entry) => entry.path)).toEqual(["README.md", "keep.md", "new"]);
  });

  it("creates refs, lists matching refs, and fast-forwards a branch", async () => {
    api.emulator.createRepo(REPO);
    const octokit = api.octokit();
    const main = await headOf();
    await octokit.request("POST /repos/{owner}/{repo}/git/refs", {
      ...params,
      ref: "refs/heads/feature/x",
      sha: main,
    });
    const matching = await octokit.request("GET /repos/{owner}/{repo}/git/matching-refs/{ref}", {
      ...params,
      ref: "heads/feature",
    });
    expect(matching.data.map((ref) => ref.ref)).toEqual(["refs/heads/feature/x"]);
    const next = await commitOnto(main, "a.md", "a");
    const moved = await octokit.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
      ...params,
      ref: "heads/feature/x",
      sha: next,
    });
    expect(moved.data.object.sha).toBe(next);
    expect(await headOf("feature/x")).toBe(next);
  });

  it("refuses a non-fast-forward update with 422 'Update is not a fast forward' unless forced", async () => {
    api.emulator.createRepo(REPO);
    const octokit = api.octokit();
    const base = await headOf();
    const ours = await commitOnto(base, "ours.md", "o");
    const theirs = await commitOnto(base, "theirs.md", "t");
    const update = (sha: string, force?: boolean) =>
      octokit.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
        ...params,
        ref: "heads/main",
        sha,
        ...(force === undefined ? {} : { force }),
      });
    await update(ours);
    const refused = await failure(update(theirs));
    expect(refused).toMatchObject({ status: 422, body: { message: "Update is not a fast forward" } });
    expect(await headOf()).toBe(ours);
    const backwards = await failure(update(base));
    expect(backwards.status).toBe(422);
    await update(theirs, true);
    expect(await headOf()).toBe(theirs);
  });

  it("refuses an existing ref, a ref to nothing, and git writes to an empty repository", async () => {
    api.emulator.createRepo(REPO);
    const octokit = api.octokit();
    const main = await headOf();
    const exists = await failure(
      octokit.request("POST /repos/{owner}/{repo}/git/refs", {
        ...params,
        ref: "refs/heads/main",
        sha: main,
      }),
    );
    expect(exists).toMatchObject({ status: 422, body: { message: "Reference already exists" } });
    const nothing = await failure(
      octokit.request("POST /repos/{owner}/{repo}/git/refs", {
        ...params,
        ref: "refs/heads/x",
        sha: "1".repeat(40),
      }),
    );
    expect(nothing.status).toBe(422);
    await octokit.request("POST /user/repos", { name: "empty" });
    const empty = await failure(
      octokit.request("POST /repos/{owner}/{repo}/git/blobs", {
        owner: "octocat",
        repo: "empty",
        content: "x",
      }),
    );
    expect(empty).toMatchObject({ status: 409, body: { message: "Git Repository is empty." } });
  });

  it("answers unknown objects and refs with 404", async () => {
    api.emulator.createRepo(REPO);
    const octokit = api.octokit();
    const sha = "2".repeat(40);
    expect(
      (
        await failure(
          octokit.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", { ...params, file_sha: sha }),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await failure(
          octokit.request("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", {
            ...params,
            commit_sha: sha,
          }),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await failure(
          octokit.request("GET /repos/{owner}/{repo}/git/ref/{ref}", { ...params, ref: "heads/nope" }),
        )
      ).status,
    ).toBe(404);
  });

  it("answers the legacy refs endpoint as api.github.com does: a ref, the refs a prefix matches, or 404", async () => {
    api.emulator.createRepo(REPO);
    const main = await headOf();
    const octokit = api.octokit();
    for (const ref of ["refs/heads/feature-a", "refs/heads/feature-b", "refs/tags/v1"])
      await octokit.request("POST /repos/{owner}/{repo}/git/refs", { ...params, ref, sha: main });
    const names = (data: unknown) => (data as { ref: string }[]).map((ref) => ref.ref);
    const all = await octokit.request("GET /repos/{owner}/{repo}/git/refs", params);
    expect(names(all.data)).toEqual([
      "refs/heads/feature-a",
      "refs/heads/feature-b",
      "refs/heads/main",
      "refs/tags/v1",
    ]);
    const heads = await octokit.request("GET /repos/{owner}/{repo}/git/refs/{ref}", {
      ...params,
      ref: "heads",
    });
    expect(names(heads.data)).toEqual(["refs/heads/feature-a", "refs/heads/feature-b", "refs/heads/main"]);
    // An exact name answers the ref object itself, not an array.
    const single = await api.fetch(`/repos/${REPO}/git/refs/heads/main`);
    expect(await single.json()).toMatchObject({
      ref: "refs/heads/main",
      object: { type: "commit", sha: main },
    });
    // Octokit sends the slash of `{ref}` encoded (`heads%2Fmain`); the answer is the same.
    const encoded = await octokit.request("GET /repos/{owner}/{repo}/git/refs/{ref}", {
      ...params,
      ref: "heads/main",
    });
    expect(encoded.data).toMatchObject({ ref: "refs/heads/main" });
    // A name that is no ref but begins others answers those, as an array.
    const prefix = await api.fetch(`/repos/${REPO}/git/refs/heads/feature`);
    expect(names(await prefix.json())).toEqual(["refs/heads/feature-a", "refs/heads/feature-b"]);
    expect((await api.fetch(`/repos/${REPO}/git/refs/heads/nope`)).status).toBe(404);
  });

  it("deletes a ref with 204, and answers 422 Reference does not exist for a missing one", async () => {
    api.emulator.createRepo(REPO);
    const octokit = api.octokit();
    await octokit.request("POST /repos/{owner}/{repo}/git/refs", {
      ...params,
      ref: "refs/heads/topic",
      sha: await headOf(),
    });
    const deleted = await octokit.request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", {
      ...params,
      ref: "heads/topic",
    });
    expect(deleted.status).toBe(204);
    const gone = await failure(
      octokit.request("GET /repos/{owner}/{repo}/git/ref/{ref}", { ...params, ref: "heads/topic" }),
    );
    expect(gone.status).toBe(404);
    const again = await failure(
      octokit.request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", { ...params, ref: "heads/topic" }),
    );
    expect(again).toMatchObject({ status: 422, body: { message: "Reference does not exist" } });
    expect(await headOf()).toMatch(/^[0-9a-f]{40}$/);
  });
});
