/**
 * Work in the background, one job at a time per key (an installation), so that two deliveries for
 * the same installation never interleave their reads and writes; deliveries seen before are dropped.
 */
export class WorkQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly deliveries = new Set<string>();

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

  /** Resolves when every queued job has finished. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }
}
