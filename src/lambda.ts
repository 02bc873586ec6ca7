/**
 * syllabot on serverless (AWS Lambda behind API Gateway or a function URL): the same app, with the
 * webhook verified and received by `probot.webhooks.verifyAndReceive`, as the published Lambda
 * adapter does (it still depends on Probot 13). A frozen function does no background work, so the
 * handler answers once the delivery's work is done; with REDIS_URL, concurrent invocations share
 * delivery ids and installation locks as the server processes do.
 */
import { createProbot, type Probot } from "probot";
import type { Coordination } from "./app/coordination.js";
import { createAppLog, registerAppSecrets } from "./app/log.js";
import { pacingFromEnv } from "./app/pacing-env.js";
import type { WorkQueue } from "./app/work-queue.js";
import { type AppOptions, syllabotApp, type TickSummary } from "./app.js";
import { probotOctokit } from "./github/probot-octokit.js";

/** The parts of an API Gateway (v1 or v2) or function URL event a webhook needs. */
export interface LambdaWebhookEvent {
  headers?: Record<string, string | undefined> | null;
  body?: string | null;
  isBase64Encoded?: boolean;
  /** "aws.events" for an EventBridge scheduled rule: the daily tick. */
  source?: string;
}

export interface LambdaResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export interface LambdaOptions {
  /** Default: Probot from the environment (APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, GHE_HOST, ...). */
  probot?: Probot;
  app?: Omit<AppOptions, "onQueue" | "onTick">;
  coordination?: Coordination;
}

export function createLambdaHandler(options: LambdaOptions = {}) {
  let queue: WorkQueue | undefined;
  let tick: (() => Promise<TickSummary>) | undefined;
  const made = (async () => {
    if (options.probot) return options.probot;
    registerAppSecrets(process.env);
    // Probot's own logger, with no credential in any line (see app/log.ts); at `warn` unless told,
    // as createProbot's is.
    // syllabot's Octokit, as the server's: writes paced, the secondary limit waited out, ETags kept.
    return createProbot({
      overrides: {
        log: await createAppLog({ LOG_LEVEL: "warn", ...process.env }),
        Octokit: probotOctokit(pacingFromEnv(process.env)),
      },
    });
  })();
  const loaded = made.then((probot) =>
    probot.load(
      syllabotApp({
        ...options.app,
        ...(options.coordination ? { coordination: options.coordination } : {}),
        // Nothing waits after the answer: a refresh is not postponed either.
        refreshDelayMs: 0,
        onQueue: (created) => {
          queue = created;
        },
        onTick: (created) => {
          tick = created;
        },
      }),
      // No server: the tick endpoint is for long-lived processes; a scheduled rule calls the tick instead.
      { cwd: process.cwd(), addHandler: () => {} },
    ),
  );
  return async (event: LambdaWebhookEvent): Promise<LambdaResponse> => {
    await loaded;
    const probot = await made;
    if (event.source === "aws.events" && tick) {
      const summary = await tick();
      await queue?.idle();
      return {
        statusCode: 200,
        headers: { "content-type": "application/json" },
        body: JSON.stringify(summary),
      };
    }
    const headers = Object.fromEntries(
      Object.entries(event.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value ?? ""]),
    );
    const body = event.isBase64Encoded
      ? Buffer.from(event.body ?? "", "base64").toString("utf8")
      : (event.body ?? "");
    const id = headers["x-github-delivery"];
    const name = headers["x-github-event"];
    const signature = headers["x-hub-signature-256"];
    if (!id || !name || !signature) {
      return respond(400, "a GitHub webhook needs x-github-delivery, x-github-event and x-hub-signature-256");
    }
    try {
      await probot.webhooks.verifyAndReceive({ id, name: name as never, signature, payload: body });
    } catch (error) {
      const status = statusOf(error);
      if (status >= 500) throw error;
      return respond(
        status,
        "the delivery was refused: its signature does not match, or its body is not JSON",
      );
    }
    await queue?.idle();
    return respond(200, "ok");
  };
}

function statusOf(error: unknown): number {
  const direct = (error as { status?: number }).status;
  if (typeof direct === "number") return direct;
  const inner = (error as { errors?: { status?: number }[] }).errors?.find(
    (each) => typeof each.status === "number",
  );
  return inner?.status ?? 500;
}

function respond(statusCode: number, message: string): LambdaResponse {
  return { statusCode, headers: { "content-type": "application/json" }, body: JSON.stringify({ message }) };
}
