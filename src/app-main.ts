/**
 * `npm start`: the Probot app with Probot's standard environment (APP_ID, PRIVATE_KEY,
 * WEBHOOK_SECRET, GHE_HOST, REDIS_URL, ...). Without them, Probot's manifest flow registers the
 * app from app.yml.
 */
import { run } from "probot";
import { syllabotApp } from "./app.js";
import { probotOctokit } from "./github/probot-octokit.js";

await run(syllabotApp(), { Octokit: probotOctokit() });
