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

/** `GET /user`: the authenticated account, with the private fields only its owner sees. */
export function presentAuthenticatedUser(
  user: UserRecord,
  publicRepos: number,
  privateRepos: number,
  urls: Urls,
): Schemas["private-user"] {
  return {
    ...presentUser(user, urls),
    user_view_type: "private",
    name: user.name,
    company: null,
    blog: "",
    location: null,
    email: user.emails[0] ?? null,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: publicRepos,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: user.createdAt,
    updated_at: user.createdAt,
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
