const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface LimitOptions {
  /** Content-creating requests allowed in any 60 s (GitHub: 80). */
  contentPerMinute?: number;
  /** Content-creating requests allowed in any hour (GitHub: 500). */
  contentPerHour?: number;
  /** Search requests allowed per minute (GitHub: 30). */
  searchPerMinute?: number;
  /** Core requests allowed per hour (GitHub: 5,000 for a user token). */
  corePerHour?: number;
  /** With `false`, nothing is ever refused for rate; the headers still count. */
  enabled?: boolean;
}

export type RateResource = "core" | "search";

/** A primary rate limit: a quota per fixed window that starts with the window's first request. */
export class PrimaryLimit {
  private windowStart = Number.NEGATIVE_INFINITY;
  private used = 0;

  constructor(
    readonly resource: RateResource,
    readonly limit: number,
    private readonly windowMs: number,
  ) {}

  private roll(now: number): void {
    if (now >= this.windowStart + this.windowMs) {
      this.windowStart = now;
      this.used = 0;
    }
  }

  exhausted(now: number): boolean {
    this.roll(now);
    return this.used >= this.limit;
  }

  take(now: number): void {
    this.roll(now);
    this.used += 1;
  }

  /** The bucket as of `now`, as `GET /rate_limit` shows it (`reset` in epoch seconds). */
  status(now: number): { limit: number; used: number; remaining: number; reset: number } {
    this.roll(now);
    return {
      limit: this.limit,
      used: this.used,
      remaining: Math.max(0, this.limit - this.used),
      reset: Math.ceil((this.windowStart + this.windowMs) / 1000),
    };
  }

  /** The `x-ratelimit-*` headers as of `now`. */
  headers(now: number): Record<string, string> {
    const { limit, used, remaining, reset } = this.status(now);
    return {
      "x-ratelimit-limit": String(limit),
      "x-ratelimit-remaining": String(remaining),
      "x-ratelimit-used": String(used),
      "x-ratelimit-reset": String(reset),
      "x-ratelimit-resource": this.resource,
    };
  }
}

/**
 * GitHub's secondary limit on content creation: at most `perMinute` in any 60 s and `perHour` in
 * any hour. Refused requests do not count, so a client that waits as told gets through.
 */
export class ContentCreationLimit {
  private readonly times: number[] = [];

  constructor(
    private readonly perMinute: number,
    private readonly perHour: number,
  ) {}

  /** Seconds to wait before the next content creation is allowed, or undefined when it is allowed now. */
  retryAfter(now: number): number | undefined {
    while (this.times.length > 0 && (this.times[0] ?? now) <= now - HOUR) this.times.shift();
    const lastMinute = this.times.filter((time) => time > now - MINUTE).length;
    // GitHub asks for a minute whenever the per-minute budget is spent.
    if (lastMinute >= this.perMinute) return 60;
    if (this.times.length >= this.perHour) {
      const oldest = this.times[this.times.length - this.perHour] ?? now;
      return Math.max(1, Math.ceil((oldest + HOUR - now) / 1000));
    }
    return undefined;
  }

  record(now: number): void {
    this.times.push(now);
  }
}

export interface RateLimits {
  enabled: boolean;
  core: PrimaryLimit;
  search: PrimaryLimit;
  content: ContentCreationLimit;
}

export function rateLimits(options: LimitOptions = {}): RateLimits {
  return {
    enabled: options.enabled ?? true,
    core: new PrimaryLimit("core", options.corePerHour ?? 5000, HOUR),
    search: new PrimaryLimit("search", options.searchPerMinute ?? 30, MINUTE),
    content: new ContentCreationLimit(options.contentPerMinute ?? 80, options.contentPerHour ?? 500),
  };
}

/**
 * The contents API serves a file's content inline up to 1 MiB; a larger one comes back with
 * `content: ""` and `encoding: "none"` (its bytes through the raw media type or the blob API).
 */
export const CONTENTS_INLINE_MAX_BYTES = 1024 * 1024;
/** Neither the contents API nor the blob API serves a file over 100 MiB. */
export const BLOB_MAX_BYTES = 100 * 1024 * 1024;

/**
 * The buckets GitHub gives a caller without a credential (per address: 60 core requests an hour,
 * 10 searches a minute), as fresh: the emulator does not count anonymous requests.
 */
export function anonymousLimits(): { core: PrimaryLimit; search: PrimaryLimit } {
  return { core: new PrimaryLimit("core", 60, 3_600_000), search: new PrimaryLimit("search", 10, 60_000) };
}
