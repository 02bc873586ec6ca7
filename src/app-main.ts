/**
 * `npm start`: the Probot app with Probot's standard environment (APP_ID, PRIVATE_KEY,
 * WEBHOOK_SECRET, GHE_HOST, REDIS_URL, ...). Without them, Probot's manifest flow registers the
 * app from app.yml. SYLLABOT_PACE_MS sets the minimum gap between writes (default 1000).
 */
import { run } from "probot";
import { syllabotApp } from "./app.js";
import { probotOctokit } from "./github/probot-octokit.js";

const pace = process.env.SYLLABOT_PACE_MS;
const writeIntervalMs = pace === undefined ? undefined : Number(pace);
if (writeIntervalMs !== undefined && !(Number.isInteger(writeIntervalMs) && writeIntervalMs >= 0)) {
  process.stderr.write(`syllabot: SYLLABOT_PACE_MS="${pace}" is not a whole number of milliseconds\n`);
  process.exit(2);
}
await run(syllabotApp(), {
  Octokit: probotOctokit(writeIntervalMs === undefined ? {} : { writeIntervalMs }),
});
