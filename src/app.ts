import type { Context, Probot } from "probot";
import { WorkQueue } from "./app/work-queue.js";
import { Temporal } from "./calendar.js";
import { checkPullRequest, syncRepository } from "./engine.js";
import type { GitHubClient } from "./github/octokit.js";
import { RestGateway } from "./github/rest-gateway.js";
import { touchesSetup } from "./setup/paths.js";

export interface AppOptions {
  /** The clock; tests pin it. */
  now?: () => Temporal.Instant;
  /** Web address of the GitHub server, for links (default from GITHUB_SERVER_URL, else github.com). */
  serverUrl?: string;
  /** Receives the queue, so that a caller (a test, a graceful shutdown) can wait until it is idle. */
  onQueue?: (queue: WorkQueue) => void;
}

/**
 * The Probot app: webhook events become engine calls, queued per installation and answered at
 * once (GitHub gives a delivery 10 s). Everything that decides lives in the engine.
 */
export function syllabotApp(options: AppOptions = {}) {
  return (app: Probot): void => {
    const now = options.now ?? (() => Temporal.Now.instant());
    const serverUrl = options.serverUrl ?? process.env.GITHUB_SERVER_URL ?? "https://github.com";
    const queue = new WorkQueue((error, key) =>
      app.log.error({ err: error, queue: key }, "syllabot: a job failed"),
    );
    options.onQueue?.(queue);

    const repositoryInput = (context: Context, repo: string) => ({
      gateway: new RestGateway(context.octokit as unknown as GitHubClient, repo),
      serverUrl,
      now: now(),
    });
    /** Queue `job` for each repository, once per delivery, after earlier work of the same installation. */
    const schedule = (
      context: Context,
      repos: readonly string[],
      job: (repo: string) => Promise<unknown>,
    ) => {
      if (!queue.accept(context.id)) {
        app.log.info({ delivery: context.id }, "syllabot: delivery seen before, ignored");
        return;
      }
      const installation = (context.payload as { installation?: { id: number } }).installation?.id ?? "none";
      for (const repo of repos) queue.enqueue(`installation-${installation}`, () => job(repo));
    };
    const syncEach = (context: Context, repos: readonly string[]) =>
      schedule(context, repos, async (repo) => {
        const outcome = await syncRepository(repositoryInput(context, repo));
        app.log.info({ repo, status: outcome.status }, "syllabot: repository synced");
      });

    // Every repository holding .github/syllabot.yml is a portfolio: one installation may serve several.
    app.on("installation.created", async (context) => {
      syncEach(
        context,
        (context.payload.repositories ?? []).map((repo) => repo.full_name),
      );
    });
    app.on("installation_repositories.added", async (context) => {
      syncEach(
        context,
        context.payload.repositories_added.map((repo) => repo.full_name),
      );
    });
    app.on("push", async (context) => {
      const { ref, repository, commits } = context.payload;
      if (ref !== `refs/heads/${repository.default_branch}`) return;
      const paths = commits.flatMap((commit) => [
        ...(commit.added ?? []),
        ...(commit.modified ?? []),
        ...(commit.removed ?? []),
      ]);
      if (touchesSetup(paths)) syncEach(context, [repository.full_name]);
    });
    app.on(["pull_request.opened", "pull_request.synchronize", "pull_request.reopened"], async (context) => {
      const { pull_request: pull, repository } = context.payload;
      schedule(context, [repository.full_name], (repo) =>
        checkPullRequest({ ...repositoryInput(context, repo), number: pull.number, headSha: pull.head.sha }),
      );
    });
  };
}
