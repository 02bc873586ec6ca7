import type { Octokit } from "@octokit/core";
import type { OctokitResponse } from "@octokit/types";

/**
 * Conditional requests for a long-lived process: GETs carry the ETag of the last answer, and a
 * 304 (which GitHub does not count against the rate limit) is answered from the cache. Octokit
 * throws on a 304, so the cache sits in the request hook and turns it back into the response.
 */
export type EtagStore = Map<string, { etag: string; response: OctokitResponse<unknown> }>;

/** Entries an ETag store keeps; the oldest go first. */
const STORE_LIMIT = 100;

export function etagCache(octokit: Octokit, options: object = {}) {
  // Probot makes an Octokit per event: a store handed in outlives it (one per installation).
  const cache: EtagStore = (options as { etagStore?: EtagStore }).etagStore ?? new Map();
  let hits = 0;
  octokit.hook.wrap("request", async (request, options) => {
    if (options.method !== "GET") return request(options);
    const key = octokit.request.endpoint(options).url;
    const cached = cache.get(key);
    if (cached) options.headers = { ...options.headers, "if-none-match": cached.etag };
    try {
      const response = await request(options);
      const etag = response.headers.etag;
      // A copy: callers (the pagination plugin, on search answers) rewrite the response in place.
      if (etag) {
        cache.delete(key);
        cache.set(key, { etag, response: structuredClone(response) });
        if (cache.size > STORE_LIMIT) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
      }
      return response;
    } catch (error) {
      if (cached && (error as { status?: number }).status === 304) {
        hits++;
        return structuredClone(cached.response);
      }
      throw error;
    }
  });
  return {
    etagCache: {
      clear: () => cache.clear(),
      get hits() {
        return hits;
      },
    },
  };
}
