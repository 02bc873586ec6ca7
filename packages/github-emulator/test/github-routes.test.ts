import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { githubOperation, renderGithubRoutesModule } from "../src/github-routes.js";
import { DOCS, useEmulator } from "../src/testing/emulator-handle.js";

/**
 * GitHub answers 404 for a missing object and for a path it does not have. A route GitHub has but
 * the emulator does not implement is neither: the emulator answers 501 and names it, so that a
 * client's log says what is missing instead of "Not Found".
 */

const api = useEmulator();
const REPO = "octocat/portfolio";

describe("a route GitHub has and the emulator does not implement", () => {
  it("answers 501 naming the route, with GitHub's documentation of it, and logs GitHub's operationId", async () => {
    api.emulator.createRepo(REPO);
    const response = await api.fetch(`/repos/${REPO}/deployments`);
    expect(response.status).toBe(501);
    expect(await response.json()).toEqual({
      message: "Not implemented by the GitHub emulator: GET /repos/{owner}/{repo}/deployments",
      documentation_url: "https://docs.github.com/rest/deployments/deployments#list-deployments",
      status: "501",
    });
    expect(api.emulator.log.at(-1)).toMatchObject({ route: null, operationId: "repos/list-deployments" });
  });

  it("matches refs that hold slashes, and routes under /api/v3", async () => {
    api.emulator.createRepo(REPO);
    const compare = await api.fetch(`/api/v3/repos/${REPO}/compare/main...feature`);
    expect(compare.status).toBe(501);
    expect(((await compare.json()) as { message: string }).message).toBe(
      "Not implemented by the GitHub emulator: GET /repos/{owner}/{repo}/compare/{basehead}",
    );
    expect((await api.fetch(`/repos/${REPO}/tarball/feature/x`)).status).toBe(501);
  });

  it("still answers a missing object, a path GitHub does not have, and a method GitHub lacks there with 404", async () => {
    const notFound = { message: "Not Found", documentation_url: DOCS, status: "404" };
    for (const [method, path] of [
      ["GET", `/repos/${REPO}`],
      ["GET", `/repos/${REPO}/not-an-endpoint`],
      ["PUT", `/repos/${REPO}/issues`],
    ] as const) {
      const response = await api.fetch(path, { method });
      expect([method, path, response.status]).toEqual([method, path, 404]);
      expect(await response.json()).toEqual(notFound);
    }
  });
});

describe("the generated list of GitHub's routes", () => {
  it("is the one @octokit/openapi's description gives (npm run github-routes)", () => {
    const require = createRequire(import.meta.url);
    const version = (require("@octokit/openapi/package.json") as { version: string }).version;
    const spec = require.resolve("@octokit/openapi/generated/api.github.com.json");
    const generated = new URL("../src/github-routes.generated.ts", import.meta.url);
    expect(readFileSync(generated, "utf8")).toBe(
      renderGithubRoutesModule(
        JSON.parse(readFileSync(spec, "utf8")),
        `@octokit/openapi ${version} (api.github.com.json)`,
      ),
    );
  });

  it("names the most specific template when several match", () => {
    expect(githubOperation("get", "/repos/o/r/issues/comments")?.operationId).toBe(
      "issues/list-comments-for-repo",
    );
    expect(githubOperation("GET", "/repos/o/r/issues/12")?.operationId).toBe("issues/get");
    expect(githubOperation("GET", "/nowhere")).toBeUndefined();
  });
});
