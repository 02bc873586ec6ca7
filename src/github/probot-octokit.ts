import Bottleneck from "bottleneck";
import { ProbotOctokit } from "probot";
import { type EtagStore, etagCache } from "./etag-cache.js";
import { KnownFiles, knownFilesPlugin } from "./known-files.js";
import { DEFAULT_PACING, type Pacing } from "./octokit.js";
import { recogniseRedis7Replies } from "./redis-throttle.js";

interface ThrottleOptions {
  id?: string;
  connection?: unknown;
  [option: string]: unknown;
}

/**
 * Probot's Octokit with syllabot's throttling. Probot 14 only logs a secondary rate limit and
 * gives up; syllabot waits it out. Writes are paced per installation (the plugin's default key is
 * one for the whole process), and Probot's Redis connection, when it has one, is kept.
 */
const STORED_INSTALLATIONS = 50;

export function probotOctokit(pacing: Partial<Pacing> = {}): typeof ProbotOctokit {
  const { writeIntervalMs, retryAfterUnitMs, maxRateLimitRetries } = { ...DEFAULT_PACING, ...pacing };
  const wait =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      octokit: { log: { warn: (message: string) => void } },
      retryCount: number,
    ) => {
      if (retryCount >= maxRateLimitRetries) return false;
      octokit.log.warn(
        `${kind} on ${request.method} ${request.url}: waiting ${retryAfter}s (retry ${retryCount + 1})`,
      );
      return true;
    };
  const clustered = (throttle: ThrottleOptions | undefined) => throttle?.connection !== undefined;
  // One set of groups for the app; each installation gets its own limiter in them, by key.
  const write = new Bottleneck.Group({ minTime: writeIntervalMs, maxConcurrent: 1 });
  // Conditional requests across deliveries: one ETag store per installation, shared by the
  // Octokit Probot makes for each event (a 304 costs no rate limit).
  // The most recently served installations only, so that a process serving thousands stays small.
  // Files known by blob SHA likewise (see known-files.ts).
  // Named as the plugins read them from the client's options.
  const stores = new Map<string, { etagStore: EtagStore; knownFiles: KnownFiles }>();
  const storeFor = (installation: string) => {
    const store = stores.get(installation) ?? { etagStore: new Map(), knownFiles: new KnownFiles() };
    stores.delete(installation);
    stores.set(installation, store);
    if (stores.size > STORED_INSTALLATIONS) {
      const oldest = stores.keys().next().value;
      if (oldest !== undefined) stores.delete(oldest);
    }
    return store;
  };
  const notifications = new Bottleneck.Group({ minTime: writeIntervalMs, maxConcurrent: 1 });
  return ProbotOctokit.plugin(etagCache, knownFilesPlugin).defaults(
    (options: { throttle?: ThrottleOptions; auth?: { installationId?: number } }) => ({
      ...options,
      ...(options.auth?.installationId === undefined ? {} : storeFor(String(options.auth.installationId))),
      throttle: {
        ...options.throttle,
        ...(clustered(options.throttle)
          ? { connection: recogniseRedis7Replies(options.throttle?.connection) }
          : {}),
        id: `syllabot-installation-${options.auth?.installationId ?? "app"}`,
        onRateLimit: wait("rate limit"),
        onSecondaryRateLimit: wait("secondary rate limit"),
        retryAfterBaseValue: retryAfterUnitMs,
        // With Redis, the plugin builds clustered groups itself; alone, pacing is ours to set.
        ...(clustered(options.throttle) ? {} : { write, notifications }),
      },
      retry: { ...((options as { retry?: object }).retry ?? {}), retryAfterBaseValue: retryAfterUnitMs },
    }),
  ) as unknown as typeof ProbotOctokit;
}
