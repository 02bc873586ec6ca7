import type { components } from "@octokit/openapi-types";
import type { IssueRecord, PullRecord, RepoRecord } from "../state.js";
import type { Store } from "../store.js";
import type { Urls } from "../urls.js";
import { authorAssociation } from "./association.js";
import { presentDiffEntry } from "./git.js";
import { labelsOf, presentLabel, presentMilestone } from "./issues.js";
import { presentRepo } from "./repos.js";
import { nodeId, presentUser } from "./users.js";

type Schemas = components["schemas"];

/** A pull request is an issue record with pull data; the pulls API shows them together. */
export type PullIssue = IssueRecord & { pull: PullRecord };

export function isPull(issue: IssueRecord): issue is PullIssue {
  return issue.pull !== null;
}

export function presentPullSimple(
  repo: RepoRecord,
  issue: PullIssue,
  store: Store,
  urls: Urls,
): Schemas["pull-request-simple"] {
  const api = `${urls.repo(repo)}/pulls/${issue.number}`;
  const html = `${urls.repoWeb(repo)}/pull/${issue.number}`;
  const issueApi = `${urls.repo(repo)}/issues/${issue.number}`;
  const statuses = `${urls.repo(repo)}/statuses/${issue.pull.headSha}`;
  const milestone = repo.milestones.find((candidate) => candidate.number === issue.milestone);
  const author = presentUser(store.user(issue.author), urls);
  const assignees = issue.assignees.map((login) => presentUser(store.user(login), urls));
  const repository = presentRepo(repo, store, urls);
  const branch = (ref: string, sha: string) => ({
    label: `${repo.owner}:${ref}`,
    ref,
    sha,
    repo: repository,
  });
  return {
    url: api,
    id: issue.pull.id,
    node_id: nodeId("PR", issue.pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueApi,
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    review_comment_url: `${urls.repo(repo)}/pulls/comments{/number}`,
    comments_url: `${issueApi}/comments`,
    statuses_url: statuses,
    number: issue.number,
    state: issue.state,
    locked: issue.locked,
    title: issue.title,
    user: author,
    body: issue.body,
    // The description lists a pull's labels with a non-nullable description: an empty one is sent as "".
    labels: labelsOf(repo, issue).map((label) => ({
      ...presentLabel(repo, label, urls),
      description: label.description ?? "",
    })),
    milestone: milestone ? presentMilestone(repo, milestone, store, urls) : null,
    active_lock_reason: null,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: issue.pull.mergedAt,
    merge_commit_sha: issue.pull.mergeCommitSha,
    assignee: assignees[0] ?? null,
    assignees,
    requested_reviewers: [],
    requested_teams: [],
    head: { ...branch(issue.pull.headRef, issue.pull.headSha), user: author },
    base: {
      ...branch(issue.pull.baseRef, issue.pull.baseSha),
      user: presentUser(store.user(repo.owner), urls),
    },
    _links: {
      self: { href: api },
      html: { href: html },
      issue: { href: issueApi },
      comments: { href: `${issueApi}/comments` },
      review_comments: { href: `${api}/comments` },
      review_comment: { href: `${urls.repo(repo)}/pulls/comments{/number}` },
      commits: { href: `${api}/commits` },
      statuses: { href: statuses },
    },
    author_association: authorAssociation(store, repo, issue.author),
    auto_merge: null,
    draft: issue.pull.draft,
  };
}

export function presentPull(
  repo: RepoRecord,
  issue: PullIssue,
  store: Store,
  urls: Urls,
): Schemas["pull-request"] {
  const simple = presentPullSimple(repo, issue, store, urls);
  const files = issue.pull.files;
  const author = presentUser(store.user(issue.author), urls);
  return {
    ...simple,
    user: author,
    head: { ...simple.head, user: author },
    base: { ...simple.base, user: presentUser(store.user(repo.owner), urls) },
    labels: labelsOf(repo, issue).map((label) => presentLabel(repo, label, urls)),
    state: issue.state,
    merged: issue.pull.mergedAt !== null,
    mergeable: issue.state === "open" ? true : null,
    rebaseable: issue.state === "open" ? true : null,
    mergeable_state: issue.state === "open" ? "clean" : "unknown",
    merged_by: issue.pull.mergedBy === null ? null : presentUser(store.user(issue.pull.mergedBy), urls),
    comments: repo.comments.filter((comment) => comment.issueNumber === issue.number).length,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: files.reduce((sum, file) => sum + file.additions, 0),
    deletions: files.reduce((sum, file) => sum + file.deletions, 0),
    changed_files: files.length,
  };
}

export function presentPullFiles(repo: RepoRecord, issue: PullIssue, urls: Urls): Schemas["diff-entry"][] {
  return issue.pull.files.map((file) =>
    presentDiffEntry(
      repo,
      issue.pull.headSha,
      {
        filename: file.filename,
        status: file.status,
        sha: null,
        additions: file.additions,
        deletions: file.deletions,
        ...(file.patch === undefined ? {} : { patch: file.patch }),
        ...(file.previousFilename === undefined ? {} : { previousFilename: file.previousFilename }),
      },
      urls,
    ),
  );
}
