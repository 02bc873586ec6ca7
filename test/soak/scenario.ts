import { type ChildProcess, spawn } from "node:child_process";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Emulator } from "@syllabot/github-emulator";
import type { Coordination } from "../../src/app/coordination.js";
import { LEDGER_PATH } from "../../src/config/paths.js";
import { keyOf } from "../../src/model/markers.js";
import { parseLedger } from "../../src/progress/ledger.js";
import { REGION_END, REGION_START } from "../../src/render/readme.js";
import { type AppServer, examplePayload, sign, startApp, WEBHOOK_SECRET } from "../app/harness.js";
import { MINI_CURRICULUM, repoPath } from "../helpers/setup.js";

/**
 * The soak suite's world: learners, each with a portfolio (the mini curriculum: 6 weeks, 2 phases)
 * and a project repository holding their commits, and the deliveries GitHub would send about them.
 */

/** After the program (6 weeks from 5 Jan 2026): every week has ended. */
export const SOAK_NOW = "2026-02-20T06:00:00Z";

export interface Learner {
  login: string;
  installationId: number;
  portfolio: string;
  project: string;
}

export interface Delivery {
  id: string;
  event: string;
  payload: Record<string, unknown>;
}

/** A small seeded generator (mulberry32): the same seed, the same soak. */
export function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    shuffle<T>(items: T[]): T[] {
      for (let index = items.length - 1; index > 0; index--) {
        const other = Math.floor(next() * (index + 1));
        [items[index], items[other]] = [items[other] as T, items[index] as T];
      }
      return items;
    },
  };
}

function configFor(learner: Learner): string {
  return [
    `learner: ${learner.login}`,
    "start: 2026-01-05",
    "timezone: Europe/Berlin",
    "curriculum: curriculum.yaml",
    "capstone: beta",
    "projects:",
    `  calc: ${learner.project}`,
    "",
  ].join("\n");
}

const repository = (fullName: string, index: number) => {
  const [owner = "", name = ""] = fullName.split("/");
  return {
    id: 1000 + index,
    node_id: `R_${index}`,
    name,
    full_name: fullName,
    private: false,
    owner: { login: owner },
    default_branch: "main",
  };
};

/**
 * The scene in an emulator (repositories, configs, the learners' commits) and the deliveries about
 * it: per learner an installation, pushes of commits that finish weeks, log time or claim nothing,
 * pull requests proposing a config change, and issues closed; `total` deliveries in all.
 */
export function buildWorld(
  emulator: Emulator,
  learners: readonly Learner[],
  total: number,
): { deliveries: Delivery[]; commitsPerLearner: number } {
  const curriculum = readFileSync(MINI_CURRICULUM, "utf8");
  const deliveries: Delivery[] = [];
  const perLearner = Math.floor(total / learners.length);
  let commitsPerLearner = 0;
  for (const [index, learner] of learners.entries()) {
    emulator.createRepo(learner.portfolio);
    emulator.createRepo(learner.project);
    emulator.addCommit(learner.portfolio, {
      message: "Add syllabot",
      author: learner.login,
      date: "2026-01-04T10:00:00Z",
      files: {
        ".github/syllabot.yml": configFor(learner),
        "curriculum.yaml": curriculum,
        "README.md": "# Me\n",
      },
    });
    const own: Delivery[] = [];
    const installation = examplePayload("installation", "created") as Record<string, unknown>;
    installation.installation = { ...(installation.installation as object), id: learner.installationId };
    installation.repositories = [
      repository(learner.portfolio, index * 2),
      repository(learner.project, index * 2 + 1),
    ];
    own.push({ id: randomUUID(), event: "installation", payload: installation });
    const added = examplePayload("installation_repositories", "added") as Record<string, unknown>;
    added.installation = { ...(added.installation as object), id: learner.installationId };
    added.repositories_added = [repository(learner.portfolio, index * 2)];
    added.repositories_removed = [];
    own.push({ id: randomUUID(), event: "installation_repositories", payload: added });

    // The learner's commits, oldest first: each week finished on its Saturday, time logged, and chatter.
    const messages: [string, string][] = [];
    for (let week = 1; week <= 6; week++) {
      const saturday = new Date(Date.UTC(2026, 0, 5 + 7 * (week - 1) + 5, 17)).toISOString();
      messages.push([`notes for week ${week}\n\nTime: 1h30m`, saturday.replace("T17", "T09")]);
      messages.push([`parser work, closes week ${week}\n\nTime: 2h`, saturday]);
    }
    messages.push(["done with calc, closes project calc", "2026-01-24T18:00:00Z"]);
    const pushes: { sha: string; message: string; date: string }[] = [];
    for (const [message, date] of messages) {
      const sha = emulator.addCommit(learner.project, {
        message,
        author: learner.login,
        date,
        files: { [`log/${date}.md`]: message },
      });
      pushes.push({ sha, message, date });
    }
    commitsPerLearner = pushes.length + 1;
    for (const commit of pushes) own.push(pushDelivery(learner, index, [commit]));

    // Proposed config changes and closed issues: a check run, and README refreshes.
    for (let pull = 1; pull <= 2; pull++) {
      const branch = `edit-${pull}`;
      const head = emulator.addCommit(learner.portfolio, {
        message: "Move the start",
        author: learner.login,
        branch,
        date: "2026-01-04T12:00:00Z",
        files: { ".github/syllabot.yml": configFor(learner).replace("2026-01-05", `2026-01-0${5 + pull}`) },
      });
      const number = emulator.addPullRequest(learner.portfolio, {
        title: "Move the start",
        author: learner.login,
        headRef: branch,
        files: [{ filename: ".github/syllabot.yml", additions: 1, deletions: 1 }],
      });
      const payload = examplePayload("pull_request", "opened") as Record<string, unknown> & {
        pull_request: Record<string, unknown>;
      };
      payload.installation = { id: learner.installationId, node_id: "I" };
      payload.repository = repository(learner.portfolio, index * 2);
      payload.number = number;
      payload.pull_request = {
        ...payload.pull_request,
        number,
        head: { ...(payload.pull_request.head as object), sha: head, ref: branch },
      };
      own.push({ id: randomUUID(), event: "pull_request", payload });
    }
    for (let week = 1; week <= 2; week++) {
      const payload = examplePayload("issues", "reopened") as Record<string, unknown>;
      payload.action = "closed";
      payload.installation = { id: learner.installationId, node_id: "I" };
      payload.repository = repository(learner.portfolio, index * 2);
      payload.issue = {
        ...(payload.issue as object),
        body: `<!-- syllabot:key=week-0${week} -->`,
        state: "closed",
      };
      own.push({ id: randomUUID(), event: "issues", payload });
    }
    // The rest: pushes whose commits claim nothing (most pushes in real life), costing no request.
    while (own.length < perLearner) {
      own.push(
        pushDelivery(learner, index, [
          {
            sha: randomUUID().replace(/-/g, "").padEnd(40, "0").slice(0, 40),
            message: "refactor",
            date: SOAK_NOW,
          },
        ]),
      );
    }
    deliveries.push(...own);
  }
  return { deliveries, commitsPerLearner };
}

function pushDelivery(
  learner: Learner,
  index: number,
  commits: { sha: string; message: string; date: string }[],
): Delivery {
  const payload = examplePayload("push") as Record<string, unknown> & { repository: Record<string, unknown> };
  payload.ref = "refs/heads/main";
  payload.after = commits.at(-1)?.sha;
  payload.installation = { id: learner.installationId, node_id: "I" };
  payload.repository = { ...payload.repository, ...repository(learner.project, index * 2 + 1) };
  payload.commits = commits.map((commit) => ({
    id: commit.sha,
    tree_id: commit.sha,
    distinct: true,
    message: commit.message,
    timestamp: commit.date,
    url: `https://github.com/${learner.project}/commit/${commit.sha}`,
    author: { name: learner.login, email: `${learner.login}@example.com`, username: learner.login },
    committer: { name: learner.login, email: `${learner.login}@example.com`, username: learner.login },
    added: [],
    modified: ["src/lib.rs"],
    removed: [],
  }));
  return { id: randomUUID(), event: "push", payload };
}

export interface Figures {
  deliveries: number;
  sent: number;
  duplicatesSent: number;
  faultsInjected: number;
  processes: number;
  p50Ms: number;
  p99Ms: number;
  statuses: Record<number, number>;
}

/**
 * Send each delivery 1–5 times (redeliveries share the id), all shuffled, at most `concurrency` at
 * once, each to one of the app processes (as a load balancer would); then wait until every process
 * is idle.
 */
export async function deliverAll(
  apps: readonly Target[],
  deliveries: readonly Delivery[],
  options: { seed: number; concurrency: number; copies: [number, number] },
): Promise<Omit<Figures, "faultsInjected" | "processes">> {
  const random = seeded(options.seed);
  const sends = random.shuffle(
    deliveries.flatMap((delivery) => Array(random.int(...options.copies)).fill(delivery) as Delivery[]),
  );
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let cursor = 0;
  const worker = async () => {
    while (cursor < sends.length) {
      const delivery = sends[cursor++] as Delivery;
      const app = apps[random.int(0, apps.length - 1)] as Target;
      const started = performance.now();
      const status = await app.deliver(delivery.event, delivery.payload, { id: delivery.id });
      latencies.push(performance.now() - started);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  await Promise.all(apps.map((app) => app.idle()));
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return {
    deliveries: deliveries.length,
    sent: sends.length,
    duplicatesSent: sends.length - deliveries.length,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    statuses,
  };
}

export interface LearnerState {
  issues: { key: string; state: string; title: string; comments: number }[];
  duplicateKeys: string[];
  milestones: string[];
  ledgerCommits: string[];
  region: string;
}

async function api<T>(emulator: Emulator, path: string): Promise<T> {
  const response = await fetch(`${emulator.url}${path}`, {
    headers: { authorization: `token ${emulator.token}` },
  });
  return (await response.json()) as T;
}

async function file(emulator: Emulator, repo: string, path: string): Promise<string> {
  const data = await api<{ content?: string }>(emulator, `/repos/${repo}/contents/${path}`);
  return data.content ? Buffer.from(data.content, "base64").toString("utf8") : "";
}

/** What a learner sees in their portfolio: managed issues and their comments, milestones, ledger, README. */
export async function learnerState(emulator: Emulator, learner: Learner): Promise<LearnerState> {
  const issues = await api<
    { number: number; title: string; body: string | null; state: string; comments: number }[]
  >(emulator, `/repos/${learner.portfolio}/issues?state=all&per_page=100`);
  const keyed = issues.filter((issue) => keyOf(issue.body) !== undefined);
  const keys = keyed.map((issue) => keyOf(issue.body) as string);
  const milestones = await api<{ description: string | null }[]>(
    emulator,
    `/repos/${learner.portfolio}/milestones?state=all&per_page=100`,
  );
  const ledger = parseLedger(await file(emulator, learner.portfolio, LEDGER_PATH));
  const readme = await file(emulator, learner.portfolio, "README.md");
  return {
    issues: keyed
      .map((issue) => ({
        key: keyOf(issue.body) as string,
        state: issue.state,
        title: issue.title,
        comments: issue.comments,
      }))
      .sort((a, b) => (a.key < b.key ? -1 : 1)),
    duplicateKeys: keys.filter((key, index) => keys.indexOf(key) !== index),
    milestones: milestones.map((milestone) => String(keyOf(milestone.description))).sort(),
    ledgerCommits: Object.keys(ledger?.commits ?? {}).sort(),
    // Links are on the emulator's own origin, whose port differs from run to run.
    region: readme
      .slice(readme.indexOf(REGION_START), readme.indexOf(REGION_END) + REGION_END.length)
      .replaceAll(emulator.url, "http://emulator"),
  };
}

/** Where deliveries go: an app in this process, or one behind the entry point. */
export interface Target {
  deliver: AppServer["deliver"];
  /** Resolves when the app has done all its work. */
  idle(): Promise<void>;
  /** The app's own address, for the tick. */
  url: string;
  close(): Promise<void>;
}

const TICK_SECRET = "soak";

/** The app in this process, each with its own coordination (shared Redis, or alone). */
export async function startApps(
  emulator: Emulator,
  processes: number,
  coordination: () => Coordination | undefined,
): Promise<Target[]> {
  const apps: Target[] = [];
  for (let index = 0; index < processes; index++) {
    const shared = coordination();
    const app = await startApp(emulator, SOAK_NOW, {
      tickSecret: TICK_SECRET,
      ...(shared ? { coordination: shared } : {}),
    });
    apps.push({ deliver: app.deliver, idle: () => app.queue.idle(), url: app.url, close: app.close });
  }
  return apps;
}

/**
 * `processes` app processes (`node lib/app-main.js`, configured by environment as a deployment
 * is) sharing Redis, behind one entry point that spreads deliveries over them, as a load balancer.
 */
export async function startProcesses(
  emulator: Emulator,
  processes: number,
  redisUrl: string,
): Promise<Target[]> {
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  const children: { child: ChildProcess; url: string }[] = [];
  for (let index = 0; index < processes; index++) {
    const port = await freePort();
    const child = spawn(process.execPath, [repoPath("lib/app-main.js")], {
      cwd: repoPath(""),
      env: {
        PATH: process.env.PATH ?? "",
        HOST: "127.0.0.1",
        PORT: String(port),
        LOG_LEVEL: "fatal",
        APP_ID: "1",
        PRIVATE_KEY: privateKey,
        WEBHOOK_SECRET,
        GHE_HOST: emulator.url.replace("http://", ""),
        GHE_PROTOCOL: "http",
        REDIS_URL: redisUrl,
        SYLLABOT_PACE_MS: "0",
        SYLLABOT_RETRY_UNIT_MS: "1",
        SYLLABOT_NOW: SOAK_NOW,
        SYLLABOT_TICK_SECRET: TICK_SECRET,
        SYLLABOT_REFRESH_DELAY_MS: "50",
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    children.push({ child, url: `http://127.0.0.1:${port}` });
  }
  // Each process is ready once it answers.
  for (const { url } of children) {
    for (let attempt = 0; ; attempt++) {
      const ready = await fetch(`${url}/syllabot/idle`, {
        headers: { authorization: `Bearer ${TICK_SECRET}` },
      })
        .then((response) => response.ok)
        .catch(() => false);
      if (ready) break;
      if (attempt > 300) throw new Error(`the app process at ${url} never answered`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  // The entry point: each delivery to the next process, round robin.
  let next = 0;
  const entry = createServer((request, response) => {
    const target = children[next++ % children.length] as { url: string };
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      fetch(`${target.url}${request.url}`, {
        method: request.method ?? "POST",
        headers: request.headers as Record<string, string>,
        body: Buffer.concat(chunks),
      })
        .then(async (answer) => {
          response.writeHead(answer.status).end(await answer.text());
        })
        .catch(() => response.writeHead(502).end());
    });
  });
  entry.listen(0, "127.0.0.1");
  await once(entry, "listening");
  const entryUrl = `http://127.0.0.1:${(entry.address() as AddressInfo).port}/api/github/webhooks`;
  const idleAll = async () => {
    // Twice: a refresh one process queues may start while another drains.
    for (let round = 0; round < 2; round++) {
      await Promise.all(
        children.map(({ url }) =>
          fetch(`${url}/syllabot/idle`, { headers: { authorization: `Bearer ${TICK_SECRET}` } }).then(
            (answer) => answer.text(),
          ),
        ),
      );
    }
  };
  let closed = false;
  return children.map(({ child, url }) => ({
    url: `${url}/api/github/webhooks`,
    deliver: (event, payload, options = {}) => deliverTo(entryUrl, event, payload, options),
    idle: idleAll,
    close: async () => {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await once(child, "exit");
      }
      if (!closed) {
        closed = true;
        await new Promise((resolve) => entry.close(resolve));
      }
    },
  }));
}

async function deliverTo(
  url: string,
  event: string,
  payload: unknown,
  options: { id?: string; signature?: string | null },
): Promise<number> {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-github-event": event,
    "x-github-delivery": options.id ?? randomUUID(),
    "x-hub-signature-256": sign(body),
  };
  const response = await fetch(url, { method: "POST", headers, body });
  await response.text();
  return response.status;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The scheduled catch-up, once the storm has passed: what a failed job left undone is done now. */
export async function tickAll(apps: readonly Target[]): Promise<void> {
  const app = apps[0] as Target;
  const response = await fetch(new URL("/syllabot/tick", app.url), {
    method: "POST",
    headers: { authorization: `Bearer ${TICK_SECRET}` },
  });
  if (response.status !== 202) throw new Error(`tick answered ${response.status}`);
  await Promise.all(apps.map((each) => each.idle()));
}
