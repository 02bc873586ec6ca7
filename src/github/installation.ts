import { github } from "./errors.js";
import type { GitHubClient } from "./octokit.js";

/** The repositories an installation token can see, as "owner/name". */
export async function listInstallationRepositories(client: GitHubClient): Promise<string[]> {
  const repositories = await github("the installation", "list its repositories", () =>
    client.paginate(client.rest.apps.listReposAccessibleToInstallation, { per_page: 100 }),
  );
  return repositories.map((repository) => repository.full_name);
}
