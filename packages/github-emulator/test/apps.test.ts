import { Octokit } from "@octokit/core";
import { describe, expect, it } from "vitest";
import { appJwt, failure, TestClock, useEmulator } from "../src/testing/emulator-handle.js";

const clock = new TestClock();
const api = useEmulator(() => ({ now: clock.now }));
const REPO = "octocat/portfolio";

const asApp = () => new Octokit({ auth: appJwt(), baseUrl: api.emulator.url });

describe("GitHub App endpoints", () => {
  it("finds the installation of a repository with an app JWT", async () => {
    api.emulator.createRepo(REPO);
    const installation = await asApp().request("GET /repos/{owner}/{repo}/installation", {
      owner: "octocat",
      repo: "portfolio",
    });
    expect(installation.data).toMatchObject({ id: 1, app_slug: "syllabot", account: { login: "octocat" } });
  });

  it("mints an installation token that works for an hour and acts as the app's bot", async () => {
    api.emulator.createRepo(REPO);
    const minted = await asApp().request("POST /app/installations/{installation_id}/access_tokens", {
      installation_id: 1,
    });
    expect(minted.status).toBe(201);
    expect(minted.data.token).toMatch(/^ghs_/);
    expect(minted.data.expires_at).toBe("2026-03-02T11:00:00Z");
    expect(minted.data.permissions).toMatchObject({ issues: "write", contents: "write" });

    const bot = new Octokit({ auth: minted.data.token, baseUrl: api.emulator.url });
    const issue = await bot.request("POST /repos/{owner}/{repo}/issues", {
      owner: "octocat",
      repo: "portfolio",
      title: "a",
    });
    expect(issue.data.user).toMatchObject({ login: "syllabot[bot]", type: "Bot" });
    const repos = await bot.request("GET /installation/repositories");
    expect(repos.data).toMatchObject({ total_count: 1, repositories: [{ full_name: REPO }] });

    clock.advance(3600);
    expect(
      (await failure(bot.request("GET /repos/{owner}/{repo}", { owner: "octocat", repo: "portfolio" })))
        .status,
    ).toBe(401);
  });

  it("refuses a user token on app endpoints and a JWT elsewhere", async () => {
    api.emulator.createRepo(REPO);
    const withToken = await failure(
      api
        .octokit()
        .request("POST /app/installations/{installation_id}/access_tokens", { installation_id: 1 }),
    );
    expect(withToken).toMatchObject({
      status: 401,
      body: { message: "A JSON web token could not be decoded" },
    });
    const withJwt = await failure(
      asApp().request("GET /repos/{owner}/{repo}", { owner: "octocat", repo: "portfolio" }),
    );
    expect(withJwt.status).toBe(401);
  });

  it("repeats the app's client_id in each installation, as GitHub's installation objects do", async () => {
    api.emulator.createRepo(REPO);
    const { data: app } = await asApp().request("GET /app");
    const installation = await asApp().request("GET /repos/{owner}/{repo}/installation", {
      owner: "octocat",
      repo: "portfolio",
    });
    const listed = await asApp().request("GET /app/installations");
    const clientId = app?.client_id;
    expect(clientId).toMatch(/^Iv1\./);
    expect(installation.data.client_id).toBe(clientId);
    // Octokit's type of this list leaves client_id out; the installation schema has it.
    expect(listed.data.map((item) => (item as { client_id?: string }).client_id)).toEqual([clientId]);
  });

  it("answers an unknown installation with 404", async () => {
    const missing = await failure(
      asApp().request("POST /app/installations/{installation_id}/access_tokens", { installation_id: 99 }),
    );
    expect(missing.status).toBe(404);
  });

  it("refuses GET /user to an installation token, as GitHub does", async () => {
    const minted = await asApp().request("POST /app/installations/{installation_id}/access_tokens", {
      installation_id: 1,
    });
    const bot = new Octokit({ auth: minted.data.token, baseUrl: api.emulator.url });
    expect((await failure(bot.request("GET /user"))).status).toBe(403);
  });
});

describe("who a token is", () => {
  it("GET /app names the app to its JWT, and refuses a token", async () => {
    const app = await asApp().request("GET /app");
    expect(app.data).toMatchObject({ id: 1, slug: "syllabot", owner: { login: "octocat" } });
    expect(await failure(api.octokit().request("GET /app"))).toMatchObject({ status: 401 });
  });

  it("GraphQL's viewer is the user for a user token and slug[bot] for an installation token, as on github.com", async () => {
    api.emulator.createRepo(REPO);
    expect(await api.octokit().graphql("query { viewer { login } }")).toEqual({
      viewer: { login: "octocat" },
    });
    const minted = await asApp().request("POST /app/installations/{installation_id}/access_tokens", {
      installation_id: 1,
    });
    const bot = new Octokit({ auth: minted.data.token, baseUrl: api.emulator.url });
    expect(await bot.graphql("query Me { viewer { login } }")).toEqual({
      viewer: { login: "syllabot[bot]" },
    });
    // GitHub Enterprise Server's address, /api/graphql, beside /api/v3.
    const ghes = new Octokit({ auth: api.emulator.token, baseUrl: `${api.emulator.url}/api/v3` });
    expect(await ghes.graphql("{ viewer { login } }")).toEqual({ viewer: { login: "octocat" } });
    // REST's GET /user refuses installation tokens, which is why syllabot asks GraphQL.
    expect(await failure(bot.request("GET /user"))).toMatchObject({ status: 403 });
  });

  it("answers any other GraphQL query with an error saying it is not implemented, writing nothing", async () => {
    await expect(api.octokit().graphql('{ repository(owner: "a", name: "b") { id } }')).rejects.toThrow(
      /serves only the GraphQL query/,
    );
    expect(api.emulator.counts().writes).toBe(0);
  });
});
