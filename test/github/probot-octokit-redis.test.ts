import { generateKeyPairSync } from "node:crypto";
import { useEmulator } from "@syllabot/github-emulator/testing";
import { Redis } from "ioredis";
import { Probot } from "probot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PACING } from "../../src/github/octokit.js";
import { probotOctokit } from "../../src/github/probot-octokit.js";
import { type RedisServer, startRedis } from "../helpers/redis.js";

const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

const api = useEmulator();
let redis: RedisServer;
const clients: Redis[] = [];
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  for (const client of clients) client.disconnect();
  await redis.stop();
});

describe("throttling shared through Redis", () => {
  // Bottleneck keeps each limiter's settings in Redis with the throttling plugin's 2-minute TTL:
  // an app idle longer (between two daily ticks, say) finds them gone. Bottleneck recreates them
  // on its SETTINGS_KEY_NOT_FOUND reply, but Redis 7 prefixes that reply with "ERR ", which
  // Bottleneck 2.19.5 no longer recognises: every request then failed until the process restarted.
  it("keeps answering after the limiters' keys expired in Redis", async () => {
    api.emulator.createRepo("bob/portfolio");
    const installation = api.emulator.addInstallation({ account: "bob" });
    const probot = new Probot({
      appId: 1,
      privateKey,
      baseUrl: api.emulator.url,
      redisConfig: redis.url,
      Octokit: probotOctokit(TEST_PACING),
      logLevel: "fatal",
    });
    const appClient = await probot.auth();
    const client = await probot.auth(installation);
    const read = async () => {
      const { data: app } = await appClient.request("GET /app");
      const { data: repo } = await client.request("GET /repos/{owner}/{repo}", {
        owner: "bob",
        repo: "portfolio",
      });
      await client.request("POST /repos/{owner}/{repo}/issues", {
        owner: "bob",
        repo: "portfolio",
        title: "Week 1",
      });
      return [app?.slug, repo.full_name];
    };
    expect(await read()).toEqual(["syllabot", "bob/portfolio"]);

    // What two idle minutes do: every key the limiters kept is gone.
    const admin = new Redis(redis.url);
    clients.push(admin);
    // Bottleneck registers its limiters' keys as it schedules; they exist once the requests ran.
    expect((await admin.keys("b_*")).length).toBeGreaterThan(0);
    await admin.flushdb();

    expect(await read()).toEqual(["syllabot", "bob/portfolio"]);
    const { data: issues } = await client.request("GET /repos/{owner}/{repo}/issues", {
      owner: "bob",
      repo: "portfolio",
    });
    expect(issues.map((issue) => issue.title)).toEqual(["Week 1", "Week 1"]);
  });
});
