import { invalidRequest } from "./errors.js";
import { IMPLICIT_LABEL_COLOR } from "./quirks.js";
import type { IssueRecord, LabelRecord, PullRecord, RepoRecord, StateReason } from "./state.js";
import type { Store } from "./store.js";

export interface NewIssue {
  author: string;
  title: string;
  body?: string | null;
  labelIds?: number[];
  milestone?: number | null;
  assignees?: string[];
  createdAt?: string;
  pull?: PullRecord | null;
}

/** Adds an issue (or pull request) under the next number of the repository's shared sequence. */
export function addIssue(store: Store, repo: RepoRecord, init: NewIssue): IssueRecord {
  const createdAt = init.createdAt ?? store.now();
  const issue: IssueRecord = {
    id: store.nextId(),
    number: repo.lastNumber + 1,
    title: init.title,
    body: init.body ?? null,
    state: "open",
    stateReason: null,
    author: init.author,
    labelIds: init.labelIds ?? [],
    milestone: init.milestone ?? null,
    assignees: init.assignees ?? [],
    locked: false,
    createdAt,
    updatedAt: createdAt,
    closedAt: null,
    closedBy: null,
    pull: init.pull ?? null,
  };
  repo.lastNumber = issue.number;
  repo.issues.push(issue);
  return issue;
}

/**
 * Closing records who and why (GitHub's default reason is "completed"); reopening says "reopened".
 * Pull requests carry no reason.
 */
export function setIssueState(
  issue: IssueRecord,
  state: "open" | "closed",
  actor: string,
  at: string,
  reason?: StateReason | null,
): void {
  if (state === issue.state) return;
  issue.state = state;
  if (state === "closed") {
    issue.closedAt = at;
    issue.closedBy = actor;
    issue.stateReason = issue.pull ? null : reason && reason !== "reopened" ? reason : "completed";
  } else {
    issue.closedAt = null;
    issue.closedBy = null;
    issue.stateReason = issue.pull ? null : "reopened";
  }
}

export function findLabel(repo: RepoRecord, name: string): LabelRecord | undefined {
  return repo.labels.find((label) => label.name.toLowerCase() === name.toLowerCase());
}

/**
 * The labels an issue names, by name (case-insensitively) or as `{name}` objects; names the
 * repository lacks are created on the spot in GitHub's gray.
 */
export function resolveLabels(store: Store, repo: RepoRecord, requested: readonly unknown[]): LabelRecord[] {
  const labels: LabelRecord[] = [];
  for (const item of requested) {
    const name =
      typeof item === "string"
        ? item
        : typeof item === "object" && item !== null && "name" in item && typeof item.name === "string"
          ? item.name
          : undefined;
    if (name === undefined) throw invalidRequest(`For 'items', ${JSON.stringify(item)} is not a string.`);
    let label = findLabel(repo, name);
    if (!label) {
      label = { id: store.nextId(), name, color: IMPLICIT_LABEL_COLOR, description: null };
      repo.labels.push(label);
    }
    if (!labels.includes(label)) labels.push(label);
  }
  return labels;
}
