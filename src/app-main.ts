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
import { syllabotApp } from "./app.js";
import { Temporal } from "./calendar.js";
import { probotOctokit } from "./github/probot-octokit.js";

// Probot's run() reads .env into the environment (its values win); the logger, made before, reads it too.
try {
  Object.assign(process.env, parseEnv(readFileSync(".env", "utf8")));
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
}
registerAppSecrets(process.env);
const log = await createAppLog(process.env);

const pace = process.env.SYLLABOT_PACE_MS;
const writeIntervalMs = pace === undefined ? undefined : Number(pace);
if (writeIntervalMs !== undefined && !(Number.isInteger(writeIntervalMs) && writeIntervalMs >= 0)) {
  process.stderr.write(`syllabot: SYLLABOT_PACE_MS="${pace}" is not a whole number of milliseconds\n`);
  process.exit(2);
}
// How long one second of a retry-after (and of the retry plugin's backoff) lasts: 1000, unless a
// test against the emulator makes waiting cheap.
const unit = process.env.SYLLABOT_RETRY_UNIT_MS;
const retryAfterUnitMs = unit === undefined ? undefined : Number(unit);
if (retryAfterUnitMs !== undefined && !(Number.isInteger(retryAfterUnitMs) && retryAfterUnitMs >= 0)) {
  process.stderr.write(`syllabot: SYLLABOT_RETRY_UNIT_MS="${unit}" is not a whole number of milliseconds\n`);
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
  Octokit: probotOctokit({
    ...(writeIntervalMs === undefined ? {} : { writeIntervalMs }),
    ...(retryAfterUnitMs === undefined ? {} : { retryAfterUnitMs }),
  }),
});
