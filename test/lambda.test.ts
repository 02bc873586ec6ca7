import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { Emulator } from "@syllabot/github-emulator";
import { Probot } from "probot";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Temporal } from "../src/calendar.js";
import { TEST_PACING } from "../src/github/octokit.js";
import { probotOctokit } from "../src/github/probot-octokit.js";
import { createLambdaHandler } from "../src/lambda.js";
import { examplePayload, sign, WEBHOOK_SECRET } from "./app/harness.js";
import { EXAMPLE_CONFIG } from "./helpers/setup.js";

const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

let emulator: Emulator;
beforeEach(async () => {
  emulator = await Emulator.start({
    limits: { enabled: false },
    now: () => new Date("2026-03-02T04:00:00Z"),
  });
  emulator.createRepo("octocat/portfolio");
  emulator.addCommit("octocat/portfolio", {
    message: "Add syllabot config",
    files: { ".github/syllabot.yml": readFileSync(EXAMPLE_CONFIG, "utf8") },
  });
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await emulator.close();
});

function handler() {
  const probot = new Probot({
    appId: 1,
    privateKey,
    secret: WEBHOOK_SECRET,
    baseUrl: emulator.url,
    Octokit: probotOctokit(TEST_PACING),
    logLevel: "fatal",
  });
  return createLambdaHandler({ probot, app: { now: () => Temporal.Instant.from("2026-03-02T04:00:00Z") } });
}

function installationEvent() {
  const payload = examplePayload("installation", "created") as Record<string, unknown>;
  payload.installation = { ...(payload.installation as object), id: 1 };
  payload.repositories = [
    { id: 1, node_id: "R_1", name: "portfolio", full_name: "octocat/portfolio", private: false },
  ];
  return JSON.stringify(payload);
}

describe("the Lambda handler", () => {
  it("verifies and receives a delivery, and answers once its work is done", { timeout: 0 }, async () => {
    const body = installationEvent();
    const response = await handler()({
      headers: {
        "X-GitHub-Delivery": "lambda-1",
        "X-GitHub-Event": "installation",
        "X-Hub-Signature-256": sign(body),
      },
      body: Buffer.from(body).toString("base64"),
      isBase64Encoded: true,
    });
    expect(response.statusCode).toBe(200);
    // Done before the answer: a frozen function does no background work.
    expect(emulator.log.filter((entry) => entry.operationId === "issues/create")).toHaveLength(60);
    expect(emulator.log.filter((entry) => entry.operationId === "git/create-commit")).toHaveLength(1);
  });

  it("runs the daily tick on a scheduled event", { timeout: 0 }, async () => {
    const run = handler();
    const body = installationEvent();
    await run({
      headers: {
        "x-github-delivery": "lambda-4",
        "x-github-event": "installation",
        "x-hub-signature-256": sign(body),
      },
      body,
    });
    emulator.clearLog();
    const response = await run({ source: "aws.events" });
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ started: true, installations: 1, portfolios: 1 });
    // The daily run read the open-source activity: one search for pull requests, one for issues.
    expect(
      emulator.log.filter((entry) => entry.operationId === "search/issues-and-pull-requests"),
    ).toHaveLength(2);
  });

  it("refuses a delivery with a wrong or missing signature before using it", async () => {
    const body = installationEvent();
    const wrong = await handler()({
      headers: {
        "x-github-delivery": "lambda-2",
        "x-github-event": "installation",
        "x-hub-signature-256": sign(body, "nope"),
      },
      body,
    });
    expect(wrong.statusCode).toBe(400);
    const missing = await handler()({
      headers: { "x-github-delivery": "lambda-3", "x-github-event": "installation" },
      body,
    });
    expect(missing.statusCode).toBe(400);
    expect(emulator.log).toEqual([]);
  });

  // Built from the environment, the handler used Probot's default Octokit: writes unpaced, and a
  // secondary rate limit logged and given up on (Probot 14), so the whole delivery failed.
  it("built from the environment, paces writes and waits out a secondary rate limit as the server does", {
    timeout: 0,
  }, async () => {
    vi.stubEnv("APP_ID", "1");
    vi.stubEnv("PRIVATE_KEY", privateKey);
    vi.stubEnv("WEBHOOK_SECRET", WEBHOOK_SECRET);
    vi.stubEnv("GHE_HOST", emulator.url.replace("http://", ""));
    vi.stubEnv("GHE_PROTOCOL", "http");
    vi.stubEnv("LOG_LEVEL", "fatal");
    vi.stubEnv("SYLLABOT_PACE_MS", "0");
    vi.stubEnv("SYLLABOT_RETRY_UNIT_MS", "1");
    vi.stubEnv("SYLLABOT_NOW", "2026-03-02T04:00:00Z");
    emulator.faults.retryAfterSeconds = 1;
    emulator.faults.next("secondary-rate-limit", { operationId: "issues/create" });
    const body = installationEvent();
    const response = await createLambdaHandler({
      app: { now: () => Temporal.Instant.from("2026-03-02T04:00:00Z") },
    })({
      headers: {
        "x-github-delivery": "lambda-5",
        "x-github-event": "installation",
        "x-hub-signature-256": sign(body),
      },
      body,
    });
    expect(response.statusCode).toBe(200);
    const created = emulator.log.filter((entry) => entry.operationId === "issues/create");
    // The refused request, then the 60 issues.
    expect(created.map((entry) => entry.status).filter((status) => status === 403)).toHaveLength(1);
    expect(created.filter((entry) => entry.status === 201)).toHaveLength(60);
  });
});
