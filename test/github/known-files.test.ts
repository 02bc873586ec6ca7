import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { gitBlobSha, KnownFiles, knownFilesOf } from "../../src/github/known-files.js";

describe("files known by blob SHA", () => {
  it("names a text by the SHA git gives it", () => {
    // `git hash-object` of the same bytes, as GitHub's trees name blobs.
    const text = "# Progress — week 3 ✓\n";
    const git = execFileSync("git", ["hash-object", "--stdin"], { input: text }).toString().trim();
    expect(gitBlobSha(text)).toBe(git);
  });

  it("knows a path's last blob, case-blind on the repository, until told to forget it", () => {
    const known = new KnownFiles();
    const sha = known.learn("a\n", { repo: "Octocat/Portfolio", path: "README.md" });
    expect(known.latest("octocat/portfolio", "README.md")).toEqual({ sha, text: "a\n" });
    expect(known.latest("octocat/portfolio", "readme.md")).toBeUndefined();
    expect(known.text(sha)).toBe("a\n");
    known.forget("octocat/portfolio", "README.md");
    expect(known.latest("octocat/portfolio", "README.md")).toBeUndefined();
    // The blob is still a fact: only where it was seen is forgotten.
    expect(known.text(sha)).toBe("a\n");
  });

  it("keeps at most its bytes, dropping the least recently used, and never one file too large", () => {
    const known = new KnownFiles(30);
    const first = known.learn("x".repeat(10));
    const second = known.learn("y".repeat(10));
    expect(known.text(first)).toBeDefined();
    const third = known.learn("z".repeat(15));
    expect([known.text(first), known.text(second), known.text(third)].map(Boolean)).toEqual([
      true,
      false,
      true,
    ]);
    const huge = known.learn("h".repeat(600 * 1024), { repo: "o/r", path: "big.txt" });
    expect(known.text(huge)).toBeUndefined();
    expect(known.latest("o/r", "big.txt")).toBeUndefined();
  });

  it("is one store per client, unless the client carries its installation's", () => {
    const client = {};
    expect(knownFilesOf(client)).toBe(knownFilesOf(client));
    expect(knownFilesOf({})).not.toBe(knownFilesOf(client));
    const carried = new KnownFiles();
    expect(knownFilesOf({ knownFiles: carried })).toBe(carried);
  });
});
