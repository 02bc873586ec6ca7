import { z } from "zod";

/**
 * What planning reads of a repository: milestones, labels and issues exactly as GitHub's REST API
 * lists them. Only the fields used are checked; the rest of GitHub's objects pass through. That
 * the fields match GitHub's own OpenAPI types is checked in test/model/actual.test.ts, so that this
 * pure module does not import Octokit's types.
 */
const label = z.looseObject({
  name: z.string(),
  color: z.string(),
  description: z.string().nullable().optional(),
});

const milestone = z.looseObject({
  number: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  state: z.enum(["open", "closed"]),
  due_on: z.string().nullable(),
  created_at: z.string(),
});

const issue = z.looseObject({
  /** GitHub's id, which names an issue as a sub-issue. */
  id: z.number().int().optional(),
  number: z.number().int(),
  title: z.string(),
  body: z.string().nullable().optional(),
  state: z.string(),
  state_reason: z.string().nullable().optional(),
  labels: z.array(z.union([z.string(), z.looseObject({ name: z.string().optional() })])),
  milestone: z.looseObject({ number: z.number().int() }).nullable(),
  created_at: z.string(),
  closed_at: z.string().nullable().optional(),
  html_url: z.string().optional(),
  /** Its API URL, as a sub-issue's `parent_issue_url` names it. */
  url: z.string().optional(),
  pull_request: z.unknown().optional(),
  /** Who opened it: only an issue a trusted author opened is managed (plan/trust.ts). */
  user: z.looseObject({ login: z.string() }).nullable().optional(),
  /** Its sub-issues' count; absent where GitHub does not send it. */
  sub_issues_summary: z.looseObject({ total: z.number().int() }).optional(),
  /** How many comments it has; absent where GitHub does not send it. */
  comments: z.number().int().optional(),
  /** Its parent's API URL, null for none; absent where GitHub does not send it. */
  parent_issue_url: z.string().nullable().optional(),
});

export const snapshotSchema = z.strictObject({
  milestones: z.array(milestone).default([]),
  labels: z.array(label).default([]),
  issues: z.array(issue).default([]),
  /**
   * The ids of some issues' sub-issues, by the parent's number: read only for project issues whose
   * summary says links are missing and whose weeks do not name their parent.
   */
  sub_issues: z.record(z.string(), z.array(z.number().int())).optional(),
});

export type Snapshot = z.output<typeof snapshotSchema>;
export type ActualMilestone = Snapshot["milestones"][number];
export type ActualLabel = Snapshot["labels"][number];
export type ActualIssue = Snapshot["issues"][number];

export const EMPTY_SNAPSHOT: Snapshot = { milestones: [], labels: [], issues: [] };

/**
 * The milestones the issues are in, as GitHub embeds each in full in an issue it lists: what a
 * reader that needs no milestone without issues (the README, the calendar) takes instead of
 * listing the milestones, whose listing changes with every issue closed.
 */
export function milestonesOfIssues(issues: readonly ActualIssue[]): ActualMilestone[] {
  const found = new Map<number, ActualMilestone>();
  for (const issue of issues) {
    const parsed = milestone.safeParse(issue.milestone);
    if (parsed.success && !found.has(parsed.data.number)) found.set(parsed.data.number, parsed.data);
  }
  return [...found.values()].sort((a, b) => a.number - b.number);
}

export function labelNamesOf(issue: ActualIssue): string[] {
  return issue.labels
    .map((entry) => (typeof entry === "string" ? entry : entry.name))
    .filter((name): name is string => typeof name === "string");
}
