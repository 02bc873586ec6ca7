import { it } from "vitest";

/**
 * How deep the suite digs. `npm test` runs the fast project: every behaviour, with property tests at
 * a fifth of their runs and the longest plays (a whole simulated year, 100,000 commits, every crash
 * point) left to `npm run test:slow`, which sets SYLLABOT_TEST_DEPTH=full and runs them all at
 * their full count. CI runs both (.ci/run).
 */
export const FULL_DEPTH = process.env.SYLLABOT_TEST_DEPTH === "full";

/** A property test's run count: `full` in the slow set, a fifth of it (at least 10) in the fast one. */
export function runs(full: number): number {
  return FULL_DEPTH ? full : Math.min(full, Math.max(10, Math.ceil(full / 5)));
}

/** The cases a table-driven test checks: all of them in the slow set, `fast` in the fast one. */
export function cases<T>(all: readonly T[], fast: readonly T[]): T[] {
  return [...(FULL_DEPTH ? all : fast)];
}

/** A test that only the slow set runs (the fast set reports it skipped, by name). */
export const itFull = it.runIf(FULL_DEPTH);
