import type { components } from "@octokit/openapi-types";
import { dueOnOf } from "../quirks.js";
import type { EmulatorContext } from "../route.js";
import type { CommentRecord, IssueRecord, LabelRecord, MilestoneRecord, RepoRecord } from "../state.js";
import type { Store } from "../store.js";
import { parentOf, subIssuesSummary } from "../sub-issues.js";
import type { Urls } from "../urls.js";
import { performedVia } from "./apps.js";
import { authorAssociation } from "./association.js";
import { nodeId, presentUser } from "./users.js";

type Schemas = components["schemas"];

export function presentLabel(repo: RepoRecord, label: LabelRecord, urls: Urls): Schemas["label"] {
  return {
    id: label.id,
    node_id: nodeId("LA", label.id),
    url: `${urls.repo(repo)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    description: label.description,
    default: label.default ?? false,
  };
}

export function presentMilestone(
  repo: RepoRecord,
  milestone: MilestoneRecord,
  store: Store,
  urls: Urls,
): Schemas["milestone"] {
  const members = repo.issues.filter((issue) => issue.milestone === milestone.number);
  const api = `${urls.repo(repo)}/milestones/${milestone.number}`;
  return {
    url: api,
    html_url: `${urls.repoWeb(repo)}/milestone/${milestone.number}`,
    labels_url: `${api}/labels`,
    id: milestone.id,
    node_id: nodeId("MI", milestone.id),
    number: milestone.number,
    title: milestone.title,
    description: milestone.description,
    creator: presentUser(store.user(milestone.creator), urls),
    open_issues: members.filter((issue) => issue.state === "open").length,
    closed_issues: members.filter((issue) => issue.state === "closed").length,
    state: milestone.state,
    created_at: milestone.createdAt,
    updated_at: milestone.updatedAt,
    due_on: milestone.dueDate === null ? null : dueOnOf(milestone.dueDate),
    closed_at: milestone.closedAt,
  };
}

/** The reactions rollup GitHub attaches to issues and comments; the emulator keeps no reactions. */
export function reactionRollup(url: string): Schemas["reaction-rollup"] {
  return {
    url,
    total_count: 0,
    "+1": 0,
    "-1": 0,
    laugh: 0,
    hooray: 0,
    confused: 0,
    heart: 0,
    rocket: 0,
    eyes: 0,
  };
}

/** An issue, or a pull request seen through the issues API (with its `pull_request` key). */
export function presentIssue(
  repo: RepoRecord,
  issue: IssueRecord,
  store: Store,
  urls: Urls,
  /** The request's context, to name the app that did it (`performed_via_github_app`). */
  context?: EmulatorContext,
): Schemas["issue"] {
  const api = `${urls.repo(repo)}/issues/${issue.number}`;
  const webKind = issue.pull ? "pull" : "issues";
  const html = `${urls.repoWeb(repo)}/${webKind}/${issue.number}`;
  const milestone = repo.milestones.find((candidate) => candidate.number === issue.milestone);
  const assignees = issue.assignees.map((login) => presentUser(store.user(login), urls));
  const presented: Schemas["issue"] = {
    id: issue.id,
    node_id: nodeId(issue.pull ? "PR" : "I", issue.id),
    url: api,
    repository_url: urls.repo(repo),
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: html,
    number: issue.number,
    state: issue.state,
    state_reason: issue.stateReason,
    title: issue.title,
    body: issue.body,
    user: presentUser(store.user(issue.author), urls),
    labels: labelsOf(repo, issue).map((label) => presentLabel(repo, label, urls)),
    assignee: assignees[0] ?? null,
    assignees,
    milestone: milestone ? presentMilestone(repo, milestone, store, urls) : null,
    locked: issue.locked,
    active_lock_reason: null,
    comments: repo.comments.filter((comment) => comment.issueNumber === issue.number).length,
    closed_at: issue.closedAt,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_by: issue.closedBy === null ? null : presentUser(store.user(issue.closedBy), urls),
    author_association: authorAssociation(store, repo, issue.author),
    timeline_url: `${api}/timeline`,
    performed_via_github_app: performedVia(issue.author, context),
    reactions: reactionRollup(`${api}/reactions`),
  };
  if (!issue.pull) {
    const parent = parentOf(store, issue);
    presented.sub_issues_summary = subIssuesSummary(store, issue);
    presented.parent_issue_url = parent ? `${urls.repo(parent.repo)}/issues/${parent.issue.number}` : null;
  }
  if (issue.pull) {
    presented.draft = issue.pull.draft;
    presented.pull_request = {
      url: `${urls.repo(repo)}/pulls/${issue.number}`,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      merged_at: issue.pull.mergedAt,
    };
  }
  return presented;
}

export function labelsOf(repo: RepoRecord, issue: IssueRecord): LabelRecord[] {
  return issue.labelIds.flatMap((id) => repo.labels.filter((label) => label.id === id));
}

/** An item of `GET /search/issues`; search leaves out a missing body rather than sending null. */
export function presentSearchItem(
  repo: RepoRecord,
  issue: IssueRecord,
  store: Store,
  urls: Urls,
  context?: EmulatorContext,
): Schemas["issue-search-result-item"] {
  const {
    body,
    closed_by: _closedBy,
    labels: _labels,
    ...rest
  } = presentIssue(repo, issue, store, urls, context);
  return {
    ...rest,
    labels: labelsOf(repo, issue).map((label) => presentLabel(repo, label, urls)),
    ...(body === null || body === undefined ? {} : { body }),
    author_association: authorAssociation(store, repo, issue.author),
    score: 1,
  };
}

export function presentComment(
  repo: RepoRecord,
  comment: CommentRecord,
  store: Store,
  urls: Urls,
  context?: EmulatorContext,
): Schemas["issue-comment"] {
  const issue = repo.issues.find((candidate) => candidate.number === comment.issueNumber);
  const webKind = issue?.pull ? "pull" : "issues";
  return {
    id: comment.id,
    node_id: nodeId("IC", comment.id),
    url: `${urls.repo(repo)}/issues/comments/${comment.id}`,
    html_url: `${urls.repoWeb(repo)}/${webKind}/${comment.issueNumber}#issuecomment-${comment.id}`,
    body: comment.body,
    user: presentUser(store.user(comment.author), urls),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    issue_url: `${urls.repo(repo)}/issues/${comment.issueNumber}`,
    author_association: authorAssociation(store, repo, comment.author),
    performed_via_github_app: performedVia(comment.author, context),
    reactions: reactionRollup(`${urls.repo(repo)}/issues/comments/${comment.id}/reactions`),
  };
}
