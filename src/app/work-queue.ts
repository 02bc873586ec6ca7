import { type Coordination, LocalCoordination } from "./coordination.js";

/**
 * Work in the background, one job at a time per key (an installation), so that two deliveries for
 * the same installation never interleave their reads and writes; deliveries seen before are dropped.
 * With a shared coordination (Redis), both hold across processes too.
 */
export class WorkQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly waiting = new Map<string, { timer: NodeJS.Timeout; since: number; job: () => void }>();

  constructor(
    private readonly onError: (error: unknown, key: string) => void,
    private readonly coordination: Coordination = new LocalCoordination(),
  ) {}

  /** False when this delivery was taken before (GitHub redelivers, and so do people). */
  accept(deliveryId: string): Promise<boolean> {
    return this.coordination.acceptDelivery(deliveryId);
  }

  enqueue(key: string, job: () => Promise<unknown>): void {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous
      .then(() => this.coordination.exclusive(key, job))
      .then(
        () => undefined,
        (error: unknown) => this.onError(error, key),
      );
    this.tails.set(key, next);
    void next.then(() => {
      if (this.tails.get(key) === next) this.tails.delete(key);
    });
  }

  /**
   * Run `job` once `delayMs` has passed without another call for `key` (a burst of events makes one
   * job), and at the latest `maxWaitMs` after the first call of the burst, so a steady stream
   * cannot postpone it for ever.
   */
  debounce(key: string, delayMs: number, job: () => void, maxWaitMs = delayMs * 10): void {
    const pending = this.waiting.get(key);
    if (pending) clearTimeout(pending.timer);
    const since = pending?.since ?? Date.now();
    const wait = Math.max(0, Math.min(delayMs, since + maxWaitMs - Date.now()));
    const timer = setTimeout(() => this.fire(key), wait);
    this.waiting.set(key, { timer, since, job });
  }

  private fire(key: string): void {
    const pending = this.waiting.get(key);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.waiting.delete(key);
    pending.job();
  }

  /** Resolves when every queued job has finished; debounced jobs still waiting are run now. */
  async idle(): Promise<void> {
    while (this.tails.size > 0 || this.waiting.size > 0) {
      for (const key of [...this.waiting.keys()]) this.fire(key);
      await Promise.all(this.tails.values());
    }
  }
}
