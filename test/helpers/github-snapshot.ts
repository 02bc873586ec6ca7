import { Temporal } from "temporal-polyfill";
import { githubDueDate } from "../../src/calendar.js";
import type { ActualIssue, ActualMilestone, Snapshot } from "../../src/model/actual.js";
import { numberOf, type SubIssueOperation, type SyncOperation } from "../../src/model/operations.js";

/**
 * Applies operations to a snapshot as GitHub stores them: `due_on` floored to midnight US Pacific,
 * one number sequence for issues, labels added by name, milestones referenced by number.
 */
export function applyAsGitHub(
  start: Snapshot,
  operations: readonly SyncOperation[],
  now = "2026-03-02T10:00:00Z",
): Snapshot {
  const snapshot: Snapshot = structuredClone(start);
  let next = Math.max(0, ...snapshot.issues.map((issue) => issue.number)) + 1;
  let nextMilestone = Math.max(0, ...snapshot.milestones.map((milestone) => milestone.number)) + 1;
  const milestoneNumber = (value: unknown) =>
    typeof value === "number"
      ? value
      : snapshot.milestones.find((milestone) =>
          milestone.description?.includes(`syllabot:key=${String(value)} `),
        )?.number;
  for (const operation of operations) {
    const fields: Record<string, unknown> = { ...operation.fields };
    if (operation.kind === "sub-issue") {
      linkAsGitHub(snapshot, operation.fields);
      continue;
    }
    if (operation.kind === "label") {
      const existing = snapshot.labels.find((label) => label.name.toLowerCase() === operation.key);
      if (existing) Object.assign(existing, fields);
      else
        snapshot.labels.push({
          name: String(fields.name),
          color: String(fields.color),
          description: String(fields.description),
        });
    } else if (operation.kind === "milestone") {
      const stored = { ...fields } as Partial<ActualMilestone>;
      if (typeof fields.due_on === "string") stored.due_on = storedDueOn(fields.due_on);
      if (operation.op === "create") {
        snapshot.milestones.push({
          number: nextMilestone++,
          title: String(fields.title),
          description: String(fields.description),
          state: "open",
          due_on: stored.due_on ?? null,
          created_at: now,
        });
      } else {
        Object.assign(
          snapshot.milestones.find((milestone) => milestone.number === numberOf(operation)) ?? {},
          stored,
        );
      }
    } else if (operation.op === "create") {
      const number = milestoneNumber(fields.milestone);
      const created = next++;
      const issue: ActualIssue = {
        id: ISSUE_IDS + created,
        number: created,
        url: `${API}/issues/${created}`,
        title: String(fields.title),
        body: String(fields.body),
        state: fields.state === "closed" ? "closed" : "open",
        state_reason: (fields.state_reason as string | undefined) ?? null,
        labels: (fields.labels as string[]).map((name) => ({ name })),
        milestone: number === undefined ? null : { number },
        created_at: now,
        sub_issues_summary: { total: 0 },
        parent_issue_url: null,
      };
      snapshot.issues.push(issue);
    } else {
      const issue = snapshot.issues.find((candidate) => candidate.number === numberOf(operation));
      if (!issue) throw new Error(`no issue #${numberOf(operation)}`);
      if (fields.title !== undefined) issue.title = String(fields.title);
      if (fields.body !== undefined) issue.body = String(fields.body);
      if (fields.state === "open" || fields.state === "closed") {
        issue.state_reason =
          fields.state === "open"
            ? "reopened"
            : ((fields.state_reason as string | undefined) ?? issue.state_reason ?? "completed");
        issue.state = fields.state;
      }
      if (fields.labels !== undefined) issue.labels = (fields.labels as string[]).map((name) => ({ name }));
      if (fields.milestone !== undefined) {
        const number = milestoneNumber(fields.milestone);
        issue.milestone = number === undefined ? null : { number };
      }
    }
  }
  return snapshot;
}

const API = "https://api.github.com/repos/octocat/portfolio";
/** Ids of issues this helper creates: their number plus this. */
const ISSUE_IDS = 1_000_000;

/** A sub-issue link as GitHub records it: the child names its parent, the parent counts it. */
function linkAsGitHub(snapshot: Snapshot, fields: SubIssueOperation["fields"]): void {
  const byKey = (key: string) =>
    snapshot.issues.find((issue) => issue.body?.includes(`syllabot:key=${key} `));
  const parent =
    typeof fields.parent === "number"
      ? snapshot.issues.find((issue) => issue.number === fields.parent)
      : byKey(fields.parent);
  const child =
    typeof fields.sub_issue === "string"
      ? byKey(fields.sub_issue)
      : snapshot.issues.find((issue) => issue.id === (fields.sub_issue as { id: number }).id);
  if (!parent || !child) throw new Error("no issue to link");
  child.parent_issue_url = parent.url ?? `${API}/issues/${parent.number}`;
  parent.sub_issues_summary = { total: (parent.sub_issues_summary?.total ?? 0) + 1 };
}

/** What GitHub returns for a sent `due_on`: the Pacific date, at Pacific midnight, in UTC. */
export function storedDueOn(sent: string): string {
  const date = githubDueDate(sent);
  return date.toZonedDateTime({ timeZone: "America/Los_Angeles" }).toInstant().toString();
}

export { Temporal };

/** An operation's fields as plain data, for assertions that read one field of any kind. */
export function fieldsOf(operation: { fields: object } | undefined): Record<string, unknown> {
  return { ...operation?.fields };
}
