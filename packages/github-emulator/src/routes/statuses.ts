import type { components } from "@octokit/openapi-types";
import { apiError, conflict, notFound, validationFailed } from "../errors.js";
import { paginate } from "../pagination.js";
import { presentRepo } from "../present/repos.js";
import { nodeId, presentUser } from "../present/users.js";
import { type ApiRequest, created, ok, param, type RouteDefinition } from "../route.js";
import type { CommitStatusRecord, RepoRecord } from "../state.js";
import { repoOf } from "./repos.js";

type Schemas = components["schemas"];
type State = CommitStatusRecord["state"];

const STATES: readonly State[] = ["error", "failure", "pending", "success"];

function statusesOf(repo: RepoRecord): CommitStatusRecord[] {
  repo.statuses ??= [];
  return repo.statuses;
}

function present(request: ApiRequest, repo: RepoRecord, status: CommitStatusRecord): Schemas["status"] {
  const { store, urls } = request.context;
  const creator = presentUser(store.user(status.creator), urls);
  return {
    url: `${urls.repo(repo)}/statuses/${status.sha}`,
    avatar_url: creator.avatar_url,
    id: status.id,
    node_id: nodeId("SC", status.id),
    state: status.state,
    description: status.description,
    target_url: status.targetUrl,
    context: status.context,
    created_at: status.createdAt,
    updated_at: status.updatedAt,
    creator,
  };
}

/** The commit a ref names (a SHA, branch or tag), or undefined. */
function commitOf(request: ApiRequest, repo: RepoRecord): string | undefined {
  const objects = request.context.store.git(repo);
  if (objects.isEmpty) throw conflict("Git Repository is empty.");
  return objects.resolveCommitish(param(request, "ref"));
}

/** A commit's statuses, newest first. */
function statusesFor(repo: RepoRecord, sha: string): CommitStatusRecord[] {
  return statusesOf(repo)
    .filter((status) => status.sha === sha)
    .reverse();
}

/**
 * GitHub's combined state over each context's latest status: failure if any is an error or a
 * failure, pending if there are none or one is pending, else success.
 */
function combinedState(latest: readonly CommitStatusRecord[]): State {
  if (latest.some((status) => status.state === "error" || status.state === "failure")) return "failure";
  if (latest.length === 0 || latest.some((status) => status.state === "pending")) return "pending";
  return "success";
}

export const statusRoutes: RouteDefinition[] = [
  {
    method: "POST",
    path: "/repos/:owner/:repo/statuses/:sha",
    operationId: "repos/create-commit-status",
    createsContent: true,
    handle(request) {
      const { store } = request.context;
      const repo = repoOf(request);
      const state = request.body.requiredString("state") as State;
      if (!STATES.includes(state)) {
        throw validationFailed(
          [
            {
              resource: "Status",
              code: "custom",
              field: "state",
              message: "state is not included in the list",
            },
          ],
          "Validation Failed",
        );
      }
      const sha = param(request, "sha");
      const objects = store.git(repo);
      if (!/^[0-9a-f]{40}$/.test(sha) || !objects.commit(sha)) {
        throw apiError(422, `No commit found for SHA: ${sha}`);
      }
      const now = store.now();
      const status: CommitStatusRecord = {
        id: store.nextId(),
        sha,
        state,
        context: request.body.string("context") ?? "default",
        description: request.body.nullableString("description") ?? null,
        targetUrl: request.body.nullableString("target_url") ?? null,
        creator: request.actor.login,
        createdAt: now,
        updatedAt: now,
      };
      statusesOf(repo).push(status);
      const presented = present(request, repo, status);
      return created(presented, presented.url);
    },
  },
  {
    method: "GET",
    path: "/repos/:owner/:repo/commits/:ref/statuses",
    operationId: "repos/list-commit-statuses-for-ref",
    handle(request) {
      const repo = repoOf(request);
      const sha = commitOf(request, repo);
      const page = paginate(request, sha === undefined ? [] : statusesFor(repo, sha));
      return ok(
        page.items.map((status) => present(request, repo, status)),
        page.headers,
      );
    },
  },
  {
    method: "GET",
    path: "/repos/:owner/:repo/commits/:ref/status",
    operationId: "repos/get-combined-status-for-ref",
    handle(request) {
      const { store, urls } = request.context;
      const repo = repoOf(request);
      const sha = commitOf(request, repo);
      if (sha === undefined) throw notFound();
      const latest = new Map<string, CommitStatusRecord>();
      for (const status of statusesFor(repo, sha))
        if (!latest.has(status.context)) latest.set(status.context, status);
      const statuses = [...latest.values()];
      const api = urls.repo(repo);
      return ok({
        state: combinedState(statuses),
        statuses: statuses.map((status): Schemas["simple-commit-status"] => {
          const { creator: _creator, ...simple } = present(request, repo, status);
          return simple;
        }),
        sha,
        total_count: statuses.length,
        // The full shape carries every field of the minimal one; only their TypeScript types differ.
        repository: presentRepo(repo, store, urls) as Schemas["minimal-repository"],
        commit_url: `${api}/commits/${sha}`,
        url: `${api}/commits/${sha}/status`,
      } satisfies Schemas["combined-commit-status"]);
    },
  },
];
