/**
 * Webhook handling throughput, over HTTP on loopback against the emulator: syllabot's Probot app
 * beside a bare Probot app whose handlers do nothing (same Probot options, same server), and a bare
 * node:http server as the floor of sending, signing aside. Two scenarios: deliveries that need no
 * API call (a push to a repository no portfolio maps, claiming nothing), and pushes that close a
 * week. Figures only: nothing here asserts on time.
 */
import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { Emulator } from "@syllabot/github-emulator";
import { type ApplicationFunctionOptions, createNodeMiddleware, Probot } from "probot";
import type { WorkQueue } from "../src/app/work-queue.js";
import { syllabotApp } from "../src/app.js";
import { Temporal } from "../src/calendar.js";
import { createClient, TEST_PACING } from "../src/github/octokit.js";
import { probotOctokit } from "../src/github/probot-octokit.js";
import { examplePayload, repositoryPayload, sign, WEBHOOK_SECRET } from "../test/app/harness.js";

const NOW = "2026-04-01T04:00:00Z";
const PORTFOLIO = "octocat/portfolio";
const PROJECT = "octocat/csvq";
const UNMAPPED = "octocat/scratch";
const QUIET_DELIVERIES = 2_000;
const WARM_UP = 300;
const ROUNDS = 5;
const WEEKS = 50;
const CONCURRENCY = 50;
/** Long enough never to fire by itself: `queue.idle()` runs the README refresh, timed apart. */
const REFRESH_DELAY_MS = 10 * 60 * 1000;

const benchStarted = performance.now();
const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

/** One queued job of syllabot's: a delivery's work or a README refresh, and the requests it made. */
interface Job {
  kind: "delivery" | "refresh";
  ms: number;
  /** Indices into the emulator's log (jobs of one installation never overlap). */
  logFrom: number;
  logTo: number;
  endedAt: number;
}

interface Served {
  name: string;
  url: string;
  /** Syllabot's queue, wrapped to time each job; none for the other servers. */
  queue?: WorkQueue;
  jobs: Job[];
  close(): Promise<void>;
}

async function listen(name: string, server: Server, path: string): Promise<Served> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const served: Served = {
    name,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
    jobs: [],
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
  return served;
}

/** A Probot app served as test/app/harness.ts serves syllabot's. */
async function serveProbot(
  name: string,
  emulator: Emulator,
  app: (probot: Probot, options?: ApplicationFunctionOptions) => void,
): Promise<Served> {
  const probot = new Probot({
    appId: 1,
    privateKey,
    secret: WEBHOOK_SECRET,
    baseUrl: emulator.url,
    Octokit: probotOctokit(TEST_PACING),
    logLevel: "fatal",
  });
  const middleware = await createNodeMiddleware(app, { probot });
  const server = createServer((request, response) => {
    void middleware(request, response, () => {
      response.writeHead(404).end();
    });
  });
  return listen(name, server, "/api/github/webhooks");
}

async function serveSyllabot(emulator: Emulator): Promise<Served> {
  const jobs: Job[] = [];
  let queue: WorkQueue | undefined;
  const app = syllabotApp({
    now: () => Temporal.Instant.from(NOW),
    refreshDelayMs: REFRESH_DELAY_MS,
    onQueue: (created) => {
      queue = instrument(created, emulator, jobs);
    },
  });
  const served = await serveProbot("syllabot", emulator, app);
  if (!queue) throw new Error("the app did not load");
  return { ...served, queue, jobs };
}

/** Times each job; a job queued while a debounced job runs is a README refresh. */
function instrument(queue: WorkQueue, emulator: Emulator, jobs: Job[]): WorkQueue {
  let refreshing = false;
  const enqueue = queue.enqueue.bind(queue);
  const debounce = queue.debounce.bind(queue);
  queue.enqueue = (key, job) => {
    const kind = refreshing ? "refresh" : "delivery";
    enqueue(key, async () => {
      const logFrom = emulator.log.length;
      const started = performance.now();
      try {
        return await job();
      } finally {
        const endedAt = performance.now();
        jobs.push({ kind, ms: endedAt - started, logFrom, logTo: emulator.log.length, endedAt });
      }
    });
  };
  queue.debounce = (key, delayMs, job, maxWaitMs) =>
    debounce(
      key,
      delayMs,
      () => {
        refreshing = true;
        try {
          job();
        } finally {
          refreshing = false;
        }
      },
      maxWaitMs,
    );
  return queue;
}

/** The floor: node:http reading the body and answering 200, no signature check, no parsing. */
async function serveFloor(): Promise<Served> {
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => response.writeHead(200, { "content-type": "text/plain" }).end("ok"));
  });
  return listen("node:http floor", server, "/");
}

// A bare Probot app: the same events subscribed, handlers that do nothing.
const bareApp = (app: Probot) => {
  app.on("push", async () => {});
  app.on(["installation.created", "installation_repositories.added"], async () => {});
  app.on(["issues.closed", "issues.reopened"], async () => {});
  app.on("pull_request.opened", async () => {});
};

/** GitHub's example push, adapted as test/app/app.test.ts does: one commit to the default branch. */
function pushPayload(fullName: string, after: string, message: string, timestamp: string) {
  const payload = examplePayload("push") as Record<string, unknown> & { repository: Record<string, unknown> };
  payload.ref = "refs/heads/main";
  payload.after = after;
  payload.installation = { id: 1, node_id: "I_1" };
  payload.repository = { ...payload.repository, ...repositoryPayload(fullName), default_branch: "main" };
  payload.commits = [
    {
      id: after,
      tree_id: after,
      distinct: true,
      message,
      timestamp,
      url: `https://github.com/${fullName}/commit/${after}`,
      author: { name: "octocat", email: "octocat@github.com", username: "octocat" },
      committer: { name: "octocat", email: "octocat@github.com", username: "octocat" },
      added: [],
      modified: ["src/main.rs"],
      removed: [],
    },
  ];
  return payload;
}

interface Delivery {
  event: string;
  body: string;
  signature: string;
}

const delivery = (event: string, payload: unknown): Delivery => {
  const body = JSON.stringify(payload);
  return { event, body, signature: sign(body) };
};

let deliveryIds = 0;

/** POSTs every delivery (each with a fresh id), `concurrency` at a time; every answer must be 200. */
async function send(url: string, deliveries: readonly Delivery[], concurrency = CONCURRENCY) {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < deliveries.length; index = next++) {
      const { event, body, signature } = deliveries[index] as Delivery;
      const started = performance.now();
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": event,
          "x-github-delivery": `bench-${++deliveryIds}`,
          "x-hub-signature-256": signature,
          "user-agent": "GitHub-Hookshot/emulated",
        },
        body,
      });
      await response.text();
      latencies.push(performance.now() - started);
      if (response.status !== 200) throw new Error(`${url} answered ${response.status} to ${event}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, deliveries.length) }, worker));
  return latencies;
}

interface Run {
  scenario: string;
  app: string;
  deliveries: number;
  answeredMs: number;
  /** Until the app's queue is idle (the README refresh excluded; see `refresh`). */
  doneMs: number;
  /** Requests GitHub answers in full (a 304 is counted apart, in `conditional`). */
  requests: number;
  /** Conditional requests answered 304 Not Modified: no rate-limit cost, no body. */
  conditional: number;
  writes: number;
  byOperation: Record<string, number>;
  p50: number;
  p99: number;
  /** Time spent in queued jobs for the deliveries, summed. */
  jobMs: number;
  refresh?: { ms: number; requests: number; conditional: number; writes: number };
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

async function measure(
  scenario: string,
  emulator: Emulator,
  served: Served,
  deliveries: readonly Delivery[],
): Promise<Run> {
  emulator.clearLog();
  served.jobs.length = 0;
  const started = performance.now();
  const latencies = await send(served.url, deliveries);
  const answered = performance.now();
  await served.queue?.idle();
  const idle = performance.now();
  const work = served.jobs.filter((job) => job.kind === "delivery");
  const refreshes = served.jobs.filter((job) => job.kind === "refresh");
  const deliveryLog = emulator.log.filter(
    (_, index) => !refreshes.some((job) => index >= job.logFrom && index < job.logTo),
  );
  const byOperation: Record<string, number> = {};
  for (const entry of deliveryLog) {
    const key = entry.operationId ?? "(unrouted)";
    byOperation[key] = (byOperation[key] ?? 0) + 1;
  }
  const lastWork = Math.max(answered, ...work.map((job) => job.endedAt));
  latencies.sort((a, b) => a - b);
  return {
    scenario,
    app: served.name,
    deliveries: deliveries.length,
    answeredMs: answered - started,
    doneMs: (refreshes.length > 0 ? lastWork : idle) - started,
    requests: deliveryLog.filter((entry) => entry.status !== 304).length,
    conditional: deliveryLog.filter((entry) => entry.status === 304).length,
    writes: deliveryLog.filter((entry) => entry.write).length,
    byOperation,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    jobMs: work.reduce((sum, job) => sum + job.ms, 0),
    ...(refreshes.length > 0
      ? {
          refresh: (() => {
            const log = refreshes.flatMap((job) => emulator.log.slice(job.logFrom, job.logTo));
            return {
              ms: refreshes.reduce((sum, job) => sum + job.ms, 0),
              requests: log.filter((entry) => entry.status !== 304).length,
              conditional: log.filter((entry) => entry.status === 304).length,
              writes: log.filter((entry) => entry.write).length,
            };
          })(),
        }
      : {}),
  };
}

/**
 * The same figures as this bench printed before the requests per event were cut (2026-12-02, at
 * 67268d6; 304s were counted with the rest then): beside today's, and the targets of issue 18.
 */
const BEFORE = { push: 13, refresh: 13 };
const TARGET = { push: 5, refresh: 6 };

const median = (runs: Run[]) =>
  [...runs].sort((a, b) => a.doneMs - b.doneMs)[Math.floor(runs.length / 2)] as Run;

const emulator = await Emulator.start({ limits: { enabled: false }, now: () => new Date(NOW) });
const servers: Served[] = [];
try {
  emulator.createRepo(PORTFOLIO);
  emulator.addCommit(PORTFOLIO, {
    message: "Add syllabot config",
    files: {
      ".github/syllabot.yml": readFileSync(new URL("../examples/syllabot.yml", import.meta.url), "utf8"),
    },
  });
  emulator.createRepo(PROJECT);
  emulator.createRepo(UNMAPPED);

  const syllabot = await serveSyllabot(emulator);
  const bare = await serveProbot("bare Probot", emulator, bareApp);
  const floor = await serveFloor();
  servers.push(syllabot, bare, floor);

  // 1. Deliveries that need no API call: the same push, each with its own delivery id.
  const quiet = delivery(
    "push",
    pushPayload(UNMAPPED, "a".repeat(40), "tidy the lexer, rename a test", "2026-03-31T10:00:00Z"),
  );
  const quietBatch = (count: number) => Array.from({ length: count }, () => quiet);
  for (const served of [syllabot, bare, floor])
    await measure("warm-up", emulator, served, quietBatch(WARM_UP));
  const quietRuns = new Map<Served, Run[]>([
    [syllabot, []],
    [bare, []],
    [floor, []],
  ]);
  for (let round = 0; round < ROUNDS; round++) {
    for (const served of [bare, syllabot, floor]) {
      quietRuns
        .get(served)
        ?.push(await measure("no API call", emulator, served, quietBatch(QUIET_DELIVERIES)));
    }
  }

  // 2. Pushes that close a week: a portfolio bootstrapped on installation, then one push a week.
  const installation = examplePayload("installation", "created") as {
    installation: { id: number };
    repositories: unknown[];
  };
  installation.installation.id = 1;
  installation.repositories = [
    repositoryPayload(PORTFOLIO),
    repositoryPayload(PROJECT),
    repositoryPayload(UNMAPPED),
  ];
  const bootstrap = await measure("bootstrap", emulator, syllabot, [delivery("installation", installation)]);
  await send(bare.url, [delivery("installation", installation)]);
  const pushes = Array.from({ length: WEEKS }, (_, index) => {
    const week = index + 1;
    const sha = week.toString(16).padStart(40, "c");
    const at = new Date(Date.parse("2026-03-31T10:00:00Z") + week * 60_000).toISOString();
    return delivery("push", pushPayload(PROJECT, sha, `parser work, closes week ${week}`, at));
  });
  const closing = [
    await measure("closes a week", emulator, syllabot, pushes),
    await measure("closes a week", emulator, bare, pushes),
  ];

  // Where a request's time goes: one GET at a time, raw and through syllabot's clients.
  const perRequest = async (get: () => Promise<unknown>) => {
    for (let run = 0; run < 50; run++) await get();
    const started = performance.now();
    for (let run = 0; run < 100; run++) await get();
    return (performance.now() - started) / 100;
  };
  const [owner, repo] = ["octocat", "portfolio"];
  const clientOf = (throttleAndRetry: boolean) =>
    createClient({ token: emulator.token, baseUrl: emulator.url, pacing: TEST_PACING, throttleAndRetry });
  const full = clientOf(true);
  const lean = clientOf(false);
  const requestMs = {
    raw: await perRequest(async () =>
      (
        await fetch(`${emulator.url}/repos/${owner}/${repo}`, {
          headers: { authorization: `token ${emulator.token}` },
        })
      ).text(),
    ),
    lean: await perRequest(() => lean.request("GET /repos/{owner}/{repo}", { owner, repo })),
    full: await perRequest(() => full.request("GET /repos/{owner}/{repo}", { owner, repo })),
  };

  // 3. The table.
  const quietMedians = [syllabot, bare, floor].map((served) => median(quietRuns.get(served) ?? []));
  const rows = [...quietMedians, ...closing];
  const rate = (count: number, ms: number) => (ms > 0 ? (count / ms) * 1000 : 0);
  const figure = (value: number) =>
    value >= 10 ? value.toFixed(0) : value >= 0.1 ? value.toFixed(2) : value.toPrecision(2);
  console.log(
    `\nwebhook throughput over loopback, concurrency ${CONCURRENCY}; "no API call": median of ${ROUNDS} rounds of ${QUIET_DELIVERIES} after ${WARM_UP} to warm up`,
  );
  const header = [
    "scenario".padEnd(14),
    "app".padEnd(16),
    "deliveries".padStart(10),
    "answered ms".padStart(12),
    "done ms".padStart(9),
    "deliv/s".padStart(8),
    "req/deliv".padStart(9),
    "p50 ms".padStart(7),
    "p99 ms".padStart(7),
  ];
  console.log(`  ${header.join(" ")}`);
  for (const run of rows) {
    console.log(
      `  ${[
        run.scenario.padEnd(14),
        run.app.padEnd(16),
        String(run.deliveries).padStart(10),
        run.answeredMs.toFixed(0).padStart(12),
        run.doneMs.toFixed(0).padStart(9),
        figure(rate(run.deliveries, run.doneMs)).padStart(8),
        (run.requests / run.deliveries).toFixed(2).padStart(9),
        run.p50.toFixed(2).padStart(7),
        run.p99.toFixed(2).padStart(7),
      ].join(" ")}`,
    );
  }
  console.log(
    `  "done": until the app's queue is idle, the README refresh after it timed apart; deliv/s from "done"`,
  );

  const ratio = (ours: Run, theirs: Run) =>
    `${figure(rate(ours.deliveries, ours.doneMs) / rate(theirs.deliveries, theirs.doneMs))} (answered only: ${figure(
      rate(ours.deliveries, ours.answeredMs) / rate(theirs.deliveries, theirs.answeredMs),
    )})`;
  const [quietOurs, quietBare, quietFloor] = quietMedians as [Run, Run, Run];
  const [closingOurs, closingBare] = closing as [Run, Run];
  console.log(`\n  throughput ratio (syllabot/bare), no API call:   ${ratio(quietOurs, quietBare)}`);
  console.log(`  throughput ratio (syllabot/bare), closes a week: ${ratio(closingOurs, closingBare)}`);
  console.log(
    `  bare Probot / node:http floor, no API call: ${figure(rate(quietBare.deliveries, quietBare.doneMs) / rate(quietFloor.deliveries, quietFloor.doneMs))}`,
  );

  const allQuiet = quietRuns.get(syllabot) ?? [];
  console.log(
    `\n  no API call, syllabot: ${allQuiet.reduce((sum, run) => sum + run.requests, 0)} requests in ${allQuiet.length * QUIET_DELIVERIES} deliveries; queued work ${((quietOurs.jobMs / quietOurs.deliveries) * 1000).toFixed(0)} µs a delivery; rounds (done ms): ${allQuiet.map((run) => run.doneMs.toFixed(0)).join(", ")}; bare: ${(quietRuns.get(bare) ?? []).map((run) => run.doneMs.toFixed(0)).join(", ")}`,
  );
  const operations = (run: Run) =>
    Object.entries(run.byOperation)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([operation, count]) => `${operation} ${(count / run.deliveries).toFixed(2)}`);
  const ops = operations(closingOurs);
  console.log(
    `  closes a week, syllabot: ${closingOurs.requests} requests (${closingOurs.writes} writes), per delivery by operation, top 5: ${ops.slice(0, 5).join(", ")}`,
  );
  if (ops.length > 5) console.log(`    the rest: ${ops.slice(5).join(", ")}`);
  const jobPerDelivery = closingOurs.jobMs / closingOurs.deliveries;
  console.log(
    `    queued work ${jobPerDelivery.toFixed(1)} ms a delivery, ${(jobPerDelivery / (closingOurs.requests / closingOurs.deliveries)).toFixed(1)} ms a request; weeks closed ${closingOurs.byOperation["issues/update"] ?? 0}, closing comments ${closingOurs.byOperation["issues/create-comment"] ?? 0}`,
  );
  console.log(
    `    one GET at a time to the emulator: raw fetch ${requestMs.raw.toFixed(1)} ms, syllabot's client without throttling and retry ${requestMs.lean.toFixed(1)} ms, with them (as the app runs) ${requestMs.full.toFixed(1)} ms`,
  );
  if (closingOurs.refresh) {
    console.log(
      `    then one README refresh (debounced, run by queue.idle()): ${closingOurs.refresh.ms.toFixed(0)} ms, ${closingOurs.refresh.requests} requests`,
    );
  }
  console.log(`  closes a week, bare Probot: ${closingBare.requests} requests`);
  const perPush = closingOurs.requests / closingOurs.deliveries;
  const refreshed = closingOurs.refresh;
  const verdict = (met: boolean) => (met ? "met" : "MISSED");
  console.log(
    `\n  targets: a week-closing push <= ${TARGET.push} requests with its writes: ${perPush.toFixed(2)} a delivery (${(closingOurs.writes / closingOurs.deliveries).toFixed(2)} writes), + ${(closingOurs.conditional / closingOurs.deliveries).toFixed(2)} conditional answered 304; before: ${BEFORE.push} (304s included): ${verdict(perPush <= TARGET.push)}`,
  );
  if (refreshed) {
    console.log(
      `           a README refresh <= ${TARGET.refresh} requests: ${refreshed.requests} (${refreshed.writes} writes), + ${refreshed.conditional} conditional answered 304; before: ${BEFORE.refresh} (304s included): ${verdict(refreshed.requests <= TARGET.refresh)}`,
    );
  }
  console.log(
    `  setup, installation bootstrap of the portfolio: ${bootstrap.doneMs.toFixed(0)} ms, ${bootstrap.requests} requests${bootstrap.refresh ? `, then README ${bootstrap.refresh.ms.toFixed(0)} ms, ${bootstrap.refresh.requests} requests` : ""}`,
  );
  if (emulator.internalErrors.length > 0)
    console.log(`  emulator internal errors: ${emulator.internalErrors.length}`);
  console.log(`  whole bench: ${((performance.now() - benchStarted) / 1000).toFixed(1)} s`);
} finally {
  for (const served of servers) await served.close();
  await emulator.close();
}
