import { Octokit } from "@octokit/core";
import { describe, expect, it } from "vitest";
import { Emulator } from "../src/index.js";
import { appJwt, failure, TestClock, useEmulator } from "../src/testing/emulator-handle.js";

const clock = new TestClock();
const api = useEmulator(() => ({ now: clock.now }));

const asApp = () => new Octokit({ auth: appJwt(), baseUrl: api.emulator.url });

/** An Octokit acting as installation `id`, with a token minted as an app would (`body` narrows it). */
async function asInstallation(id: number, body: Record<string, unknown> = {}): Promise<Octokit> {
  const minted = await asApp().request("POST /app/installations/{installation_id}/access_tokens", {
    installation_id: id,
    ...body,
  });
  return new Octokit({ auth: minted.data.token, baseUrl: api.emulator.url });
}

/** Alice and Bob, each with the app on their account and a private portfolio. */
function twoLearners(): { alice: number; bob: number } {
  const { emulator } = api;
  emulator.createRepo("alice/portfolio", { private: true });
  emulator.createRepo("bob/portfolio", { private: true });
  return {
    alice: emulator.addInstallation({ account: "alice" }),
    bob: emulator.addInstallation({ account: "bob" }),
  };
}

const fullNames = (data: { repositories: { full_name: string }[] }) =>
  data.repositories.map((repo) => repo.full_name);

describe("several installations of the app", () => {
  it("gives each installation distinct ids, in the order of the calls, after the default one", () => {
    const { alice, bob } = twoLearners();
    expect([alice, bob]).toEqual([2, 3]);
  });

  it("mints a token that reaches its installation's repositories and hides the others' private ones", async () => {
    const { alice, bob } = twoLearners();
    const [asAlice, asBob] = [await asInstallation(alice), await asInstallation(bob)];
    const own = { owner: "alice", repo: "portfolio" };
    const other = { owner: "bob", repo: "portfolio" };

    expect((await asAlice.request("GET /repos/{owner}/{repo}", own)).status).toBe(200);
    const issue = await asAlice.request("POST /repos/{owner}/{repo}/issues", { ...own, title: "Week 1" });
    expect(issue.data.user).toMatchObject({ login: "syllabot[bot]" });

    for (const attempt of [
      () => asAlice.request("GET /repos/{owner}/{repo}", other),
      () => asAlice.request("GET /repos/{owner}/{repo}/contents/{path}", { ...other, path: "README.md" }),
      () => asAlice.request("GET /repos/{owner}/{repo}/issues", other),
      () => asAlice.request("POST /repos/{owner}/{repo}/issues", { ...other, title: "Not mine" }),
      () => asAlice.request("POST /repos/{owner}/{repo}/labels", { ...other, name: "x", color: "ffffff" }),
      () => asBob.request("GET /repos/{owner}/{repo}/issues/{issue_number}", { ...own, issue_number: 1 }),
      () =>
        asBob.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
          ...own,
          issue_number: 1,
          state: "closed",
        }),
    ]) {
      expect(await failure(attempt())).toMatchObject({ status: 404, body: { message: "Not Found" } });
    }
    expect(api.emulator.snapshot().repos.find((repo) => repo.owner === "bob")?.issues).toEqual([]);
    expect((await asBob.request("GET /repos/{owner}/{repo}", other)).status).toBe(200);
  });

  it("lets a token read another account's public repository, as on github.com, but not write to it", async () => {
    const { alice } = twoLearners();
    api.emulator.createRepo("qdrant/qdrant");
    const asAlice = await asInstallation(alice);
    const upstream = { owner: "qdrant", repo: "qdrant" };
    expect((await asAlice.request("GET /repos/{owner}/{repo}/issues", upstream)).status).toBe(200);
    expect(
      await failure(asAlice.request("POST /repos/{owner}/{repo}/issues", { ...upstream, title: "Hi" })),
    ).toMatchObject({ status: 403, body: { message: "Resource not accessible by integration" } });
  });

  it("lists only the calling token's repositories at GET /installation/repositories", async () => {
    const { alice, bob } = twoLearners();
    api.emulator.createRepo("alice/dsa");
    api.emulator.createRepo("octocat/portfolio");
    const forAlice = await (await asInstallation(alice)).request("GET /installation/repositories");
    expect(forAlice.data).toMatchObject({ total_count: 2, repository_selection: "all" });
    expect(fullNames(forAlice.data).sort()).toEqual(["alice/dsa", "alice/portfolio"]);
    const forBob = await (await asInstallation(bob)).request("GET /installation/repositories");
    expect(forBob.data.total_count).toBe(1);
    expect(fullNames(forBob.data)).toEqual(["bob/portfolio"]);
    const forDefault = await (await asInstallation(1)).request("GET /installation/repositories");
    expect(fullNames(forDefault.data)).toEqual(["octocat/portfolio"]);
  });

  it("lists every installation, gets one by id, and finds the one covering a repository", async () => {
    const { alice, bob } = twoLearners();
    const listed = await asApp().request("GET /app/installations");
    expect(listed.data.map((installation) => [installation.id, installation.account?.login])).toEqual([
      [1, "octocat"],
      [alice, "alice"],
      [bob, "bob"],
    ]);
    const paged = await asApp().request("GET /app/installations", { per_page: 2, page: 2 });
    expect(paged.data.map((installation) => installation.id)).toEqual([bob]);
    expect(paged.headers.link).toContain('rel="prev"');

    const one = await asApp().request("GET /app/installations/{installation_id}", { installation_id: bob });
    expect(one.data).toMatchObject({
      id: bob,
      app_slug: "syllabot",
      target_type: "User",
      repository_selection: "all",
      html_url: `${api.emulator.url}/settings/installations/${bob}`,
      access_tokens_url: `${api.emulator.url}/app/installations/${bob}/access_tokens`,
      permissions: { issues: "write", contents: "write" },
      created_at: clock.iso(),
    });
    const covering = await asApp().request("GET /repos/{owner}/{repo}/installation", {
      owner: "alice",
      repo: "portfolio",
    });
    expect(covering.data.id).toBe(alice);
  });

  it("answers an unknown installation, and a repository where the app is not installed, with 404", async () => {
    twoLearners();
    api.emulator.createRepo("qdrant/qdrant");
    for (const attempt of [
      () => asApp().request("GET /app/installations/{installation_id}", { installation_id: 99 }),
      () =>
        asApp().request("POST /app/installations/{installation_id}/access_tokens", { installation_id: 99 }),
      () => asApp().request("GET /repos/{owner}/{repo}/installation", { owner: "qdrant", repo: "qdrant" }),
    ]) {
      expect((await failure(attempt())).status).toBe(404);
    }
  });

  it("covers repositories created after an installation for all of them, through scenes and the API", async () => {
    const { alice } = twoLearners();
    const asAlice = await asInstallation(alice);
    api.emulator.createRepo("alice/dsa", { private: true });
    await api.octokit().request("POST /orgs/{org}/repos", { org: "alice-org", name: "x", private: true });
    expect((await asAlice.request("GET /repos/{owner}/{repo}", { owner: "alice", repo: "dsa" })).status).toBe(
      200,
    );
    const listed = await asAlice.request("GET /installation/repositories");
    expect(fullNames(listed.data).sort()).toEqual(["alice/dsa", "alice/portfolio"]);
  });

  it("limits an installation for selected repositories to those, even within its account", async () => {
    api.emulator.createRepo("carol/portfolio", { private: true });
    api.emulator.createRepo("carol/diary", { private: true });
    const carol = api.emulator.addInstallation({ account: "carol", repositories: ["carol/portfolio"] });
    api.emulator.createRepo("carol/later", { private: true });
    const asCarol = await asInstallation(carol);
    const listed = await asCarol.request("GET /installation/repositories");
    expect(listed.data).toMatchObject({ total_count: 1, repository_selection: "selected" });
    expect(fullNames(listed.data)).toEqual(["carol/portfolio"]);
    for (const repo of ["diary", "later"]) {
      expect(
        (await failure(asCarol.request("GET /repos/{owner}/{repo}", { owner: "carol", repo }))).status,
      ).toBe(404);
    }
    expect(
      (
        await failure(
          asApp().request("GET /repos/{owner}/{repo}/installation", { owner: "carol", repo: "diary" }),
        )
      ).status,
    ).toBe(404);
    const installation = await asApp().request("GET /app/installations/{installation_id}", {
      installation_id: carol,
    });
    expect(installation.data.repository_selection).toBe("selected");
  });

  it("scopes search to the repositories the token can see", async () => {
    const { alice, bob } = twoLearners();
    api.emulator.createRepo("qdrant/qdrant");
    api.emulator.addIssue("alice/portfolio", { title: "Alice's week", author: "alice" });
    api.emulator.addIssue("bob/portfolio", { title: "Bob's week", author: "bob" });
    api.emulator.addIssue("qdrant/qdrant", { title: "Good first issue", author: "qdrant-maintainer" });
    const titles = async (octokit: Octokit) =>
      (await octokit.request("GET /search/issues", { q: "is:issue" })).data.items
        .map((item) => item.title)
        .sort();
    expect(await titles(await asInstallation(alice))).toEqual(["Alice's week", "Good first issue"]);
    expect(await titles(await asInstallation(bob))).toEqual(["Bob's week", "Good first issue"]);
    expect(await titles(api.octokit())).toEqual(["Alice's week", "Bob's week", "Good first issue"]);
  });

  it("keeps the emulator's own token all-powerful", async () => {
    twoLearners();
    const root = api.octokit();
    for (const owner of ["alice", "bob"]) {
      const issue = await root.request("POST /repos/{owner}/{repo}/issues", {
        owner,
        repo: "portfolio",
        title: "x",
      });
      expect(issue.status).toBe(201);
    }
  });

  it("mints tokens with the installation's own permissions, narrowed but never widened", async () => {
    api.emulator.createRepo("dave/portfolio");
    const dave = api.emulator.addInstallation({
      account: "dave",
      permissions: { issues: "read", metadata: "read" },
      events: ["issues"],
    });
    const minted = await asApp().request("POST /app/installations/{installation_id}/access_tokens", {
      installation_id: dave,
    });
    expect(minted.data.permissions).toEqual({ issues: "read", metadata: "read" });
    const asDave = new Octokit({ auth: minted.data.token, baseUrl: api.emulator.url });
    const own = { owner: "dave", repo: "portfolio" };
    expect((await asDave.request("GET /repos/{owner}/{repo}/issues", own)).status).toBe(200);
    expect(
      (await failure(asDave.request("POST /repos/{owner}/{repo}/issues", { ...own, title: "x" }))).status,
    ).toBe(403);
    const widened = await failure(
      asApp().request("POST /app/installations/{installation_id}/access_tokens", {
        installation_id: dave,
        permissions: { issues: "write" },
      }),
    );
    expect(widened).toMatchObject({
      status: 422,
      body: { message: "The permissions requested are not granted to this installation." },
    });
    const installation = await asApp().request("GET /app/installations/{installation_id}", {
      installation_id: dave,
    });
    expect(installation.data.events).toEqual(["issues"]);
  });

  it("narrows a token to some of the installation's repositories, by name or id", async () => {
    const { alice } = twoLearners();
    api.emulator.createRepo("alice/dsa", { private: true });
    const dsa = api.emulator.snapshot().repos.find((repo) => repo.name === "dsa");
    if (!dsa) throw new Error("no alice/dsa");
    const byName = await asInstallation(alice, { repositories: ["portfolio"] });
    const byId = await asInstallation(alice, { repository_ids: [dsa.id] });
    expect(fullNames((await byName.request("GET /installation/repositories")).data)).toEqual([
      "alice/portfolio",
    ]);
    expect(fullNames((await byId.request("GET /installation/repositories")).data)).toEqual(["alice/dsa"]);
    expect(
      (await failure(byName.request("GET /repos/{owner}/{repo}", { owner: "alice", repo: "dsa" }))).status,
    ).toBe(404);
    const outside = await failure(
      asApp().request("POST /app/installations/{installation_id}/access_tokens", {
        installation_id: alice,
        repositories: ["portfolio", "nope"],
      }),
    );
    expect(outside).toMatchObject({
      status: 422,
      body: {
        message:
          "There is at least one repository that does not exist or is not accessible to the parent installation.",
      },
    });
  });

  it("installs on an organization, which may create repositories of its own only", async () => {
    api.emulator.addUser("rustaceans", { type: "Organization" });
    api.emulator.createRepo("rustaceans/portfolio", { private: true });
    const org = api.emulator.addInstallation({
      account: "rustaceans",
      accountType: "Organization",
      repositories: ["rustaceans/portfolio"],
      permissions: { administration: "write", issues: "write", metadata: "read" },
    });
    const installation = await asApp().request("GET /app/installations/{installation_id}", {
      installation_id: org,
    });
    expect(installation.data).toMatchObject({
      target_type: "Organization",
      html_url: `${api.emulator.url}/organizations/rustaceans/settings/installations/${org}`,
    });
    const asOrg = await asInstallation(org);
    const made = await asOrg.request("POST /orgs/{org}/repos", {
      org: "rustaceans",
      name: "cohort",
      private: true,
    });
    expect(made.status).toBe(201);
    const listed = await asOrg.request("GET /installation/repositories");
    expect(fullNames(listed.data).sort()).toEqual(["rustaceans/cohort", "rustaceans/portfolio"]);
    expect((await failure(asOrg.request("POST /orgs/{org}/repos", { org: "other", name: "x" }))).status).toBe(
      403,
    );
    // The default installation has no administration permission.
    const asDefault = await asInstallation(1);
    expect(
      (await failure(asDefault.request("POST /orgs/{org}/repos", { org: "rustaceans", name: "y" }))).status,
    ).toBe(403);
  });

  it("refuses to install twice on one account, or for repositories that are not the account's", () => {
    const { emulator } = api;
    twoLearners();
    expect(() => emulator.addInstallation({ account: "alice" })).toThrow(/already installed on alice/);
    expect(() => emulator.addInstallation({ account: "octocat" })).toThrow(/already installed on octocat/);
    expect(() => emulator.addInstallation({ account: "erin", repositories: ["bob/portfolio"] })).toThrow(
      /not a repository of erin/,
    );
    expect(() => emulator.addInstallation({ account: "erin", repositories: ["erin/nope"] })).toThrow(
      /no repository erin\/nope/,
    );
    expect(() => emulator.addInstallation({ account: "bob", accountType: "Organization" })).toThrow(
      /bob is an account of type User, not Organization/,
    );
  });

  it("keeps installations in a snapshot, and numbers the same calls alike in another emulator", async () => {
    const { bob } = twoLearners();
    const saved = api.emulator.snapshot();
    expect(saved.installations?.map((installation) => installation.account)).toEqual(["alice", "bob"]);
    const restored = await api.restart({ now: clock.now, state: saved });
    expect(restored.addInstallation({ account: "carol" })).toBe(bob + 1);
    const other = await Emulator.start({ app: { installationId: 40 } });
    try {
      expect([other.addInstallation({ account: "a" }), other.addInstallation({ account: "b" })]).toEqual([
        41, 42,
      ]);
    } finally {
      await other.close();
    }
  });
});
