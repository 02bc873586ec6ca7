import { createHash } from "node:crypto";
import type { components } from "@octokit/openapi-types";
import type { RepoRecord } from "../state.js";
import type { Store } from "../store.js";
import type { Urls } from "../urls.js";
import { nodeId, presentUser } from "./users.js";

type Schemas = components["schemas"];

/** Both shapes at once: `full-repository` lacks nothing of `repository` but the downloads flag. */
export type PresentedRepo = Omit<Schemas["full-repository"], "temp_clone_token"> &
  Pick<Schemas["repository"], "has_downloads"> & { temp_clone_token: string };

/**
 * GitHub's token for cloning a private repository over HTTPS for a while (29 characters, upper
 * case letters and digits); a public repository's is empty. Stable per repository here.
 */
function tempCloneToken(repo: RepoRecord): string {
  if (!repo.private) return "";
  const digest = createHash("sha256").update(`temp-clone:${repo.id}:${repo.createdAt}`).digest();
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  return Array.from(digest.subarray(0, 29), (byte) => alphabet[byte % 32]).join("");
}

/** A repository as `GET /repos/{owner}/{repo}` shows it; also a valid `repository` wherever one is embedded. */
export function presentRepo(repo: RepoRecord, store: Store, urls: Urls): PresentedRepo {
  const api = urls.repo(repo);
  const web = urls.repoWeb(repo);
  const gitHost = new URL(urls.web).host;
  const openIssues = repo.issues.filter((issue) => issue.state === "open").length;
  const settings = repo.settings ?? {};
  const owner = store.user(repo.owner);
  return {
    id: repo.id,
    node_id: nodeId("R", repo.id),
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    owner: presentUser(owner, urls),
    private: repo.private,
    visibility: repo.private ? "private" : "public",
    html_url: web,
    description: repo.description,
    fork: false,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_url: `git://${gitHost}/${repo.owner}/${repo.name}.git`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    ssh_url: `git@${gitHost}:${repo.owner}/${repo.name}.git`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    clone_url: `${web}.git`,
    mirror_url: null,
    hooks_url: `${api}/hooks`,
    svn_url: web,
    homepage: repo.homepage,
    language: null,
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 0,
    default_branch: repo.defaultBranch,
    open_issues_count: openIssues,
    open_issues: openIssues,
    is_template: settings.is_template ?? false,
    topics: [],
    has_issues: settings.has_issues ?? true,
    has_projects: settings.has_projects ?? true,
    has_wiki: settings.has_wiki ?? true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: settings.archived ?? false,
    disabled: false,
    pushed_at: repo.pushedAt,
    created_at: repo.createdAt,
    updated_at: repo.updatedAt,
    permissions: { admin: true, maintain: true, push: true, triage: true, pull: true },
    temp_clone_token: tempCloneToken(repo),
    // GitHub's defaults for a new repository, as `PATCH /repos/{owner}/{repo}` may change them.
    allow_rebase_merge: settings.allow_rebase_merge ?? true,
    allow_squash_merge: settings.allow_squash_merge ?? true,
    allow_merge_commit: settings.allow_merge_commit ?? true,
    allow_auto_merge: settings.allow_auto_merge ?? false,
    delete_branch_on_merge: settings.delete_branch_on_merge ?? false,
    allow_update_branch: settings.allow_update_branch ?? false,
    use_squash_pr_title_as_default: settings.use_squash_pr_title_as_default ?? false,
    squash_merge_commit_title: settings.squash_merge_commit_title ?? "COMMIT_OR_PR_TITLE",
    squash_merge_commit_message: settings.squash_merge_commit_message ?? "COMMIT_MESSAGES",
    merge_commit_title: settings.merge_commit_title ?? "MERGE_MESSAGE",
    merge_commit_message: settings.merge_commit_message ?? "PR_TITLE",
    allow_forking: settings.allow_forking ?? true,
    web_commit_signoff_required: settings.web_commit_signoff_required ?? false,
    license: null,
    subscribers_count: 0,
    network_count: 0,
    // An organization's repository names it, as a user object; a user's repository has no such key.
    ...(owner.type === "Organization" ? { organization: presentUser(owner, urls) } : {}),
    custom_properties: {},
  };
}
