import { notFound } from "../errors.js";
import { paginate } from "../pagination.js";
import {
  isPull,
  type PullIssue,
  presentPull,
  presentPullFiles,
  presentPullSimple,
} from "../present/pulls.js";
import { type ApiRequest, ok, param, type RouteDefinition } from "../route.js";
import type { RepoRecord } from "../state.js";
import { sortIssues } from "./issues.js";
import { repoOf } from "./repos.js";

/** GitHub lists at most this many files of a pull request. */
const MAX_PULL_FILES = 3000;

function pullOf(request: ApiRequest, repo: RepoRecord): PullIssue {
  const number = Number(param(request, "pull_number"));
  const issue = repo.issues.find((candidate) => candidate.number === number);
  if (!issue || !isPull(issue)) throw notFound();
  return issue;
}

export const pullRoutes: RouteDefinition[] = [
  {
    method: "GET",
    path: "/repos/:owner/:repo/pulls",
    operationId: "pulls/list",
    handle(request) {
      const { store, urls } = request.context;
      const repo = repoOf(request);
      const state = request.query.get("state") ?? "open";
      const head = request.query.get("head");
      const base = request.query.get("base");
      const pulls = repo.issues
        .filter(isPull)
        .filter(
          (issue) =>
            (state === "all" || issue.state === state) &&
            (!head || `${issue.author}:${issue.pull.headRef}`.toLowerCase() === head.toLowerCase()) &&
            (!base || issue.pull.baseRef === base),
        );
      const sorted = sortIssues(request, repo, pulls) as PullIssue[];
      const page = paginate(request, sorted);
      return ok(
        page.items.map((issue) => presentPullSimple(repo, issue, store, urls)),
        page.headers,
      );
    },
  },
  {
    method: "GET",
    path: "/repos/:owner/:repo/pulls/:pull_number",
    operationId: "pulls/get",
    handle(request) {
      const repo = repoOf(request);
      return ok(presentPull(repo, pullOf(request, repo), request.context.store, request.context.urls));
    },
  },
  {
    method: "GET",
    path: "/repos/:owner/:repo/pulls/:pull_number/files",
    operationId: "pulls/list-files",
    handle(request) {
      const repo = repoOf(request);
      const files = presentPullFiles(repo, pullOf(request, repo), request.context.urls);
      const page = paginate(request, files, MAX_PULL_FILES);
      return ok(page.items, page.headers);
    },
  },
];
