import { generateKeyPairSync } from "node:crypto";
import { useEmulator } from "@syllabot/github-emulator/testing";
import { Probot, ProbotOctokit } from "probot";
import { describe, expect, it } from "vitest";
import { TEST_PACING } from "../../src/github/octokit.js";
import { probotOctokit } from "../../src/github/probot-octokit.js";

const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

const api = useEmulator();

/** Two learners with the app on their accounts, as the soak tests of the GitHub App have twenty. */
function learners(): { alice: number; bob: number } {
  api.emulator.createRepo("alice/portfolio", { private: true });
  api.emulator.createRepo("bob/portfolio", { private: true });
  api.emulator.createRepo("bob/dsa", { private: true });
  return {
    alice: api.emulator.addInstallation({ account: "alice" }),
    bob: api.emulator.addInstallation({ account: "bob" }),
  };
}

const fullNames = (data: { repositories: { full_name: string }[] }) =>
  data.repositories.map((repo) => repo.full_name).sort();

describe("Probot against several installations", () => {
  it("authenticates as any installation through app.auth(id), with syllabot's Octokit", async () => {
    const { alice, bob } = learners();
    const probot = new Probot({
      appId: 1,
      privateKey,
      baseUrl: api.emulator.url,
      Octokit: probotOctokit(TEST_PACING),
      logLevel: "fatal",
    });
    const app = await probot.auth();
    const installations = await app.paginate("GET /app/installations", { per_page: 100 });
    expect(installations.map((installation) => installation.id)).toEqual([1, alice, bob]);

    const asBob = await probot.auth(bob);
    const repos = await asBob.request("GET /installation/repositories", { per_page: 100 });
    expect(repos.data.total_count).toBe(2);
    expect(fullNames(repos.data)).toEqual(["bob/dsa", "bob/portfolio"]);
    const issue = await asBob.request("POST /repos/{owner}/{repo}/issues", {
      owner: "bob",
      repo: "portfolio",
      title: "Week 1",
    });
    expect(issue.data.user?.login).toBe("syllabot[bot]");
    const hidden = await asBob
      .request("GET /repos/{owner}/{repo}", { owner: "alice", repo: "portfolio" })
      .catch((error: { status: number }) => error.status);
    expect(hidden).toBe(404);

    const asAlice = await probot.auth(alice);
    const own = await asAlice.request("GET /installation/repositories");
    expect(fullNames(own.data)).toEqual(["alice/portfolio"]);
    const minted = api.emulator.log.filter(
      (entry) => entry.operationId === "apps/create-installation-access-token" && entry.status === 201,
    );
    expect(minted.map((entry) => entry.path)).toEqual([
      `/app/installations/${bob}/access_tokens`,
      `/app/installations/${alice}/access_tokens`,
    ]);
  });

  it("mints the token of the installation an Octokit is given, as createAppAuth does", async () => {
    const { bob } = learners();
    const octokit = new ProbotOctokit({
      auth: { appId: 1, privateKey, installationId: bob },
      baseUrl: api.emulator.url,
    });
    const repos = await octokit.request("GET /installation/repositories");
    expect(fullNames(repos.data)).toEqual(["bob/dsa", "bob/portfolio"]);
  });
});

describe("Probot's configuration loading", () => {
  it("reads a repository's YAML config through context.config's plugin (the raw media type)", async () => {
    api.emulator.createRepo("octocat/portfolio");
    api.emulator.addCommit("octocat/portfolio", {
      message: "config",
      files: { ".github/syllabot.yml": "curriculum: rust-systems-1y\nstart: 2026-03-02\n" },
    });
    const octokit = new ProbotOctokit({
      auth: { appId: 1, privateKey, installationId: 1 },
      baseUrl: api.emulator.url,
    });
    const { config, files } = await octokit.config.get({
      owner: "octocat",
      repo: "portfolio",
      path: ".github/syllabot.yml",
    });
    expect(config).toEqual({ curriculum: "rust-systems-1y", start: "2026-03-02" });
    expect(files.map((file) => file.url)).toEqual([
      `${api.emulator.url}/repos/octocat/portfolio/contents/.github%2Fsyllabot.yml`,
    ]);
  });
});
