import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { loadSetup } from "../../src/setup/local.js";
import { runCli } from "../helpers/run-cli.js";
import { repoPath } from "../helpers/setup.js";

const base = mkdtempSync(join(tmpdir(), "syllabot-init-"));
let count = 0;

beforeAll(() => {
  // The defaults come from git: this machine's own git config must not leak into them.
  const empty = join(base, "gitconfig");
  writeFileSync(empty, "");
  vi.stubEnv("GIT_CONFIG_GLOBAL", empty);
  vi.stubEnv("GIT_CONFIG_NOSYSTEM", "1");
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(base, { recursive: true, force: true });
});

/** A fresh clone-like folder: `git init` with the given remote and config. */
function clone(
  options: { remote?: string; email?: string; githubUser?: string; git?: boolean } = {},
): string {
  const dir = join(base, `portfolio-${++count}`);
  mkdirSync(dir);
  if (options.git === false) return dir;
  const git = (...args: string[]) => execFileSync("git", ["-C", dir, ...args], { stdio: "ignore" });
  git("init", "-q", "-b", "trunk");
  if (options.remote) git("remote", "add", "origin", options.remote);
  if (options.email) git("config", "user.email", options.email);
  if (options.githubUser) git("config", "github.user", options.githubUser);
  return dir;
}

const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");
const config = (dir: string) => parse(read(dir, ".github/syllabot.yml")) as Record<string, unknown>;

const init = (dir: string, ...flags: string[]) =>
  runCli(["init", "--dir", dir, "--yes", "--today", "2026-12-03", "--timezone", "Europe/Berlin", ...flags]);

describe("syllabot init, driven by flags", () => {
  it("scaffolds a portfolio whose config validates, and shows the plan of the first run and the next steps", async () => {
    const dir = clone({ remote: "https://github.com/alice/portfolio.git", email: "alice@example.com" });
    const run = await init(dir, "--choice", "capstone=ruleforge");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^wrote \.github\/syllabot\.yml\nwrote \.github\/syllabot\.schema\.json\nwrote \.github\/workflows\/syllabot\.yml\nwrote README\.md\n/,
    );
    // Defaults: the origin's owner is the learner, git's email counts, week 1 starts the next Monday.
    expect(config(dir)).toMatchObject({
      learner: "alice",
      emails: ["alice@example.com"],
      start: "2026-12-07",
      timezone: "Europe/Berlin",
      curriculum: "rust-systems-1y",
      capstone: "ruleforge",
      dsa: "alice/dsa",
    });
    expect((config(dir).projects as Record<string, string>).csvq).toBe("alice/csvq");
    const setup = loadSetup(join(dir, ".github/syllabot.yml"));
    expect(setup.config.learner).toBe("alice");
    // The plan it shows is `syllabot plan` of the result: what the first run creates.
    expect(run.stdout).toContain("syllabot plan: The Rust Learning Program (rust-systems-1y) for @alice");
    expect(run.stdout).toMatch(/\+ issue {5}week-52 /);
    expect(run.stdout).toContain("+ issue     project-ruleforge");
    expect(run.stdout).not.toContain("project-docforge");
    expect(run.stdout).toContain("Next steps:");
    // The editor hook: the config's first line names the schema written beside it.
    expect(read(dir, ".github/syllabot.yml").split("\n")[0]).toBe(
      "# yaml-language-server: $schema=./syllabot.schema.json",
    );
    expect(read(dir, ".github/syllabot.schema.json")).toBe(read(repoPath("."), "config.schema.json"));
    expect(read(dir, "README.md")).toContain("<!-- syllabot:start -->\n");
  });

  it("writes the Action's workflow with the least permissions, on the clone's branch, without a shell step", async () => {
    const dir = clone({ remote: "git@github.com:bob/plan.git" });
    expect((await init(dir)).code).toBe(0);
    const workflow = parse(read(dir, ".github/workflows/syllabot.yml")) as {
      permissions: Record<string, string>;
      on: { push: { branches: string[] } };
      jobs: Record<string, { steps: Record<string, unknown>[] }>;
    };
    expect(workflow.permissions).toEqual({ issues: "write", contents: "write" });
    expect(workflow.on.push.branches).toEqual(["trunk"]);
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    expect(steps.map((step) => step.uses)).toEqual(["actions/checkout@v4", "syllabot/syllabot@v0"]);
    expect(steps.some((step) => "run" in step)).toBe(false);
    expect(config(dir).learner).toBe("bob");
  });

  it("prefers git config github.user to the remote's owner, and flags to both", async () => {
    const dir = clone({ remote: "https://github.com/some-org/portfolio", githubUser: "carol" });
    expect((await init(dir)).code).toBe(0);
    expect(config(dir).learner).toBe("carol");
    const other = clone({ githubUser: "carol" });
    const run = await init(
      other,
      "--learner",
      "dave",
      "--email",
      "d@example.com",
      "--email",
      "d@work.example",
    );
    expect(run.code).toBe(0);
    expect(config(other)).toMatchObject({ learner: "dave", emails: ["d@example.com", "d@work.example"] });
  });

  it("maps projects under another account and names one by hand", async () => {
    const dir = clone({ githubUser: "erin" });
    const run = await init(
      dir,
      "--projects-owner",
      "erin-labs",
      "--project",
      "logr=erin/tools",
      "--dsa",
      "erin/leetcode",
    );
    expect(run.code).toBe(0);
    expect(config(dir)).toMatchObject({ dsa: "erin/leetcode" });
    expect(config(dir).projects).toMatchObject({ csvq: "erin-labs/csvq", logr: "erin/tools" });
  });

  it("leaves the capstone to decide later, saying what it may be", async () => {
    const dir = clone({ githubUser: "fay" });
    expect((await init(dir)).code).toBe(0);
    expect(config(dir).capstone).toBeUndefined();
    expect(read(dir, ".github/syllabot.yml")).toContain(
      "# capstone: docforge  # pick one of docforge | formulaengine | ruleforge",
    );
  });

  it("takes a curriculum file of the folder, and writes only the keys that curriculum has", async () => {
    const dir = clone({ githubUser: "gus" });
    mkdirSync(join(dir, "courses"));
    copyFileSync(repoPath("curriculum/go-web-services-10w.yaml"), join(dir, "courses/go.yaml"));
    const run = await init(dir, "--curriculum", "courses/go.yaml");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const written = config(dir);
    expect(written.curriculum).toBe("courses/go.yaml");
    for (const key of ["capstone", "choices", "dsa", "oss", "reminders"])
      expect(written).not.toHaveProperty(key);
    expect(loadSetup(join(dir, ".github/syllabot.yml")).curriculum.id).toBe("go-web-services-10w");
  });

  it("refuses a bad answer, naming the flag and what is expected, and writes nothing", async () => {
    const cases: [string[], RegExp][] = [
      [
        ["--choice", "capstone=nope"],
        /--choice "nope": expected one of docforge \| formulaengine \| ruleforge/,
      ],
      [
        ["--choice", "elective=cli"],
        /"elective" is not a choice group of rust-systems-1y \(groups: capstone\)/,
      ],
      [["--learner", "not a login"], /--learner "not a login": expected a GitHub login/],
      [["--start", "2026-13-01"], /--start "2026-13-01": "2026-13-01" is not a date/],
      [["--project", "nope=a/b"], /"nope" is not a project of rust-systems-1y/],
      [["--project", "csvq"], /--project "csvq": expected KEY=VALUE/],
      [["--curriculum", "courses/missing.yaml"], /courses\/missing\.yaml.*cannot read: no such file/],
      [["--curriculum", "../outside.yaml"], /--curriculum "\.\.\/outside\.yaml"/],
    ];
    for (const [flags, message] of cases) {
      const dir = clone({ githubUser: "hal" });
      const run = await init(dir, ...flags);
      expect(run.code, flags.join(" ")).not.toBe(0);
      expect(run.stderr).toMatch(message);
      expect(existsSync(join(dir, ".github")), flags.join(" ")).toBe(false);
      expect(existsSync(join(dir, "README.md"))).toBe(false);
    }
  });

  it("asks for the learner when nothing names one and no terminal can answer", async () => {
    const dir = clone({ git: false });
    const run = await init(dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--learner is needed");
    expect(existsSync(join(dir, ".github"))).toBe(false);
  });

  it("never replaces a file without --force, and never replaces a README at all", async () => {
    const dir = clone({ githubUser: "ivy" });
    writeFileSync(join(dir, "README.md"), "# My notes\n\nKept as written.\n");
    const first = await init(dir);
    expect(first.code).toBe(2);
    expect(first.stderr).toContain("README.md (it has no syllabot markers: --force adds them at its end)");
    expect(existsSync(join(dir, ".github"))).toBe(false);

    const forced = await init(dir, "--force");
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("added the progress region to README.md");
    expect(read(dir, "README.md")).toBe(
      "# My notes\n\nKept as written.\n\n## Progress\n\n<!-- syllabot:start -->\nsyllabot writes your progress here on its next run.\n<!-- syllabot:end -->\n",
    );

    // The same answers again: nothing differs, nothing is written.
    const again = await init(dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^kept \(unchanged\) \.github\/syllabot\.yml\n/);

    const before = read(dir, ".github/syllabot.yml");
    const changed = await init(dir, "--start", "2027-01-04");
    expect(changed.code).toBe(2);
    expect(changed.stderr).toContain("these files exist and differ");
    expect(changed.stderr).toContain("  .github/syllabot.yml");
    expect(read(dir, ".github/syllabot.yml")).toBe(before);

    const replaced = await init(dir, "--start", "2027-01-04", "--force");
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain("replaced .github/syllabot.yml");
    expect(replaced.stdout).toContain("kept (unchanged) README.md");
    expect(config(dir).start).toBe("2027-01-04");
  });
});
