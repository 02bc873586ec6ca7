import type { RepositorySetup } from "../setup/from-repository.js";

export interface Portfolio extends RepositorySetup {
  /** "owner/name" of the portfolio repository. */
  repo: string;
}

/** The portfolios that track a repository: those whose config maps a project to it. */
export function portfoliosTracking(portfolios: readonly Portfolio[], repo: string): Portfolio[] {
  const wanted = repo.toLowerCase();
  return portfolios.filter((portfolio) =>
    Object.values(portfolio.config.projects).some((project) => project.toLowerCase() === wanted),
  );
}
