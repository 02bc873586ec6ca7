import { describe, expect, it } from "vitest";
import { failure, TestClock, useEmulator } from "../src/testing/emulator-handle.js";

const clock = new TestClock();
const api = useEmulator(() => ({ now: clock.now }));
const REPO = "octocat/portfolio";
const params = { owner: "octocat", repo: "portfolio" };

function createStatus(sha: string, state: "error" | "failure" | "pending" | "success", context: string) {
  return api
    .octokit()
    .request("POST /repos/{owner}/{repo}/statuses/{sha}", { ...params, sha, state, context });
}

describe("commit statuses", () => {
  it("answers a commit without statuses as pending, with none listed", async () => {
    api.emulator.createRepo(REPO);
    const combined = await api
      .octokit()
      .request("GET /repos/{owner}/{repo}/commits/{ref}/status", { ...params, ref: "main" });
    const sha = combined.data.sha;
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    expect(combined.data).toMatchObject({
      state: "pending",
      total_count: 0,
      statuses: [],
      repository: { full_name: REPO },
      commit_url: `${api.emulator.url}/repos/${REPO}/commits/${sha}`,
      url: `${api.emulator.url}/repos/${REPO}/commits/${sha}/status`,
    });
    const listed = await api
      .octokit()
      .request("GET /repos/{owner}/{repo}/commits/{ref}/statuses", { ...params, ref: "main" });
    expect(listed.data).toEqual([]);
  });

  it("creates statuses and combines each context's latest: failure over pending over success", async () => {
    api.emulator.createRepo(REPO);
    const octokit = api.octokit();
    const sha = (await octokit.request("GET /repos/{owner}/{repo}/commits/{ref}", { ...params, ref: "main" }))
      .data.sha;
    const created = await createStatus(sha, "pending", "ci");
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ state: "pending", context: "ci", creator: { login: "octocat" } });
    const combined = async () =>
      (await octokit.request("GET /repos/{owner}/{repo}/commits/{ref}/status", { ...params, ref: "main" }))
        .data;
    expect((await combined()).state).toBe("pending");
    clock.advance(1);
    await createStatus(sha, "success", "ci");
    expect(await combined()).toMatchObject({ state: "success", total_count: 1 });
    clock.advance(1);
    await createStatus(sha, "error", "lint");
    const mixed = await combined();
    expect(mixed.state).toBe("failure");
    expect(mixed.statuses.map((status) => [status.context, status.state])).toEqual([
      ["lint", "error"],
      ["ci", "success"],
    ]);
    const all = await octokit.request("GET /repos/{owner}/{repo}/commits/{ref}/statuses", {
      ...params,
      ref: sha,
    });
    expect(all.data.map((status) => status.state)).toEqual(["error", "success", "pending"]);
  });

  it("refuses a status for a commit that does not exist, or in a state GitHub does not know", async () => {
    api.emulator.createRepo(REPO);
    const missing = await failure(createStatus("0".repeat(40), "success", "ci"));
    expect(missing).toMatchObject({
      status: 422,
      body: { message: `No commit found for SHA: ${"0".repeat(40)}` },
    });
    const sha = (
      await api.octokit().request("GET /repos/{owner}/{repo}/commits/{ref}", { ...params, ref: "main" })
    ).data.sha;
    const response = await api.fetch(`/repos/${REPO}/statuses/${sha}`, {
      method: "POST",
      json: { state: "done" },
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      message: "Validation Failed",
      errors: [{ resource: "Status", field: "state", code: "custom" }],
    });
  });
});
