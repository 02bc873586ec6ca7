import { describe, expect, it } from "vitest";
import { requiredPermission } from "../src/permissions.js";
import { allRoutes } from "../src/routes/index.js";
import { appJwt, useEmulator } from "../src/testing/emulator-handle.js";

describe("installation token permissions", () => {
  const handle = useEmulator();

  async function tokenWith(permissions: Record<string, string>): Promise<string> {
    const response = await handle.fetch("/app/installations/1/access_tokens", {
      method: "POST",
      auth: appJwt(),
      json: { permissions },
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { token: string }).token;
  }

  it("lets a token read what it may read, and refuses writes as GitHub does", async () => {
    handle.emulator.createRepo("octocat/portfolio");
    const token = await tokenWith({ issues: "read", metadata: "read" });
    const read = await handle.fetch("/repos/octocat/portfolio/issues", { auth: token });
    expect(read.status).toBe(200);
    const write = await handle.fetch("/repos/octocat/portfolio/issues", {
      method: "POST",
      auth: token,
      json: { title: "x" },
    });
    expect(write.status).toBe(403);
    expect(await write.json()).toMatchObject({
      message: "Resource not accessible by integration",
      status: "403",
    });
    const contents = await handle.fetch("/repos/octocat/portfolio/contents/README.md", { auth: token });
    expect(contents.status).toBe(403);
    const issues = await handle.fetch("/repos/octocat/portfolio/issues?state=all", { auth: token });
    expect(await issues.json()).toEqual([]);
  });

  it("grants a token minted without a narrowing every permission of the installation", async () => {
    handle.emulator.createRepo("octocat/portfolio");
    const response = await handle.fetch("/app/installations/1/access_tokens", {
      method: "POST",
      auth: appJwt(),
    });
    const { token } = (await response.json()) as { token: string };
    const write = await handle.fetch("/repos/octocat/portfolio/issues", {
      method: "POST",
      auth: token,
      json: { title: "x" },
    });
    expect(write.status).toBe(201);
  });

  it("knows the permission of every route a token may call", () => {
    const routes = allRoutes(() => ({ token: "", expiresAt: 0 }));
    const unknown = routes
      .filter((route) => route.auth !== "app-jwt")
      .filter(
        (route) =>
          ![
            "users/get-authenticated",
            "repos/create-for-authenticated-user",
            "repos/create-in-org",
            "apps/list-repos-accessible-to-installation",
          ].includes(route.operationId),
      )
      .filter((route) => requiredPermission(route.operationId) === undefined)
      .map((route) => route.operationId);
    expect(unknown).toEqual([]);
  });
});
