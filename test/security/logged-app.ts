import { generateKeyPairSync, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import type { Emulator } from "@syllabot/github-emulator";
import { createNodeMiddleware, Probot } from "probot";
import { createAppLog } from "../../src/app/log.js";
import type { WorkQueue } from "../../src/app/work-queue.js";
import { syllabotApp } from "../../src/app.js";
import { Temporal } from "../../src/calendar.js";
import { TEST_PACING } from "../../src/github/octokit.js";
import { probotOctokit } from "../../src/github/probot-octokit.js";
import { sign } from "../app/harness.js";

/**
 * The Probot app as test/app/harness.ts serves it, but with the app's logger (src/app/log.ts) at
 * trace level writing into memory, and its own secrets: what the app logs, and what it answers each delivery,
 * can be read back. For the security and fuzz suites.
 */

export interface LoggedApp {
  /** Root URL of the server (the webhook path is /api/github/webhooks). */
  url: string;
  queue: WorkQueue;
  /** Every log line Probot and the app wrote, as pino's JSON. */
  logged: string[];
  /** The body of every answer to a delivery. */
  answers: string[];
  webhookSecret: string;
  tickSecret: string;
  /** The app's private key, a PKCS #8 PEM. */
  privateKey: string;
  /** POST a delivery signed with the webhook secret (or `signature`); the HTTP status. */
  deliver(event: string, payload: unknown, options?: { signature?: string; id?: string }): Promise<number>;
  /** POST a raw body, signed as it is. */
  deliverRaw(event: string, body: string): Promise<number>;
  close(): Promise<void>;
}

export async function startLoggedApp(
  emulator: Emulator,
  now: string,
  options: { refreshDelayMs?: number } = {},
): Promise<LoggedApp> {
  const webhookSecret = `whsec-${randomUUID()}`;
  const tickSecret = `tick-${randomUUID()}`;
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  const logged: string[] = [];
  const answers: string[] = [];
  // The app's own logger (as npm start makes it), in JSON, into memory.
  const log = await createAppLog(
    { LOG_LEVEL: "trace", LOG_FORMAT: "json" },
    new Writable({
      write(chunk, _encoding, done) {
        logged.push(String(chunk));
        done();
      },
    }),
  );
  const probot = new Probot({
    appId: 1,
    privateKey,
    secret: webhookSecret,
    baseUrl: emulator.url,
    Octokit: probotOctokit(TEST_PACING),
    log,
  });
  let created: WorkQueue | undefined;
  const middleware = await createNodeMiddleware(
    syllabotApp({
      now: () => Temporal.Instant.from(now),
      refreshDelayMs: options.refreshDelayMs ?? 20,
      tickSecret,
      onQueue: (made) => {
        created = made;
      },
    }),
    { probot },
  );
  const server: Server = createServer((request, response) => {
    void middleware(request, response, () => {
      response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (!created) throw new Error("the app did not load");
  const queue = created;

  const post = async (event: string, body: string, signature: string, id: string = randomUUID()) => {
    const response = await fetch(`${url}/api/github/webhooks`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": event,
        "x-github-delivery": id,
        "x-hub-signature-256": signature,
        "user-agent": "GitHub-Hookshot/emulated",
      },
      body,
    });
    answers.push(await response.text());
    return response.status;
  };
  return {
    url,
    queue,
    logged,
    answers,
    webhookSecret,
    tickSecret,
    privateKey,
    deliver(event, payload, deliveryOptions = {}) {
      const body = JSON.stringify(payload);
      return post(event, body, deliveryOptions.signature ?? sign(body, webhookSecret), deliveryOptions.id);
    },
    deliverRaw: (event, body) => post(event, body, sign(body, webhookSecret)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
