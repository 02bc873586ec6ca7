import { createHmac, generateKeyPairSync, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import examples from "@octokit/webhooks-examples/api.github.com/index.json" with { type: "json" };
import type { Emulator } from "@syllabot/github-emulator";
import { createNodeMiddleware, Probot } from "probot";
import type { Coordination } from "../../src/app/coordination.js";
import type { WorkQueue } from "../../src/app/work-queue.js";
import { syllabotApp } from "../../src/app.js";
import { Temporal } from "../../src/calendar.js";
import { TEST_PACING } from "../../src/github/octokit.js";
import { probotOctokit } from "../../src/github/probot-octokit.js";

export const WEBHOOK_SECRET = "It's a Secret to Everybody";
const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

/** A real example payload of GitHub's for `event` (and `action`), to adapt to the scene. */
export function examplePayload(event: string, action?: string): Record<string, unknown> {
  const entry = (examples as { name: string; examples: Record<string, unknown>[] }[]).find(
    (candidate) => candidate.name === event,
  );
  const example = entry?.examples.find((candidate) => action === undefined || candidate.action === action);
  if (!example) throw new Error(`no example ${event}.${action}`);
  return structuredClone(example);
}

/** A repository as webhook payloads carry it (the fields the app reads, and a stable id). */
export function repositoryPayload(fullName: string) {
  const [owner = "", name = ""] = fullName.split("/");
  return {
    id: fullName.length,
    node_id: `R_${name}`,
    name,
    full_name: fullName,
    private: false,
    owner: { login: owner },
    default_branch: "main",
  };
}

export function sign(body: string, secret = WEBHOOK_SECRET): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export interface AppServer {
  url: string;
  queue: WorkQueue;
  /** POST a delivery as GitHub does; resolves to the HTTP status. */
  deliver(
    event: string,
    payload: unknown,
    options?: { id?: string; signature?: string | null },
  ): Promise<number>;
  close(): Promise<void>;
}

/** The Probot app served on loopback, talking to the emulator as its GitHub. */
export async function startApp(
  emulator: Emulator,
  now: string,
  options: { refreshDelayMs?: number; tickSecret?: string; coordination?: Coordination } = {},
): Promise<AppServer> {
  let queue: WorkQueue | undefined;
  const probot = new Probot({
    appId: 1,
    privateKey,
    secret: WEBHOOK_SECRET,
    baseUrl: emulator.url,
    Octokit: probotOctokit(TEST_PACING),
    logLevel: "fatal",
  });
  const app = syllabotApp({
    now: () => Temporal.Instant.from(now),
    refreshDelayMs: options.refreshDelayMs ?? 50,
    ...(options.tickSecret ? { tickSecret: options.tickSecret } : {}),
    ...(options.coordination ? { coordination: options.coordination } : {}),
    onQueue: (created) => {
      queue = created;
    },
  });
  const middleware = await createNodeMiddleware(app, { probot });
  const server: Server = createServer((request, response) => {
    void middleware(request, response, () => {
      response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
  if (!queue) throw new Error("the app did not load");
  const loaded = queue;
  return {
    url,
    queue: loaded,
    async deliver(event, payload, options = {}) {
      const body = JSON.stringify(payload);
      const headers: Record<string, string> = {
        "content-type": "application/json",
        "x-github-event": event,
        "x-github-delivery": options.id ?? randomUUID(),
        "user-agent": "GitHub-Hookshot/emulated",
      };
      const signature = options.signature === undefined ? sign(body) : options.signature;
      if (signature !== null) headers["x-hub-signature-256"] = signature;
      const response = await fetch(url, { method: "POST", headers, body });
      await response.text();
      return response.status;
    },
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
