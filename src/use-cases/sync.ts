import type { Temporal } from "../calendar.js";
import {
  type AppliedOperation,
  type ApplyEvents,
  applyOperations,
  type RefusedOperation,
} from "../github/apply.js";
import type { PortfolioGateway } from "../github/gateway.js";
import type { Snapshot } from "../model/actual.js";
import type { PlanContext } from "../model/context.js";
import { keyOf } from "../model/markers.js";
import { type Plan, plan } from "../plan/index.js";
import { subIssueListingsNeeded } from "../plan/sub-issues.js";
import { readManaged, readTrustedIssues } from "./reads.js";

export interface SyncInput {
  gateway: PortfolioGateway;
  context: PlanContext;
  /** The learner's local date. */
  today: Temporal.PlainDate;
  dryRun?: boolean;
  events?: ApplyEvents & { onPlanned?: (plan: Plan) => void };
}

export interface SyncResult {
  plan: Plan;
  /** The repository as read before applying. */
  actual: Snapshot;
  /** Undefined on a dry run. */
  applied?: AppliedOperation[];
  /**
   * Sub-issue links GitHub refused (a week the learner put under another issue, where the listing
   * did not say so): reported, and the rest of the sync done. Empty on a dry run.
   */
  refused: RefusedOperation[];
}

/** Curriculum -> milestones, labels and issues: read the repository, plan, apply. */
export async function sync(input: SyncInput): Promise<SyncResult> {
  const { gateway, context, today } = input;
  const managed = await readManaged(gateway, context);
  let actual = await withSubIssues(gateway, context, managed.actual);
  let planned = plan(context, actual, today);
  if (planned.operations.some((operation) => operation.op === "create" && operation.kind === "issue")) {
    // An issue whose managed label the learner removed is missing from the labelled listing: find
    // it by key before creating a duplicate. This costs a listing only when something is created.
    actual = withUnlabelledIssues(actual, await readTrustedIssues(gateway, managed.trust));
    planned = plan(context, actual, today);
  }
  input.events?.onPlanned?.(planned);
  if (input.dryRun) return { plan: planned, actual, refused: [] };
  const { applied, refused } = await applyOperations(gateway, planned.operations, {
    milestones: actual.milestones,
    issues: actual.issues,
    ...(input.events ? { events: input.events } : {}),
  });
  return { plan: planned, actual, applied, refused };
}

function withUnlabelledIssues(actual: Snapshot, all: Snapshot["issues"]): Snapshot {
  const known = new Set(actual.issues.map((issue) => issue.number));
  const unlabelled = all.filter((issue) => !known.has(issue.number) && keyOf(issue.body) !== undefined);
  return unlabelled.length === 0 ? actual : { ...actual, issues: [...actual.issues, ...unlabelled] };
}

/**
 * The sub-issues of the project issues whose listing does not tell which weeks are linked: none
 * when GitHub names each issue's parent, or when each project's summary counts all its weeks.
 */
async function withSubIssues(
  gateway: PortfolioGateway,
  context: PlanContext,
  actual: Snapshot,
): Promise<Snapshot> {
  const needed = subIssueListingsNeeded(context, actual);
  if (needed.length === 0) return actual;
  const subIssues: Record<string, number[]> = { ...actual.sub_issues };
  for (const number of needed) subIssues[String(number)] = await gateway.listSubIssueIds(number);
  return { ...actual, sub_issues: subIssues };
}
