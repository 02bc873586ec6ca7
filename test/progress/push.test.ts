import { describe, expect, it } from "vitest";
import { type PushedCommit, pushEvidence, untrackedPush } from "../../src/progress/push.js";

const repository = { full_name: "octocat/csvq", default_branch: "main" };

describe("untrackedPush", () => {
  it("tracks a push to the default branch only", () => {
    expect(untrackedPush({ ref: "refs/heads/main", repository })).toBeUndefined();
    expect(untrackedPush({ ref: "refs/heads/main", deleted: false, repository })).toBeUndefined();
    expect(untrackedPush({ ref: "refs/heads/main", deleted: true, repository })).toBe(
      "the push deleted refs/heads/main",
    );
    expect(untrackedPush({ ref: "refs/tags/v1.0", repository })).toBe("the push is of the tag v1.0");
    expect(untrackedPush({ ref: "refs/heads/feature/x", repository })).toBe(
      "the push is to feature/x, not to the default branch main (its commits count when they reach main)",
    );
    // A branch named like the default one elsewhere in the ref is not the default branch.
    expect(untrackedPush({ ref: "refs/heads/main2", repository })).toMatch(/^the push is to main2,/);
    expect(untrackedPush({ ref: "refs/heads/main", repository: { full_name: "octocat/csvq" } })).toBe(
      "the event does not name octocat/csvq's default branch",
    );
  });
});

describe("pushEvidence", () => {
  it("takes the logins GitHub attributes, and every file added, modified or removed", () => {
    const commit: PushedCommit = {
      id: "a".repeat(40),
      message: "closes week 5",
      url: "https://github.com/octocat/csvq/commit/aaaa",
      timestamp: "2026-03-05T10:00:00+05:30",
      author: { username: "octocat", email: "octocat@github.com" },
      committer: { username: "web-flow" },
      added: ["a.rs"],
      modified: ["b.rs"],
      removed: null,
    };
    expect(pushEvidence("octocat/csvq", [commit, { ...commit, author: {}, committer: {} }])).toEqual([
      {
        sha: commit.id,
        message: "closes week 5",
        repo: "octocat/csvq",
        url: commit.url,
        timestamp: commit.timestamp,
        authorLogin: "octocat",
        authorEmail: "octocat@github.com",
        committerLogin: "web-flow",
        files: ["a.rs", "b.rs"],
      },
      expect.objectContaining({ authorLogin: null, authorEmail: null, committerLogin: null }),
    ]);
  });
});
