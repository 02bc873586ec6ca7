import { describe, expect, it } from "vitest";
import { useEmulator } from "../src/testing/emulator-handle.js";

/**
 * api.github.com's answers lead back to api.github.com: every URL in a body or in a `Link` or
 * `Location` header is on the base the client used. GitHub Enterprise Server's lead back under
 * `https://HOST/api/v3`, with web pages (`html_url`) at `https://HOST/OWNER/REPO`. Behind a TLS
 * front, the emulator takes the client's scheme and host from `X-Forwarded-Proto` and
 * `X-Forwarded-Host` (first values), as a reverse-proxied server does.
 */

const api = useEmulator();
const REPO = "octocat/portfolio";
const FRONT = { "x-forwarded-proto": "https", "x-forwarded-host": "ghes.example:8443" };

function seed(issues: number): void {
  api.emulator.createRepo(REPO);
  for (let index = 1; index <= issues; index += 1) api.emulator.addIssue(REPO, { title: `Issue ${index}` });
}

/** Every `Link` target, by relation. */
/** The test repository's id, which GitHub's Link headers name it by. */
const repoId = () => api.emulator.snapshot().repos.find((repo) => `${repo.owner}/${repo.name}` === REPO)?.id;

function links(response: Response): Record<string, string> {
  const entries = [...(response.headers.get("link") ?? "").matchAll(/<([^>]+)>; rel="(\w+)"/g)];
  return Object.fromEntries(entries.map(([, url, rel]) => [rel, url]));
}

describe("URLs on the base the client used", () => {
  it("behind a TLS front: https and the forwarded host in Link, bodies and html_url", async () => {
    seed(3);
    const response = await api.fetch(`/repos/${REPO}/issues?per_page=2`, { headers: FRONT });
    expect(response.status).toBe(200);
    expect(links(response)).toEqual({
      next: `https://ghes.example:8443/repositories/${repoId()}/issues?per_page=2&page=2`,
      last: `https://ghes.example:8443/repositories/${repoId()}/issues?per_page=2&page=2`,
    });
    const [issue] = (await response.json()) as Record<string, unknown>[];
    expect(issue).toMatchObject({
      url: `https://ghes.example:8443/repos/${REPO}/issues/3`,
      repository_url: `https://ghes.example:8443/repos/${REPO}`,
      html_url: `https://ghes.example:8443/${REPO}/issues/3`,
      user: { url: "https://ghes.example:8443/users/octocat", html_url: "https://ghes.example:8443/octocat" },
    });
  });

  it("under /api/v3, API URLs keep the prefix and web URLs are on the web root, as GitHub Enterprise Server's", async () => {
    seed(3);
    const response = await api.fetch(`/api/v3/repos/${REPO}/issues?per_page=2&page=2`, { headers: FRONT });
    expect(links(response)).toEqual({
      prev: `https://ghes.example:8443/api/v3/repositories/${repoId()}/issues?per_page=2&page=1`,
      first: `https://ghes.example:8443/api/v3/repositories/${repoId()}/issues?per_page=2&page=1`,
    });
    const [issue] = (await response.json()) as Record<string, unknown>[];
    expect(issue).toMatchObject({
      url: `https://ghes.example:8443/api/v3/repos/${REPO}/issues/1`,
      html_url: `https://ghes.example:8443/${REPO}/issues/1`,
    });

    const created = await api.fetch(`/api/v3/repos/${REPO}/labels`, {
      method: "POST",
      headers: FRONT,
      json: { name: "week", color: "ededed" },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe(
      `https://ghes.example:8443/api/v3/repos/${REPO}/labels/week`,
    );
  });

  // As GitHub Enterprise Server: the web root is the API's origin without /api/v3 (syllabot's own
  // derivation is checked against this in its test/e2e/web-url.test.ts).
  it("puts html_url on the web root, with and without /api/v3", async () => {
    seed(1);
    for (const prefix of ["", "/api/v3"]) {
      const issue = (await (await api.fetch(`${prefix}/repos/${REPO}/issues/1`)).json()) as {
        html_url: string;
      };
      expect(issue.html_url).toBe(`${api.emulator.url}/${REPO}/issues/1`);
    }
  });

  it("takes the first of listed forwarded values, drops the scheme's default port, and ignores a malformed host", async () => {
    seed(1);
    const listed = await api.fetch(`/repos/${REPO}`, {
      headers: { "x-forwarded-proto": "https, http", "x-forwarded-host": "front.example:443, inner:80" },
    });
    expect(await listed.json()).toMatchObject({ url: `https://front.example/repos/${REPO}` });
    const malformed = await api.fetch(`/repos/${REPO}`, {
      headers: { "x-forwarded-proto": "gopher", "x-forwarded-host": "evil.example/path" },
    });
    expect(await malformed.json()).toMatchObject({ url: `${api.emulator.url}/repos/${REPO}` });
  });

  it("without forwarded headers, on the emulator's own URL", async () => {
    seed(1);
    const response = await api.fetch(`/repos/${REPO}/issues/1`);
    expect(await response.json()).toMatchObject({
      url: `${api.emulator.url}/repos/${REPO}/issues/1`,
      html_url: `${api.emulator.url}/${REPO}/issues/1`,
    });
  });
});

describe("a told web root", () => {
  it("is kept for html_url whatever the request's base", async () => {
    const emulator = await api.restart({ webUrl: "https://github.com" });
    emulator.createRepo(REPO);
    emulator.addIssue(REPO, { title: "One" });
    const response = await api.fetch(`/api/v3/repos/${REPO}/issues/1`, { headers: FRONT });
    expect(await response.json()).toMatchObject({
      url: `https://ghes.example:8443/api/v3/repos/${REPO}/issues/1`,
      html_url: `https://github.com/${REPO}/issues/1`,
    });
  });
});
