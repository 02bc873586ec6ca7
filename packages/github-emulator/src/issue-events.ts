import { setIssueState } from "./records.js";
import type { IssueEventRecord, IssueRecord, RepoRecord, StateReason } from "./state.js";
import type { Store } from "./store.js";

export function eventsOf(repo: RepoRecord): IssueEventRecord[] {
  repo.events ??= [];
  return repo.events;
}

type EventDetails = Omit<IssueEventRecord, "id" | "issueNumber" | "actor" | "createdAt">;

/** Records what happened to an issue, as GitHub adds it to the issue's events. */
export function recordEvent(
  store: Store,
  repo: RepoRecord,
  issue: IssueRecord,
  actor: string,
  details: EventDetails,
  at = store.now(),
): void {
  eventsOf(repo).push({ id: store.nextId(), issueNumber: issue.number, actor, createdAt: at, ...details });
}

/**
 * The events of a change to an issue's labels, milestone, assignees or title: GitHub records one
 * event per label or assignee added or removed, and a milestone change as demilestoned then milestoned.
 */
export function recordChanges(
  store: Store,
  repo: RepoRecord,
  issue: IssueRecord,
  actor: string,
  before: Pick<IssueRecord, "labelIds" | "milestone" | "assignees" | "title">,
  at = store.now(),
): void {
  const record = (details: EventDetails) => recordEvent(store, repo, issue, actor, details, at);
  if (before.title !== issue.title)
    record({ event: "renamed", rename: { from: before.title, to: issue.title } });
  const label = (id: number) => repo.labels.find((candidate) => candidate.id === id);
  for (const id of issue.labelIds.filter((id) => !before.labelIds.includes(id))) {
    const added = label(id);
    if (added) record({ event: "labeled", label: { name: added.name, color: added.color } });
  }
  for (const id of before.labelIds.filter((id) => !issue.labelIds.includes(id))) {
    const removed = label(id);
    if (removed) record({ event: "unlabeled", label: { name: removed.name, color: removed.color } });
  }
  if (before.milestone !== issue.milestone) {
    const title = (number: number | null) =>
      repo.milestones.find((milestone) => milestone.number === number)?.title;
    const previous = title(before.milestone);
    const next = title(issue.milestone);
    if (previous !== undefined) record({ event: "demilestoned", milestone: { title: previous } });
    if (next !== undefined) record({ event: "milestoned", milestone: { title: next } });
  }
  const sameLogin = (left: string) => (right: string) => left.toLowerCase() === right.toLowerCase();
  for (const login of issue.assignees.filter((login) => !before.assignees.some(sameLogin(login))))
    record({ event: "assigned", assignee: login });
  for (const login of before.assignees.filter((login) => !issue.assignees.some(sameLogin(login))))
    record({ event: "unassigned", assignee: login });
}

/** What `recordChanges` compares against: the issue's fields before a change. */
export function fieldsOf(
  issue: IssueRecord,
): Pick<IssueRecord, "labelIds" | "milestone" | "assignees" | "title"> {
  return {
    labelIds: [...issue.labelIds],
    milestone: issue.milestone,
    assignees: [...issue.assignees],
    title: issue.title,
  };
}

/** A new issue's labels, milestone and assignees, recorded as events at its creation, as GitHub does. */
export function recordCreation(store: Store, repo: RepoRecord, issue: IssueRecord, actor: string): void {
  recordChanges(
    store,
    repo,
    issue,
    actor,
    { labelIds: [], milestone: null, assignees: [], title: issue.title },
    issue.createdAt,
  );
}

/** Closes or reopens an issue and records the `closed` or `reopened` event, when the state changes. */
export function changeState(
  store: Store,
  repo: RepoRecord,
  issue: IssueRecord,
  change: {
    state: "open" | "closed";
    actor: string;
    at?: string;
    reason?: StateReason | null;
    commitId?: string;
  },
): void {
  if (change.state === issue.state) return;
  const at = change.at ?? store.now();
  setIssueState(issue, change.state, change.actor, at, change.reason);
  recordEvent(
    store,
    repo,
    issue,
    change.actor,
    {
      event: change.state === "closed" ? "closed" : "reopened",
      stateReason: issue.stateReason,
      ...(change.commitId ? { commitId: change.commitId } : {}),
    },
    at,
  );
}
