import type { Octokit } from "@octokit/core";
import type { OctokitResponse } from "@octokit/types";

/**
 * Conditional requests for a long-lived process: GETs carry the ETag of the last answer, and a
 * 304 (which GitHub does not count against the rate limit) is answered from the cache. Octokit
 * throws on a 304, so the cache sits in the request hook and turns it back into the response.
 */
export function etagCache(octokit: Octokit) {
  const cache = new Map<string, { etag: string; response: OctokitResponse<unknown> }>();
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
      if (etag) cache.set(key, { etag, response: structuredClone(response) });
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
