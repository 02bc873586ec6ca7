import type { components } from "@octokit/openapi-types";
import { notFound } from "../errors.js";
import { paginate } from "../pagination.js";
import { presentRepo } from "../present/repos.js";
import { presentUser } from "../present/users.js";
import { timestamp } from "../quirks.js";
import { type ApiRequest, created, ok, param, type RouteDefinition } from "../route.js";

type Schemas = components["schemas"];

/** What the emulated app may do: what syllabot's app.yml asks for. */
const PERMISSIONS: Schemas["app-permissions"] = {
  checks: "write",
  contents: "write",
  issues: "write",
  metadata: "read",
  pull_requests: "read",
};

/** The one installation the emulator knows: the app installed on the user's account, for all repositories. */
function presentInstallation(request: ApiRequest): Schemas["installation"] {
  const { store, urls, app, login } = request.context;
  const account = store.user(login);
  return {
    id: app.installationId,
    account: presentUser(account, urls),
    repository_selection: "all",
    access_tokens_url: `${urls.api}/app/installations/${app.installationId}/access_tokens`,
    repositories_url: `${urls.api}/installation/repositories`,
    html_url: `${urls.web}/settings/installations/${app.installationId}`,
    app_id: app.id,
    app_slug: app.slug,
    target_id: account.id,
    target_type: account.type,
    permissions: PERMISSIONS,
    events: ["issues", "issue_comment", "push", "pull_request"],
    created_at: account.createdAt,
    updated_at: account.createdAt,
    single_file_name: null,
    suspended_by: null,
    suspended_at: null,
  };
}

/** Issues installation tokens; the server registers them so that later requests are accepted. */
export type TokenMinter = (
  now: number,
  permissions: Schemas["app-permissions"],
) => { token: string; expiresAt: number };

export function appRoutes(mintToken: TokenMinter): RouteDefinition[] {
  return [
    {
      method: "POST",
      path: "/app/installations/:installation_id/access_tokens",
      operationId: "apps/create-installation-access-token",
      auth: "app-jwt",
      handle(request) {
        const { app, store, urls } = request.context;
        if (Number(param(request, "installation_id")) !== app.installationId) throw notFound();
        // A token may be narrowed to fewer permissions than the installation has, never widened.
        const requested = request.body.object("permissions") as Schemas["app-permissions"] | undefined;
        const { token, expiresAt } = mintToken(store.nowMs(), requested ?? PERMISSIONS);
        return created(
          {
            token,
            expires_at: timestamp(new Date(expiresAt)),
            permissions: requested ?? PERMISSIONS,
            repository_selection: "all",
          } satisfies Schemas["installation-token"],
          `${urls.api}/app/installations/${app.installationId}/access_tokens`,
        );
      },
    },
    {
      method: "GET",
      path: "/app/installations",
      operationId: "apps/list-installations",
      auth: "app-jwt",
      handle(request) {
        const page = paginate(request, [presentInstallation(request)]);
        return ok(page.items, page.headers);
      },
    },
    {
      method: "GET",
      path: "/repos/:owner/:repo/installation",
      operationId: "apps/get-repo-installation",
      auth: "app-jwt",
      handle(request) {
        request.context.store.repo(param(request, "owner"), param(request, "repo"));
        return ok(presentInstallation(request));
      },
    },
    {
      method: "GET",
      path: "/installation/repositories",
      operationId: "apps/list-repos-accessible-to-installation",
      handle(request) {
        const { store, urls } = request.context;
        const repos = store.state.repos;
        const page = paginate(request, repos);
        return ok(
          {
            total_count: repos.length,
            repositories: page.items.map((repo) => presentRepo(repo, store, urls)),
            repository_selection: "all",
          },
          page.headers,
        );
      },
    },
  ];
}
