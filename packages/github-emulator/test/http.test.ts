import { describe, expect, it } from "vitest";
import { DOCS, TestClock, useEmulator } from "../src/testing/emulator-handle.js";

const api = useEmulator(() => ({ login: "octocat" }));

describe("credentials", () => {
  it.each([
    ["no Authorization header", null, "Requires authentication"],
    ["a wrong token", "ghs_wrong", "Bad credentials"],
  ])("answers %s with GitHub's 401", async (_name, token, message) => {
    const response = await api.fetch("/user", { auth: token });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message, documentation_url: DOCS, status: "401" });
  });

  it("accepts the token as `token X` and as `Bearer X`", async () => {
    const bearer = await fetch(`${api.emulator.url}/user`, {
      headers: { authorization: `Bearer ${api.emulator.token}` },
    });
    const token = await api.fetch("/user");
    expect([bearer.status, token.status]).toEqual([200, 200]);
    expect(await token.json()).toMatchObject({ login: "octocat", type: "User" });
  });

  it("serves on loopback with a ghs_ token by default", () => {
    expect(api.emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(api.emulator.token).toMatch(/^ghs_[A-Za-z0-9]{36}$/);
  });
});

describe("errors shaped as GitHub shapes them", () => {
  it("answers an unknown path with 404 Not Found", async () => {
    const response = await api.fetch("/repos/octocat/x/not-an-endpoint");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: "Not Found", documentation_url: DOCS, status: "404" });
  });

  it("answers a missing repository with 404, case-insensitively finding existing ones", async () => {
    api.emulator.createRepo("octocat/Portfolio");
    expect((await api.fetch("/repos/octocat/nope")).status).toBe(404);
    const found = await api.fetch("/repos/OctoCat/portfolio");
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ full_name: "octocat/Portfolio", default_branch: "main" });
  });

  it("answers malformed JSON with 400 Problems parsing JSON", async () => {
    api.emulator.createRepo("octocat/portfolio");
    const response = await api.fetch("/repos/octocat/portfolio/issues", { method: "POST", body: "{title:" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ message: "Problems parsing JSON" });
  });

  it("answers a field of the wrong type with 422 Invalid request", async () => {
    api.emulator.createRepo("octocat/portfolio");
    const response = await api.fetch("/repos/octocat/portfolio/labels", {
      method: "POST",
      json: { name: 5 },
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ message: expect.stringMatching(/^Invalid request\./) });
  });
});

describe("headers on every response", () => {
  it("sends JSON, a request id and the core rate-limit headers, counting down", async () => {
    const first = await api.fetch("/user");
    const second = await api.fetch("/user");
    for (const response of [first, second]) {
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(response.headers.get("x-github-request-id")).toMatch(/\S/);
      expect(response.headers.get("x-ratelimit-limit")).toBe("5000");
      expect(response.headers.get("x-ratelimit-resource")).toBe("core");
      expect(Number(response.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000 + 3500);
    }
    expect(first.headers.get("x-ratelimit-remaining")).toBe("4999");
    expect(second.headers.get("x-ratelimit-remaining")).toBe("4998");
    expect(second.headers.get("x-ratelimit-used")).toBe("2");
    expect(first.headers.get("x-github-request-id")).not.toBe(second.headers.get("x-github-request-id"));
  });

  it("refuses requests once the core limit is spent, with remaining 0, until the reset", async () => {
    const clock = new TestClock();
    await api.restart({ limits: { corePerHour: 2 }, now: clock.now });
    await api.fetch("/user");
    await api.fetch("/user");
    const refused = await api.fetch("/user");
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      message: expect.stringMatching(/^API rate limit exceeded/),
    });
    expect(refused.headers.get("x-ratelimit-remaining")).toBe("0");
    const reset = Number(refused.headers.get("x-ratelimit-reset"));
    expect(reset).toBe(Date.parse("2026-03-02T11:00:00Z") / 1000);
    clock.advance(3600);
    expect((await api.fetch("/user")).status).toBe(200);
  });
});

describe("GitHub Enterprise Server's path", () => {
  const ghes = useEmulator();

  it("answers under /api/v3 as at the root", async () => {
    ghes.emulator.createRepo("octocat/portfolio");
    const response = await ghes.fetch("/api/v3/repos/octocat/portfolio/labels");
    expect(response.status).toBe(200);
    // A new repository has GitHub's nine default labels.
    expect(await response.json()).toHaveLength(9);
  });
});
