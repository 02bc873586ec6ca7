import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoPath } from "../helpers/setup.js";

/**
 * What `npm pack` publishes, installed in an empty folder as a user installs it: the commands run
 * from the tarball alone, with nothing of this checkout beside them (the emulator is bundled).
 * In `npm run test:slow`: packing builds, installing resolves the dependencies (from npm's cache
 * when it has them).
 */
const folder = mkdtempSync(join(tmpdir(), "syllabot-tarball-"));
const project = join(folder, "user");
let tarball = "";

const run = (command: string, args: string[], cwd = project) =>
  execFileSync(command, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", npm_config_audit: "false", npm_config_fund: "false" },
    stdio: ["ignore", "pipe", "pipe"],
  });
const syllabot = (...args: string[]) => run(join(project, "node_modules/.bin/syllabot"), args);

beforeAll(() => {
  const packed = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", folder], repoPath("."))) as {
    filename: string;
  }[];
  tarball = join(folder, packed[0]?.filename ?? "");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), `${JSON.stringify({ name: "user", private: true })}\n`);
  run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball]);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("the npm tarball, installed in an empty folder", () => {
  it("holds the commands, the built-in curricula, the templates, the schema and the guide, and no tests or sources", () => {
    const listed = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n");
    for (const file of [
      "package/bin/syllabot.js",
      "package/lib/cli.js",
      "package/curriculum/rust-systems-1y.yaml",
      "package/templates/week-issue.md.liquid",
      "package/config.schema.json",
      "package/docs/curriculum-guide.md",
      "package/node_modules/@syllabot/github-emulator/lib/index.js",
    ])
      expect(listed).toContain(file);
    expect(listed.filter((file) => /^package\/(src|test|packages|bench|dist)\//.test(file))).toEqual([]);
    const own = listed.filter((file) => !file.startsWith("package/node_modules/"));
    expect(own.filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))).toEqual([]);
  });

  it("runs the demo", () => {
    const out = syllabot("demo", "--until", "2026-03-20", "--out", join(project, "demo"));
    expect(out).toContain("Wrote 11 files");
    expect(readFileSync(join(project, "demo/README.md"), "utf8")).toContain("<!-- syllabot:start -->");
  });

  it("imports a plan document into a curriculum that validates", () => {
    copyFileSync(repoPath("test/import/fixtures/rust-learning-program.txt"), join(project, "plan.txt"));
    syllabot("import", "plan.txt", "--out", "course.yaml");
    expect(syllabot("validate", "course.yaml")).toMatch(/^ok course\.yaml/);
  });

  it("sets up a portfolio with init, whose config validates", () => {
    mkdirSync(join(project, "portfolio"));
    const out = syllabot(
      "init",
      "--yes",
      "--dir",
      join(project, "portfolio"),
      "--learner",
      "octocat",
      "--timezone",
      "UTC",
      "--today",
      "2026-12-03",
    );
    expect(out).toContain("syllabot plan: The Rust Learning Program");
    const config = parse(readFileSync(join(project, "portfolio/.github/syllabot.yml"), "utf8"));
    expect(config).toMatchObject({ learner: "octocat", start: "2026-12-07" });
    expect(existsSync(join(project, "portfolio/.github/syllabot.schema.json"))).toBe(true);
  });

  it("serves the emulator", async () => {
    const child = spawn(join(project, "node_modules/.bin/syllabot"), ["emulator"], {
      cwd: project,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const [line] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
    const { url, token } = JSON.parse(line) as { url: string; token: string };
    const answer = await fetch(`${url}/rate_limit`, { headers: { authorization: `token ${token}` } });
    expect(answer.status).toBe(200);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(readdirSync(project)).not.toContain("lib");
  });
});
