import type { Config } from "../config/schema.js";
import type { RepositorySetup } from "../model/setup.js";

export interface Portfolio extends RepositorySetup {
  /** "owner/name" of the portfolio repository. */
  repo: string;
}

/** The repositories a config has tracked: its projects' (whole or a folder), its DSA and its work repositories, each once. */
export function trackedRepositories(config: Config): string[] {
  const repos = [
    ...Object.values(config.projects).map((location) => location.repo),
    ...(config.dsa ? [config.dsa] : []),
    ...config.work_repos,
  ];
  const seen = new Set<string>();
  return repos.filter((repo) => {
    const key = repo.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The portfolios that track a repository: those whose config maps a project, DSA or work to it. */
export function portfoliosTracking(portfolios: readonly Portfolio[], repo: string): Portfolio[] {
  const wanted = repo.toLowerCase();
  return portfolios.filter((portfolio) =>
    trackedRepositories(portfolio.config).some((tracked) => tracked.toLowerCase() === wanted),
  );
}
