import { describe, expect, it } from "vitest";
import {
  closingComment,
  closingDecision,
  evidenceVerdict,
  isLearnersCommit,
  ownCommitMessage,
  pastClosings,
} from "../../src/progress/evidence.js";

const commit = (sha: string, timestamp = "2026-03-05T10:00:00Z") => ({
  sha,
  message: "closes week 5\n\nbody",
  repo: "octocat/csvq",
  url: `https://github.com/octocat/csvq/commit/${sha}`,
  timestamp,
  authorLogin: "octocat",
  authorEmail: "octocat@github.com",
});

describe("evidence from commits", () => {
  it("counts the learner's commits by login or configured email, case-insensitively", () => {
    const config = { learner: "OctoCat", emails: ["me@example.com"] };
    expect(isLearnersCommit(commit("a"), config)).toBe(true);
    expect(
      isLearnersCommit({ ...commit("a"), authorLogin: null, authorEmail: "ME@example.com" }, config),
    ).toBe(true);
    expect(isLearnersCommit({ ...commit("a"), authorLogin: "someone", authorEmail: "x@y.z" }, config)).toBe(
      false,
    );
  });

  it("never counts syllabot's own commits, though their author is the learner in their own repository", () => {
    const config = { learner: "octocat", emails: [], trusted_repos: [] };
    const own = (message: string) => evidenceVerdict({ ...commit("a"), message }, config);
    expect(own("closes week 5").counts).toBe(true);
    expect(own(ownCommitMessage("docs: done week 5, refresh progress", "refresh"))).toEqual({
      counts: false,
    });
    expect(own(ownCommitMessage("syllabot: record progress", "ledger")).counts).toBe(false);
    // Written before syllabot marked its commits.
    expect(own("docs: refresh progress (syllabot)").counts).toBe(false);
    expect(own("syllabot: record progress\n").counts).toBe(false);
    // The trailer is a line of its own; the words in prose are the learner's to write.
    expect(own("closes week 5: why Syllabot-Commit: lines matter").counts).toBe(true);
  });

  it("links the commit in a comment that records it, without live mentions", () => {
    const body = closingComment({ ...commit("abcdef1234567"), message: "fix @octocat's #12 [x](y)" });
    expect(body).toContain("<!-- syllabot:closed-by=abcdef1234567 -->");
    expect(body).toContain("[`abcdef1`](https://github.com/octocat/csvq/commit/abcdef1234567)");
    expect(body).not.toMatch(/@[a-z]|#\d|\[x\]/);
    expect(pastClosings([{ body, created_at: "2026-03-05T11:00:00Z" }])).toEqual([
      { sha: "abcdef1234567", at: "2026-03-05T11:00:00Z" },
    ]);
  });

  it.each([
    { name: "an open issue no commit closed", state: "open", closings: [], sha: "b", expected: "close" },
    {
      name: "the same commit again",
      state: "open",
      closings: [{ sha: "b", at: "2026-03-06T00:00:00Z" }],
      sha: "b",
      expected: "none",
    },
    {
      name: "a reopened issue and an older commit",
      state: "open",
      closings: [{ sha: "a", at: "2026-03-06T00:00:00Z" }],
      sha: "b",
      expected: "none",
    },
    {
      name: "a reopened issue and a newer commit",
      state: "open",
      closings: [{ sha: "a", at: "2026-03-04T00:00:00Z" }],
      sha: "b",
      expected: "close",
    },
    { name: "an issue closed by hand", state: "closed", closings: [], sha: "b", expected: "annotate" },
    {
      name: "a closed issue already linked",
      state: "closed",
      closings: [{ sha: "a", at: "2026-03-04T00:00:00Z" }],
      sha: "b",
      expected: "none",
    },
  ])("decides $expected for $name", ({ state, closings, sha, expected }) => {
    expect(closingDecision({ state }, closings, commit(sha))).toBe(expected);
  });
});
