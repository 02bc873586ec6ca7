import type { ActualIssue, ActualMilestone } from "../model/actual.js";
import { keyOf } from "../model/markers.js";
import type { IssueOperation, IssueReference, MilestoneReference, Operation } from "../model/operations.js";
import { GitHubError } from "./errors.js";
import type { PortfolioGateway } from "./gateway.js";

export interface AppliedOperation {
  operation: Operation;
  /** The number of the milestone or issue written (or check run), when it has one. */
  number?: number;
  /** The issue a create made, as GitHub answered it (its id names it as a sub-issue). */
  issue?: ActualIssue;
  /** The commit made by a commit of files; undefined when the files already held that text. */
  commit?: { sha: string };
}

export interface RefusedOperation {
  operation: Operation;
  error: GitHubError;
}

export interface ApplyEvents {
  onApplied?: (applied: AppliedOperation, index: number, total: number) => void;
}

export interface ApplyOptions {
  events?: ApplyEvents;
  /** Milestones already in the repository, for issues whose milestone the plan names by key. */
  milestones?: readonly ActualMilestone[];
  /** Issues already in the repository, for sub-issue links that name an issue by key. */
  issues?: readonly ActualIssue[];
  /**
   * Keep going when GitHub refuses a write about one object (404, 410, 422): the rest of its
   * group is skipped and the refusal reported. Otherwise every error stops the run, but for a
   * sub-issue link, which is always reported and passed: a link is a convenience of GitHub's UI,
   * and the week the learner put under another issue must not stop the sync of everything else.
   */
  tolerateRefusals?: boolean;
}

export interface ApplyResult {
  applied: AppliedOperation[];
  refused: RefusedOperation[];
}

/**
 * Apply a plan serially, in its order (labels, then milestones, then issues; a close before its
 * comment). Interrupted at any point, it is resumed by planning again: what was written is found
 * by key, and only the rest is done.
 */
export async function applyOperations(
  gateway: PortfolioGateway,
  operations: readonly Operation[],
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const milestoneNumbers = new Map<string, number>();
  for (const milestone of options.milestones ?? []) {
    const key = keyOf(milestone.description);
    if (key && !milestoneNumbers.has(key)) milestoneNumbers.set(key, milestone.number);
  }
  const resolveMilestone = (value: MilestoneReference): number | null => {
    if (typeof value === "number" || value === null) return value;
    const number = milestoneNumbers.get(value);
    if (number === undefined)
      throw new Error(`milestone ${value} is neither in the repository nor in the plan`);
    return number;
  };

  const issueIds = new Map<string, { number: number; id: number }>();
  const rememberIssue = (key: string | undefined, issue: { number: number; id?: number | undefined }) => {
    if (key !== undefined && issue.id !== undefined && !issueIds.has(key))
      issueIds.set(key, { number: issue.number, id: issue.id });
  };
  for (const issue of options.issues ?? []) rememberIssue(keyOf(issue.body), issue);
  const resolveIssue = (value: IssueReference) => {
    if (typeof value !== "string") return value;
    const found = issueIds.get(value);
    if (found === undefined) throw new Error(`issue ${value} is neither in the repository nor in the plan`);
    return found;
  };

  const result: ApplyResult = { applied: [], refused: [] };
  const failedGroups = new Set<string>();
  for (const [index, operation] of operations.entries()) {
    if (operation.group !== undefined && failedGroups.has(operation.group)) continue;
    let applied: AppliedOperation;
    try {
      applied = await applyOne(gateway, operation, resolveMilestone, resolveIssue);
    } catch (error) {
      const tolerated = options.tolerateRefusals || operation.op === "link";
      if (!tolerated || !refusedForThisObject(error)) throw error;
      if (operation.group !== undefined) failedGroups.add(operation.group);
      result.refused.push({ operation, error });
      continue;
    }
    if (operation.kind === "milestone" && applied.number !== undefined)
      milestoneNumbers.set(operation.key, applied.number);
    if (operation.kind === "issue" && operation.op === "create" && applied.issue)
      rememberIssue(operation.key, applied.issue);
    result.applied.push(applied);
    options.events?.onApplied?.(applied, index, operations.length);
  }
  return result;
}

/**
 * GitHub refused a write about one object (422: the text or the change is invalid; 404 or 410:
 * it is gone), as opposed to a failure that every later request would meet too.
 */
function refusedForThisObject(error: unknown): error is GitHubError {
  return error instanceof GitHubError && [404, 410, 422].includes(error.status ?? 0);
}

async function applyOne(
  gateway: PortfolioGateway,
  operation: Operation,
  resolveMilestone: (value: MilestoneReference) => number | null,
  resolveIssue: (value: IssueReference) => { number: number; id: number },
): Promise<AppliedOperation> {
  switch (operation.kind) {
    case "label":
      if (operation.op === "create") await gateway.createLabel(operation.fields);
      else await gateway.updateLabel(operation.title, operation.fields);
      return { operation };
    case "milestone": {
      const milestone =
        operation.op === "create"
          ? await gateway.createMilestone(operation.key, operation.fields)
          : await gateway.updateMilestone(operation.number, operation.fields);
      return { operation, number: milestone.number };
    }
    case "issue":
      if (operation.op === "comment") {
        await gateway.commentOnIssue(operation.number, operation.fields.body);
        return { operation, number: operation.number };
      }
      return applyIssue(gateway, operation, resolveMilestone);
    case "file": {
      const { message, author, read } = operation.fields;
      const commit = await gateway.commitFiles({
        message,
        ...(author ? { author } : {}),
        read,
        render: operation.render,
      });
      return commit ? { operation, commit } : { operation };
    }
    case "check-run": {
      const run = await gateway.publishCheckRun(operation.fields);
      return { operation, number: run.id };
    }
    case "sub-issue": {
      const { parent, sub_issue } = operation.fields;
      const number = typeof parent === "number" ? parent : resolveIssue(parent).number;
      await gateway.addSubIssue(number, resolveIssue(sub_issue).id);
      return { operation, number };
    }
  }
}

async function applyIssue(
  gateway: PortfolioGateway,
  operation: IssueOperation,
  resolveMilestone: (value: MilestoneReference) => number | null,
): Promise<AppliedOperation> {
  if (operation.op === "create") {
    const { state, state_reason, milestone, ...rest } = operation.fields;
    const created = await gateway.createIssue(operation.key, {
      ...rest,
      milestone: resolveMilestone(milestone),
    });
    // GitHub creates issues open; a backfilled week is closed right after.
    if (state === "closed" && created.state !== "closed") {
      await gateway.updateIssue(created.number, { state, state_reason: state_reason ?? "completed" });
    }
    return { operation, number: created.number, issue: created };
  }
  const { milestone, ...rest } = operation.fields;
  const updated = await gateway.updateIssue(operation.number, {
    ...rest,
    ...(milestone === undefined ? {} : { milestone: resolveMilestone(milestone) }),
  });
  return { operation, number: updated.number };
}
