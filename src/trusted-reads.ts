import type { PortfolioGateway } from "./github/gateway.js";
import type { ActualIssue, Snapshot } from "./model/actual.js";
import { labelNames, type PlanContext } from "./model/context.js";
import { type Trust, trustedComments, trustedIssues, trustOf } from "./plan/trust.js";

/**
 * The reads through which syllabot learns what it manages: only what a trusted author wrote
 * (plan/trust.ts). Anything else in a public portfolio is a stranger's text, never syllabot's.
 */

/** syllabot's own identity, the learner's and the config's trusted authors (none without a config). */
export async function trustFor(gateway: PortfolioGateway, context?: PlanContext): Promise<Trust> {
  return trustOf({
    self: await gateway.identity(),
    learner: context?.config.learner,
    others: context?.config.trusted_authors,
  });
}

/** Milestones, labels, and the managed issues a trusted author opened. */
export async function readTrustedState(
  gateway: PortfolioGateway,
  context: PlanContext,
  trust: Trust,
): Promise<Snapshot> {
  const actual = await gateway.readManagedState(labelNames(context.config.labels.prefix).managed);
  return { ...actual, issues: trustedIssues(trust, actual.issues) };
}

/** Every issue a trusted author opened, labelled or not. */
export async function readTrustedIssues(gateway: PortfolioGateway, trust: Trust): Promise<ActualIssue[]> {
  return trustedIssues(trust, await gateway.readAllIssues());
}

/** An issue's comments by trusted authors: the only ones whose markers say what syllabot did. */
export async function readTrustedComments(gateway: PortfolioGateway, number: number, trust: Trust) {
  return trustedComments(trust, await gateway.listIssueComments(number));
}
