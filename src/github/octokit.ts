import type { Octokit as Core } from "@octokit/core";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import Bottleneck from "bottleneck";
import { connectionFailure } from "./connection-failure.js";
import { etagCache } from "./etag-cache.js";

/**
 * Retries only what a retry can heal. The retry plugin re-sends any "500", and Octokit reports a
 * refused certificate or an unknown host as one: 14 s of backoff for an answer known at once.
 * Registered before the retry plugin, so that its error hook runs first and sets how many
 * retries this request gets (its own `request.retries`, which the plugin reads).
 */
function connectionRetries(octokit: Core): void {
  octokit.hook.error("request", (error, options) => {
    const atMost = connectionFailure(error)?.retryAtMost;
    if (atMost !== undefined) {
      const request = (options.request ?? {}) as { retries?: number };
      options.request = { ...request, retries: Math.min(request.retries ?? atMost, atMost) };
    }
    throw error;
  });
}

/**
 * `@octokit/rest` (Octokit with its typed endpoint methods, pagination and request log) with
 * syllabot's throttling, retry and ETag cache.
 */
export const SyllabotOctokit = Octokit.plugin(connectionRetries, retry, throttling, etagCache);

/**
 * What the gateway needs of a client: the typed endpoint methods, pagination and GraphQL. Both
 * syllabot's own client and Probot's (which is built on the same endpoint-methods and pagination
 * plugins) have them.
 */
export type GitHubClient = Pick<SyllabotClient, "rest" | "paginate" | "graphql" | "request">;
export type SyllabotClient = InstanceType<typeof SyllabotOctokit>;

export interface Pacing {
  /** Minimum gap between content-creating requests; GitHub asks for at least 1 s. */
  writeIntervalMs: number;
  /** How long one second of `retry-after` lasts; 1000 in production, ~0 in tests. */
  retryAfterUnitMs: number;
  /** How often a rate-limited request is waited out and retried before giving up. */
  maxRateLimitRetries: number;
}

export const DEFAULT_PACING: Pacing = {
  writeIntervalMs: 1000,
  retryAfterUnitMs: 1000,
  maxRateLimitRetries: 5,
};
export const TEST_PACING: Pacing = { writeIntervalMs: 0, retryAfterUnitMs: 1, maxRateLimitRetries: 5 };

export interface ClientOptions {
  token: string;
  /** REST API root: https://api.github.com, https://HOST/api/v3 for GitHub Enterprise Server, or the emulator. */
  baseUrl?: string;
  pacing?: Partial<Pacing>;
  /** Told when a rate limit is being waited out; never given the token. */
  onWait?: (message: string) => void;
  /** Octokit's warnings (deprecations, plugin trouble). */
  onWarn?: (message: string) => void;
  /**
   * false for a server that neither limits nor fails (the emulator with its limits off, in the demo
   * and long simulations): no throttling or retry, whose queues cost ~15 ms a request.
   */
  throttleAndRetry?: boolean;
}

export function createClient(options: ClientOptions): SyllabotClient {
  const pacing = { ...DEFAULT_PACING, ...options.pacing };
  const wait =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      if (retryCount >= pacing.maxRateLimitRetries) return false;
      options.onWait?.(
        `${kind} on ${request.method} ${request.url}: waiting ${retryAfter}s (retry ${retryCount + 1})`,
      );
      return true;
    };
  // Groups per client, not the plugin's process-wide ones, so that pacing is the caller's choice.
  const group = (minTime: number, maxConcurrent: number | null = 1) =>
    new Bottleneck.Group({ minTime, maxConcurrent });
  return new SyllabotOctokit({
    auth: options.token,
    baseUrl: (options.baseUrl ?? "https://api.github.com").replace(/\/+$/, ""),
    userAgent: "syllabot",
    retry: { enabled: options.throttleAndRetry ?? true, retryAfterBaseValue: pacing.retryAfterUnitMs },
    throttle: {
      enabled: options.throttleAndRetry ?? true,
      onRateLimit: wait("rate limit"),
      onSecondaryRateLimit: wait("secondary rate limit"),
      retryAfterBaseValue: pacing.retryAfterUnitMs,
      write: group(pacing.writeIntervalMs),
      notifications: group(pacing.writeIntervalMs),
      search: group(pacing.writeIntervalMs * 2),
    },
    // Octokit's own debug and info chatter is not for the learner; its warnings are. Its errors
    // are only @octokit/rest's request log, one line for each answer that is not a 2xx (a 404 for
    // an absent file, a 304 the ETag cache answers): a failure that matters is thrown to the caller.
    log: {
      debug: () => {},
      info: () => {},
      warn: options.onWarn ?? (() => {}),
      error: () => {},
    },
  });
}
