import { invalidRequest, notFound, validationFailed } from "../errors.js";
import { paginate } from "../pagination.js";
import { presentIssue } from "../present/issues.js";
import { type ApiRequest, created, ok, type RouteDefinition } from "../route.js";
import type { IssueRecord, RepoRecord } from "../state.js";
import {
  depthOf,
  heightOf,
  isAncestor,
  issueById,
  type Located,
  MAX_NESTING,
  MAX_SUB_ISSUES,
  parentOf,
  subIssuesOf,
} from "../sub-issues.js";
import { issueOf } from "./issues.js";
import { repoOf } from "./repos.js";

const refused = (message: string) =>
  validationFailed([{ resource: "Issue", code: "custom", field: "sub_issue_id", message }], message);

function parentIssue(request: ApiRequest): { repo: RepoRecord; issue: IssueRecord } {
  const repo = repoOf(request);
  const issue = issueOf(request, repo);
  if (issue.pull) throw notFound();
  return { repo, issue };
}

/** The sub-issue a body names by id (not number), or 404 when there is no such issue. */
function namedSubIssue(request: ApiRequest, field: string): Located {
  const id = request.body.integer(field);
  if (id === undefined) throw invalidRequest(`"${field}" wasn't supplied.`);
  const found = issueById(request.context.store, id);
  if (!found || found.issue.pull) throw notFound();
  return found;
}

function presentParent(request: ApiRequest, parent: Located) {
  const { store, urls } = request.context;
  return presentIssue(parent.repo, parent.issue, store, urls, request.context);
}

export const subIssueRoutes: RouteDefinition[] = [
  {
    method: "GET",
    path: "/repos/:owner/:repo/issues/:issue_number/sub_issues",
    operationId: "issues/list-sub-issues",
    handle(request) {
      const { store, urls } = request.context;
      const page = paginate(request, subIssuesOf(store, parentIssue(request).issue));
      return ok(
        page.items.map((child) => presentIssue(child.repo, child.issue, store, urls, request.context)),
        page.headers,
      );
    },
  },
  {
    method: "POST",
    path: "/repos/:owner/:repo/issues/:issue_number/sub_issues",
    operationId: "issues/add-sub-issue",
    createsContent: true,
    handle(request) {
      const { store } = request.context;
      const parent = parentIssue(request);
      const child = namedSubIssue(request, "sub_issue_id");
      const replace = request.body.boolean("replace_parent") === true;
      if (child.repo.owner.toLowerCase() !== parent.repo.owner.toLowerCase())
        throw refused("Sub-issue must belong to the same repository owner as the parent issue");
      if (child.issue === parent.issue) throw refused("An issue cannot be a sub-issue of itself");
      const current = parentOf(store, child.issue);
      if (current?.issue === parent.issue) throw refused("Issue may not contain duplicate sub-issues");
      if (current && !replace) throw refused("Sub-issue may only have one parent");
      if (isAncestor(store, child.issue, parent.issue))
        throw refused("Sub-issue cannot be an ancestor of its parent issue");
      if ((parent.issue.subIssueIds ?? []).length >= MAX_SUB_ISSUES)
        throw refused(`Parent issue cannot have more than ${MAX_SUB_ISSUES} sub-issues`);
      if (depthOf(store, parent.issue) + 1 + heightOf(store, child.issue) >= MAX_NESTING)
        throw refused(`Sub-issues cannot be nested more than ${MAX_NESTING} levels`);
      if (current)
        current.issue.subIssueIds = (current.issue.subIssueIds ?? []).filter((id) => id !== child.issue.id);
      parent.issue.subIssueIds = [...(parent.issue.subIssueIds ?? []), child.issue.id];
      const now = store.now();
      parent.issue.updatedAt = now;
      child.issue.updatedAt = now;
      const presented = presentParent(request, parent);
      return created(presented, presented.url);
    },
  },
  {
    method: "DELETE",
    path: "/repos/:owner/:repo/issues/:issue_number/sub_issue",
    operationId: "issues/remove-sub-issue",
    handle(request) {
      const parent = parentIssue(request);
      const child = namedSubIssue(request, "sub_issue_id");
      const ids = parent.issue.subIssueIds ?? [];
      if (!ids.includes(child.issue.id)) throw notFound();
      parent.issue.subIssueIds = ids.filter((id) => id !== child.issue.id);
      const now = request.context.store.now();
      parent.issue.updatedAt = now;
      child.issue.updatedAt = now;
      return ok(presentParent(request, parent));
    },
  },
  {
    method: "PATCH",
    path: "/repos/:owner/:repo/issues/:issue_number/sub_issues/priority",
    operationId: "issues/reprioritize-sub-issue",
    handle(request) {
      const parent = parentIssue(request);
      const ids = parent.issue.subIssueIds ?? [];
      const moved = namedSubIssue(request, "sub_issue_id").issue.id;
      const after = request.body.integer("after_id");
      const before = request.body.integer("before_id");
      if ((after === undefined) === (before === undefined))
        throw refused("Either after_id or before_id must be specified, not both");
      const anchor = (after ?? before) as number;
      if (!ids.includes(moved) || !ids.includes(anchor) || anchor === moved) throw notFound();
      const rest = ids.filter((id) => id !== moved);
      const at = rest.indexOf(anchor) + (after === undefined ? 0 : 1);
      parent.issue.subIssueIds = [...rest.slice(0, at), moved, ...rest.slice(at)];
      return ok(presentParent(request, parent));
    },
  },
  {
    method: "GET",
    path: "/repos/:owner/:repo/issues/:issue_number/parent",
    operationId: "issues/get-parent",
    handle(request) {
      const repo = repoOf(request);
      const issue = issueOf(request, repo);
      const parent = parentOf(request.context.store, issue);
      if (!parent) throw notFound();
      return ok(presentParent(request, parent));
    },
  },
];
