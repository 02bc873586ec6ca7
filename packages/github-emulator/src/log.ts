import type { FaultKind } from "./faults.js";

/** One request the emulator received, and what it answered. */
export interface RequestRecord {
  method: string;
  /** The path as sent, without the query string. */
  path: string;
  /** The router template that matched, e.g. `/repos/:owner/:repo/issues`; null when none did. */
  route: string | null;
  /**
   * GitHub's operationId, e.g. `issues/create`, also of an operation the emulator does not
   * implement (answered 501); null when GitHub has no operation at this method and path.
   */
  operationId: string | null;
  query: Record<string, string>;
  /** 0 when the connection was destroyed before any handling (after `crashAfterWrites`). */
  status: number;
  requestBody: unknown;
  responseBody: unknown;
  responseHeaders: Record<string, string>;
  write: boolean;
  /** What the request cost against the primary rate limit: 304s and refused credentials cost nothing. */
  rateLimitCost: 0 | 1;
  /** The fault injected into this request, if any. */
  fault?: FaultKind | "crash";
  /** True when the client never got the answer (the connection was destroyed). */
  dropped: boolean;
}

export interface RequestCounts {
  requests: number;
  writes: number;
  rateLimitCost: number;
  /** Requests by operationId; requests to no operation GitHub has count under `(unrouted)`. */
  byOperation: Record<string, number>;
}

export function countRequests(log: readonly RequestRecord[]): RequestCounts {
  const byOperation: Record<string, number> = {};
  for (const record of log) {
    const key = record.operationId ?? "(unrouted)";
    byOperation[key] = (byOperation[key] ?? 0) + 1;
  }
  return {
    requests: log.length,
    writes: log.filter((record) => record.write).length,
    rateLimitCost: log.reduce((sum, record) => sum + record.rateLimitCost, 0),
    byOperation,
  };
}
