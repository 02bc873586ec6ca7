import { apiError, conflict, notFound } from "../errors.js";
import { diffTrees } from "../git/diff.js";
import { type CommitWithSha, history } from "../git/history.js";
import type { GitObjects } from "../git/objects.js";
import { entryAt } from "../git/trees.js";
import { linkHeader, pageRequest, paginate } from "../pagination.js";
import { presentRestCommit } from "../present/git.js";
import { parseTimestamp } from "../quirks.js";
import { type ApiRequest, ok, param, type RouteDefinition } from "../route.js";
import type { GitSignature } from "../state.js";
import type { Store } from "../store.js";
import { repoOf } from "./repos.js";

/** Whether a commit signature belongs to `who`: a login (through the account's emails) or an email. */
function signedBy(store: Store, signature: GitSignature, who: string): boolean {
  if (who.includes("@")) return signature.email.toLowerCase() === who.toLowerCase();
  return store.userByEmail(signature.email)?.login.toLowerCase() === who.toLowerCase();
}

function touches(objects: GitObjects, { commit }: CommitWithSha, path: string): boolean {
  const parentTree = commit.parents[0] === undefined ? undefined : objects.commit(commit.parents[0])?.tree;
  const before = parentTree === undefined ? undefined : entryAt(objects, parentTree, path)?.sha;
  return entryAt(objects, commit.tree, path)?.sha !== before;
}

function commitFilter(request: ApiRequest, objects: GitObjects): (entry: CommitWithSha) => boolean {
  const { store } = request.context;
  const query = request.query;
  const time = (name: string) => {
    const text = query.get(name);
    return text === null ? undefined : parseTimestamp(text);
  };
  const since = time("since");
  const until = time("until");
  const author = query.get("author");
  const committer = query.get("committer");
  const path = query.get("path")?.replace(/^\/+|\/+$/g, "");
  return (entry) => {
    const date = Date.parse(entry.commit.committer.date);
    if (since !== undefined && date < since) return false;
    if (until !== undefined && date > until) return false;
    if (author && !signedBy(store, entry.commit.author, author)) return false;
    if (committer && !signedBy(store, entry.commit.committer, committer)) return false;
    return !path || touches(objects, entry, path);
  };
}

/** GitHub's single-commit answer lists a commit's files 300 a page, and no more than 3,000 of them. */
export const COMMIT_FILES = { perPage: 300, max: 3000 } as const;

export const commitRoutes: RouteDefinition[] = [
  {
    method: "GET",
    path: "/repos/:owner/:repo/commits",
    operationId: "repos/list-commits",
    handle(request) {
      const { store, urls } = request.context;
      const repo = repoOf(request);
      const objects = store.git(repo);
      if (objects.isEmpty) throw conflict("Git Repository is empty.");
      const head = objects.resolveCommitish(request.query.get("sha") ?? repo.defaultBranch);
      if (head === undefined) throw notFound();
      const commits = history(objects, head).filter(commitFilter(request, objects));
      const page = paginate(request, commits);
      return ok(
        page.items.map(({ sha, commit }) => presentRestCommit(repo, sha, commit, store, urls)),
        page.headers,
      );
    },
  },
  {
    method: "GET",
    path: "/repos/:owner/:repo/commits/*",
    operationId: "repos/get-commit",
    handle(request) {
      const { store, urls } = request.context;
      const repo = repoOf(request);
      const objects = store.git(repo);
      if (objects.isEmpty) throw conflict("Git Repository is empty.");
      const ref = param(request, "*");
      const sha = objects.resolveCommitish(ref);
      const commit = sha === undefined ? undefined : objects.commit(sha);
      if (sha === undefined || commit === undefined) throw apiError(422, `No commit found for SHA: ${ref}`);
      const parentTree =
        commit.parents[0] === undefined ? null : (objects.commit(commit.parents[0])?.tree ?? null);
      const diffs = diffTrees(objects, parentTree, commit.tree);
      // Over 300 files, GitHub pages the file list (the commit repeated on each page), up to 3,000.
      const { page } = pageRequest(request.query);
      const reachable = Math.min(diffs.length, COMMIT_FILES.max);
      const lastPage = Math.max(1, Math.ceil(reachable / COMMIT_FILES.perPage));
      const start = (page - 1) * COMMIT_FILES.perPage;
      const link = linkHeader(request.url, page, lastPage);
      const shown = diffs.slice(start, Math.min(start + COMMIT_FILES.perPage, reachable));
      return ok(presentRestCommit(repo, sha, commit, store, urls, shown, diffs), link ? { link } : {});
    },
  },
];
