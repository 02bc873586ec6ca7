import {
  ApiError,
  apiError,
  characterCount,
  invalidRequest,
  notFound,
  REST_DOCS,
  validationFailed,
} from "../errors.js";
import { commitFiles } from "../git/commit-files.js";
import { presentRepo } from "../present/repos.js";
import { presentAuthenticatedUser, presentOrganization, presentPublicUser } from "../present/users.js";
import { type ApiRequest, created, ok, param, type RouteDefinition } from "../route.js";
import type { RepoRecord, RepoSettings, UserRecord } from "../state.js";
import type { Store } from "../store.js";

/** The repository named by the `owner` and `repo` path parameters, or 404. */
export function repoOf(request: ApiRequest): RepoRecord {
  return request.context.store.repo(param(request, "owner"), param(request, "repo"));
}

/**
 * GitHub turns each run of characters a repository name cannot hold into one hyphen rather than
 * refusing them ("Åström" becomes "-str-m"), and only then measures the name.
 */
function repositoryName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/gu, "-");
}

/** "name is too long (maximum is 100 characters)" (docs: "Creating a new repository"). */
const MAX_REPOSITORY_NAME = 100;
/** "description is too long (maximum is 350 characters)": undocumented, as GitHub answers it. */
const MAX_REPOSITORY_DESCRIPTION = 350;

/** Refused as a name already taken is: "Repository creation failed." (an update: "Validation Failed") with the reason. */
function checkRepositoryLength(
  field: string,
  text: string | null | undefined,
  maximum: number,
  message = "Repository creation failed.",
): void {
  if (text === undefined || text === null || characterCount(text) <= maximum) return;
  throw new ApiError(422, {
    message,
    errors: [
      {
        resource: "Repository",
        code: "custom",
        field,
        message: `${field} is too long (maximum is ${maximum} characters)`,
      },
    ],
    documentation_url: REST_DOCS,
    status: "422",
  });
}

function createRepository(request: ApiRequest, owner: UserRecord): RepoRecord {
  const { store } = request.context;
  const name = repositoryName(request.body.requiredString("name"));
  const description = request.body.string("description");
  checkRepositoryLength("name", name, MAX_REPOSITORY_NAME);
  checkRepositoryLength("description", description, MAX_REPOSITORY_DESCRIPTION);
  if (store.findRepo(owner.login, name)) throw nameTaken("Repository creation failed.");
  const visibility = request.body.string("visibility");
  const repo = store.addRepo({
    owner: owner.login,
    name,
    private: request.body.boolean("private") ?? visibility === "private",
    description: description ?? null,
    homepage: request.body.string("homepage") ?? null,
  });
  if (request.body.boolean("auto_init")) {
    const readme = `# ${name}\n${repo.description ? `\n${repo.description}\n` : ""}`;
    commitFiles(store, repo, {
      branch: repo.defaultBranch,
      message: "Initial commit",
      files: { "README.md": readme },
      author: store.signatureOf(request.actor),
    });
  }
  return repo;
}

/** The refusal of a name the owner already has, on creation or rename. */
function nameTaken(message: string): ApiError {
  return new ApiError(422, {
    message,
    errors: [
      {
        resource: "Repository",
        code: "custom",
        field: "name",
        message: "name already exists on this account",
      },
    ],
    documentation_url: REST_DOCS,
    status: "422",
  });
}

const publicRepoCount = (store: Store, login: string) =>
  store.state.repos.filter((repo) => repo.owner.toLowerCase() === login.toLowerCase() && !repo.private)
    .length;

const SETTING_FLAGS = [
  "has_issues",
  "has_projects",
  "has_wiki",
  "is_template",
  "archived",
  "allow_squash_merge",
  "allow_merge_commit",
  "allow_rebase_merge",
  "allow_auto_merge",
  "delete_branch_on_merge",
  "allow_update_branch",
  "use_squash_pr_title_as_default",
  "allow_forking",
  "web_commit_signoff_required",
] as const;

/** The merge-message settings and the values GitHub's description allows for each. */
const SETTING_CHOICES = {
  squash_merge_commit_title: ["PR_TITLE", "COMMIT_OR_PR_TITLE"],
  squash_merge_commit_message: ["PR_BODY", "COMMIT_MESSAGES", "BLANK"],
  merge_commit_title: ["PR_TITLE", "MERGE_MESSAGE"],
  merge_commit_message: ["PR_BODY", "PR_TITLE", "BLANK"],
} as const;

/**
 * `PATCH /repos/{owner}/{repo}`: everything is checked before anything changes. A new name
 * renames the repository; the old one then redirects to it (see `renames.ts`).
 */
function updateRepository(request: ApiRequest): RepoRecord {
  const { store } = request.context;
  const repo = repoOf(request);
  const { body } = request;
  const settings: RepoSettings = {};
  for (const flag of SETTING_FLAGS) {
    const value = body.boolean(flag);
    if (value !== undefined) settings[flag] = value;
  }
  for (const [field, allowed] of Object.entries(SETTING_CHOICES) as [
    keyof typeof SETTING_CHOICES,
    readonly string[],
  ][]) {
    const value = body.string(field);
    if (value === undefined) continue;
    if (!allowed.includes(value))
      throw invalidRequest(
        `For 'properties/${field}', ${JSON.stringify(value)} is not a member of [${allowed.map((choice) => JSON.stringify(choice)).join(", ")}].`,
      );
    Object.assign(settings, { [field]: value });
  }
  const visibility = body.string("visibility");
  if (visibility !== undefined && visibility !== "public" && visibility !== "private") {
    // `internal` exists only in enterprise organizations, which the emulator has none of.
    throw validationFailed([{ resource: "Repository", code: "invalid", field: "visibility" }]);
  }
  const isPrivate =
    body.boolean("private") ?? (visibility === undefined ? undefined : visibility === "private");
  const defaultBranch = body.string("default_branch");
  if (defaultBranch !== undefined && defaultBranch !== repo.defaultBranch) {
    const objects = store.git(repo);
    const message = objects.isEmpty
      ? "Cannot update default branch for an empty repository. Please init the repository and push first."
      : objects.ref(`refs/heads/${defaultBranch}`) === undefined
        ? `The branch ${defaultBranch} was not found. Please push that ref first or create it via the Git Data API.`
        : undefined;
    if (message)
      throw validationFailed([{ resource: "Repository", code: "invalid", field: "default_branch", message }]);
  }
  const sentName = body.string("name");
  const name = sentName === undefined ? undefined : repositoryName(sentName);
  if (name !== undefined) {
    const holder = store.findRepo(repo.owner, name);
    if (holder && holder !== repo) throw nameTaken("Validation Failed");
  }
  const description = body.nullableString("description");
  checkRepositoryLength("name", name, MAX_REPOSITORY_NAME, "Validation Failed");
  checkRepositoryLength("description", description, MAX_REPOSITORY_DESCRIPTION, "Validation Failed");
  const homepage = body.nullableString("homepage");
  if (description !== undefined) repo.description = description;
  if (homepage !== undefined) repo.homepage = homepage;
  if (isPrivate !== undefined) repo.private = isPrivate;
  if (defaultBranch !== undefined) repo.defaultBranch = defaultBranch;
  repo.settings = { ...repo.settings, ...settings };
  if (name !== undefined && name !== repo.name) {
    repo.formerNames = [...(repo.formerNames ?? []), repo.name];
    repo.name = name;
  }
  repo.updatedAt = store.now();
  return repo;
}

function createdRepository(request: ApiRequest, repo: RepoRecord) {
  const { store, urls } = request.context;
  return created(presentRepo(repo, store, urls), urls.repo(repo));
}

export const repoRoutes: RouteDefinition[] = [
  {
    method: "GET",
    path: "/user",
    operationId: "users/get-authenticated",
    handle(request) {
      const { store, urls } = request.context;
      if (request.actor.type === "Bot") throw apiError(403, "Resource not accessible by integration");
      const owned = store.state.repos.filter((repo) => repo.owner === request.actor.login);
      const privateCount = owned.filter((repo) => repo.private).length;
      return ok(presentAuthenticatedUser(request.actor, owned.length - privateCount, privateCount, urls));
    },
  },
  {
    method: "GET",
    path: "/repos/:owner/:repo",
    operationId: "repos/get",
    handle(request) {
      const presented = presentRepo(repoOf(request), request.context.store, request.context.urls);
      if (!request.anonymous) return ok(presented);
      // What the caller may do, and a clone token, are told only to a caller GitHub knows.
      const { permissions: _permissions, temp_clone_token: _token, ...shown } = presented;
      return ok(shown);
    },
  },
  {
    method: "PATCH",
    path: "/repos/:owner/:repo",
    operationId: "repos/update",
    handle(request) {
      return ok(presentRepo(updateRepository(request), request.context.store, request.context.urls));
    },
  },
  {
    method: "GET",
    path: "/users/:username",
    operationId: "users/get-by-username",
    handle(request) {
      const { store, urls } = request.context;
      const user = store.findUser(param(request, "username"));
      if (!user) throw notFound();
      return ok(presentPublicUser(user, publicRepoCount(store, user.login), urls));
    },
  },
  {
    method: "GET",
    path: "/orgs/:org",
    operationId: "orgs/get",
    handle(request) {
      const { store, urls } = request.context;
      const org = store.findUser(param(request, "org"));
      if (org?.type !== "Organization") throw notFound();
      return ok(presentOrganization(org, publicRepoCount(store, org.login), urls));
    },
  },
  {
    method: "POST",
    path: "/user/repos",
    operationId: "repos/create-for-authenticated-user",
    createsContent: true,
    handle(request) {
      if (request.actor.type === "Bot") throw apiError(403, "Resource not accessible by integration");
      return createdRepository(request, createRepository(request, request.actor));
    },
  },
  {
    method: "POST",
    path: "/orgs/:org/repos",
    operationId: "repos/create-in-org",
    createsContent: true,
    handle(request) {
      const scope = request.installation;
      // An installation creates repositories only in the organization it is installed on.
      if (scope && scope.installation.account.toLowerCase() !== param(request, "org").toLowerCase()) {
        throw apiError(403, "Resource not accessible by integration");
      }
      // Any organization exists on demand, so that a scene can be built through the API alone.
      const org = request.context.store.ensureUser(param(request, "org"), "Organization");
      if (org.type !== "Organization") throw apiError(404, "Not Found");
      // Only members create repositories in an organization: its creator is counted as one.
      if (!scope) org.members = [...new Set([...(org.members ?? []), request.actor.login])];
      const repo = createRepository(request, org);
      // A repository the app creates joins the repositories selected for its installation.
      if (scope?.installation.repositorySelection === "selected")
        scope.installation.repositoryIds.push(repo.id);
      return createdRepository(request, repo);
    },
  },
];
