import { Redlock } from "@sesamecare-oss/redlock";
import type { Redis } from "ioredis";

/**
 * What several app processes must agree on: which deliveries were taken, and that one
 * installation's work runs in one place at a time. Alone, a process decides by itself; behind a
 * load balancer, the processes share Redis (REDIS_URL), where Probot already clusters throttling.
 */
export interface Coordination {
  /** False when this delivery was taken before, here or by another process. */
  acceptDelivery(id: string): Promise<boolean>;
  /** Run `job` while holding `key` (an installation) against every other process. */
  exclusive<T>(key: string, job: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** One process: recent delivery ids in memory; exclusivity is the work queue's, in process. */
export class LocalCoordination implements Coordination {
  private readonly deliveries = new Set<string>();

  constructor(private readonly memory = 10_000) {}

  async acceptDelivery(id: string): Promise<boolean> {
    if (this.deliveries.has(id)) return false;
    this.deliveries.add(id);
    if (this.deliveries.size > this.memory) {
      const oldest = this.deliveries.values().next().value;
      if (oldest !== undefined) this.deliveries.delete(oldest);
    }
    return true;
  }

  exclusive<T>(_key: string, job: () => Promise<T>): Promise<T> {
    return job();
  }

  async close(): Promise<void> {}
}

export interface RedisCoordinationOptions {
  /** Key prefix in Redis. */
  prefix?: string;
  /** How long a delivery id is remembered (GitHub redelivers within days). */
  deliveryTtlSeconds?: number;
  /** A lock's lease, extended automatically while its job runs. */
  leaseMs?: number;
}

/**
 * Several processes sharing Redis: a delivery id is claimed with SET NX (the first process wins),
 * and an installation's jobs run under a Redlock lock, extended while they run (a bootstrap paced at
 * a write a second takes minutes), which the others wait for.
 */
export class RedisCoordination implements Coordination {
  private readonly redlock: Redlock;
  private readonly prefix: string;
  private readonly deliveryTtlSeconds: number;
  private readonly leaseMs: number;

  constructor(
    private readonly redis: Redis,
    options: RedisCoordinationOptions = {},
  ) {
    this.prefix = options.prefix ?? "syllabot";
    this.deliveryTtlSeconds = options.deliveryTtlSeconds ?? 7 * 24 * 3600;
    this.leaseMs = options.leaseMs ?? 30_000;
    // Waits as long as the holder works (retryCount -1); the holder's lease lapses if it dies.
    this.redlock = new Redlock([redis], {
      retryCount: -1,
      retryDelay: 100,
      retryJitter: 100,
      automaticExtensionThreshold: Math.min(5_000, Math.floor(this.leaseMs / 3)),
    });
  }

  async acceptDelivery(id: string): Promise<boolean> {
    const claimed = await this.redis.set(
      `${this.prefix}:delivery:${id}`,
      "1",
      "EX",
      this.deliveryTtlSeconds,
      "NX",
    );
    return claimed === "OK";
  }

  exclusive<T>(key: string, job: () => Promise<T>): Promise<T> {
    return this.redlock.using([`${this.prefix}:lock:${key}`], this.leaseMs, async (signal) => {
      const result = await job();
      // A lease that could not be extended means another process may have run meanwhile: say so.
      if (signal.aborted) throw signal.error ?? new Error(`lost the lock on ${key}`);
      return result;
    });
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}
