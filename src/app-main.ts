/**
 * `npm start`: the Probot app with Probot's standard environment (APP_ID, PRIVATE_KEY,
 * WEBHOOK_SECRET, GHE_HOST, REDIS_URL, ...). Without them, Probot's manifest flow registers the
 * app from app.yml. SYLLABOT_PACE_MS sets the minimum gap between writes (default 1000);
 * SYLLABOT_TICK_SECRET enables POST /syllabot/tick; SYLLABOT_TICK_INTERVAL_HOURS runs it in process.
 */

import { readFileSync } from "node:fs";
import { parseEnv } from "node:util";
import { Redis } from "ioredis";
import { run } from "probot";
import { RedisCoordination } from "./app/coordination.js";
import { createAppLog, registerAppSecrets } from "./app/log.js";
import { PacingEnvError, pacingFromEnv } from "./app/pacing-env.js";
import { syllabotApp } from "./app.js";
import { Temporal } from "./calendar.js";
import type { Pacing } from "./github/octokit.js";
import { probotOctokit } from "./github/probot-octokit.js";

// Probot's run() reads .env into the environment (its values win); the logger, made before, reads it too.
try {
  Object.assign(process.env, parseEnv(readFileSync(".env", "utf8")));
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
}
registerAppSecrets(process.env);
const log = await createAppLog(process.env);

let pacing: Partial<Pacing>;
try {
  pacing = pacingFromEnv(process.env);
} catch (error) {
  if (!(error instanceof PacingEnvError)) throw error;
  process.stderr.write(`syllabot: ${error.message}\n`);
  process.exit(2);
}

// Optional in-process schedule, for a single long-lived process; several processes, or serverless,
// call POST /syllabot/tick from one scheduler instead (see README: deployment).
const hours = process.env.SYLLABOT_TICK_INTERVAL_HOURS;
const intervalHours = hours === undefined ? undefined : Number(hours);
if (intervalHours !== undefined && !(Number.isFinite(intervalHours) && intervalHours > 0)) {
  process.stderr.write(
    `syllabot: SYLLABOT_TICK_INTERVAL_HOURS="${hours}" is not a positive number of hours\n`,
  );
  process.exit(2);
}
const onTick = (tick: () => Promise<unknown>) => {
  if (intervalHours === undefined) return;
  setInterval(() => {
    tick().catch((error: unknown) => log.error({ err: error }, "syllabot: the tick failed"));
  }, intervalHours * 3_600_000).unref();
};
// Several processes behind a load balancer share Redis: Probot clusters Octokit's throttling through
// it (it reads REDIS_URL itself), and syllabot keeps deliveries and installation locks there.
const coordination = process.env.REDIS_URL
  ? new RedisCoordination(new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 3 }))
  : undefined;
// SYLLABOT_NOW pins the clock (an ISO instant): for demos and for tests that compare runs.
const pinned = process.env.SYLLABOT_NOW;
let now: (() => Temporal.Instant) | undefined;
if (pinned) {
  try {
    const instant = Temporal.Instant.from(pinned);
    now = () => instant;
  } catch {
    process.stderr.write(
      `syllabot: SYLLABOT_NOW="${pinned}" is not an instant (e.g. 2026-03-02T04:00:00Z)\n`,
    );
    process.exit(2);
  }
}
await run(syllabotApp({ onTick, ...(coordination ? { coordination } : {}), ...(now ? { now } : {}) }), {
  log,
  Octokit: probotOctokit(pacing),
});
