export type FaultKind =
  /** 500 or 502 with GitHub's JSON; nothing is done. */
  | "server-error"
  /** 403 with `retry-after` and GitHub's secondary-limit message; nothing is done. */
  | "secondary-rate-limit"
  /** The write is performed, then the connection is destroyed without an answer. */
  | "drop-after-write"
  /** A contents write answers 409 (its sha "does not match"); a ref update answers 422 "Reference update failed". */
  | "stale-sha"
  /** A search answers with `incomplete_results: true` and only part of what matched, as when GitHub's search times out. */
  | "incomplete-search";

export interface FaultMatch {
  method?: string;
  operationId?: string;
}

export interface FaultTarget {
  method: string;
  operationId: string;
  write: boolean;
}

const STALE_SHA_OPERATIONS = new Set(["repos/create-or-update-file-contents", "git/update-ref"]);

/** Whether a fault of `kind` can happen to this request at all. */
export function faultApplies(kind: FaultKind, target: FaultTarget): boolean {
  switch (kind) {
    case "server-error":
    case "secondary-rate-limit":
      return true;
    case "drop-after-write":
      return target.write;
    case "stale-sha":
      return STALE_SHA_OPERATIONS.has(target.operationId);
    case "incomplete-search":
      return target.operationId === "search/issues-and-pull-requests";
  }
}

/** mulberry32: a small, fast PRNG whose whole sequence follows from the seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomFaults {
  seed: number;
  /** Probability in [0, 1] that a request fails. */
  rate: number;
  kinds: FaultKind[];
}

/** Faults on demand, for tests of retries, resumption and recovery. */
export class Faults {
  /** The `retry-after` (seconds) of an injected secondary-limit 403. */
  retryAfterSeconds = 1;
  private randomFaults: { rate: number; kinds: FaultKind[]; draw: () => number } | undefined;
  private readonly queued: { kind: FaultKind; match: FaultMatch }[] = [];
  private writesBeforeCrash: number | undefined;

  /** From now on, each request fails with probability `rate` (deterministic from `seed`) with one of `kinds`. */
  random(options: RandomFaults): void {
    if (!(options.rate >= 0 && options.rate <= 1))
      throw new RangeError(`fault rate ${options.rate} is not in [0, 1]`);
    this.randomFaults = { rate: options.rate, kinds: [...options.kinds], draw: seededRandom(options.seed) };
  }

  /** The next request matching `match` (and to which `kind` applies) fails with `kind`, once. */
  next(kind: FaultKind, match: FaultMatch = {}): void {
    this.queued.push({ kind, match });
  }

  /** After `writes` more successful writes, every later request's connection is destroyed. */
  crashAfterWrites(writes: number): void {
    if (!Number.isInteger(writes) || writes < 0)
      throw new RangeError(`crashAfterWrites needs a count, got ${writes}`);
    this.writesBeforeCrash = writes;
  }

  clear(): void {
    this.randomFaults = undefined;
    this.queued.length = 0;
    this.writesBeforeCrash = undefined;
  }

  get crashed(): boolean {
    return this.writesBeforeCrash === 0;
  }

  noteSuccessfulWrite(): void {
    if (this.writesBeforeCrash !== undefined && this.writesBeforeCrash > 0) this.writesBeforeCrash -= 1;
  }

  /** The fault this request suffers, if any: a queued one first, then the random draw. */
  pick(target: FaultTarget): FaultKind | undefined {
    const index = this.queued.findIndex(
      ({ kind, match }) =>
        (match.method === undefined || match.method.toUpperCase() === target.method) &&
        (match.operationId === undefined || match.operationId === target.operationId) &&
        faultApplies(kind, target),
    );
    if (index >= 0) return this.queued.splice(index, 1)[0]?.kind;
    if (!this.randomFaults) return undefined;
    const { rate, kinds, draw } = this.randomFaults;
    // Draw twice per request whatever happens, so a seed gives the same faults to the same request sequence.
    const fails = draw() < rate;
    const choice = draw();
    const applicable = kinds.filter((kind) => faultApplies(kind, target));
    if (!fails || applicable.length === 0) return undefined;
    return applicable[Math.floor(choice * applicable.length)];
  }

  /** 500 or 502, chosen deterministically when random faults are on. */
  serverErrorStatus(): number {
    return this.randomFaults && this.randomFaults.draw() < 0.5 ? 500 : 502;
  }
}
