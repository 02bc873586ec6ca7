import { GitHubError, github } from "./errors.js";
import type { GitHubClient } from "./octokit.js";

/**
 * The login a token acts as. GraphQL's `viewer` answers for every kind of token: a personal
 * token's user, and an installation token's `slug[bot]` (the workflow's GITHUB_TOKEN is
 * `github-actions[bot]`), where REST's `GET /user` refuses installation tokens. Octokit sends it to
 * `/api/graphql` on GitHub Enterprise Server.
 */
async function viewerLogin(client: GitHubClient, repo: string): Promise<string> {
  const action = "find out which account the token acts as";
  const answer = await github(repo, action, () =>
    client.graphql<{ viewer?: { login?: unknown } }>("query { viewer { login } }"),
  );
  const login = answer.viewer?.login;
  if (typeof login !== "string" || login === "")
    throw new GitHubError({ status: undefined, repo, action, detail: "GraphQL's viewer has no login" });
  return login;
}

const known = new WeakMap<GitHubClient, Promise<string>>();

/** The token's login, asked once per client. */
export function clientIdentity(client: GitHubClient, repo: string): Promise<string> {
  let login = known.get(client);
  if (!login) {
    login = viewerLogin(client, repo);
    // A failed lookup is asked again next time rather than remembered.
    login.catch(() => known.delete(client));
    known.set(client, login);
  }
  return login;
}

/** A login resolved once and shared, e.g. by every installation client of one app. */
export function sharedIdentity(resolve: () => Promise<string>): () => Promise<string> {
  let login: Promise<string> | undefined;
  return () => {
    if (!login) {
      login = resolve();
      login.catch(() => {
        login = undefined;
      });
    }
    return login;
  };
}
