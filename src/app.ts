import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApplicationFunctionOptions, Context, Probot } from "probot";
import type { Coordination } from "./app/coordination.js";
import { WorkQueue } from "./app/work-queue.js";
import { Temporal } from "./calendar.js";
import { touchesSetup } from "./config/paths.js";
import { sharedIdentity } from "./github/identity.js";
import { listInstallationRepositories } from "./github/installation.js";
import type { GitHubClient } from "./github/octokit.js";
import { RestGateway } from "./github/rest-gateway.js";
import { GITHUB_API_URL, webUrlFor } from "./github/web-url.js";
import { keyOf } from "./model/markers.js";
import { isTrustedAuthor, trustOf } from "./plan/trust.js";
import type { Portfolio } from "./progress/portfolios.js";
import { pushEvidence, pushedFiles, untrackedPush } from "./progress/push.js";
import { SuggestionCache } from "./remind/suggestions.js";
import { registerSecrets } from "./text/redact.js";
import {
  checkPullRequest,
  findPortfolios,
  reconcileRepository,
  refreshRepository,
  syncRepository,
  trackPush,
} from "./use-cases/index.js";

const DEFAULT_REFRESH_DELAY_MS = 10_000;

/** How long an installation's list of portfolios is trusted before it is read again. */
const PORTFOLIO_CACHE_MS = 60 * 60 * 1000;

export interface AppOptions {
  /** The clock; tests pin it. */
  now?: () => Temporal.Instant;
  /**
   * Web address of the GitHub server, for links; default the web address of the API the app talks
   * to (github.com, or GHE_HOST's), by the rule the CLI and the Action follow too.
   */
  serverUrl?: string;
  /** Receives the queue, so that a caller (a test, a graceful shutdown) can wait until it is idle. */
  onQueue?: (queue: WorkQueue) => void;
  /**
   * How long a portfolio's README refresh waits for more events (default 10 s, or
   * SYLLABOT_REFRESH_DELAY_MS): a burst of closed issues makes one commit.
   */
  refreshDelayMs?: number;
  /**
   * The secret a scheduler sends (`Authorization: Bearer …`) to POST /syllabot/tick (default
   * SYLLABOT_TICK_SECRET); without one the endpoint is off.
   */
  tickSecret?: string;
  /**
   * How processes agree on deliveries taken and on one installation's work at a time: alone by
   * default; RedisCoordination when several share Redis (REDIS_URL).
   */
  coordination?: Coordination;
  /** Receives the tick, so that a caller (a test, an in-process timer) can run it. */
  onTick?: (tick: () => Promise<TickSummary>) => void;
}

export interface TickSummary {
  /** False when another tick of this process was still walking the installations. */
  started: boolean;
  installations: number;
  portfolios: number;
}

/**
 * The Probot app: webhook events become use-case calls, queued per installation and answered at
 * once (GitHub gives a delivery 10 s). Everything that decides lives in the use cases and the pure core.
 */
export function syllabotApp(options: AppOptions = {}) {
  return (app: Probot, appOptions?: ApplicationFunctionOptions): void => {
    const now = options.now ?? (() => Temporal.Now.instant());
    const told =
      options.serverUrl === undefined
        ? undefined
        : webUrlFor({ apiUrl: GITHUB_API_URL, serverUrl: options.serverUrl });
    const serverUrlOf = (client: GitHubClient) =>
      told ?? webUrlFor({ apiUrl: client.request.endpoint.DEFAULTS.baseUrl });
    const queue = new WorkQueue(
      (error, key) => app.log.error({ err: error, queue: key }, "syllabot: a job failed"),
      options.coordination,
    );
    options.onQueue?.(queue);

    // The app writes as its bot, `slug[bot]`, on every installation: asked once, with the app's JWT.
    const identity = sharedIdentity(async () => {
      const { data } = await (await app.auth()).request("GET /app");
      if (!data?.slug) throw new Error("GET /app named no slug");
      return `${data.slug}[bot]`;
    });
    const gatewayOf = (client: GitHubClient, repo: string) => new RestGateway(client, repo, { identity });
    const repositoryInput = (context: Context, repo: string) => {
      const client = context.octokit;
      return { gateway: gatewayOf(client, repo), serverUrl: serverUrlOf(client), now: now() };
    };
    /** Queue `job` for each repository, once per delivery, after earlier work of the same installation. */
    const schedule = async (
      context: Context,
      repos: readonly string[],
      job: (repo: string) => Promise<unknown>,
    ) => {
      if (!(await queue.accept(context.id))) {
        app.log.info({ delivery: context.id }, "syllabot: delivery seen before, ignored");
        return;
      }
      const installation = (context.payload as { installation?: { id: number } }).installation?.id ?? "none";
      for (const repo of repos) queue.enqueue(`installation-${installation}`, () => job(repo));
    };
    /**
     * Which repositories of an installation are portfolios, and their configs: read once and kept
     * for an hour, forgotten when a config is pushed or the installation's repositories change.
     */
    const portfolioCache = new Map<string, { readAt: number; portfolios: Promise<Portfolio[]> }>();
    const installationOf = (context: Context) =>
      String((context.payload as { installation?: { id: number } }).installation?.id ?? "none");
    const portfoliosOf = (context: Context): Promise<Portfolio[]> => {
      const key = installationOf(context);
      const cached = portfolioCache.get(key);
      if (cached && Date.now() - cached.readAt < PORTFOLIO_CACHE_MS) return cached.portfolios;
      const client = context.octokit;
      const portfolios = listInstallationRepositories(client).then((repos) =>
        findPortfolios(repos, (repo) => gatewayOf(client, repo)),
      );
      portfolioCache.set(key, { readAt: Date.now(), portfolios });
      portfolios.catch(() => portfolioCache.delete(key));
      return portfolios;
    };

    const fromEnv = Number(process.env.SYLLABOT_REFRESH_DELAY_MS);
    const refreshDelayMs =
      options.refreshDelayMs ??
      (Number.isFinite(fromEnv) && fromEnv >= 0 ? fromEnv : DEFAULT_REFRESH_DELAY_MS);
    /** Refresh a portfolio's README once the events about it have settled; queued like the rest. */
    const refreshSoon = (context: Context, repo: string) =>
      queue.debounce(`refresh:${repo}`, refreshDelayMs, () =>
        queue.enqueue(`installation-${installationOf(context)}`, async () => {
          const result = await refreshRepository(repositoryInput(context, repo));
          if (result?.commit) app.log.info({ repo, commit: result.commit.sha }, "syllabot: README refreshed");
        }),
      );

    const syncEach = (context: Context, repos: readonly string[]) =>
      schedule(context, repos, async (repo) => {
        const outcome = await syncRepository(repositoryInput(context, repo));
        app.log.info({ repo, status: outcome.status }, "syllabot: repository synced");
        if (outcome.status === "synced") refreshSoon(context, repo);
      });

    /**
     * The scheduled tick: every installation's portfolios get the daily catch-up (sync, tracking,
     * open-source bars, README, reminders), queued per installation like webhooks, so a tick never
     * interleaves with other work of the same installation; a tick overlapping another repeats
     * nothing, since every write is keyed and every reminder sent is recorded in GitHub.
     */
    const suggestions = new SuggestionCache();
    let walking: Promise<TickSummary> | undefined;
    const tick = (): Promise<TickSummary> => {
      if (walking) return walking.then((summary) => ({ ...summary, started: false }));
      walking = (async () => {
        const appOctokit = await app.auth();
        const installations = await appOctokit.paginate("GET /app/installations", { per_page: 100 });
        let portfolios = 0;
        for (const installation of installations) {
          const client = await app.auth(installation.id);
          const repos = await listInstallationRepositories(client);
          const found = await findPortfolios(repos, (repo) => gatewayOf(client, repo));
          portfolios += found.length;
          for (const portfolio of found) {
            queue.enqueue(`installation-${installation.id}`, async () => {
              const result = await reconcileRepository({
                gateway: gatewayOf(client, portfolio.repo),
                gatewayFor: (repo) => gatewayOf(client, repo),
                serverUrl: serverUrlOf(client),
                now: now(),
                suggestions,
              });
              app.log.info(
                {
                  repo: portfolio.repo,
                  reminders: result?.remind?.sent.length ?? 0,
                  refreshed: result?.refresh?.commit?.sha,
                },
                "syllabot: daily run done",
              );
            });
          }
        }
        return { started: true, installations: installations.length, portfolios };
      })().finally(() => {
        walking = undefined;
      });
      return walking;
    };
    options.onTick?.(tick);
    const tickSecret = options.tickSecret ?? process.env.SYLLABOT_TICK_SECRET;
    registerSecrets(tickSecret);
    appOptions?.addHandler?.(async (request, response) => {
      // Drain: answers once every queued job is done (a graceful stop, a deployment, a test).
      if (request.url?.startsWith("/syllabot/idle") && tickSecret) {
        if (!authorized(request, tickSecret)) {
          response
            .writeHead(401, { "content-type": "application/json" })
            .end('{"message":"Bad credentials"}');
          return true;
        }
        await queue.idle();
        respondJson(response, 200, { idle: true });
        return true;
      }
      if (!request.url?.startsWith("/syllabot/tick")) return false;
      if (!tickSecret) return false;
      if (request.method !== "POST") {
        response.writeHead(405, { allow: "POST" }).end();
        return true;
      }
      if (!authorized(request, tickSecret)) {
        response.writeHead(401, { "content-type": "application/json" }).end('{"message":"Bad credentials"}');
        return true;
      }
      const summary = await tick();
      respondJson(response, 202, summary);
      return true;
    });

    /**
     * A verified delivery whose payload lacks what a handler reads (a field missing or null) is
     * logged and ignored: GitHub gets a 2xx, not a 500 carrying a TypeError, and nothing is written.
     */
    const readable = async (context: Context, read: () => Promise<void>) => {
      try {
        await read();
      } catch (error) {
        if (!(error instanceof TypeError)) throw error;
        app.log.warn(
          { delivery: context.id, event: context.name, problem: error.message },
          "syllabot: ignored a delivery whose payload could not be read",
        );
      }
    };

    // Every repository holding .github/syllabot.yml is a portfolio: one installation may serve several.
    app.on("installation.created", (context) =>
      readable(context, async () => {
        const repos = context.payload.repositories ?? [];
        await syncEach(
          context,
          repos.map((repo) => repo.full_name),
        );
        portfolioCache.delete(installationOf(context));
      }),
    );
    app.on(["installation_repositories.added", "installation_repositories.removed"], (context) =>
      readable(context, async () => {
        const added = context.payload.repositories_added.map((repo) => repo.full_name);
        portfolioCache.delete(installationOf(context));
        await syncEach(context, added);
      }),
    );
    // A push to the default branch: a changed setup re-syncs its portfolio; commits finish weeks in
    // the portfolios that map the repository as a project. Commits first pushed to another branch
    // count when they reach the default branch.
    app.on("push", (context) => readable(context, () => onPush(context)));
    const onPush = async (context: Context<"push">) => {
      const { repository, commits } = context.payload;
      if (untrackedPush(context.payload) !== undefined) return;
      const setupChanged = touchesSetup(commits.flatMap(pushedFiles));
      const evidence = pushEvidence(repository.full_name, commits);
      await schedule(context, [repository.full_name], async (repo) => {
        if (setupChanged) {
          portfolioCache.delete(installationOf(context));
          const outcome = await syncRepository(repositoryInput(context, repo));
          app.log.info({ repo, status: outcome.status }, "syllabot: repository synced");
          if (outcome.status === "synced") refreshSoon(context, repo);
        }
        const results = await trackPush({
          portfolios: () => portfoliosOf(context),
          pushedRepo: repo,
          commits: evidence,
          gatewayFor: (portfolio) => gatewayOf(context.octokit, portfolio),
          serverUrl: serverUrlOf(context.octokit),
        });
        for (const result of results) {
          if (result.closed.length + result.annotated.length + result.rejected.length > 0) {
            app.log.info({ repo, ...result }, "syllabot: commits tracked");
          }
          refreshSoon(context, result.portfolio);
        }
      });
    };
    // A week or project closed or reopened in a portfolio, by the learner or by syllabot: the README follows.
    app.on(["issues.closed", "issues.reopened"], (context) =>
      readable(context, async () => {
        const { issue, repository } = context.payload;
        if (keyOf(issue.body) === undefined) return;
        const repo = repository.full_name;
        const author = issue.user?.login;
        if (!(await queue.accept(context.id))) return;
        // Judged in the queue, not before answering: a stranger's issue carrying a key is not one
        // of the portfolio's, and refreshes nothing.
        queue.enqueue(`installation-${installationOf(context)}`, async () => {
          const portfolio = (await portfoliosOf(context)).find(
            (candidate) => candidate.repo.toLowerCase() === repo.toLowerCase(),
          );
          if (!portfolio) return;
          const trust = trustOf({
            self: await identity(),
            learner: portfolio.config.learner,
            others: portfolio.config.trusted_authors,
          });
          if (isTrustedAuthor(trust, author)) refreshSoon(context, repo);
        });
      }),
    );
    app.on(["pull_request.opened", "pull_request.synchronize", "pull_request.reopened"], (context) =>
      readable(context, async () => {
        const { pull_request: pull, repository } = context.payload;
        const number = pull.number;
        const headSha = pull.head.sha;
        await schedule(context, [repository.full_name], (repo) =>
          checkPullRequest({ ...repositoryInput(context, repo), number, headSha }),
        );
      }),
    );
  };
}

/** The scheduler's bearer secret, compared in constant time. */
function authorized(request: IncomingMessage, secret: string): boolean {
  const given = Buffer.from(String(request.headers.authorization ?? ""));
  const expected = Buffer.from(`Bearer ${secret}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function respondJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
