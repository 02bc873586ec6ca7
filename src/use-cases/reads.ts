import { localDate, type Temporal } from "../calendar.js";
import { LEDGER_PATH } from "../config/paths.js";
import { InputError } from "../errors.js";
import type { PortfolioGateway } from "../github/gateway.js";
import type { Snapshot } from "../model/actual.js";
import { type PlanContext, planContext } from "../model/context.js";
import type { RepositorySetup } from "../model/setup.js";
import type { Trust } from "../plan/trust.js";
import { type Ledger, readLedger } from "../progress/ledger.js";
import { loadSetupFromRepository } from "../setup/from-repository.js";
import { readTrustedState, trustFor } from "../trusted-reads.js";

/** The reads every use case shares: what syllabot manages, the ledger, the repository's setup. */

/** Who is trusted, and the managed milestones, labels and issues a trusted author wrote. */
export async function readManaged(
  gateway: PortfolioGateway,
  context: PlanContext,
): Promise<{ trust: Trust; actual: Snapshot }> {
  const trust = await trustFor(gateway, context);
  return { trust, actual: await readTrustedState(gateway, context, trust) };
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
