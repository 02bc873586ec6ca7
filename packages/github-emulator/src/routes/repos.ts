import { ApiError, apiError, characterCount, REST_DOCS } from "../errors.js";
import { commitFiles } from "../git/commit-files.js";
import { presentRepo } from "../present/repos.js";
import { presentAuthenticatedUser } from "../present/users.js";
import { type ApiRequest, created, ok, param, type RouteDefinition } from "../route.js";
import type { RepoRecord, UserRecord } from "../state.js";

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

/** Refused as a name already taken is: "Repository creation failed." with the reason. */
function checkRepositoryLength(field: string, text: string | undefined, maximum: number): void {
  if (text === undefined || characterCount(text) <= maximum) return;
  throw new ApiError(422, {
    message: "Repository creation failed.",
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
  if (store.findRepo(owner.login, name)) {
    throw new ApiError(422, {
      message: "Repository creation failed.",
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
      return ok(presentRepo(repoOf(request), request.context.store, request.context.urls));
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
