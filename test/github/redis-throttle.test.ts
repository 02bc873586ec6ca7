import Bottleneck from "bottleneck";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recogniseRedis7Replies } from "../../src/github/redis-throttle.js";
import { type RedisServer, startRedis } from "../helpers/redis.js";

let redis: RedisServer;
const connections: { disconnect(flush?: boolean): unknown }[] = [];
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  for (const connection of connections) connection.disconnect(false);
  await redis.stop();
});

/** A clustered limiter as the throttling plugin makes them, on its own Redis connection. */
function limiter(id: string, translate: boolean) {
  const client = new Redis(redis.url);
  const connection = new Bottleneck.IORedisConnection({ client });
  connections.push(connection);
  if (translate) recogniseRedis7Replies(connection);
  return { limiter: new Bottleneck({ id, connection, timeout: 120_000, maxConcurrent: 1 }), client };
}

/** What the limiter's keys expiring after an idle spell does: they are gone. */
async function expire(client: Redis, id: string) {
  const keys = await client.keys(`b_${id}_*`);
  expect(keys.length).toBeGreaterThan(0);
  await client.del(...keys);
}

describe("Bottleneck on Redis 7", () => {
  it("fails every job once its keys expired, as Bottleneck 2.19.5 alone does", async () => {
    const { limiter: bare, client } = limiter("bare", false);
    expect(await bare.schedule(async () => "first")).toBe("first");
    await expire(client, "bare");
    await expect(bare.schedule(async () => "second")).rejects.toThrow("ERR SETTINGS_KEY_NOT_FOUND");
  });

  it("recreates its keys and runs the job, with Redis 7's replies translated", async () => {
    const { limiter: fixed, client } = limiter("fixed", true);
    expect(await fixed.schedule(async () => "first")).toBe("first");
    await expire(client, "fixed");
    expect(await fixed.schedule(async () => "second")).toBe("second");
    // Its client registration expired too (UNKNOWN_CLIENT): re-registered, the next job runs.
    await client.del(`b_fixed_client_last_seen`, `b_fixed_client_running`);
    expect(await fixed.schedule(async () => "third")).toBe("third");
  });

  it("leaves other errors as they are, and translates a connection once", () => {
    const connection = {
      __scriptArgs__: (
        _name: string,
        _id: string,
        args: unknown[],
        callback: (e: Error | null, r: unknown) => void,
      ) => [...args, callback],
    };
    recogniseRedis7Replies(recogniseRedis7Replies(connection));
    const seen: string[] = [];
    for (const message of [
      "ERR SETTINGS_KEY_NOT_FOUND",
      "ERR UNKNOWN_CLIENT",
      "ERR OOM command not allowed",
    ]) {
      const args = connection.__scriptArgs__("submit", "id", [], (error) => seen.push(error?.message ?? ""));
      (args.at(-1) as (e: Error, r: unknown) => void)(new Error(message), null);
    }
    expect(seen).toEqual(["SETTINGS_KEY_NOT_FOUND", "UNKNOWN_CLIENT", "ERR OOM command not allowed"]);
  });
});
