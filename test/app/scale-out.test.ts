import { readFileSync } from "node:fs";
import { Emulator } from "@syllabot/github-emulator";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisCoordination } from "../../src/app/coordination.js";
import { keyOf } from "../../src/model/markers.js";
import { type RedisServer, startRedis } from "../helpers/redis.js";
import { EXAMPLE_CONFIG } from "../helpers/setup.js";
import { type AppServer, examplePayload, startApp } from "./harness.js";

let redis: RedisServer;
const clients: Redis[] = [];
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.quit().catch(() => undefined)));
  await redis.stop();
});

/** A coordination on its own connection, as each process has. */
function coordination(prefix: string) {
  const client = new Redis(redis.url);
  clients.push(client);
  return new RedisCoordination(client, { prefix, leaseMs: 2_000 });
}

describe("coordination through Redis", () => {
  it("lets exactly one process take a delivery", async () => {
    const processes = [coordination("t1"), coordination("t1"), coordination("t1")];
    const taken = await Promise.all(
      Array.from({ length: 30 }, (_, index) => processes[index % 3]?.acceptDelivery("delivery-7")),
    );
    expect(taken.filter(Boolean)).toHaveLength(1);
    expect(await processes[0]?.acceptDelivery("delivery-8")).toBe(true);
  });

  it("runs one installation's jobs one at a time across processes, and other installations alongside", async () => {
    const processes = [coordination("t2"), coordination("t2"), coordination("t2")];
    const active = new Map<string, number>();
    let overlapSeen = 0;
    let otherKeysTogether = false;
    const job = (key: string) => async () => {
      const now = (active.get(key) ?? 0) + 1;
      active.set(key, now);
      if (now > 1) overlapSeen++;
      if ([...active.values()].filter((count) => count > 0).length > 1) otherKeysTogether = true;
      await new Promise((resolve) => setTimeout(resolve, 20));
      active.set(key, (active.get(key) ?? 1) - 1);
    };
    await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        processes[index % 3]?.exclusive(`installation-${index % 2}`, job(`installation-${index % 2}`)),
      ),
    );
    expect(overlapSeen).toBe(0);
    expect(otherKeysTogether).toBe(true);
  });

  it("keeps a lock past its lease while its job runs", async () => {
    const [first, second] = [coordination("t3"), coordination("t3")];
    const order: string[] = [];
    // The second process asks once the first holds the lock, however late a busy machine lets it start.
    let held: () => void = () => undefined;
    const firstHolds = new Promise<void>((resolve) => {
      held = resolve;
    });
    await Promise.all([
      first?.exclusive("installation-1", async () => {
        order.push("long:start");
        held();
        // Longer than the 2 s lease: the lock must be extended, not lost to the other process.
        await new Promise((resolve) => setTimeout(resolve, 2_600));
        order.push("long:end");
      }),
      firstHolds.then(() =>
        second?.exclusive("installation-1", async () => {
          order.push("short");
        }),
      ),
    ]);
    expect(order).toEqual(["long:start", "long:end", "short"]);
  });
});

describe("two app processes behind one entry point, sharing Redis", () => {
  let emulator: Emulator;
  let apps: AppServer[];
  const NOW = "2026-03-02T04:00:00Z";

  beforeAll(async () => {
    emulator = await Emulator.start({ limits: { enabled: false }, now: () => new Date(NOW) });
    emulator.createRepo("octocat/portfolio");
    emulator.createRepo("octocat/csvq");
    emulator.addCommit("octocat/portfolio", {
      message: "Add syllabot config",
      files: { ".github/syllabot.yml": readFileSync(EXAMPLE_CONFIG, "utf8") },
    });
    apps = [
      await startApp(emulator, NOW, { coordination: coordination("apps") }),
      await startApp(emulator, NOW, { coordination: coordination("apps") }),
    ];
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await emulator.close();
  });

  const idle = () => Promise.all(apps.map((app) => app.queue.idle()));

  it("bootstraps once from a delivery sent to both, and closes each week once from pushes spread over them", {
    timeout: 0,
  }, async () => {
    const installation = examplePayload("installation", "created") as Record<string, unknown>;
    installation.installation = { ...(installation.installation as object), id: 1 };
    installation.repositories = [
      { id: 1, node_id: "R_1", name: "portfolio", full_name: "octocat/portfolio", private: false },
    ];
    // GitHub redelivers; a load balancer may send the copies to different processes.
    const statuses = await Promise.all(
      apps.map((app) => app.deliver("installation", installation, { id: "d-1" })),
    );
    expect(statuses).toEqual([200, 200]);
    await idle();
    const creates = emulator.log.filter((entry) => entry.operationId === "issues/create");
    expect(creates).toHaveLength(60);

    for (let week = 1; week <= 6; week++) {
      const push = examplePayload("push") as Record<string, unknown> & {
        repository: Record<string, unknown>;
      };
      const sha = String(week).repeat(40).slice(0, 40);
      push.ref = "refs/heads/main";
      push.installation = { id: 1, node_id: "I_1" };
      push.repository = {
        ...push.repository,
        name: "csvq",
        full_name: "octocat/csvq",
        default_branch: "main",
        owner: { login: "octocat" },
      };
      push.commits = [
        {
          id: sha,
          tree_id: sha,
          distinct: true,
          message: `closes week ${week}`,
          timestamp: "2026-03-01T10:00:00Z",
          url: `https://github.com/octocat/csvq/commit/${sha}`,
          author: { name: "octocat", email: "octocat@github.com", username: "octocat" },
          committer: { name: "octocat", email: "octocat@github.com", username: "octocat" },
          added: [],
          modified: ["src/main.rs"],
          removed: [],
        },
      ];
      // Every push delivered twice, to both processes at once.
      await Promise.all(apps.map((app) => app.deliver("push", push, { id: `push-${week}` })));
    }
    await idle();
    const response = await fetch(`${emulator.url}/repos/octocat/portfolio/issues?state=all&per_page=100`, {
      headers: { authorization: `token ${emulator.token}` },
    });
    const issues = (await response.json()) as { body: string | null; state: string; comments: number }[];
    const weeks = issues.filter((issue) => /^week-0[1-6]$/.test(keyOf(issue.body) ?? ""));
    expect(weeks.map((issue) => [issue.state, issue.comments])).toEqual(Array(6).fill(["closed", 1]));
    expect(new Set(issues.map((issue) => keyOf(issue.body))).size).toBe(issues.length);
  });
});
