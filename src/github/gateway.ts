import type { ActualIssue, ActualLabel, ActualMilestone, Snapshot } from "../plan/actual.js";

export interface LabelFields {
  name: string;
  color: string;
  description: string;
}

export interface MilestoneFields {
  title: string;
  description: string;
  due_on: string;
  state: "open" | "closed";
}

export interface IssueFields {
  title: string;
  body: string;
  labels: string[];
  milestone: number | null;
  state: "open" | "closed";
  state_reason: "completed" | "not_planned" | "reopened" | null;
}

/**
 * The one door to GitHub for a portfolio repository. The REST implementation talks to GitHub (or
 * GitHub Enterprise Server, or the emulator); tests may hold any other implementation.
 * Creates are idempotent by key: a create whose answer was lost is never simply repeated.
 */
export interface PortfolioGateway {
  /** "owner/name" */
  readonly repo: string;
  /** Milestones, labels, and the issues carrying the managed label: one listing per kind. */
  readManagedState(managedLabel: string): Promise<Snapshot>;
  /** Every issue, labelled or not: to find managed issues whose label the learner removed. */
  readAllIssues(): Promise<ActualIssue[]>;
  createLabel(fields: LabelFields): Promise<ActualLabel>;
  updateLabel(name: string, fields: Partial<LabelFields>): Promise<ActualLabel>;
  createMilestone(key: string, fields: MilestoneFields): Promise<ActualMilestone>;
  updateMilestone(number: number, fields: Partial<MilestoneFields>): Promise<ActualMilestone>;
  createIssue(key: string, fields: Omit<IssueFields, "state" | "state_reason">): Promise<ActualIssue>;
  updateIssue(number: number, fields: Partial<IssueFields>): Promise<ActualIssue>;
}
