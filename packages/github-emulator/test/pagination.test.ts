import { describe, expect, it } from "vitest";
import { useEmulator } from "../src/testing/emulator-handle.js";

const api = useEmulator();
const REPO = "octocat/portfolio";

function addIssues(count: number) {
  api.emulator.createRepo(REPO);
  for (let index = 1; index <= count; index++) api.emulator.addIssue(REPO, { title: `Issue ${index}` });
}

function links(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(",")) {
    const match = /<([^>]+)>;\s*rel="([^"]+)"/.exec(part);
    if (match?.[1] && match[2]) out[match[2]] = match[1];
  }
  return out;
}

describe("pagination", () => {
  it("pages by 30 by default, with next and last links to follow", async () => {
    addIssues(65);
    const first = await api.fetch(`/repos/${REPO}/issues`);
    expect(await first.json()).toHaveLength(30);
    const rels = links(first.headers.get("link"));
    expect(Object.keys(rels).sort()).toEqual(["last", "next"]);
    expect(new URL(rels.next ?? "").searchParams.get("page")).toBe("2");
    expect(new URL(rels.last ?? "").searchParams.get("page")).toBe("3");

    const last = await fetch(rels.last ?? "", { headers: { authorization: `token ${api.emulator.token}` } });
    expect(await last.json()).toHaveLength(5);
    const back = links(last.headers.get("link"));
    expect(Object.keys(back).sort()).toEqual(["first", "prev"]);
    expect(new URL(back.prev ?? "").searchParams.get("page")).toBe("2");
  });

  it("caps per_page at 100 and keeps the query in the links", async () => {
    addIssues(150);
    const response = await api.fetch(`/repos/${REPO}/issues?per_page=500&state=open`);
    expect(await response.json()).toHaveLength(100);
    const next = new URL(links(response.headers.get("link")).next ?? "");
    expect(Object.fromEntries(next.searchParams)).toEqual({ per_page: "500", state: "open", page: "2" });
  });

  it("sends no Link header when everything fits on one page", async () => {
    addIssues(3);
    const response = await api.fetch(`/repos/${REPO}/issues?per_page=100`);
    expect(await response.json()).toHaveLength(3);
    expect(response.headers.get("link")).toBeNull();
  });

  it("walks every item exactly once across pages, newest first", async () => {
    addIssues(45);
    const numbers: number[] = [];
    for (let page = 1; page <= 3; page++) {
      const response = await api.fetch(`/repos/${REPO}/issues?per_page=20&page=${page}`);
      numbers.push(...((await response.json()) as { number: number }[]).map((issue) => issue.number));
    }
    expect(numbers).toEqual(Array.from({ length: 45 }, (_, index) => 45 - index));
  });
});

describe("conditional requests", () => {
  it("answers a matching If-None-Match with 304, no body, and no rate-limit cost", async () => {
    addIssues(2);
    const first = await api.fetch(`/repos/${REPO}/issues`);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^W\/"[0-9a-f]+"$/);
    expect(first.headers.get("x-ratelimit-remaining")).toBe("4999");

    const again = await api.fetch(`/repos/${REPO}/issues`, { headers: { "if-none-match": etag ?? "" } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("x-ratelimit-remaining")).toBe("4999");
    expect(api.emulator.log.at(-1)).toMatchObject({ status: 304, rateLimitCost: 0 });
    expect(api.emulator.counts().rateLimitCost).toBe(1);
  });

  it("answers 200 with a new ETag once the resource changed", async () => {
    addIssues(2);
    const first = await api.fetch(`/repos/${REPO}/issues`);
    const etag = first.headers.get("etag") ?? "";
    await api.fetch(`/repos/${REPO}/issues/1`, { method: "PATCH", json: { title: "Renamed" } });
    const after = await api.fetch(`/repos/${REPO}/issues`, { headers: { "if-none-match": etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    expect(after.headers.get("x-ratelimit-remaining")).toBe("4997");
  });

  it("tags the answers to a create and an update with an ETag too, as api.github.com does", async () => {
    addIssues(1);
    const created = await api.fetch(`/repos/${REPO}/issues`, { method: "POST", json: { title: "New" } });
    expect(created.status).toBe(201);
    expect(created.headers.get("etag")).toMatch(/^W\/"[0-9a-f]+"$/);
    const updated = await api.fetch(`/repos/${REPO}/issues/2`, {
      method: "PATCH",
      json: { title: "Renamed" },
    });
    expect(updated.headers.get("etag")).toMatch(/^W\/"[0-9a-f]+"$/);
    const deleted = await api.fetch(`/repos/${REPO}/labels/none`, { method: "DELETE" });
    expect(deleted.headers.get("etag")).toBeNull();
  });

  it("works through Octokit, which surfaces the 304 as a RequestError", async () => {
    addIssues(1);
    const octokit = api.octokit();
    const first = await octokit.request("GET /repos/{owner}/{repo}/issues", {
      owner: "octocat",
      repo: "portfolio",
    });
    await expect(
      octokit.request("GET /repos/{owner}/{repo}/issues", {
        owner: "octocat",
        repo: "portfolio",
        headers: { "if-none-match": first.headers.etag },
      }),
    ).rejects.toMatchObject({ status: 304 });
  });
});
