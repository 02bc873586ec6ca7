import { type ChildProcess, spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { Emulator } from "@syllabot/github-emulator";
import { afterEach, describe, expect, it } from "vitest";
import { EXAMPLE_CONFIG, repoPath } from "../helpers/setup.js";
import { examplePayload, sign, WEBHOOK_SECRET } from "./harness.js";

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill("SIGTERM");
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** `npm start` as a deployment runs it: the built entry, configured by environment only. */
function start(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [repoPath("lib/app-main.js")], {
    cwd: repoPath(""),
    env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  return child;
}

/** Poll until `probe` holds; bounded in tries, not in wall-clock time. */
async function eventually<T>(probe: () => Promise<T | undefined>, tries = 600): Promise<T> {
  for (let attempt = 0; attempt < tries; attempt++) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("gave up waiting");
}

describe("npm start", () => {
  it("without APP_ID, serves Probot's manifest flow to register the app from app.yml", async () => {
    const port = await freePort();
    start({ PORT: String(port) });
    const page = await eventually(async () => {
      const response = await fetch(`http://127.0.0.1:${port}/probot`);
      return response.ok ? response.text() : undefined;
    });
    expect(page).toContain("syllabot");
  });

  it("with Probot's environment, receives a signed installation and bootstraps the repository", async () => {
    const emulator = await Emulator.start({ limits: { enabled: false } });
    try {
      emulator.createRepo("octocat/portfolio");
      emulator.addCommit("octocat/portfolio", {
        message: "config",
        files: { ".github/syllabot.yml": readFileSync(EXAMPLE_CONFIG, "utf8") },
      });
      const { privateKey } = generateKeyPairSync("rsa", {
        modulusLength: 2048,
        privateKeyEncoding: { type: "pkcs8", format: "pem" },
        publicKeyEncoding: { type: "spki", format: "pem" },
      });
      const port = await freePort();
      const child = start({
        PORT: String(port),
        APP_ID: "1",
        PRIVATE_KEY: privateKey,
        WEBHOOK_SECRET,
        GHE_HOST: emulator.url.replace("http://", ""),
        GHE_PROTOCOL: "http",
        SYLLABOT_PACE_MS: "0",
      });
      let output = "";
      child.stdout?.on("data", (chunk) => {
        output += String(chunk);
      });
      child.stderr?.on("data", (chunk) => {
        output += String(chunk);
      });
      await eventually(async () => ((await fetch(`http://127.0.0.1:${port}/ping`)).ok ? true : undefined));
      const payload = examplePayload("installation", "created") as {
        installation: { id: number };
        repositories: unknown[];
      };
      payload.installation.id = 1;
      payload.repositories = [
        { id: 1, node_id: "R_1", name: "portfolio", full_name: "octocat/portfolio", private: false },
      ];
      const body = JSON.stringify(payload);
      const response = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": "installation",
          "x-github-delivery": "start-test",
          "x-hub-signature-256": sign(body),
        },
        body,
      });
      expect(response.status).toBe(200);
      const milestones = await eventually(async () => {
        const listed = await fetch(`${emulator.url}/repos/octocat/portfolio/milestones?state=all`, {
          headers: { authorization: `token ${emulator.token}` },
        });
        const items = (await listed.json()) as unknown[];
        return items.length === 5 ? items : undefined;
      });
      expect(milestones).toHaveLength(5);
      expect(output).not.toContain("PRIVATE KEY");
    } finally {
      await emulator.close();
    }
  });
});
