import { generateKeyPairSync } from "node:crypto";
import { useEmulator } from "@syllabot/github-emulator/testing";
import { Probot } from "probot";
import { describe, expect, it } from "vitest";
import { listInstallationRepositories } from "../../src/github/installation.js";
import { TEST_PACING } from "../../src/github/octokit.js";
import { probotOctokit } from "../../src/github/probot-octokit.js";
import { RestGateway } from "../../src/github/rest-gateway.js";

const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

const api = useEmulator();

describe("the gateway on Probot's Octokit", () => {
  it("takes an installation's client as it is (no cast) and creates, reads and commits through it", async () => {
    api.emulator.createRepo("bob/portfolio", { private: true });
    const installation = api.emulator.addInstallation({ account: "bob" });
    const probot = new Probot({
      appId: 1,
      privateKey,
      baseUrl: api.emulator.url,
      Octokit: probotOctokit(TEST_PACING),
      logLevel: "fatal",
    });
    const client = await probot.auth(installation);
    expect(await listInstallationRepositories(client)).toEqual(["bob/portfolio"]);

    const gateway = new RestGateway(client, "bob/portfolio", { identity: async () => "syllabot[bot]" });
    await gateway.createLabel({ name: "syllabot", color: "5319e7", description: "managed" });
    const issue = await gateway.createIssue("week-01", {
      title: "Week 1",
      body: "<!-- syllabot:key=week-01 -->",
      labels: ["syllabot"],
      milestone: null,
    });
    await gateway.commentOnIssue(issue.number, "Closed by a commit.");
    const state = await gateway.readManagedState("syllabot");
    expect(state.issues.map((entry) => [entry.number, entry.user?.login])).toEqual([
      [issue.number, "syllabot[bot]"],
    ]);
    expect((await gateway.listIssueComments(issue.number)).map((comment) => comment.author)).toEqual([
      "syllabot[bot]",
    ]);
    const commit = await gateway.commitFiles({
      message: "Progress",
      read: ["README.md"],
      render: () => ({ "README.md": "# Progress\n" }),
    });
    expect(commit?.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(await gateway.readFile("README.md")).toBe("# Progress\n");
  });
});
