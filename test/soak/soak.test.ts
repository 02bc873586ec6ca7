import { Emulator } from "@syllabot/github-emulator";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RedisServer, startRedis } from "../helpers/redis.js";
import {
  buildWorld,
  deliverAll,
  type Learner,
  type LearnerState,
  learnerState,
  SOAK_NOW,
  startApps,
  startProcesses,
  tickAll,
} from "./scenario.js";

/**
 * The soak suite: hundreds of deliveries of every event the app handles, each delivered 1–5 times
 * in random order, 20 at once, with 10% of GitHub's answers faulty; then the scheduled catch-up.
 * The end state must equal a fault-free run's: one object per key, every commit in the ledger,
 * every finished week closed once with one comment, the README as the ledger says. Bounded: 500
 * deliveries a scenario, on loopback.
 */

const DELIVERIES = 500;
const FAULTS = ["server-error", "secondary-rate-limit", "drop-after-write", "stale-sha"] as const;

let redis: RedisServer;
const connections: Redis[] = [];
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(connections.map((connection) => connection.quit().catch(() => undefined)));
  await redis.stop();
});

function learners(count: number, emulator: Emulator): Learner[] {
  if (count === 1) {
    return [{ login: "octocat", installationId: 1, portfolio: "octocat/portfolio", project: "octocat/calc" }];
  }
  return Array.from({ length: count }, (_, index) => {
    const login = `learner${String(index + 1).padStart(2, "0")}`;
    const installationId = emulator.addInstallation({ account: login });
    return { login, installationId, portfolio: `${login}/portfolio`, project: `${login}/calc` };
  });
}

interface Run {
  states: LearnerState[];
  figures: Record<string, unknown>;
}

async function run(options: {
  installations: number;
  processes: number;
  faultRate: number;
  seed: number;
  copies: [number, number];
  concurrency: number;
}): Promise<Run> {
  const emulator = await Emulator.start({ limits: { enabled: false }, now: () => new Date(SOAK_NOW) });
  // Several processes: real ones (the built app, by environment) behind one entry point, on Redis.
  const apps =
    options.processes === 1
      ? await startApps(emulator, 1, () => undefined)
      : await startProcesses(emulator, options.processes, redis.url);
  try {
    // A retry-after of 0 s: the secondary limit is waited out without slowing the suite.
    emulator.faults.retryAfterSeconds = 0;
    const people = learners(options.installations, emulator);
    const { deliveries } = buildWorld(emulator, people, DELIVERIES);
    if (options.faultRate > 0) {
      emulator.faults.random({ seed: options.seed, rate: options.faultRate, kinds: [...FAULTS] });
    }
    const delivered = await deliverAll(apps, deliveries, {
      seed: options.seed,
      concurrency: options.concurrency,
      copies: options.copies,
    });
    const faultsInjected = emulator.log.filter((entry) => entry.fault !== undefined).length;
    emulator.faults.clear();
    await tickAll(apps);
    const states = [];
    for (const learner of people) states.push(await learnerState(emulator, learner));
    expect(emulator.internalErrors).toEqual([]);
    return { states, figures: { ...delivered, faultsInjected, processes: options.processes } };
  } finally {
    for (const app of apps) await app.close();
    await emulator.close();
  }
}

function checkInvariants(states: readonly LearnerState[]) {
  for (const state of states) {
    expect(state.duplicateKeys).toEqual([]);
    expect(state.milestones).toEqual(["phase-1", "phase-2"]);
    // The initial commit and the 13 commits of the scene.
    expect(state.ledgerCommits).toHaveLength(14);
    const weeks = state.issues.filter((issue) => issue.key.startsWith("week-"));
    expect(weeks.map((issue) => [issue.key, issue.state, issue.comments])).toEqual(
      [1, 2, 3, 4, 5, 6].map((week) => [`week-0${week}`, "closed", 1]),
    );
    expect(state.region).toContain("6 of 6 weeks done");
  }
}

function report(name: string, figures: Record<string, unknown>, states: readonly LearnerState[]) {
  const duplicatesCreated = states.reduce((sum, state) => sum + state.duplicateKeys.length, 0);
  console.info(
    `soak ${name}: ${JSON.stringify({ ...figures, learners: states.length, duplicatesCreated, lost: 0 })}`,
  );
}

describe("soak", () => {
  for (const scenario of [
    { name: "1 installation, 1 process", installations: 1, processes: 1 },
    { name: "20 installations, 1 process", installations: 20, processes: 1 },
    { name: "20 installations, 3 processes sharing Redis", installations: 20, processes: 3 },
  ]) {
    it(`${scenario.name}: with 10% faults, ends as a fault-free run does`, { timeout: 0 }, async () => {
      const common = { installations: scenario.installations, processes: scenario.processes, seed: 7 };
      // The reference: one process, each delivery once, in order, no fault.
      const clean = await run({ ...common, processes: 1, faultRate: 0, copies: [1, 1], concurrency: 1 });
      checkInvariants(clean.states);
      const stormy = await run({ ...common, faultRate: 0.1, copies: [1, 5], concurrency: 20 });
      report(scenario.name, stormy.figures, stormy.states);
      checkInvariants(stormy.states);
      expect(stormy.states).toEqual(clean.states);
    });
  }
});
