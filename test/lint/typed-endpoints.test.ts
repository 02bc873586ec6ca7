import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const ROOT = new URL("../../", import.meta.url).pathname;
const BIOME = join(ROOT, "node_modules", ".bin", "biome");

let folder: string | undefined;
afterEach(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

/** The lines of each file where the project's Biome plugins report something, linting `files` in a scratch project. */
function pluginDiagnostics(files: Record<string, string>): string[] {
  const config = JSON.parse(readFileSync(join(ROOT, "biome.json"), "utf8")) as {
    overrides: { includes: string[]; plugins?: string[] }[];
  };
  const overrides = config.overrides.map((override) => ({
    ...override,
    ...(override.plugins ? { plugins: override.plugins.map((plugin) => resolve(ROOT, plugin)) } : {}),
  }));
  folder = mkdtempSync(join(tmpdir(), "syllabot-lint-"));
  writeFileSync(join(folder, "biome.json"), JSON.stringify({ root: true, overrides }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  const run = spawnSync(BIOME, ["lint", "--max-diagnostics=none", "--colors=off", "."], {
    cwd: folder,
    encoding: "utf8",
  });
  return [...`${run.stdout}${run.stderr}`.matchAll(/^(\S+:\d+):\d+ plugin /gm)].map(
    (match) => match[1] ?? "",
  );
}

const CALLS = `declare const client: any;
export async function calls() {
  await client.request("POST /repos/{owner}/{repo}/issues", { title: "x" });
  await client.paginate(
    'GET /repos/{owner}/{repo}/labels',
    { per_page: 100 },
  );
  for await (const page of client.paginate.iterator(\`GET /search/issues\`, { q: "x" })) void page;
  await client.rest.issues.create({ owner: "o", repo: "r", title: "x" });
  await client.paginate(client.rest.issues.listForRepo, { owner: "o", repo: "r" });
  // REST's \`GET /user\` refuses installation tokens.
}
`;

describe("the typed-endpoints lint rule", () => {
  it("reports each request named by a route string in src/github, and no typed endpoint method", () => {
    expect(pluginDiagnostics({ "src/github/gateway/calls.ts": CALLS }).sort()).toEqual([
      "src/github/gateway/calls.ts:3",
      "src/github/gateway/calls.ts:5",
      "src/github/gateway/calls.ts:8",
    ]);
  });

  it("leaves code outside src/github alone", () => {
    expect(pluginDiagnostics({ "src/app.ts": CALLS })).toEqual([]);
  });
});
