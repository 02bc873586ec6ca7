import type { PullRequestEvidence } from "../../progress/oss.js";
import { github } from "../errors.js";
import type { EngagedIssue } from "../gateway.js";
import { repositoryQueries } from "../search-queries.js";
import type { Repository } from "./context.js";

/**
 * The searches syllabot makes in the learner's target repositories. A query names each repository
 * with `repo:`, and GitHub refuses a query over 256 characters, so each search is split into as few
 * queries as fit (see repositoryQueries) and the answers merged: deduplicated by URL, `incomplete`
 * if any page said so. Each query costs at least one request of the search rate limit (30 a minute).
 */

const PAGE = 100;

/** The learner's merged pull requests in `repos`, one search per query that fits, merged. */
export async function searchMergedPullRequests(
  { client, repo }: Repository,
  login: string,
  repos: readonly string[],
): Promise<{ prs: PullRequestEvidence[]; incomplete: boolean }> {
  const queries = repositoryQueries(["is:pr", "is:merged", `author:${login}`], repos);
  return github(repo, "search the learner's merged pull requests", async () => {
    const found = new Map<string, PullRequestEvidence>();
    let incomplete = false;
    for (const q of queries) {
      const pages = client.paginate.iterator(client.rest.search.issuesAndPullRequests, { q, per_page: PAGE });
      for await (const { data: items } of pages) {
        // The pagination plugin turns a search page into its items, and keeps the flag on the array.
        if ("incomplete_results" in items && items.incomplete_results) incomplete = true;
        for (const item of items) {
          const mergedAt = item.pull_request?.merged_at;
          if (!mergedAt) continue;
          found.set(item.html_url, {
            repo: repositoryOf(item.repository_url),
            number: item.number,
            title: item.title,
            url: item.html_url,
            mergedAt,
            labels: item.labels.map((label) => (typeof label === "string" ? label : (label.name ?? ""))),
          });
        }
      }
    }
    return { prs: [...found.values()], incomplete };
  });
}

/** The issues in `repos` the learner took part in, updated since `since`. */
export async function searchEngagedIssues(
  { client, repo }: Repository,
  login: string,
  repos: readonly string[],
  since: string,
): Promise<EngagedIssue[]> {
  const queries = repositoryQueries(["is:issue", `involves:${login}`, `updated:>=${since}`], repos);
  const found = new Map<string, EngagedIssue>();
  for (const q of queries) {
    const items = await github(repo, "search the issues the learner took part in", () =>
      client.paginate(client.rest.search.issuesAndPullRequests, { q, per_page: PAGE }),
    );
    for (const item of items) {
      if (item.pull_request !== undefined) continue;
      found.set(item.html_url, {
        repo: repositoryOf(item.repository_url),
        number: item.number,
        title: item.title,
        url: item.html_url,
        ...(item.user ? { author: item.user.login } : {}),
        createdAt: item.created_at,
        updatedAt: item.updated_at,
        comments: item.comments,
      });
    }
  }
  return [...found.values()];
}

/** The `limit` most recently updated open issues for newcomers across `repos`, however many queries that takes. */
export async function searchNewcomerIssues(
  { client, repo }: Repository,
  repos: readonly string[],
  limit: number,
): Promise<{ repo: string; number: number; title: string; url: string }[]> {
  const queries = repositoryQueries(
    ["is:issue", "is:open", "no:assignee", 'label:"good first issue","help wanted"'],
    repos,
  );
  const found = new Map<
    string,
    { repo: string; number: number; title: string; url: string; updatedAt: string }
  >();
  for (const q of queries) {
    const { data } = await github(repo, "search issues for newcomers", () =>
      client.rest.search.issuesAndPullRequests({ q, sort: "updated", order: "desc", per_page: limit }),
    );
    for (const item of data.items.slice(0, limit))
      found.set(item.html_url, {
        repo: repositoryOf(item.repository_url),
        number: item.number,
        title: item.title,
        url: item.html_url,
        updatedAt: item.updated_at,
      });
  }
  return [...found.values()]
    .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))
    .slice(0, limit)
    .map(({ updatedAt: _updatedAt, ...issue }) => issue);
}

function repositoryOf(repositoryUrl: string): string {
  return repositoryUrl.replace(/^.*\/repos\//, "");
}
