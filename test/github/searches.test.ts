import { Emulator } from "@syllabot/github-emulator";
import { validateAgainstOpenApi } from "@syllabot/github-emulator/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_SEARCH_QUERY_LENGTH, repositoryQueries } from "../../src/github/search-queries.js";
import { emulatedGateway, PINNED } from "../helpers/emulated-github.js";

/**
 * Searches over many target repositories, against the emulator, which refuses a query over 256
 * characters as GitHub does (422). Repository names are 16 characters ("org-007/repo-007"), so a
 * `repo:` qualifier and its space take 22: the request counts below follow from the queries' fixed
 * terms and GitHub's limit.
 */

let emulator: Emulator;
beforeEach(async () => {
  emulator = await Emulator.start(PINNED("2026-11-24T04:00:00Z"));
  emulator.createRepo("octocat/portfolio");
});
afterEach(async () => {
  await emulator.close();
  expect(validateAgainstOpenApi(emulator.log)).toEqual([]);
});

const gateway = () => emulatedGateway(emulator, "octocat/portfolio");
const name = (index: number) =>
  `org-${String(index).padStart(3, "0")}/repo-${String(index).padStart(3, "0")}`;

/** `count` repositories, each with a merged pull request and an issue of the learner's, and one for newcomers. */
function targets(count: number): string[] {
  const repos = Array.from({ length: count }, (_, index) => name(index));
  repos.forEach((repo, index) => {
    emulator.createRepo(repo);
    const day = `2026-0${1 + (index % 9)}-${String(1 + (index % 28)).padStart(2, "0")}T10:00:00Z`;
    emulator.addPullRequest(repo, {
      title: `Fix ${index}`,
      author: "octocat",
      state: "merged",
      createdAt: day,
      mergedAt: day,
    });
    emulator.addIssue(repo, { title: `Question ${index}`, author: "octocat", createdAt: day });
    emulator.addIssue(repo, {
      title: `Starter ${index}`,
      author: "maintainer",
      createdAt: day,
      labels: ["good first issue"],
    });
  });
  return repos;
}

const searches = () => {
  const queries = emulator.log
    .filter((entry) => entry.operationId === "search/issues-and-pull-requests")
    .map((entry) => String(entry.query.q));
  for (const q of queries) expect(q.length).toBeLessThanOrEqual(MAX_SEARCH_QUERY_LENGTH);
  return queries.length;
};

describe("searches over many repositories", () => {
  it.each([
    { count: 3, merged: 1, engaged: 1, newcomers: 1 },
    { count: 30, merged: 3, engaged: 4, newcomers: 4 },
    { count: 300, merged: 30, engaged: 34, newcomers: 38 },
  ])(
    "$count repositories: $merged, $engaged and $newcomers requests, every result found once",
    async ({ count, merged, engaged, newcomers }) => {
      const repos = targets(count);
      const found = await gateway().searchMergedPullRequests("octocat", repos);
      expect(found.incomplete).toBe(false);
      expect(found.prs).toHaveLength(count);
      expect(new Set(found.prs.map((pr) => pr.repo))).toEqual(new Set(repos));
      expect(searches()).toBe(merged);

      emulator.log.length = 0;
      const issues = await gateway().searchEngagedIssues("octocat", repos, "2026-01-01");
      expect(issues.map((issue) => issue.title).sort()).toEqual(
        repos.map((_, index) => `Question ${index}`).sort(),
      );
      expect(searches()).toBe(engaged);

      emulator.log.length = 0;
      const starters = await gateway().searchNewcomerIssues(repos, 5);
      expect(searches()).toBe(newcomers);
      // The five most recently updated across every query, not the first five of the first one.
      const newest = repos
        .map((repo, index) => ({
          repo,
          index,
          day: `2026-0${1 + (index % 9)}-${String(1 + (index % 28)).padStart(2, "0")}`,
        }))
        .sort((a, b) => b.day.localeCompare(a.day) || b.index - a.index)
        .slice(0, 5);
      expect(starters).toHaveLength(Math.min(5, count));
      expect(starters.map((issue) => issue.repo).sort()).toEqual(newest.map((entry) => entry.repo).sort());
    },
    120_000,
  );

  it("says a search was incomplete when any one of its queries was", async () => {
    const repos = targets(30);
    emulator.faults.next("incomplete-search", { operationId: "search/issues-and-pull-requests" });
    const found = await gateway().searchMergedPullRequests("octocat", repos);
    expect(found.incomplete).toBe(true);
  });
});

describe("splitting a search into queries", () => {
  it("packs repo: qualifiers into as few queries as fit, each repository once, whatever its case", () => {
    const repos = ["a/b", "A/B", "tikv/tikv", "qdrant/qdrant", "vectordotdev/vector"];
    expect(repositoryQueries(["is:pr"], repos)).toEqual([
      "is:pr repo:vectordotdev/vector repo:qdrant/qdrant repo:tikv/tikv repo:A/B",
    ]);
    const long = Array.from({ length: 5 }, (_, index) => `owner${index}/${"x".repeat(80)}`);
    const queries = repositoryQueries(["is:pr", "author:octocat"], long);
    expect(queries).toHaveLength(3);
    for (const query of queries) expect(query.length).toBeLessThanOrEqual(256);
    expect(queries.join(" ").match(/repo:/g)).toHaveLength(5);
    expect(repositoryQueries(["is:pr"], [])).toEqual([]);
  });
});
