import type { components } from "@octokit/openapi-types";
import type { UserRecord } from "../state.js";
import type { Urls } from "../urls.js";

type Schemas = components["schemas"];

export function presentUser(user: UserRecord, urls: Urls): Schemas["simple-user"] {
  const api = urls.user(user.login);
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type === "Organization" ? "O" : "U", user.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: "",
    url: api,
    html_url: urls.userWeb(user.login),
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: "public",
    site_admin: false,
  };
}

/** `GET /users/{username}`: any account as everyone sees it (`email` only when made public: never here). */
export function presentPublicUser(user: UserRecord, publicRepos: number, urls: Urls): Schemas["public-user"] {
  return {
    ...presentUser(user, urls),
    name: user.name,
    company: null,
    blog: "",
    location: null,
    email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: publicRepos,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: user.createdAt,
    updated_at: user.createdAt,
  };
}

/** `GET /orgs/{org}`: an organization as a non-member sees it (members see billing and policy fields too). */
export function presentOrganization(
  org: UserRecord,
  publicRepos: number,
  urls: Urls,
): Schemas["organization-full"] {
  const api = `${urls.api}/orgs/${encodeURIComponent(org.login)}`;
  const user = presentUser(org, urls);
  return {
    login: org.login,
    id: org.id,
    node_id: user.node_id,
    url: api,
    repos_url: `${api}/repos`,
    events_url: `${api}/events`,
    hooks_url: `${api}/hooks`,
    issues_url: `${api}/issues`,
    members_url: `${api}/members{/member}`,
    public_members_url: `${api}/public_members{/member}`,
    avatar_url: user.avatar_url,
    description: null,
    // GitHub's description types these as strings only, so unset ones (and an empty `blog`, which must be a URI) are left out.
    ...(org.name === null ? {} : { name: org.name }),
    twitter_username: null,
    is_verified: false,
    has_organization_projects: true,
    has_repository_projects: true,
    public_repos: publicRepos,
    public_gists: 0,
    followers: 0,
    following: 0,
    html_url: user.html_url,
    created_at: org.createdAt,
    updated_at: org.createdAt,
    archived_at: null,
    type: "Organization",
  };
}

/** `GET /user`: the authenticated account, with the private fields only its owner sees. */
export function presentAuthenticatedUser(
  user: UserRecord,
  publicRepos: number,
  privateRepos: number,
  urls: Urls,
): Schemas["private-user"] {
  return {
    ...presentPublicUser(user, publicRepos, urls),
    user_view_type: "private",
    email: user.emails[0] ?? null,
    private_gists: 0,
    total_private_repos: privateRepos,
    owned_private_repos: privateRepos,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
  };
}

/** A GraphQL-style global id; clients treat it as opaque, so any stable unique string will do. */
export function nodeId(prefix: string, id: number): string {
  return `${prefix}_kwDO${Buffer.from(`e${id}`).toString("base64url")}`;
}
