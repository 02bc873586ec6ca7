import { spawn } from "node:child_process";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Emulator } from "@syllabot/github-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { examplePayload, sign } from "../app/harness.js";
import { runCli } from "../helpers/run-cli.js";
import { EXAMPLE_CONFIG, repoPath } from "../helpers/setup.js";
import { startAppProcess } from "./app-process.js";
import { FOREIGN_CREDENTIALS, startEchoingServer } from "./echoing-server.js";
import { type LoggedApp, startLoggedApp } from "./logged-app.js";

/**
 * Tokens, the webhook secret, the tick secret and the app's private key never reach a log line, an
 * error message, a job summary or an output. Every byte the app (Probot's logger at trace level),
 * the CLI and the bundled Action write is captured, through successful runs and failing ones, and
 * searched for each secret, for each base64 line of the key, and for anything shaped like a JWT.
 */

const NOW = "2026-03-02T04:00:00Z";
const PORTFOLIO = "octocat/portfolio";
const CONFIG = readFileSync(EXAMPLE_CONFIG, "utf8");
const NO_TIME_LIMIT = 0;
/** The app's secrets, for the CLI and the Action to be searched for too (they never have them). */
const { privateKey: PEM } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});
const OTHER_SECRETS = {
  webhookSecret: `whsec-${randomUUID()}`,
  tickSecret: `tick-${randomUUID()}`,
  privateKey: PEM,
};

interface Secret {
  name: string;
  value: string;
}

/** Everything secret a run knows: the whole of each, and each long line of the key on its own. */
function secretsOf(
  keys: { webhookSecret: string; tickSecret: string; privateKey: string },
  tokens: Record<string, string>,
): Secret[] {
  const keyLines = keys.privateKey
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 20 && !line.startsWith("-----"));
  expect(keyLines.length).toBeGreaterThan(20);
  return [
    ...Object.entries(tokens).map(([name, value]) => ({ name, value })),
    { name: "webhook secret", value: keys.webhookSecret },
    { name: "tick secret", value: keys.tickSecret },
    { name: "private key", value: keys.privateKey },
    { name: "private key (JSON-escaped)", value: JSON.stringify(keys.privateKey).slice(1, -1) },
    ...keyLines.map((line, index) => ({ name: `private key line ${index + 1}`, value: line })),
  ];
}

/** The names of the secrets found in `text`, and whether it holds something shaped like a JWT. */
function leaks(text: string, secrets: readonly Secret[]): string[] {
  const found = secrets.filter((secret) => text.includes(secret.value)).map((secret) => secret.name);
  if (/eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/.test(text)) found.push("a JWT");
  return found;
}

/** The installation tokens the emulator minted for the app (each one is a secret too). */
function mintedTokens(emulator: Emulator): Record<string, string> {
  return Object.fromEntries(
    emulator.log
      .filter((entry) => entry.operationId === "apps/create-installation-access-token")
      .map((entry, index) => [
        `installation token ${index + 1}`,
        String((entry.responseBody as { token?: string } | undefined)?.token),
      ]),
  );
}

const repository = (fullName: string) => {
  const [owner = "", name = ""] = fullName.split("/");
  return {
    id: fullName.length,
    node_id: `R_${name}`,
    name,
    full_name: fullName,
    private: false,
    owner: { login: owner },
  };
};

describe("the search for secrets", () => {
  it("finds each secret, each line of the key, and a JWT", () => {
    const secrets = secretsOf(OTHER_SECRETS, { token: "ghs_0123456789" });
    const keyLine = PEM.split("\n")[5] ?? "";
    expect(leaks(`x ${keyLine} y`, secrets)).toEqual(["private key line 5"]);
    expect(leaks(JSON.stringify({ key: PEM }), secrets)).toContain("private key (JSON-escaped)");
    expect(leaks(`token ghs_0123456789 and ${OTHER_SECRETS.tickSecret}`, secrets)).toEqual([
      "token",
      "tick secret",
    ]);
    expect(
      leaks("Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjEsImlhdCI6MX0.c2lnbmF0dXJlLXNpZ25hdHVyZQ", secrets),
    ).toEqual(["a JWT"]);
  });
});

describe("the app: Probot's log at trace level", () => {
  let emulator: Emulator;
  let app: LoggedApp;

  beforeAll(async () => {
    emulator = await Emulator.start({ limits: { enabled: false }, now: () => new Date(NOW) });
    emulator.createRepo(PORTFOLIO);
    emulator.addCommit(PORTFOLIO, { message: "Add config", files: { ".github/syllabot.yml": CONFIG } });
    app = await startLoggedApp(emulator, NOW);
  });
  afterAll(async () => {
    await app.close();
    await emulator.close();
  });

  function push(files: string[], message: string) {
    const payload = examplePayload("push") as Record<string, unknown> & { repository: object };
    const after = randomUUID().replace(/-/g, "").padEnd(40, "0");
    payload.ref = "refs/heads/main";
    payload.installation = { id: 1, node_id: "I_1" };
    payload.repository = { ...payload.repository, ...repository(PORTFOLIO), default_branch: "main" };
    payload.commits = [
      {
        id: after,
        tree_id: after,
        distinct: true,
        message,
        timestamp: "2026-03-01T10:00:00Z",
        url: `https://github.com/${PORTFOLIO}/commit/${after}`,
        author: { name: "octocat", email: "octocat@example.com", username: "octocat" },
        committer: { name: "octocat", email: "octocat@example.com", username: "octocat" },
        added: [],
        modified: files,
        removed: [],
      },
    ];
    return payload;
  }

  it(
    "through an install, a push whose requests fail, bad deliveries and ticks, logs no secret",
    async () => {
      const installation = examplePayload("installation", "created");
      installation.installation = { ...(installation.installation as object), id: 1 };
      installation.repositories = [repository(PORTFOLIO)];
      expect(await app.deliver("installation", installation)).toBe(200);
      await app.queue.idle();
      await new Promise((resolve) => setTimeout(resolve, 100));
      await app.queue.idle();
      expect(emulator.counts().byOperation["issues/create"]).toBe(60);

      // GitHub fails every request: the push's sync gives up after its retries, and the job fails.
      emulator.faults.random({ seed: 7, rate: 1, kinds: ["server-error"] });
      emulator.addCommit(PORTFOLIO, { message: "Edit", files: { ".github/syllabot.yml": `${CONFIG}\n` } });
      expect(await app.deliver("push", push([".github/syllabot.yml"], "Edit config, closes week 1"))).toBe(
        200,
      );
      await app.queue.idle();
      emulator.faults.clear();

      // A wrong signature, a payload the handler cannot read, a wrong tick secret, then a tick.
      expect(await app.deliver("installation", installation, { signature: sign("{}", "guess") })).toBe(400);
      const broken = push(["x"], "closes week 2") as Record<string, unknown>;
      delete broken.commits;
      expect(await app.deliver("push", broken)).toBeGreaterThanOrEqual(200);
      const tick = (authorization: string) =>
        fetch(`${app.url}/syllabot/tick`, { method: "POST", headers: { authorization } });
      expect((await tick(`Bearer ${app.tickSecret.slice(0, -1)}`)).status).toBe(401);
      expect((await tick(`Bearer ${app.tickSecret}`)).status).toBe(202);
      await app.queue.idle();

      const output = [...app.logged, ...app.answers].join("\n");
      // The log was really captured: debug lines, the job that failed, the refused delivery.
      expect(output).toContain('"level":20');
      expect(output).toMatch(/GitHub request: POST \S+\/repos\/octocat\/portfolio\/issues - 201/);
      expect(output).toContain("syllabot: a job failed");
      expect(output).toContain("signature does not match");
      const secrets = secretsOf(app, { "emulator token": emulator.token, ...mintedTokens(emulator) });
      expect(Object.keys(mintedTokens(emulator)).length).toBeGreaterThan(0);
      expect(leaks(output, secrets)).toEqual([]);
      // Nor did a secret or a stack trace reach GitHub in anything the app wrote there.
      const written = JSON.stringify(emulator.log.map((entry) => entry.requestBody));
      expect(leaks(written, secrets)).toEqual([]);
      expect(written).not.toMatch(/\\n\s+at /);
    },
    NO_TIME_LIMIT,
  );
});

describe("the app process (npm start): Probot's request log and foreign answers", () => {
  it.each(["info", "trace"])(
    "at %s level, logs neither the tick secret sent to /syllabot/tick and /syllabot/idle nor a credential GitHub's answer echoes",
    async (level) => {
      const emulator = await Emulator.start({ limits: { enabled: false }, now: () => new Date(NOW) });
      emulator.createRepo(PORTFOLIO);
      emulator.addCommit(PORTFOLIO, { message: "Add config", files: { ".github/syllabot.yml": CONFIG } });
      // GitHub answers the milestones listing with a message echoing the installation token.
      const echoing = await startEchoingServer({
        target: emulator.url,
        echoes: (method, path) => method === "GET" && path.includes("/milestones"),
      });
      const keys = {
        webhookSecret: `whsec-${randomUUID()}`,
        tickSecret: `tick-${randomUUID()}`,
        privateKey: generateKeyPairSync("rsa", {
          modulusLength: 2048,
          privateKeyEncoding: { type: "pkcs8", format: "pem" },
          publicKeyEncoding: { type: "spki", format: "pem" },
        }).privateKey,
      };
      const app = await startAppProcess({
        APP_ID: "1",
        PRIVATE_KEY: keys.privateKey,
        WEBHOOK_SECRET: keys.webhookSecret,
        GHE_HOST: echoing.url.replace("http://", ""),
        GHE_PROTOCOL: "http",
        SYLLABOT_TICK_SECRET: keys.tickSecret,
        SYLLABOT_PACE_MS: "0",
        SYLLABOT_RETRY_UNIT_MS: "1",
        SYLLABOT_NOW: NOW,
        LOG_FORMAT: "json",
        LOG_LEVEL: level,
      });
      try {
        const installation = examplePayload("installation", "created");
        installation.installation = { ...(installation.installation as object), id: 1 };
        installation.repositories = [repository(PORTFOLIO)];
        const body = JSON.stringify(installation);
        const delivered = await fetch(`${app.url}/api/github/webhooks`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-github-event": "installation",
            "x-github-delivery": randomUUID(),
            "x-hub-signature-256": sign(body, keys.webhookSecret),
          },
          body,
        });
        expect(delivered.status).toBe(200);
        const call = (path: string, method: string, secret: string) =>
          fetch(`${app.url}${path}`, { method, headers: { authorization: `Bearer ${secret}` } });
        const wrongSecret = `${keys.tickSecret.slice(0, -1)}x`;
        expect((await call("/syllabot/idle", "GET", keys.tickSecret)).status).toBe(200);
        expect((await call("/syllabot/tick", "POST", wrongSecret)).status).toBe(401);
        expect((await call("/syllabot/tick", "POST", keys.tickSecret)).status).toBe(202);
        expect((await call("/syllabot/idle", "GET", wrongSecret)).status).toBe(401);
        expect((await call("/syllabot/idle", "GET", keys.tickSecret)).status).toBe(200);
        await app.stop();

        const output = app.output();
        // The request log and the failed jobs were really written, at this level.
        expect(output).toMatch(/"msg":"POST \/syllabot\/tick 202 - \d+ms"/);
        expect(output).toMatch(/"msg":"GET \/syllabot\/idle 401 - \d+ms"/);
        expect(output).toContain("syllabot: a job failed");
        expect(output).toContain("Authorization: token [REDACTED]");
        // At trace level, debug lines too (each GitHub request).
        if (level === "trace") expect(output).toContain('"level":20');
        expect(echoing.echoed).toBeGreaterThanOrEqual(2);
        const minted = mintedTokens(emulator);
        expect(Object.keys(minted).length).toBeGreaterThan(0);
        const secrets = secretsOf(keys, {
          "wrong tick secret": wrongSecret,
          "emulator token": emulator.token,
          ...minted,
          ...FOREIGN_CREDENTIALS,
        });
        expect(leaks(output, secrets)).toEqual([]);
      } finally {
        await app.stop();
        await echoing.close();
        await emulator.close();
      }
    },
    NO_TIME_LIMIT,
  );
});

describe("the CLI", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await Emulator.start({ limits: { enabled: false }, now: () => new Date(NOW) });
    emulator.createRepo(PORTFOLIO);
  });
  afterAll(async () => {
    await emulator.close();
  });

  it(
    "prints no token: apply, status, and requests refused for a wrong token or a missing repository",
    async () => {
      const wrong = "ghp_0123456789abcdefghijklmnopqrstuvwxyz";
      const common = ["--config", EXAMPLE_CONFIG, "--api-url", emulator.url];
      const runs = [
        await runCli(["apply", "--repo", PORTFOLIO, ...common, "--pace", "0"], {
          GITHUB_TOKEN: emulator.token,
        }),
        await runCli(["status", "--repo", PORTFOLIO, ...common, "--today", "2026-03-04"], {
          GITHUB_TOKEN: emulator.token,
        }),
        await runCli(["status", "--repo", PORTFOLIO, ...common, "--json"], { GH_TOKEN: emulator.token }),
        await runCli(["apply", "--repo", PORTFOLIO, ...common, "--pace", "0"], {
          GITHUB_TOKEN: wrong,
          SYLLABOT_DEBUG: "1",
        }),
        await runCli(["apply", "--repo", "octocat/nowhere", ...common, "--pace", "0"], {
          GITHUB_TOKEN: emulator.token,
          SYLLABOT_DEBUG: "1",
        }),
        await runCli(["status", "--repo", PORTFOLIO, ...common], { GITHUB_TOKEN: wrong }),
      ];
      expect(runs.map((run) => run.code)).toEqual([0, 0, 0, 1, 1, 1]);
      expect(runs[3]?.stderr).toContain("HTTP 401");
      expect(runs[4]?.stderr).toContain("HTTP 404");
      const output = runs.map((run) => run.stdout + run.stderr).join("\n");
      expect(output).toContain("Done");
      expect(
        leaks(output, secretsOf(OTHER_SECRETS, { token: emulator.token, "wrong token": wrong })),
      ).toEqual([]);
    },
    NO_TIME_LIMIT,
  );
});

describe("the CLI, when GitHub's answer echoes the credential", () => {
  it(
    "apply, status and rebuild print the failure without the token, in any shape",
    async () => {
      const echoing = await startEchoingServer({});
      try {
        // A token shaped like GitHub's, and one shaped like nothing (a GitHub Enterprise Server's
        // 40 hex digits): only its value, known to the process, can catch the second.
        const shaped = `ghs_${randomUUID().replace(/-/g, "")}abcd`;
        const shapeless = randomUUID().replace(/-/g, "").padEnd(40, "7");
        const common = ["--repo", PORTFOLIO, "--config", EXAMPLE_CONFIG, "--api-url", echoing.url];
        const runs = [];
        for (const token of [shaped, shapeless]) {
          runs.push(
            await runCli(["apply", ...common, "--pace", "0"], { GITHUB_TOKEN: token }),
            await runCli(["status", ...common], { GH_TOKEN: token }),
            await runCli(["rebuild", ...common, "--pace", "0"], { GITHUB_TOKEN: token, SYLLABOT_DEBUG: "1" }),
          );
        }
        expect(echoing.echoed).toBeGreaterThanOrEqual(runs.length);
        expect(runs.map((run) => run.code)).toEqual([1, 1, 1, 1, 1, 1]);
        for (const run of runs) {
          // The learner still reads what failed and what the server said.
          expect(run.stderr).toMatch(
            /^syllabot: GitHub: .* failed \(HTTP 400\): Bad request: the gateway refused/,
          );
          expect(run.stderr).toContain("Authorization: token [REDACTED]");
        }
        const output = runs.map((run) => run.stdout + run.stderr).join("\n");
        const secrets = secretsOf(OTHER_SECRETS, { shaped, shapeless, ...FOREIGN_CREDENTIALS });
        expect(leaks(output, secrets)).toEqual([]);
      } finally {
        await echoing.close();
      }
    },
    NO_TIME_LIMIT,
  );
});

describe("the Action, run from dist/", () => {
  let emulator: Emulator;
  let workspace: string;
  beforeAll(async () => {
    emulator = await Emulator.start({ limits: { enabled: false }, now: () => new Date(NOW) });
    emulator.createRepo(PORTFOLIO);
    workspace = mkdtempSync(join(tmpdir(), "syllabot-secrets-"));
    mkdirSync(join(workspace, ".github"));
    writeFileSync(join(workspace, ".github/syllabot.yml"), CONFIG);
  });
  afterAll(async () => {
    rmSync(workspace, { recursive: true, force: true });
    await emulator.close();
  });

  /** action.yml's defaults, as the runner fills them in. */
  function inputDefaults(): Record<string, string> {
    const action = parse(readFileSync(repoPath("action.yml"), "utf8")) as {
      inputs: Record<string, { default?: string }>;
    };
    return Object.fromEntries(
      Object.entries(action.inputs)
        .filter(([, input]) => input.default !== undefined && !input.default.includes("${{"))
        .map(([name, input]) => [name, String(input.default)]),
    );
  }

  /** One run of dist/index.js; everything it wrote: stdout, stderr, the outputs file and the summary. */
  async function runAction(inputs: Record<string, string>, env: Record<string, string> = {}) {
    const files = mkdtempSync(join(tmpdir(), "syllabot-secrets-runner-"));
    const outputFile = join(files, "output");
    const summaryFile = join(files, "summary");
    writeFileSync(outputFile, "");
    writeFileSync(summaryFile, "");
    const given: Record<string, string> = {
      ...inputDefaults(),
      today: "2026-03-04",
      "pace-ms": "0",
      ...inputs,
    };
    const child = spawn(process.execPath, [repoPath("dist/index.js")], {
      cwd: workspace,
      env: {
        PATH: process.env.PATH,
        GITHUB_ACTIONS: "true",
        GITHUB_REPOSITORY: PORTFOLIO,
        GITHUB_API_URL: emulator.url,
        GITHUB_SERVER_URL: "https://github.com",
        GITHUB_WORKSPACE: workspace,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        ...Object.fromEntries(
          Object.entries(given).map(([name, value]) => [
            `INPUT_${name.replace(/ /g, "_").toUpperCase()}`,
            value,
          ]),
        ),
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", resolve);
    });
    const run = {
      token: given.token ?? "",
      code,
      stdout,
      stderr,
      output: readFileSync(outputFile, "utf8"),
      summary: readFileSync(summaryFile, "utf8"),
    };
    rmSync(files, { recursive: true, force: true });
    return run;
  }

  it(
    "masks the token before anything else and prints it nowhere else, in runs that succeed and runs that fail",
    async () => {
      const wrong = "ghs_ThisTokenIsWrongButSecretAllTheSame01";
      const runs = [
        await runAction({ token: emulator.token, command: "all" }),
        await runAction({ token: emulator.token, command: "remind", today: "2026-11-24" }),
        await runAction({ token: wrong, command: "all" }),
        // Step debugging on: the debug lines are printed too, stack traces included.
        await runAction({ token: wrong, command: "sync" }, { RUNNER_DEBUG: "1", ACTIONS_STEP_DEBUG: "true" }),
        // A config that is not there: the run fails before any request.
        await runAction({ token: emulator.token, command: "sync", config: "missing.yml" }),
      ];
      expect(runs.map((run) => run.code)).toEqual([0, 0, 1, 1, 1]);
      expect(runs[4]?.stdout).toContain("cannot read: no such file");
      expect(runs[0]?.summary).toContain("Progress:");
      expect(runs[2]?.stdout).toContain("HTTP 401");
      const secrets = secretsOf(OTHER_SECRETS, { token: emulator.token, "wrong token": wrong });
      for (const run of runs) {
        const mask = `::add-mask::${run.token}\n`;
        expect(run.stdout.startsWith(mask)).toBe(true);
        // The mask command necessarily names the token; nothing else may.
        const rest = [run.stdout.slice(mask.length), run.stderr, run.output, run.summary].join("\n");
        expect(leaks(rest, secrets)).toEqual([]);
        expect(run.stdout.split(run.token)).toHaveLength(2);
      }
    },
    NO_TIME_LIMIT,
  );
  it(
    "prints no credential a failing answer echoes: not in the failure line, the log or the summary",
    async () => {
      const echoing = await startEchoingServer({});
      try {
        const shapeless = randomUUID().replace(/-/g, "").padEnd(40, "3");
        const runs = [
          await runAction({ token: emulator.token, command: "all" }, { GITHUB_API_URL: echoing.url }),
          await runAction(
            { token: shapeless, command: "sync" },
            { GITHUB_API_URL: echoing.url, RUNNER_DEBUG: "1", ACTIONS_STEP_DEBUG: "true" },
          ),
        ];
        expect(runs.map((run) => run.code)).toEqual([1, 1]);
        expect(echoing.echoed).toBeGreaterThanOrEqual(2);
        const secrets = secretsOf(OTHER_SECRETS, {
          token: emulator.token,
          shapeless,
          ...FOREIGN_CREDENTIALS,
        });
        for (const run of runs) {
          expect(run.stdout).toContain("::error::syllabot: GitHub: ");
          expect(run.stdout).toContain("Authorization: token [REDACTED]");
          const mask = `::add-mask::${run.token}\n`;
          expect(run.stdout.startsWith(mask)).toBe(true);
          const rest = [run.stdout.slice(mask.length), run.stderr, run.output, run.summary].join("\n");
          expect(leaks(rest, secrets)).toEqual([]);
        }
      } finally {
        await echoing.close();
      }
    },
    NO_TIME_LIMIT,
  );
});
