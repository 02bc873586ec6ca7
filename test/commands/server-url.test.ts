import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emptyLedger, serializeLedger } from "../../src/progress/ledger.js";
import { runCli } from "../helpers/run-cli.js";
import { EXAMPLE_CONFIG } from "../helpers/setup.js";

/**
 * Commands that show links without a server to talk to (`plan`, `status --ledger`) show the ones
 * `apply` would write: `--server-url`, else GITHUB_SERVER_URL, else the web address of GITHUB_API_URL.
 */

const folder = mkdtempSync(join(tmpdir(), "syllabot-server-url-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The body `plan` would give the issue of project csvq (mapped to octocat/csvq in the example). */
async function plannedProjectBody(options: string[], env: Record<string, string> = {}) {
  const result = await runCli(["plan", "--config", EXAMPLE_CONFIG, "--json", ...options], env);
  expect(result.stderr).toBe("");
  const operations = JSON.parse(result.stdout).operations as { key: string; fields: { body?: string } }[];
  return String(operations.find((operation) => operation.key === "project-csvq")?.fields.body);
}

describe("the web address in what plan shows", () => {
  it.each([
    [{}, "https://github.com"],
    [{ GITHUB_API_URL: "https://ghes.example.com/api/v3" }, "https://ghes.example.com"],
    [{ GITHUB_API_URL: "https://api.octo-corp.ghe.com" }, "https://octo-corp.ghe.com"],
    [{ GITHUB_API_URL: "http://127.0.0.1:3000" }, "http://127.0.0.1:3000"],
    [
      { GITHUB_API_URL: "http://127.0.0.1:3000", GITHUB_SERVER_URL: "https://github.com" },
      "https://github.com",
    ],
  ])("with %j links to %s, as apply would", async (env, web) => {
    expect(await plannedProjectBody([], env)).toContain(`](${web}/octocat/csvq)`);
  });

  it("takes --server-url over the environment", async () => {
    const body = await plannedProjectBody(["--server-url", "https://ghes.example.com/"], {
      GITHUB_SERVER_URL: "https://github.com",
    });
    expect(body).toContain("](https://ghes.example.com/octocat/csvq)");
  });

  it.each([
    [["--server-url", "ghes.example.com"], {}, '--server-url "ghes.example.com" is not an http(s) address'],
    [[], { GITHUB_SERVER_URL: "github.com" }, 'GITHUB_SERVER_URL "github.com" is not an http(s) address'],
    [[], { GITHUB_API_URL: "localhost:3000" }, 'GITHUB_API_URL "localhost:3000" is not an http(s) address'],
    [
      ["--server-url", "https://me:hunter2@ghes.example.com"],
      {},
      "--server-url must not carry a user name or password",
    ],
  ])("refuses %j %j with exit 2, naming where the address came from", async (options, env, message) => {
    const result = await runCli(["plan", "--config", EXAMPLE_CONFIG, ...options], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`syllabot: ${message}\n`);
    expect(result.stderr).not.toContain("hunter2");
    expect(result.stdout).toBe("");
  });
});

describe("the web address in what status shows", () => {
  it("links each project's repository on the server --server-url names", async () => {
    const ledgerPath = join(folder, "state.json");
    writeFileSync(ledgerPath, serializeLedger(emptyLedger()));
    const status = ["status", "--ledger", ledgerPath, "--config", EXAMPLE_CONFIG, "--json"];
    const result = await runCli([...status, "--server-url", "https://ghes.example.com"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain('"repoUrl": "https://ghes.example.com/octocat/csvq"');
  });
});
