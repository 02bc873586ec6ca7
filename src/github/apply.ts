import type { Snapshot } from "../model/actual.js";
import { keyOf } from "../model/markers.js";
import type { Operation } from "../plan/operations.js";
import type { IssueFields, LabelFields, MilestoneFields, PortfolioGateway } from "./gateway.js";

export interface AppliedOperation {
  operation: Operation;
  /** The number of the milestone or issue written, when it has one. */
  number?: number;
}

export interface ApplyEvents {
  onApplied?: (applied: AppliedOperation, index: number, total: number) => void;
}

/**
 * Apply a plan serially, in its order (labels, then milestones, then issues). Interrupted at any
 * point, it is resumed by planning again: what was written is found by key, and only the rest is done.
 */
export async function applyOperations(
  gateway: PortfolioGateway,
  operations: readonly Operation[],
  actual: Snapshot,
  events: ApplyEvents = {},
): Promise<AppliedOperation[]> {
  const milestoneNumbers = new Map<string, number>();
  for (const milestone of actual.milestones) {
    const key = keyOf(milestone.description);
    if (key && !milestoneNumbers.has(key)) milestoneNumbers.set(key, milestone.number);
  }
  const resolveMilestone = (value: unknown): number | null => {
    if (typeof value === "number" || value === null) return value;
    const number = milestoneNumbers.get(String(value));
    if (number === undefined)
      throw new Error(`milestone ${String(value)} is neither in the repository nor in the plan`);
    return number;
  };

  const applied: AppliedOperation[] = [];
  for (const [index, operation] of operations.entries()) {
    const result = await applyOne(gateway, operation, resolveMilestone);
    if (operation.kind === "milestone" && result.number !== undefined)
      milestoneNumbers.set(operation.key, result.number);
    applied.push(result);
    events.onApplied?.(result, index, operations.length);
  }
  return applied;
}

async function applyOne(
  gateway: PortfolioGateway,
  operation: Operation,
  resolveMilestone: (value: unknown) => number | null,
): Promise<AppliedOperation> {
  const fields = operation.fields;
  switch (operation.kind) {
    case "label":
      if (operation.op === "create") await gateway.createLabel(fields as unknown as LabelFields);
      else await gateway.updateLabel(operation.title, fields as Partial<LabelFields>);
      return { operation };
    case "milestone": {
      const milestone =
        operation.op === "create"
          ? await gateway.createMilestone(operation.key, fields as unknown as MilestoneFields)
          : await gateway.updateMilestone(requireNumber(operation), fields as Partial<MilestoneFields>);
      return { operation, number: milestone.number };
    }
    case "issue": {
      const { state, state_reason, ...rest } = fields as Partial<IssueFields>;
      const withMilestone =
        "milestone" in rest ? { ...rest, milestone: resolveMilestone(rest.milestone) } : rest;
      if (operation.op === "create") {
        const created = await gateway.createIssue(
          operation.key,
          withMilestone as Omit<IssueFields, "state" | "state_reason">,
        );
        // GitHub creates issues open; a backfilled week is closed right after.
        if (state === "closed" && created.state !== "closed") {
          await gateway.updateIssue(created.number, { state, state_reason: state_reason ?? "completed" });
        }
        return { operation, number: created.number };
      }
      const stateFields =
        state === undefined ? {} : { state, ...(state_reason === undefined ? {} : { state_reason }) };
      const updated = await gateway.updateIssue(requireNumber(operation), {
        ...withMilestone,
        ...stateFields,
      });
      return { operation, number: updated.number };
    }
  }
}

function requireNumber(operation: Operation): number {
  if (operation.number === undefined)
    throw new Error(`${operation.op} ${operation.kind} ${operation.key} has no number`);
  return operation.number;
}
