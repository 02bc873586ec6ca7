import type { PortfolioGateway } from "../github/gateway.js";
import type { Portfolio } from "../progress/portfolios.js";
import { validSetup } from "./reads.js";

/**
 * The portfolios among `repos`: those holding a valid config (a broken one is reported by its own
 * sync, not here). One read of the config per repository.
 */
export async function findPortfolios(
  repos: readonly string[],
  gatewayFor: (repo: string) => PortfolioGateway,
): Promise<Portfolio[]> {
  const found: Portfolio[] = [];
  for (const repo of repos) {
    const setup = await validSetup(gatewayFor(repo));
    if (setup) found.push({ repo, ...setup });
  }
  return found;
}
