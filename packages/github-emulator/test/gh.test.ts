import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useEmulator } from "../src/testing/emulator-handle.js";

/**
 * A real client: Debian's GitHub CLI (`gh`, installed by .ci/run as redis-server is). For any host
 * but github.com, gh talks to a GitHub Enterprise Server at `https://HOST/api/v3/` and follows the
 * `Link` headers it is given with `--paginate`; so the emulator sits behind a TLS front on
 * loopback, as it would behind any reverse proxy, which tells it the client's scheme and host with
 * `X-Forwarded-Proto` and `X-Forwarded-Host`. Before the emulator honoured them, its `Link` said
 * `http://`, and gh's second page failed on the TLS port.
 */

const run = promisify(execFile);
const api = useEmulator();
const REPO = "octocat/portfolio";

let workspace: string;
let certificate: string;
let key: string;

beforeAll(async () => {
  workspace = mkdtempSync(join(tmpdir(), "syllabot-gh-"));
  certificate = join(workspace, "cert.pem");
  key = join(workspace, "key.pem");
  // A throwaway self-signed certificate for 127.0.0.1, made for this run only.
  await run("openssl", [
    "req",
    ...["-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"],
    ...["-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", certificate],
  ]).catch((error: unknown) => {
    throw new Error(`openssl could not make a test certificate (apt-get install openssl): ${String(error)}`);
  });
});
afterAll(() => {
  rmSync(workspace, { recursive: true, force: true });
});

/** An HTTPS server on 127.0.0.1 that passes every request to the emulator, as a TLS front does. */
async function tlsFront(): Promise<{ host: string; close: () => Promise<void> }> {
  const target = new URL(api.emulator.url);
  const front: Server = createServer(
    { key: readFileSync(key), cert: readFileSync(certificate) },
    (request, response) => {
      const headers = {
        ...request.headers,
        "x-forwarded-proto": "https",
        "x-forwarded-host": request.headers.host ?? "",
      };
      const upstream = httpRequest(
        { host: target.hostname, port: target.port, method: request.method, path: request.url, headers },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      upstream.on("error", () => response.destroy());
      request.pipe(upstream);
    },
  );
  await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
  return {
    host: `127.0.0.1:${(front.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        front.close(() => resolve());
        front.closeAllConnections();
      }),
  };
}

/** `gh api ARGS` against the front, with nothing of the user's own gh setup or tokens. */
async function gh(host: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: workspace,
    GH_HOST: host,
    GH_ENTERPRISE_TOKEN: api.emulator.token,
    SSL_CERT_FILE: certificate,
    GH_CONFIG_DIR: join(workspace, "gh"),
    GH_NO_UPDATE_NOTIFIER: "1",
    GH_PROMPT_DISABLED: "1",
    NO_COLOR: "1",
  };
  try {
    const { stdout, stderr } = await run("gh", ["api", ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string };
    if (typeof failed.code !== "number") {
      throw new Error(`gh could not be run (apt-get install gh): ${String(error)}`);
    }
    return { code: failed.code, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

describe("gh api against the emulator behind a TLS front", () => {
  it("gets every page with --paginate, following Link under https://HOST/api/v3", async () => {
    api.emulator.createRepo(REPO);
    for (let index = 1; index <= 45; index += 1) api.emulator.addIssue(REPO, { title: `Issue ${index}` });
    const front = await tlsFront();
    try {
      // gh keeps a per_page given in the path (it would add per_page=100 otherwise).
      const listed = await gh(front.host, [
        "--paginate",
        `repos/${REPO}/issues?per_page=20`,
        "--jq",
        ".[].number",
      ]);
      expect(listed.stderr).toBe("");
      expect(listed.code).toBe(0);
      const numbers = listed.stdout.trim().split("\n").map(Number);
      expect(numbers).toEqual(Array.from({ length: 45 }, (_, index) => 45 - index));
      const pages = api.emulator.log.filter((record) => record.operationId === "issues/list-for-repo");
      // GitHub's Link pages a repository's list by its id address, as gh then asks for it.
      const byId = expect.stringMatching(/^\/repositories\/\d+\/issues$/);
      expect(pages.map((record) => [record.path, record.query.page, record.status])).toEqual([
        [`/repos/${REPO}/issues`, undefined, 200],
        [byId, "2", 200],
        [byId, "3", 200],
      ]);
    } finally {
      await front.close();
    }
  });

  it("reads the API root on the client's base, and says when a route is not implemented", async () => {
    api.emulator.createRepo(REPO);
    const front = await tlsFront();
    try {
      const root = await gh(front.host, ["/"]);
      expect(root.code).toBe(0);
      expect(JSON.parse(root.stdout)).toMatchObject({
        current_user_url: `https://${front.host}/api/v3/user`,
        repository_url: `https://${front.host}/api/v3/repos/{owner}/{repo}`,
      });
      const missing = await gh(front.host, [`repos/${REPO}/deployments`]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain(
        "Not implemented by the GitHub emulator: GET /repos/{owner}/{repo}/deployments (HTTP 501)",
      );
    } finally {
      await front.close();
    }
  });
});
