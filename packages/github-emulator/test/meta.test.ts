import { describe, expect, it } from "vitest";
import { TestClock, useEmulator } from "../src/testing/emulator-handle.js";

/**
 * GitHub's "meta" endpoints: the API root (`GET /`, URL templates on the API's own base), `GET
 * /meta` (api.github.com's: password authentication not verifiable, no `installed_version`, which
 * GitHub Enterprise Server adds) and `GET /rate_limit`, which shows the buckets and "does not
 * count against your primary rate limit" (docs: "Rate limits for the REST API").
 */

const clock = new TestClock("2026-03-02T10:00:00Z");
const api = useEmulator(() => ({ now: clock.now }));
const FRONT = { "x-forwarded-proto": "https", "x-forwarded-host": "ghes.example" };

describe("GET / (the API root)", () => {
  it("answers URL templates on the request's base, as api.github.com answers its own", async () => {
    const response = await api.fetch("/");
    expect(response.status).toBe(200);
    const root = (await response.json()) as Record<string, string>;
    const base = api.emulator.url;
    expect(root).toMatchObject({
      current_user_url: `${base}/user`,
      current_user_authorizations_html_url: `${base}/settings/connections/applications{/client_id}`,
      issue_search_url: `${base}/search/issues?q={query}{&page,per_page,sort,order}`,
      rate_limit_url: `${base}/rate_limit`,
      repository_url: `${base}/repos/{owner}/{repo}`,
      user_url: `${base}/users/{user}`,
    });
    expect(Object.keys(root)).toHaveLength(33);
  });

  it("under /api/v3 behind a TLS front: API templates keep the prefix, web ones are on the web root", async () => {
    for (const path of ["/api/v3/", "/api/v3"]) {
      const root = (await (await api.fetch(path, { headers: FRONT })).json()) as Record<string, string>;
      expect(root.current_user_url).toBe("https://ghes.example/api/v3/user");
      expect(root.current_user_authorizations_html_url).toBe(
        "https://ghes.example/settings/connections/applications{/client_id}",
      );
    }
  });
});

describe("GET /meta", () => {
  it("answers api.github.com's shape: no verifiable password authentication, no installed_version", async () => {
    const meta = (await (await api.fetch("/meta")).json()) as Record<string, unknown>;
    expect(meta).toMatchObject({
      verifiable_password_authentication: false,
      ssh_key_fingerprints: {
        SHA256_ECDSA: expect.any(String),
        SHA256_ED25519: expect.any(String),
        SHA256_RSA: expect.any(String),
      },
      api: expect.arrayContaining(["127.0.0.1/32"]),
      hooks: expect.any(Array),
      web: expect.any(Array),
      git: expect.any(Array),
    });
    expect(meta).not.toHaveProperty("installed_version");
  });
});

describe("GET /rate_limit", () => {
  it("shows the emulator's own counts, core and search, and the other buckets GitHub has", async () => {
    await api.fetch("/user");
    await api.fetch("/user");
    await api.fetch("/search/issues?q=is:issue");
    const response = await api.fetch("/rate_limit");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { resources: Record<string, unknown>; rate: unknown };
    const reset = Math.ceil(Date.parse("2026-03-02T11:00:00Z") / 1000);
    const core = { limit: 5000, used: 2, remaining: 4998, reset };
    expect(body.rate).toEqual(core);
    expect(body.resources).toMatchObject({
      core,
      search: { limit: 30, used: 1, remaining: 29 },
      graphql: { limit: 5000 },
      integration_manifest: { limit: 5000 },
      code_search: { limit: 10 },
    });
  });

  it("is not counted against the limit", async () => {
    await api.fetch("/user");
    const first = await api.fetch("/rate_limit");
    const second = await api.fetch("/rate_limit");
    expect(second.headers.get("x-ratelimit-used")).toBe("1");
    expect(((await second.json()) as { rate: { used: number } }).rate.used).toBe(1);
    expect(first.headers.get("x-ratelimit-remaining")).toBe("4999");
    expect(
      api.emulator.log.filter((record) => record.path === "/rate_limit").map((r) => r.rateLimitCost),
    ).toEqual([0, 0]);
  });

  it("still answers once the core bucket is spent, showing it spent", async () => {
    await api.restart({ now: clock.now, limits: { corePerHour: 1 } });
    expect((await api.fetch("/user")).status).toBe(200);
    expect((await api.fetch("/user")).status).toBe(403);
    const response = await api.fetch("/rate_limit");
    expect(response.status).toBe(200);
    expect(((await response.json()) as { rate: unknown }).rate).toMatchObject({
      limit: 1,
      used: 1,
      remaining: 0,
    });
  });
});

describe("without a credential", () => {
  it("answers /, /meta and /rate_limit as GitHub does, an anonymous caller's buckets shown, nothing counted", async () => {
    await api.fetch("/user");
    for (const path of ["/", "/meta"]) {
      const response = await api.fetch(path, { auth: null });
      expect(response.status).toBe(200);
      expect(response.headers.get("x-ratelimit-limit")).toBe("60");
    }
    const limits = await api.fetch("/rate_limit", { auth: null });
    expect(limits.status).toBe(200);
    const body = (await limits.json()) as { resources: Record<string, { limit: number; used: number }> };
    expect(body.resources.core).toMatchObject({ limit: 60, used: 0, remaining: 60 });
    expect(body.resources.search).toMatchObject({ limit: 10, used: 0, remaining: 10 });
    // The token's bucket is untouched by them.
    const own = (await (await api.fetch("/rate_limit")).json()) as { rate: { used: number } };
    expect(own.rate.used).toBe(1);
  });

  it("still refuses a wrong credential there, and a route that needs one without it", async () => {
    expect((await api.fetch("/meta", { auth: "token ghp_wrong" })).status).toBe(401);
    expect((await api.fetch("/user", { auth: null })).status).toBe(401);
  });
});

describe("public repositories without a credential", () => {
  it("are read by anyone, uncounted, a private one not found and any write refused", async () => {
    api.emulator.createRepo("octocat/open");
    api.emulator.addIssue("octocat/open", { title: "Week 1" });
    api.emulator.createRepo("octocat/closed", { private: true });
    const issues = await api.fetch("/repos/octocat/open/issues", { auth: null });
    expect(issues.status).toBe(200);
    expect(((await issues.json()) as { title: string }[]).map((issue) => issue.title)).toEqual(["Week 1"]);
    expect(issues.headers.get("x-ratelimit-limit")).toBe("60");
    const repo = (await (await api.fetch("/repos/octocat/open", { auth: null })).json()) as object;
    expect(repo).toMatchObject({ full_name: "octocat/open", private: false });
    expect(repo).not.toHaveProperty("permissions");
    expect((await api.fetch("/repos/octocat/closed", { auth: null })).status).toBe(404);
    expect((await api.fetch("/repos/octocat/closed/issues", { auth: null })).status).toBe(404);
    const write = await api.fetch("/repos/octocat/open/issues", {
      auth: null,
      method: "POST",
      json: { title: "spam" },
    });
    expect(write.status).toBe(401);
    expect(((await write.json()) as { message: string }).message).toBe("Requires authentication");
    expect(api.emulator.log.every((record) => record.rateLimitCost === 0)).toBe(true);
  });
});
