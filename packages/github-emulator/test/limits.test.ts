import { describe, expect, it } from "vitest";
import { TestClock, useEmulator } from "../src/testing/emulator-handle.js";

const clock = new TestClock();
const api = useEmulator(() => ({ now: clock.now }));
const SECONDARY = {
  message:
    "You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later.",
  documentation_url:
    "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
  status: "403",
};

const comment = (index: number) =>
  api.fetch("/repos/octocat/portfolio/issues/1/comments", {
    method: "POST",
    json: { body: `comment ${index}` },
  });

function scene() {
  api.emulator.createRepo("octocat/portfolio");
  api.emulator.addIssue("octocat/portfolio", { title: "a" });
}

describe("secondary limit on content creation", () => {
  it("allows 80 content-creating requests a minute, then answers 403 with retry-after 60", async () => {
    scene();
    for (let index = 0; index < 80; index++) expect((await comment(index)).status).toBe(201);
    const refused = await comment(80);
    expect(refused.status).toBe(403);
    expect(refused.headers.get("retry-after")).toBe("60");
    expect(refused.headers.get("x-ratelimit-remaining")).not.toBe("0");
    expect(await refused.json()).toEqual(SECONDARY);
    expect((await api.fetch("/repos/octocat/portfolio/issues/1/comments")).status).toBe(200);
    clock.advance(60);
    expect((await comment(81)).status).toBe(201);
  });

  it("allows 500 an hour, then asks to wait until the oldest leaves the hour", async () => {
    scene();
    for (let index = 0; index < 500; index++) {
      if (index > 0 && index % 50 === 0) clock.advance(60);
      expect((await comment(index)).status).toBe(201);
    }
    clock.advance(60);
    const refused = await comment(500);
    expect(refused.status).toBe(403);
    // The first 50 were made 10 minutes ago: they leave the window in 50 minutes.
    expect(refused.headers.get("retry-after")).toBe(String(50 * 60));
    clock.advance(50 * 60);
    expect((await comment(501)).status).toBe(201);
  });

  it("counts every kind of content creation together, and reads not at all", async () => {
    await api.restart({ now: clock.now, limits: { contentPerMinute: 3 } });
    scene();
    const octokit = api.octokit();
    const params = { owner: "octocat", repo: "portfolio" };
    await octokit.request("POST /repos/{owner}/{repo}/labels", { ...params, name: "x" });
    await octokit.request("POST /repos/{owner}/{repo}/milestones", { ...params, title: "m" });
    for (let index = 0; index < 5; index++) await octokit.request("GET /repos/{owner}/{repo}/labels", params);
    await octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      ...params,
      issue_number: 1,
      title: "b",
    });
    const refused = await api.fetch("/repos/octocat/portfolio/issues", {
      method: "POST",
      json: { title: "c" },
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("retry-after")).toBe("60");
  });

  it("can be lowered, or turned off", async () => {
    await api.restart({ now: clock.now, limits: { enabled: false } });
    scene();
    for (let index = 0; index < 120; index++) expect((await comment(index)).status).toBe(201);
  });

  it("does not count refused requests, so a client that waits as told gets through", async () => {
    await api.restart({ now: clock.now, limits: { contentPerMinute: 1 } });
    scene();
    expect((await comment(0)).status).toBe(201);
    for (let index = 0; index < 3; index++) expect((await comment(1)).status).toBe(403);
    clock.advance(60);
    expect((await comment(2)).status).toBe(201);
  });
});
