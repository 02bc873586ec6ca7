import { describe, expect, it } from "vitest";
import type { Emulator, FaultKind } from "../src/index.js";
import { useEmulator } from "../src/testing/emulator-handle.js";

const api = useEmulator();
const REPO = "octocat/portfolio";

const createIssue = (title: string) =>
  api.fetch(`/repos/${REPO}/issues`, { method: "POST", json: { title } });
const issueCount = async () =>
  ((await (await api.fetch(`/repos/${REPO}/issues?state=all`)).json()) as unknown[]).length;

describe("injected faults", () => {
  it("server-error: answers 5xx with GitHub's JSON once, and does not perform the write", async () => {
    api.emulator.createRepo(REPO);
    api.emulator.faults.next("server-error");
    const failed = await createIssue("a");
    expect([500, 502]).toContain(failed.status);
    expect(await failed.json()).toMatchObject({
      message: expect.any(String),
      documentation_url: expect.any(String),
    });
    expect(await issueCount()).toBe(0);
    expect((await createIssue("a")).status).toBe(201);
  });

  it("secondary-rate-limit: answers 403 with retry-after and the secondary-limit message", async () => {
    api.emulator.createRepo(REPO);
    api.emulator.faults.retryAfterSeconds = 3;
    api.emulator.faults.next("secondary-rate-limit", { method: "POST" });
    expect((await api.fetch(`/repos/${REPO}`)).status).toBe(200);
    const refused = await createIssue("a");
    expect(refused.status).toBe(403);
    expect(refused.headers.get("retry-after")).toBe("3");
    expect(((await refused.json()) as { message: string }).message).toMatch(/secondary rate limit/);
    expect(await issueCount()).toBe(0);
  });

  it("drop-after-write: performs the write, then drops the connection without an answer", async () => {
    api.emulator.createRepo(REPO);
    api.emulator.faults.next("drop-after-write", { operationId: "issues/create" });
    await expect(createIssue("lost answer")).rejects.toThrow();
    expect(await issueCount()).toBe(1);
    expect(api.emulator.log.find((record) => record.operationId === "issues/create")).toMatchObject({
      status: 201,
      dropped: true,
      fault: "drop-after-write",
    });
  });

  it("stale-sha: a contents write answers 409 and a ref update 422 'Reference update failed'", async () => {
    api.emulator.createRepo(REPO);
    const octokit = api.octokit();
    const params = { owner: "octocat", repo: "portfolio" };
    const readme = (
      await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", { ...params, path: "README.md" })
    ).data as { sha: string };
    api.emulator.faults.next("stale-sha");
    const put = await api.fetch(`/repos/${REPO}/contents/README.md`, {
      method: "PUT",
      json: { message: "m", content: Buffer.from("x").toString("base64"), sha: readme.sha },
    });
    expect(put.status).toBe(409);
    expect(await put.json()).toMatchObject({ message: `README.md does not match ${readme.sha}` });
    const head = (
      await octokit.request("GET /repos/{owner}/{repo}/git/ref/{ref}", { ...params, ref: "heads/main" })
    ).data.object.sha;
    api.emulator.faults.next("stale-sha");
    const patch = await api.fetch(`/repos/${REPO}/git/refs/heads/main`, {
      method: "PATCH",
      json: { sha: head },
    });
    expect(patch.status).toBe(422);
    expect(await patch.json()).toMatchObject({ message: "Reference update failed" });
  });

  it("crashAfterWrites: answers that many writes, then destroys every later connection, reads included", async () => {
    api.emulator.createRepo(REPO);
    api.emulator.faults.crashAfterWrites(2);
    expect((await createIssue("a")).status).toBe(201);
    expect((await api.fetch(`/repos/${REPO}`)).status).toBe(200);
    expect((await createIssue("b")).status).toBe(201);
    await expect(createIssue("c")).rejects.toThrow();
    await expect(api.fetch(`/repos/${REPO}`)).rejects.toThrow();
    api.emulator.faults.clear();
    expect(await issueCount()).toBe(2);
  });

  it("random: fails about `rate` of the requests, the same ones for the same seed", async () => {
    const statuses = async (emulator: Emulator, seed: number) => {
      emulator.createRepo(REPO);
      emulator.faults.random({ seed, rate: 0.3, kinds: ["server-error", "secondary-rate-limit"] });
      const out: number[] = [];
      for (let index = 0; index < 60; index++) {
        const response = await fetch(`${emulator.url}/repos/${REPO}`, {
          headers: { authorization: `token ${emulator.token}` },
        });
        out.push(response.status);
      }
      return out;
    };
    const first = await statuses(api.emulator, 7);
    const again = await statuses(await api.restart({}), 7);
    const other = await statuses(await api.restart({}), 8);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    const failed = first.filter((status) => status !== 200).length;
    expect(failed).toBeGreaterThan(5);
    expect(failed).toBeLessThan(35);
    expect(first.every((status) => [200, 403, 500, 502].includes(status))).toBe(true);
    expect(first).toContain(403);
    expect(first.some((status) => status >= 500)).toBe(true);
  });

  it.each<[FaultKind, number]>([
    ["drop-after-write", 200],
    ["stale-sha", 200],
  ])("random: never applies %s where it cannot happen (reads)", async (kind, expected) => {
    api.emulator.createRepo(REPO);
    api.emulator.faults.random({ seed: 1, rate: 1, kinds: [kind] });
    expect((await api.fetch(`/repos/${REPO}`)).status).toBe(expected);
  });

  it("clear: stops every fault", async () => {
    api.emulator.createRepo(REPO);
    api.emulator.faults.random({ seed: 1, rate: 1, kinds: ["server-error"] });
    api.emulator.faults.next("secondary-rate-limit");
    api.emulator.faults.clear();
    expect((await api.fetch(`/repos/${REPO}`)).status).toBe(200);
  });
});
