import { checkLength, invalidField, invalidRequest, missingField } from "../errors.js";
import { changeState, fieldsOf, recordChanges, recordCreation } from "../issue-events.js";
import { paginate } from "../pagination.js";
import { labelsOf, presentIssue } from "../present/issues.js";
import { parseTimestamp } from "../quirks.js";
import { addIssue, resolveLabels } from "../records.js";
import { type ApiRequest, created, ok, param, type RouteDefinition } from "../route.js";
import type { IssueRecord, RepoRecord, StateReason } from "../state.js";
import { repoOf } from "./repos.js";

const MAX_TITLE = 256;
const MAX_BODY = 65_536;
const STATE_REASONS: readonly StateReason[] = ["completed", "not_planned", "duplicate", "reopened"];

export function issueOf(request: ApiRequest, repo: RepoRecord): IssueRecord {
  return request.context.store.issue(repo, Number(param(request, "issue_number")));
}

function checkText(title: string | null | undefined, body: string | null | undefined): void {
  checkLength("Issue", "title", title, MAX_TITLE);
  checkLength("Issue", "body", body, MAX_BODY);
}

/** A milestone given by number (or numeric string); an unknown one is 422 `invalid`, as GitHub answers. */
function milestoneNumber(request: ApiRequest, repo: RepoRecord): number | null | undefined {
  const value = request.body.value("milestone");
  if (value === undefined || value === null) return value;
  const number = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== "number" || !repo.milestones.some((milestone) => milestone.number === number)) {
    throw invalidField("Issue", "milestone", value);
  }
  return number;
}

function assigneeLogins(request: ApiRequest): string[] | undefined {
  const single = request.body.nullableString("assignee");
  const logins =
    request.body.stringArray("assignees") ?? (single === undefined ? undefined : single ? [single] : []);
  return logins?.map((login) => {
    const user = request.context.store.findUser(login);
    if (!user) throw invalidField("Issue", "assignees", login);
    return user.login;
  });
}

function matchesFilters(request: ApiRequest, repo: RepoRecord, issue: IssueRecord): boolean {
  const query = request.query;
  const state = query.get("state") ?? "open";
  if (state !== "all" && issue.state !== state) return false;
  const wanted = query.get("labels");
  if (wanted) {
    const names = new Set(labelsOf(repo, issue).map((label) => label.name.toLowerCase()));
    if (!wanted.split(",").every((name) => names.has(name.trim().toLowerCase()))) return false;
  }
  const milestone = query.get("milestone");
  if (milestone === "none" && issue.milestone !== null) return false;
  if (milestone === "*" && issue.milestone === null) return false;
  if (milestone && /^\d+$/.test(milestone) && issue.milestone !== Number(milestone)) return false;
  const since = query.get("since");
  const sinceMs = since === null ? undefined : parseTimestamp(since);
  if (sinceMs !== undefined && Date.parse(issue.updatedAt) < sinceMs) return false;
  const assignee = query.get("assignee");
  if (assignee === "none" && issue.assignees.length > 0) return false;
  if (assignee === "*" && issue.assignees.length === 0) return false;
  if (assignee && assignee !== "none" && assignee !== "*") {
    if (!issue.assignees.some((login) => login.toLowerCase() === assignee.toLowerCase())) return false;
  }
  const creator = query.get("creator");
  if (creator && issue.author.toLowerCase() !== creator.toLowerCase()) return false;
  const mentioned = query.get("mentioned");
  if (mentioned && !(issue.body ?? "").toLowerCase().includes(`@${mentioned.toLowerCase()}`)) return false;
  return true;
}

export function sortIssues(request: ApiRequest, repo: RepoRecord, issues: IssueRecord[]): IssueRecord[] {
  const sort = request.query.get("sort") ?? "created";
  const sign = request.query.get("direction") === "asc" ? 1 : -1;
  const comments = (issue: IssueRecord) =>
    repo.comments.filter((comment) => comment.issueNumber === issue.number).length;
  const key = (issue: IssueRecord) =>
    sort === "updated"
      ? Date.parse(issue.updatedAt)
      : sort === "comments"
        ? comments(issue)
        : Date.parse(issue.createdAt);
  return issues.sort((left, right) => sign * (key(left) - key(right) || left.number - right.number));
}

export const issueRoutes: RouteDefinition[] = [
  {
    method: "GET",
    path: "/repos/:owner/:repo/issues",
    operationId: "issues/list-for-repo",
    handle(request) {
      const { store, urls } = request.context;
      const repo = repoOf(request);
      const listed = sortIssues(
        request,
        repo,
        repo.issues.filter((issue) => matchesFilters(request, repo, issue)),
      );
      const page = paginate(request, listed);
      return ok(
        page.items.map((issue) => presentIssue(repo, issue, store, urls, request.context)),
        page.headers,
      );
    },
  },
  {
    method: "POST",
    path: "/repos/:owner/:repo/issues",
    operationId: "issues/create",
    createsContent: true,
    handle(request) {
      const { store, urls } = request.context;
      const repo = repoOf(request);
      const title = request.body.text("title");
      if (title === undefined || title === null) throw invalidRequest(`"title" wasn't supplied.`);
      if (title.trim() === "") throw missingField("Issue", "title");
      const body = request.body.nullableString("body");
      checkText(title, body);
      const milestone = milestoneNumber(request, repo);
      const assignees = assigneeLogins(request);
      const labels = resolveLabels(store, repo, request.body.array("labels") ?? []);
      const issue = addIssue(store, repo, {
        author: request.actor.login,
        title,
        body: body ?? null,
        labelIds: labels.map((label) => label.id),
        milestone: milestone ?? null,
        assignees: assignees ?? [],
      });
      recordCreation(store, repo, issue, request.actor.login);
      const presented = presentIssue(repo, issue, store, urls, request.context);
      return created(presented, presented.url);
    },
  },
  {
    method: "GET",
    path: "/repos/:owner/:repo/issues/:issue_number",
    operationId: "issues/get",
    handle(request) {
      const repo = repoOf(request);
      const { store, urls } = request.context;
      return ok(presentIssue(repo, issueOf(request, repo), store, urls, request.context));
    },
  },
  {
    method: "PATCH",
    path: "/repos/:owner/:repo/issues/:issue_number",
    operationId: "issues/update",
    createsContent: true,
    handle(request) {
      const { store, urls } = request.context;
      const repo = repoOf(request);
      const issue = issueOf(request, repo);
      const title = request.body.text("title", true);
      const body = request.body.nullableString("body");
      checkText(title, body);
      const state = request.body.string("state");
      if (state !== undefined && state !== "open" && state !== "closed")
        throw invalidField("Issue", "state", state);
      const reason = request.body.nullableString("state_reason");
      if (typeof reason === "string" && !STATE_REASONS.includes(reason as StateReason)) {
        throw invalidField("Issue", "state_reason", reason);
      }
      const milestone = milestoneNumber(request, repo);
      const assignees = assigneeLogins(request);
      const labels = request.body.array("labels");
      const now = store.now();
      const before = fieldsOf(issue);
      if (title !== undefined && title !== null) issue.title = title;
      if (body !== undefined) issue.body = body;
      if (milestone !== undefined) issue.milestone = milestone;
      if (assignees !== undefined) issue.assignees = assignees;
      if (labels !== undefined) issue.labelIds = resolveLabels(store, repo, labels).map((label) => label.id);
      recordChanges(store, repo, issue, request.actor.login, before, now);
      if (state !== undefined) {
        const change = {
          state: state as "open" | "closed",
          actor: request.actor.login,
          at: now,
          reason: reason as StateReason | null,
        };
        changeState(store, repo, issue, change);
      }
      issue.updatedAt = now;
      return ok(presentIssue(repo, issue, store, urls, request.context));
    },
  },
];
