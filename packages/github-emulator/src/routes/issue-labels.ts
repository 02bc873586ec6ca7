import { invalidRequest, notFound } from "../errors.js";
import { fieldsOf, recordChanges } from "../issue-events.js";
import { paginate } from "../pagination.js";
import { labelsOf, presentLabel } from "../present/issues.js";
import { resolveLabels } from "../records.js";
import { type ApiRequest, ok, param, type RouteDefinition } from "../route.js";
import type { IssueRecord, LabelRecord, RepoRecord } from "../state.js";
import { issueOf } from "./issues.js";
import { repoOf } from "./repos.js";

/**
 * The labels a request names: `{labels: [...]}` (names or `{name}` objects), or, as GitHub also
 * accepts, the array itself or (to set) a single name.
 */
function requestedLabels(request: ApiRequest): readonly unknown[] {
  const document = request.body.document;
  if (Array.isArray(document)) return document;
  if (typeof document === "string") return [document];
  if (document !== request.body.raw) throw invalidRequest(`${JSON.stringify(document)} is not an array.`);
  const labels = request.body.value("labels");
  if (typeof labels === "string") return [labels];
  return request.body.array("labels") ?? [];
}

/** Applies a change to an issue's labels, recording GitHub's `labeled` / `unlabeled` events. */
function relabel(request: ApiRequest, repo: RepoRecord, issue: IssueRecord, labels: LabelRecord[]) {
  const { store, urls } = request.context;
  const before = fieldsOf(issue);
  issue.labelIds = labels.map((label) => label.id);
  const now = store.now();
  recordChanges(store, repo, issue, request.actor.login, before, now);
  if (before.labelIds.join() !== issue.labelIds.join()) issue.updatedAt = now;
  return ok(labelsOf(repo, issue).map((label) => presentLabel(repo, label, urls)));
}

export const issueLabelRoutes: RouteDefinition[] = [
  {
    method: "GET",
    path: "/repos/:owner/:repo/issues/:issue_number/labels",
    operationId: "issues/list-labels-on-issue",
    handle(request) {
      const repo = repoOf(request);
      const page = paginate(request, labelsOf(repo, issueOf(request, repo)));
      return ok(
        page.items.map((label) => presentLabel(repo, label, request.context.urls)),
        page.headers,
      );
    },
  },
  {
    method: "POST",
    path: "/repos/:owner/:repo/issues/:issue_number/labels",
    operationId: "issues/add-labels",
    createsContent: true,
    bareBody: true,
    handle(request) {
      const repo = repoOf(request);
      const issue = issueOf(request, repo);
      // Names the repository lacks are created, as when an issue is created with them.
      const added = resolveLabels(request.context.store, repo, requestedLabels(request));
      const current = labelsOf(repo, issue);
      return relabel(request, repo, issue, [
        ...current,
        ...added.filter((label) => !current.includes(label)),
      ]);
    },
  },
  {
    method: "PUT",
    path: "/repos/:owner/:repo/issues/:issue_number/labels",
    operationId: "issues/set-labels",
    createsContent: true,
    bareBody: true,
    handle(request) {
      const repo = repoOf(request);
      const issue = issueOf(request, repo);
      return relabel(
        request,
        repo,
        issue,
        resolveLabels(request.context.store, repo, requestedLabels(request)),
      );
    },
  },
  {
    method: "DELETE",
    path: "/repos/:owner/:repo/issues/:issue_number/labels",
    operationId: "issues/remove-all-labels",
    handle(request) {
      const repo = repoOf(request);
      relabel(request, repo, issueOf(request, repo), []);
      return { status: 204, body: undefined };
    },
  },
  {
    method: "DELETE",
    path: "/repos/:owner/:repo/issues/:issue_number/labels/:name",
    operationId: "issues/remove-label",
    handle(request) {
      const repo = repoOf(request);
      const issue = issueOf(request, repo);
      const name = param(request, "name").toLowerCase();
      const current = labelsOf(repo, issue);
      const removed = current.find((label) => label.name.toLowerCase() === name);
      // A label the issue does not carry, whether or not the repository has it.
      if (!removed) throw notFound("Label does not exist");
      return relabel(
        request,
        repo,
        issue,
        current.filter((label) => label !== removed),
      );
    },
  },
];
