import { anonymousLimits, type RateLimits } from "../limits.js";
import { ok, type RouteDefinition } from "../route.js";
import type { Urls } from "../urls.js";

/** api.github.com's root (`GET /`): URL templates of the main resources, on the request's base. */
function apiRoot(urls: Urls): Record<string, string> {
  const { api, web } = urls;
  const search = (kind: string) => `${api}/search/${kind}?q={query}{&page,per_page,sort,order}`;
  return {
    current_user_url: `${api}/user`,
    current_user_authorizations_html_url: `${web}/settings/connections/applications{/client_id}`,
    authorizations_url: `${api}/authorizations`,
    code_search_url: search("code"),
    commit_search_url: search("commits"),
    emails_url: `${api}/user/emails`,
    emojis_url: `${api}/emojis`,
    events_url: `${api}/events`,
    feeds_url: `${api}/feeds`,
    followers_url: `${api}/user/followers`,
    following_url: `${api}/user/following{/target}`,
    gists_url: `${api}/gists{/gist_id}`,
    hub_url: `${api}/hub`,
    issue_search_url: search("issues"),
    issues_url: `${api}/issues`,
    keys_url: `${api}/user/keys`,
    label_search_url: `${api}/search/labels?q={query}&repository_id={repository_id}{&page,per_page}`,
    notifications_url: `${api}/notifications`,
    organization_url: `${api}/orgs/{org}`,
    organization_repositories_url: `${api}/orgs/{org}/repos{?type,page,per_page,sort}`,
    organization_teams_url: `${api}/orgs/{org}/teams`,
    public_gists_url: `${api}/gists/public`,
    rate_limit_url: `${api}/rate_limit`,
    repository_url: `${api}/repos/{owner}/{repo}`,
    repository_search_url: search("repositories"),
    current_user_repositories_url: `${api}/user/repos{?type,page,per_page,sort}`,
    starred_url: `${api}/user/starred{/owner}{/repo}`,
    starred_gists_url: `${api}/gists/starred`,
    topic_search_url: `${api}/search/topics?q={query}{&page,per_page}`,
    user_url: `${api}/users/{user}`,
    user_organizations_url: `${api}/user/orgs`,
    user_repositories_url: `${api}/users/{user}/repos{?type,page,per_page,sort}`,
    user_search_url: search("users"),
  };
}

/** GitHub's published SSH host keys' fingerprints (docs: "GitHub's SSH key fingerprints"). */
const SSH_KEY_FINGERPRINTS = {
  SHA256_ECDSA: "p2QAMXNIC1TJYWeIOttrVc98/R1BUFWu3/LiyKgUfQM",
  SHA256_ED25519: "+DiY3wvvV6TuJJhbpZisF/zLDA0zPMSvHdkr4UvCOqU",
  SHA256_RSA: "uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s",
};

/**
 * `GET /meta` as api.github.com shapes it (no `installed_version`: that is GitHub Enterprise
 * Server's). The address lists name where the emulator itself is: loopback, where it serves the
 * web, the API and git, and from where anything it sends would come.
 */
function meta() {
  const loopback = ["127.0.0.1/32", "::1/128"];
  return {
    verifiable_password_authentication: false,
    ssh_key_fingerprints: SSH_KEY_FINGERPRINTS,
    ssh_keys: [],
    hooks: loopback,
    web: loopback,
    api: loopback,
    git: loopback,
    github_enterprise_importer: [],
    packages: [],
    pages: [],
    importer: [],
    actions: [],
    actions_macos: [],
    dependabot: [],
    copilot: [],
    domains: { website: [], codespaces: [], copilot: [], packages: [], actions: [] },
  };
}

/** Buckets GitHub has and the emulator does not meter: shown unused, with GitHub's default quotas. */
const UNMETERED = {
  graphql: { limit: 5000, windowSeconds: 3600 },
  integration_manifest: { limit: 5000, windowSeconds: 3600 },
  source_import: { limit: 100, windowSeconds: 60 },
  code_scanning_upload: { limit: 1000, windowSeconds: 3600 },
  actions_runner_registration: { limit: 10000, windowSeconds: 3600 },
  scim: { limit: 15000, windowSeconds: 3600 },
  dependency_snapshots: { limit: 100, windowSeconds: 60 },
  code_search: { limit: 10, windowSeconds: 60 },
  code_scanning_autofix: { limit: 10, windowSeconds: 60 },
};

export function metaRoutes(limits: RateLimits): RouteDefinition[] {
  return [
    {
      method: "GET",
      path: "/",
      operationId: "meta/root",
      auth: "optional",
      handle: (request) => ok(apiRoot(request.context.urls)),
    },
    {
      method: "GET",
      path: "/meta",
      operationId: "meta/get",
      auth: "optional",
      handle: () => ok(meta()),
    },
    {
      method: "GET",
      path: "/rate_limit",
      operationId: "rate-limit/get",
      rateLimited: false,
      auth: "optional",
      handle: (request) => {
        const now = request.context.store.nowMs();
        if (request.anonymous) {
          const anonymous = anonymousLimits();
          const anonymousCore = anonymous.core.status(now);
          return ok({
            resources: { core: anonymousCore, search: anonymous.search.status(now) },
            rate: anonymousCore,
          });
        }
        const core = limits.core.status(now);
        const unmetered = Object.fromEntries(
          Object.entries(UNMETERED).map(([name, { limit, windowSeconds }]) => [
            name,
            { limit, used: 0, remaining: limit, reset: Math.ceil(now / 1000) + windowSeconds },
          ]),
        );
        return ok({
          resources: { core, search: limits.search.status(now), ...unmetered },
          rate: core,
        });
      },
    },
  ];
}
