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
  pull_request: z.unknown().optional(),
  /** Who opened it: only an issue a trusted author opened is managed (plan/trust.ts). */
  user: z.looseObject({ login: z.string() }).nullable().optional(),
});

export const snapshotSchema = z.strictObject({
  milestones: z.array(milestone).default([]),
  labels: z.array(label).default([]),
  issues: z.array(issue).default([]),
});

export type Snapshot = z.output<typeof snapshotSchema>;
export type ActualMilestone = Snapshot["milestones"][number];
export type ActualLabel = Snapshot["labels"][number];
export type ActualIssue = Snapshot["issues"][number];

export const EMPTY_SNAPSHOT: Snapshot = { milestones: [], labels: [], issues: [] };

export function labelNamesOf(issue: ActualIssue): string[] {
  return issue.labels
    .map((entry) => (typeof entry === "string" ? entry : entry.name))
    .filter((name): name is string => typeof name === "string");
}
