import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpsServer, type Server } from "node:https";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionFailure, describeConnectionFailure } from "../../src/github/connection-failure.js";
import { toGitHubError } from "../../src/github/errors.js";
import { createClient, TEST_PACING } from "../../src/github/octokit.js";
import { runCli } from "../helpers/run-cli.js";
import { EXAMPLE_CONFIG } from "../helpers/setup.js";

/** What Node's fetch throws, as Octokit wraps it: "HTTP 500", the reason two causes down. */
function fetchFailure(cause: object, url = "https://ghe.example.com/api/v3/repos/o/r/issues") {
  const fetchError = new TypeError("fetch failed", { cause });
  return Object.assign(new Error(String((cause as { message?: string }).message ?? "fetch failed")), {
    name: "HttpError",
    status: 500,
    request: { method: "GET", url, headers: {} },
    cause: fetchError,
  });
}

const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });

describe("connectionFailure", () => {
  it.each([
    ["DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed certificate"],
    ["UNABLE_TO_VERIFY_LEAF_SIGNATURE", "issued by an authority this machine does not know"],
    ["CERT_HAS_EXPIRED", "the certificate has expired"],
    ["ERR_TLS_CERT_ALTNAME_INVALID", "the certificate is for another host name"],
  ])("finds a refused certificate (%s), which no retry heals", (code, reason) => {
    const failure = connectionFailure(fetchFailure(withCode(code)));
    expect(failure).toEqual({ reason, certificate: true, retryAtMost: 0 });
    expect(toGitHubError(fetchFailure(withCode(code)), "o/r", "read issues").message).toBe(
      `GitHub: read issues in o/r failed: the TLS certificate of https://ghe.example.com/ is not trusted (${reason}); if it is your GitHub Enterprise Server's, give Node its authority with NODE_EXTRA_CA_CERTS`,
    );
  });

  it.each([
    ["ECONNREFUSED", "connection refused", 1],
    ["ENOTFOUND", "no such host", 0],
    ["ETIMEDOUT", "connection timed out", undefined],
    ["UND_ERR_CONNECT_TIMEOUT", "connection timed out", undefined],
  ])("finds %s, says what failed and where, not HTTP 500", (code, reason, retryAtMost) => {
    const error = fetchFailure(withCode(code, `connect ${code} 10.0.0.1:443`));
    expect(connectionFailure(error)).toEqual({
      reason,
      certificate: false,
      ...(retryAtMost === undefined ? {} : { retryAtMost }),
    });
    const message = toGitHubError(error, "o/r", "read issues").message;
    expect(message).toBe(
      `GitHub: read issues in o/r failed: could not reach https://ghe.example.com/ (${reason})`,
    );
  });

  it.each([
    ["ECONNRESET", "the connection was reset"],
    ["UND_ERR_SOCKET", "the connection was closed before an answer"],
  ])("says an answer was lost (%s), not that the server could not be reached", (code, reason) => {
    const error = fetchFailure(withCode(code));
    expect(connectionFailure(error)).toEqual({ reason, certificate: false, lost: true });
    expect(toGitHubError(error, "o/r", "create an issue").message).toBe(
      `GitHub: create an issue in o/r failed: no answer from https://ghe.example.com/ (${reason})`,
    );
  });

  it("looks inside an AggregateError (each address of a host tried) and past unrelated errors", () => {
    const both = new AggregateError([withCode("ECONNREFUSED"), withCode("ECONNREFUSED")], "connect failed");
    expect(connectionFailure(fetchFailure(both))?.reason).toBe("connection refused");
    expect(connectionFailure(Object.assign(new Error("Not Found"), { status: 404 }))).toBeUndefined();
    expect(connectionFailure("a string")).toBeUndefined();
  });

  it("names the server by its origin only", () => {
    const failure = { reason: "connection refused", certificate: false };
    expect(describeConnectionFailure(failure, "http://127.0.0.1:9/api/v3/repos/o/r?page=2")).toBe(
      "could not reach http://127.0.0.1:9/ (connection refused)",
    );
    expect(describeConnectionFailure(failure, undefined)).toBe(
      "could not reach the server (connection refused)",
    );
  });
});

describe("the CLI against a server it cannot use", () => {
  let dir: string;
  let server: Server;
  let tlsUrl: string;
  /** TCP connections the TLS server accepted: one per attempt. */
  let connections = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "syllabot-tls-"));
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        join(dir, "cert.pem"),
        "-subj",
        "/CN=127.0.0.1",
        "-days",
        "2",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
      ],
      { stdio: "ignore" },
    );
    server = createHttpsServer(
      { key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) },
      (_request, response) => {
        response.writeHead(200, { "content-type": "application/json" }).end("[]");
      },
    );
    server.on("connection", () => {
      connections += 1;
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    tlsUrl = `https://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  const status = (apiUrl: string) =>
    runCli(["status", "--repo", "octocat/portfolio", "--config", EXAMPLE_CONFIG, "--api-url", apiUrl], {
      GITHUB_TOKEN: "ghs_0123456789abcdefghijklmnopqrstuvwxyz",
    });

  it("says the certificate is self-signed, in one line, after one attempt", async () => {
    const run = await status(tlsUrl);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `syllabot: GitHub: find out which account the token acts as in octocat/portfolio failed: the TLS certificate of ${tlsUrl}/ is not trusted (self-signed certificate); if it is your GitHub Enterprise Server's, give Node its authority with NODE_EXTRA_CA_CERTS\n`,
    );
  }, 120_000);

  it("does not retry a refused certificate: it will not heal", async () => {
    const client = createClient({ token: "ghs_x", baseUrl: tlsUrl, pacing: TEST_PACING });
    const before = connections;
    const failed = await client.request("GET /repos/{owner}/{repo}", { owner: "o", repo: "r" }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(connectionFailure(failed)?.reason).toBe("self-signed certificate");
    expect(connections - before).toBe(1);
  }, 120_000);

  it("says the connection was refused, naming the server", async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createNetServer().listen(0, "127.0.0.1", () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
      });
    });
    const run = await status(`http://127.0.0.1:${port}`);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `^syllabot: GitHub: .* failed: could not reach http://127\\.0\\.0\\.1:${port}/ \\(connection refused\\)\\n$`,
      ),
    );
    expect(run.stderr).not.toContain("HTTP 500");
  }, 120_000);
});
