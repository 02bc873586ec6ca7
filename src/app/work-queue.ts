/**
 * Work in the background, one job at a time per key (an installation), so that two deliveries for
 * the same installation never interleave their reads and writes; deliveries seen before are dropped.
 */
export class WorkQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly deliveries = new Set<string>();
  private readonly waiting = new Map<string, { timer: NodeJS.Timeout; since: number; job: () => void }>();

  constructor(
    private readonly onError: (error: unknown, key: string) => void,
    /** How many recent delivery ids are remembered. */
    private readonly memory = 10_000,
  ) {}

  /** False when this delivery was taken before (GitHub redelivers, and so do people). */
  accept(deliveryId: string): boolean {
    if (this.deliveries.has(deliveryId)) return false;
    this.deliveries.add(deliveryId);
    if (this.deliveries.size > this.memory) {
      const oldest = this.deliveries.values().next().value;
      if (oldest !== undefined) this.deliveries.delete(oldest);
    }
    return true;
  }

  enqueue(key: string, job: () => Promise<unknown>): void {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(job).then(
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
