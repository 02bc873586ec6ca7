import { ApiError } from "./errors.js";
import type { Store } from "./store.js";

/** GitHub's documentation link in a redirect's body. */
const REDIRECT_DOCS = "https://docs.github.com/v3/#http-redirects";

const BY_ID = /^\/repositories\/(\d+)(\/.*)?$/;
const BY_NAME = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/;

const decode = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/**
 * GitHub serves every repository route under `/repositories/{id}` as under
 * `/repos/{owner}/{repo}` (the address its redirects point to): the path to route such a request
 * by, or the path itself.
 */
export function routablePath(store: Store, path: string): string {
  const byId = BY_ID.exec(path);
  if (!byId) return path;
  const repo = store.state.repos.find((candidate) => candidate.id === Number(byId[1]));
  if (!repo) return path;
  return `/repos/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}${byId[2] ?? ""}`;
}

/**
 * After a rename GitHub answers requests to the old name with a redirect to the repository's id
 * address: 301 for a GET (and HEAD), 307 for any other method (both "Moved Permanently"), which a client repeats with the same method and body. Undefined when the path names no
 * former repository name (or a repository has taken the name since).
 */
export function renameRedirect(
  store: Store,
  apiRoot: string,
  method: string,
  path: string,
  search: string,
): ApiError | undefined {
  const named = BY_NAME.exec(path);
  if (!named?.[1] || !named[2]) return undefined;
  const owner = decode(named[1]);
  const name = decode(named[2]);
  if (store.findRepo(owner, name)) return undefined;
  const lower = name.toLowerCase();
  const renamed = store.state.repos.find(
    (repo) =>
      repo.owner.toLowerCase() === owner.toLowerCase() &&
      (repo.formerNames ?? []).some((former) => former.toLowerCase() === lower),
  );
  if (!renamed) return undefined;
  const location = `${apiRoot}/repositories/${renamed.id}${named[3] ?? ""}${search}`;
  const permanent = method === "GET" || method === "HEAD";
  return new ApiError(
    permanent ? 301 : 307,
    {
      // GitHub's 307 says "Moved Permanently" too (octokit/fixtures' rename-repository recording).
      message: "Moved Permanently",
      url: location,
      documentation_url: REDIRECT_DOCS,
    },
    { location },
  );
}

const PAGED_BY_NAME = /^((?:\/api\/v3)?)\/repos\/([^/]+)\/([^/]+)(\/.*)?$/;

/**
 * The URL a list's `Link` header pages from: GitHub names a repository's pages by its id address
 * (`/repositories/{id}/issues?page=2`, as api.github.com's recordings show), which stays right
 * after a rename; any other list pages from its own URL.
 */
export function pagingUrl(store: Store, url: URL): URL {
  const named = PAGED_BY_NAME.exec(url.pathname);
  if (!named?.[2] || !named[3]) return url;
  const repo = store.findRepo(decode(named[2]), decode(named[3]));
  if (!repo) return url;
  const paged = new URL(url);
  paged.pathname = `${named[1]}/repositories/${repo.id}${named[4] ?? ""}`;
  return paged;
}
