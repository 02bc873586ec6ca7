import { invalidRequest, missingField, validationFailed } from "../errors.js";
import { paginate } from "../pagination.js";
import { presentComment } from "../present/issues.js";
import { parseTimestamp } from "../quirks.js";
import { type ApiRequest, created, ok, param, type RouteDefinition } from "../route.js";
import type { CommentRecord, RepoRecord } from "../state.js";
import { repoOf } from "./repos.js";

/**
 * A comment is refused over 65,536 characters (code points), the maximum GitHub's refusal names.
 * Some measurements saw GitHub take more (up to 262,144 UTF-8 bytes: dead-claudia/github-limits,
 * 2025-10; objectstack-ai/objectstack#18826, 2026-09), others the refusal at this bound: the
 * emulator keeps the bound GitHub states, so a client it passes never sends what GitHub may refuse.
 */
const MAX_BODY_CHARACTERS = 65_536;

/**
 * GitHub's refusal, unlike an issue's: code `unprocessable`, field `data` and a capital "Body"
 * (telia-oss/github-pr-resource#259, 2021; objectstack-ai/objectstack#18934, 2026).
 */
function checkBodySize(body: string): void {
  // Code points: one emoji is one character, as GitHub counts a body's characters.
  if (body.length <= MAX_BODY_CHARACTERS || [...body].length <= MAX_BODY_CHARACTERS) return;
  throw validationFailed([
    {
      resource: "IssueComment",
      code: "unprocessable",
      field: "data",
      message: `Body is too long (maximum is ${MAX_BODY_CHARACTERS} characters)`,
    },
  ]);
}

function updatedSince(request: ApiRequest): (comment: CommentRecord) => boolean {
  const since = request.query.get("since");
  const sinceMs = since === null ? undefined : parseTimestamp(since);
  return (comment) => sinceMs === undefined || Date.parse(comment.updatedAt) >= sinceMs;
}

function presentPage(request: ApiRequest, repo: RepoRecord, comments: CommentRecord[]) {
  const { store, urls } = request.context;
  const page = paginate(request, comments);
  return ok(
    page.items.map((comment) => presentComment(repo, comment, store, urls, request.context)),
    page.headers,
  );
}

export const commentRoutes: RouteDefinition[] = [
  {
    method: "GET",
    path: "/repos/:owner/:repo/issues/:issue_number/comments",
    operationId: "issues/list-comments",
    handle(request) {
      const repo = repoOf(request);
      const issue = request.context.store.issue(repo, Number(param(request, "issue_number")));
      const comments = repo.comments.filter(
        (comment) => comment.issueNumber === issue.number && updatedSince(request)(comment),
      );
      return presentPage(request, repo, comments);
    },
  },
  {
    method: "POST",
    path: "/repos/:owner/:repo/issues/:issue_number/comments",
    operationId: "issues/create-comment",
    createsContent: true,
    handle(request) {
      const { store, urls } = request.context;
      const repo = repoOf(request);
      const issue = store.issue(repo, Number(param(request, "issue_number")));
      const body = request.body.string("body");
      if (body === undefined) throw invalidRequest(`"body" wasn't supplied.`);
      if (body.trim() === "") throw missingField("IssueComment", "body");
      checkBodySize(body);
      const now = store.now();
      const comment: CommentRecord = {
        id: store.nextId(),
        issueNumber: issue.number,
        author: request.actor.login,
        body,
        createdAt: now,
        updatedAt: now,
      };
      repo.comments.push(comment);
      issue.updatedAt = now;
      const presented = presentComment(repo, comment, store, urls, request.context);
      return created(presented, presented.url);
    },
  },
  {
    method: "GET",
    path: "/repos/:owner/:repo/issues/comments",
    operationId: "issues/list-comments-for-repo",
    handle(request) {
      const repo = repoOf(request);
      const byUpdate = request.query.get("sort") === "updated";
      const sign = request.query.get("direction") === "desc" ? -1 : 1;
      const key = (comment: CommentRecord) => Date.parse(byUpdate ? comment.updatedAt : comment.createdAt);
      const comments = repo.comments
        .filter(updatedSince(request))
        .sort((left, right) => sign * (key(left) - key(right) || left.id - right.id));
      return presentPage(request, repo, comments);
    },
  },
];
