import { localDate, type Temporal } from "../calendar.js";
import { LEDGER_PATH } from "../config/paths.js";
import { InputError } from "../errors.js";
import type { PortfolioGateway, SnapshotKind } from "../github/gateway.js";
import type { ActualIssue, Snapshot } from "../model/actual.js";
import { labelNames, type PlanContext, planContext } from "../model/context.js";
import type { RepositorySetup } from "../model/setup.js";
import { type Trust, trustedComments, trustedIssues, trustOf } from "../plan/trust.js";
import { type Ledger, readLedger } from "../progress/ledger.js";
import { loadSetupFromRepository } from "../setup/from-repository.js";

/** The reads every use case shares: what syllabot manages, the ledger, the repository's setup. */

/**
 * Who is trusted, and the managed milestones, labels and issues a trusted author wrote (with
 * `kinds`, only those listings; the others are empty).
 */
export async function readManaged(
  gateway: PortfolioGateway,
  context: PlanContext,
  kinds?: readonly SnapshotKind[],
): Promise<{ trust: Trust; actual: Snapshot }> {
  const trust = await trustFor(gateway, context);
  return { trust, actual: await readTrustedState(gateway, context, trust, kinds) };
}

/** The ledger on the default branch (an empty one when there is none). */
export async function readStoredLedger(gateway: PortfolioGateway): Promise<Ledger> {
  return readLedger(await gateway.readFile(LEDGER_PATH));
}

/**
 * A repository's config and curriculum, or undefined when it has none or they are broken: a broken
 * config has its own issue, from sync, and other use cases wait until it is fixed.
 */
export async function validSetup(gateway: PortfolioGateway): Promise<RepositorySetup | undefined> {
  try {
    return await loadSetupFromRepository(gateway);
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
}

/** Where a use case runs for one repository: its gateway, the server's web address for links, the instant. */
export interface RepositoryInput {
  gateway: PortfolioGateway;
  /** Web address of the GitHub server, for links. */
  serverUrl: string;
  now: Temporal.Instant;
}

/** The plan context of a repository's setup, and the learner's date today. */
export function setupContext(
  setup: RepositorySetup,
  input: Pick<RepositoryInput, "serverUrl" | "now">,
): { context: PlanContext; today: Temporal.PlainDate } {
  return {
    context: planContext(setup.config, setup.curriculum, input.serverUrl),
    today: localDate(input.now, setup.config.timezone),
  };
}

/** The inputs of the use cases that read project repositories too. */
export interface HistoryInput {
  gateway: PortfolioGateway;
  context: PlanContext;
  /** A gateway for another repository (a project repository) with the same credentials. */
  gatewayFor: (repo: string) => PortfolioGateway;
}

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
  kinds?: readonly SnapshotKind[],
): Promise<Snapshot> {
  const actual = await gateway.readManagedState(labelNames(context.config.labels.prefix).managed, kinds);
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
