import { githubDueDate } from "../calendar.js";
import { type ActualIssue, type ActualMilestone, labelNamesOf, type Snapshot } from "../model/actual.js";
import { keyOf, titleIsOurs } from "../model/markers.js";
import type {
  IssueChangeFields,
  IssueCreateFields,
  LabelFields,
  MilestoneFields,
  SyncOperation,
} from "../model/operations.js";
import { mergeManagedBody, normalizeNewlines } from "../render/managed-body.js";
import { fitText, GITHUB_LIMITS } from "../text/github-limits.js";
import type { DesiredIssue, DesiredLabel, DesiredMilestone, DesiredState } from "./desired.js";

/**
 * Operations that turn `actual` into `desired`: create what is missing, update only what differs,
 * never delete, never reopen. The learner's renames, ticked boxes and text outside the managed
 * region are theirs.
 */
export function diff(desired: DesiredState, actual: Snapshot): SyncOperation[] {
  const milestones = byKey(actual.milestones, (milestone) => keyOf(milestone.description));
  const issues = byKey(
    actual.issues.filter((issue) => issue.pull_request === undefined),
    (issue) => keyOf(issue.body),
  );
  const labels = new Map(actual.labels.map((label) => [label.name.toLowerCase(), label]));
  return [
    ...desired.labels.flatMap((label) => diffLabel(label, labels.get(label.key))),
    ...desired.milestones.flatMap((milestone) => diffMilestone(milestone, milestones.get(milestone.key))),
    ...desired.issues.flatMap((issue) => diffIssue(issue, issues.get(issue.key), milestones)),
  ];
}

/** Objects by key; when a key appears twice (made by hand or by an old bug), the oldest one is ours. */
export function byKey<T extends { number: number }>(
  items: readonly T[],
  key: (item: T) => string | undefined,
): Map<string, T> {
  const found = new Map<string, T>();
  for (const item of items) {
    const itemKey = key(item);
    if (itemKey === undefined) continue;
    const previous = found.get(itemKey);
    if (!previous || item.number < previous.number) found.set(itemKey, item);
  }
  return found;
}

function diffLabel(desired: DesiredLabel, actual: Snapshot["labels"][number] | undefined): SyncOperation[] {
  const fields = { name: desired.name, color: desired.color, description: desired.description };
  if (!actual) return [{ op: "create", kind: "label", key: desired.key, title: desired.description, fields }];
  const changed: Partial<LabelFields> = {};
  if (actual.color.toLowerCase() !== desired.color) changed.color = desired.color;
  if ((actual.description ?? "") !== desired.description) changed.description = desired.description;
  return Object.keys(changed).length === 0
    ? []
    : [{ op: "update", kind: "label", key: desired.key, title: actual.name, fields: changed }];
}

function diffMilestone(desired: DesiredMilestone, actual: ActualMilestone | undefined): SyncOperation[] {
  if (!actual) {
    const fields = {
      title: desired.title,
      description: desired.description,
      due_on: desired.due_on,
      state: "open" as const,
    };
    return [{ op: "create", kind: "milestone", key: desired.key, title: desired.title, fields }];
  }
  const changed: Partial<MilestoneFields> = {};
  if (actual.title !== desired.title && titleIsOurs(actual.description, actual.title))
    changed.title = desired.title;
  const description = fitText(
    mergeManagedBody(actual.description, desired.description),
    GITHUB_LIMITS.milestoneDescription,
  );
  if (description !== normalizeNewlines(actual.description ?? "")) changed.description = description;
  if (actual.due_on === null || !githubDueDate(actual.due_on).equals(desired.dueDate))
    changed.due_on = desired.due_on;
  return Object.keys(changed).length === 0
    ? []
    : [
        {
          op: "update",
          kind: "milestone",
          key: desired.key,
          title: actual.title,
          number: actual.number,
          fields: changed,
        },
      ];
}

function diffIssue(
  desired: DesiredIssue,
  actual: ActualIssue | undefined,
  milestones: ReadonlyMap<string, ActualMilestone>,
): SyncOperation[] {
  const milestone = milestones.get(desired.milestoneKey)?.number ?? desired.milestoneKey;
  const backfillClose = desired.backfill ? BACKFILL_CLOSE[desired.backfill] : undefined;
  if (!actual) {
    if (desired.backfill === "skip") return [];
    const fields: IssueCreateFields = {
      title: desired.title,
      body: desired.body,
      labels: desired.labels,
      milestone,
      ...backfillClose,
    };
    return [{ op: "create", kind: "issue", key: desired.key, title: desired.title, fields }];
  }
  const changed: IssueChangeFields = {};
  if (actual.title !== desired.title && titleIsOurs(actual.body, actual.title)) changed.title = desired.title;
  // The learner's text around the region counts too: the region is cut to leave it room.
  const body = fitText(mergeManagedBody(actual.body, desired.body), GITHUB_LIMITS.issueBody);
  if (body !== normalizeNewlines(actual.body ?? "")) changed.body = body;
  const present = labelNamesOf(actual);
  const lower = new Set(present.map((name) => name.toLowerCase()));
  const missing = desired.labels.filter((name) => !lower.has(name.toLowerCase()));
  if (missing.length > 0) changed.labels = [...present, ...missing];
  if (actual.milestone === null) changed.milestone = milestone;
  // Weeks that the start, time zone or curriculum moved before installation are closed as backfill
  // would have made them, once: an issue the learner reopened is theirs.
  const closing = backfillClose && actual.state === "open" && actual.state_reason !== "reopened";
  if (closing) Object.assign(changed, backfillClose);
  return Object.keys(changed).length === 0
    ? []
    : [
        {
          op: closing ? "close" : "update",
          kind: "issue",
          key: desired.key,
          title: actual.title,
          number: actual.number,
          fields: changed,
          ...(closing ? { reason: `ended before installation (backfill: ${desired.backfill})` } : {}),
        },
      ];
}

/** How backfill closes an issue whose weeks ended before installation, by policy. */
const BACKFILL_CLOSE: Record<
  NonNullable<DesiredIssue["backfill"]>,
  { state: "closed"; state_reason: "completed" | "not_planned" } | undefined
> = {
  close: { state: "closed", state_reason: "completed" },
  skip: { state: "closed", state_reason: "not_planned" },
  open: undefined,
};

export { installationDate } from "./installation.js";
