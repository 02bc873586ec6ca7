import type { components } from "@octokit/openapi-types";
import type { InstallationGrant } from "../auth.js";
import { apiError, notFound } from "../errors.js";
import {
  findInstallation,
  grants,
  installationCovering,
  listInstallations,
  reaches,
} from "../installations.js";
import { paginate } from "../pagination.js";
import { clientIdOf, presentApp } from "../present/apps.js";
import { presentRepo } from "../present/repos.js";
import { presentUser } from "../present/users.js";
import { timestamp } from "../quirks.js";
import { type ApiRequest, created, type EmulatorContext, ok, param, type RouteDefinition } from "../route.js";
import type { InstallationRecord, RepoRecord } from "../state.js";

type Schemas = components["schemas"];

/** The app's OAuth client id, which GitHub repeats in each of its installations. */

function presentInstallation(
  installation: InstallationRecord,
  { store, urls, app }: EmulatorContext,
): Schemas["installation"] {
  const account = store.user(installation.account);
  const settings =
    account.type === "Organization"
      ? `${urls.web}/organizations/${encodeURIComponent(account.login)}/settings/installations`
      : `${urls.web}/settings/installations`;
  return {
    id: installation.id,
    account: presentUser(account, urls),
    repository_selection: installation.repositorySelection,
    access_tokens_url: `${urls.api}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${urls.api}/installation/repositories`,
    html_url: `${settings}/${installation.id}`,
    app_id: app.id,
    client_id: clientIdOf(app),
    app_slug: app.slug,
    target_id: account.id,
    target_type: account.type,
    permissions: installation.permissions,
    events: installation.events,
    created_at: installation.createdAt,
    updated_at: installation.createdAt,
    single_file_name: null,
    suspended_by: null,
    suspended_at: null,
  };
}

function installationOf(request: ApiRequest): InstallationRecord {
  const installation = findInstallation(request.context, Number(param(request, "installation_id")));
  if (!installation) throw notFound();
  return installation;
}

/**
 * The repositories a token is narrowed to by `repositories` (names in the installation's account)
 * or `repository_ids`; undefined when neither is sent. Each must be one the installation covers.
 */
function narrowedRepositories(
  request: ApiRequest,
  installation: InstallationRecord,
): RepoRecord[] | undefined {
  const names = request.body.stringArray("repositories");
  const ids = request.body.array("repository_ids");
  if (names === undefined && ids === undefined) return undefined;
  const scope = { installation, repositoryIds: undefined };
  const covered = request.context.store.state.repos.filter((repo) => reaches(scope, repo));
  const chosen = [
    ...(names ?? []).map((name) => covered.find((repo) => repo.name.toLowerCase() === name.toLowerCase())),
    ...(ids ?? []).map((id) => covered.find((repo) => repo.id === id)),
  ];
  const found = chosen.filter((repo): repo is RepoRecord => repo !== undefined);
  if (found.length < chosen.length) {
    throw apiError(
      422,
      "There is at least one repository that does not exist or is not accessible to the parent installation.",
    );
  }
  return [...new Set(found)];
}

/** Issues installation tokens; the server registers them so that later requests are accepted. */
export type TokenMinter = (now: number, grant: InstallationGrant) => { token: string; expiresAt: number };

export function appRoutes(mintToken: TokenMinter): RouteDefinition[] {
  return [
    {
      method: "POST",
      path: "/app/installations/:installation_id/access_tokens",
      operationId: "apps/create-installation-access-token",
      auth: "app-jwt",
      handle(request) {
        const { store, urls } = request.context;
        const installation = installationOf(request);
        // A token may be narrowed to fewer permissions than the installation has, never widened.
        const requested = request.body.object("permissions");
        if (requested !== undefined && !grants(installation, requested)) {
          throw apiError(422, "The permissions requested are not granted to this installation.");
        }
        const permissions = (requested as Schemas["app-permissions"] | undefined) ?? installation.permissions;
        const repositories = narrowedRepositories(request, installation);
        const { token, expiresAt } = mintToken(store.nowMs(), {
          installationId: installation.id,
          permissions,
          repositoryIds: repositories?.map((repo) => repo.id),
        });
        return created(
          {
            token,
            expires_at: timestamp(new Date(expiresAt)),
            permissions,
            repository_selection: repositories ? "selected" : installation.repositorySelection,
            ...(repositories
              ? { repositories: repositories.map((repo) => presentRepo(repo, store, urls)) }
              : {}),
          } satisfies Schemas["installation-token"],
          `${urls.api}/app/installations/${installation.id}/access_tokens`,
        );
      },
    },
    {
      method: "GET",
      path: "/app",
      operationId: "apps/get-authenticated",
      auth: "app-jwt",
      handle(request) {
        return ok({
          ...presentApp(request.context),
          installations_count: listInstallations(request.context).length,
        } satisfies Schemas["integration"]);
      },
    },
    {
      method: "GET",
      path: "/app/installations",
      operationId: "apps/list-installations",
      auth: "app-jwt",
      handle(request) {
        const page = paginate(request, listInstallations(request.context));
        return ok(
          page.items.map((installation) => presentInstallation(installation, request.context)),
          page.headers,
        );
      },
    },
    {
      method: "GET",
      path: "/app/installations/:installation_id",
      operationId: "apps/get-installation",
      auth: "app-jwt",
      handle(request) {
        return ok(presentInstallation(installationOf(request), request.context));
      },
    },
    {
      method: "GET",
      path: "/repos/:owner/:repo/installation",
      operationId: "apps/get-repo-installation",
      auth: "app-jwt",
      handle(request) {
        const repo = request.context.store.repo(param(request, "owner"), param(request, "repo"));
        const installation = installationCovering(request.context, repo);
        if (!installation) throw notFound();
        return ok(presentInstallation(installation, request.context));
      },
    },
    {
      method: "GET",
      path: "/installation/repositories",
      operationId: "apps/list-repos-accessible-to-installation",
      handle(request) {
        const { store, urls } = request.context;
        const scope = request.installation;
        // The emulator's own token stands for every installation at once.
        const repos = scope ? store.state.repos.filter((repo) => reaches(scope, repo)) : store.state.repos;
        const page = paginate(request, repos);
        return ok(
          {
            total_count: repos.length,
            repositories: page.items.map((repo) => presentRepo(repo, store, urls)),
            repository_selection:
              scope === undefined
                ? "all"
                : scope.repositoryIds
                  ? "selected"
                  : scope.installation.repositorySelection,
          },
          page.headers,
        );
      },
    },
  ];
}
