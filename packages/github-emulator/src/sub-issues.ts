import type { IssueRecord, RepoRecord } from "./state.js";
import type { Store } from "./store.js";

/** GitHub's documented limits: 100 sub-issues per parent, 8 levels of nesting. */
export const MAX_SUB_ISSUES = 100;
export const MAX_NESTING = 8;

export interface Located {
  repo: RepoRecord;
  issue: IssueRecord;
}

/** An issue (not a pull request) by its id, in any repository. */
export function issueById(store: Store, id: number): Located | undefined {
  for (const repo of store.state.repos) {
    const issue = repo.issues.find((candidate) => candidate.id === id);
    if (issue) return { repo, issue };
  }
  return undefined;
}

/** The issue whose sub-issues include this one: an issue has one parent at most. */
export function parentOf(store: Store, issue: IssueRecord): Located | undefined {
  for (const repo of store.state.repos) {
    const parent = repo.issues.find((candidate) => candidate.subIssueIds?.includes(issue.id));
    if (parent) return { repo, issue: parent };
  }
  return undefined;
}

export function subIssuesOf(store: Store, issue: IssueRecord): Located[] {
  return (issue.subIssueIds ?? []).flatMap((id) => {
    const found = issueById(store, id);
    return found ? [found] : [];
  });
}

/** How many levels an issue sits below its topmost ancestor (0 for a root). */
export function depthOf(store: Store, issue: IssueRecord): number {
  let depth = 0;
  for (let parent = parentOf(store, issue); parent; parent = parentOf(store, parent.issue)) depth += 1;
  return depth;
}

/** How many levels of sub-issues hang below an issue (0 for none). */
export function heightOf(store: Store, issue: IssueRecord): number {
  return Math.max(0, ...subIssuesOf(store, issue).map((child) => 1 + heightOf(store, child.issue)));
}

export function isAncestor(store: Store, candidate: IssueRecord, issue: IssueRecord): boolean {
  for (let parent = parentOf(store, issue); parent; parent = parentOf(store, parent.issue)) {
    if (parent.issue === candidate) return true;
  }
  return false;
}

/** The `sub_issues_summary` GitHub attaches to issues: completed means closed. */
export function subIssuesSummary(store: Store, issue: IssueRecord) {
  const children = subIssuesOf(store, issue);
  const total = children.length;
  const completed = children.filter((child) => child.issue.state === "closed").length;
  return { total, completed, percent_completed: total === 0 ? 0 : Math.floor((completed * 100) / total) };
}
