import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readCheckoutFile, repositoryRootOf } from "../../src/setup/checkout.js";
import { runCli } from "../helpers/run-cli.js";
import { MINI_CONFIG, MINI_CURRICULUM } from "../helpers/setup.js";

/**
 * A clone the CLI is pointed at with --config: the curriculum its config names is the repository's
 * own file, found from the repository's root and read only as a regular file inside it.
 */

const CREDENTIAL = "eC1hY2Nlc3MtdG9rZW46Z2hzX0Nsb25lQ3JlZGVudGlhbDAx";
const GIT_CONFIG = `[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${CREDENTIAL}\n`;

let base: string;
let clone: string;
let config: string;

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), "syllabot-clone-"));
  clone = join(base, "portfolio");
  mkdirSync(join(clone, ".git"), { recursive: true });
  mkdirSync(join(clone, ".github"));
  writeFileSync(join(clone, ".git/config"), GIT_CONFIG);
  writeFileSync(join(base, "elsewhere.yaml"), GIT_CONFIG);
  config = join(clone, ".github/syllabot.yml");
});
afterEach(() => {
  rmSync(base, { recursive: true, force: true });
});

function writeConfig(curriculum: string): void {
  writeFileSync(
    config,
    readFileSync(MINI_CONFIG, "utf8").replace(/^curriculum: .*$/m, `curriculum: ${curriculum}`),
  );
}

describe("a curriculum named by a local config", () => {
  it("is found from the repository's root, wherever the command runs", async () => {
    mkdirSync(join(clone, "plans"));
    writeFileSync(join(clone, "plans/mini.yaml"), readFileSync(MINI_CURRICULUM, "utf8"));
    writeConfig("plans/mini.yaml");
    const { code, stdout, stderr } = await runCli(["plan", "--config", config, "--today", "2026-01-05"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("syllabot plan: A Mini Program (mini)");
  });

  it.each([
    ["a file that does not exist", () => undefined, "plans/missing.yaml", "no such file"],
    ["a folder", () => mkdirSync(join(clone, "plans.yaml")), "plans.yaml", "is a directory"],
  ])("is reported at the config's curriculum line when it is %s", async (_, arrange, curriculum, reason) => {
    arrange();
    writeConfig(curriculum);
    for (const argv of [
      ["plan", "--config", config],
      ["validate", config],
    ]) {
      const { code, stderr } = await runCli(argv);
      expect(code).toBe(1);
      expect(stderr).toMatch(/^syllabot: 1 problem:\n {2}\S*\.github\/syllabot\.yml:4:13: curriculum: /);
      expect(stderr).toContain(`"${curriculum}" cannot be read: ${reason}`);
      // Looked for in the config's repository, whichever folder the command runs in.
      expect(stderr).toContain(`in the repository at ${clone}`);
    }
  });

  it.each([
    [
      "a symbolic link to .git/config",
      () => symlinkSync(join(clone, ".git/config"), join(clone, "c.yaml")),
      "c.yaml",
      '"c.yaml" is a symbolic link',
    ],
    [
      "a symbolic link out of the clone",
      () => symlinkSync(join(base, "elsewhere.yaml"), join(clone, "c.yaml")),
      "c.yaml",
      '"c.yaml" is a symbolic link',
    ],
    [
      "in a folder linked out of the clone",
      () => symlinkSync(base, join(clone, "plans")),
      "plans/elsewhere.yaml",
      'goes through the symbolic link "plans"',
    ],
    ["reached through ../", () => undefined, "../elsewhere.yaml", "has a . or .. folder"],
  ])(
    "is refused when it is %s, and nothing of the file is printed",
    async (_, arrange, curriculum, reason) => {
      arrange();
      writeConfig(curriculum);
      for (const argv of [
        ["plan", "--config", config],
        ["validate", config],
      ]) {
        const { code, stdout, stderr } = await runCli(argv);
        expect(code).toBe(1);
        expect(stderr).toMatch(/^syllabot: 1 problem:\n {2}\S*\.github\/syllabot\.yml:4:13: curriculum: /);
        expect(stderr).toContain(reason);
        expect(stdout + stderr).not.toContain(CREDENTIAL);
        expect(stdout + stderr).not.toContain("extraheader");
      }
    },
  );
});

describe("readCheckoutFile", () => {
  it("reads a regular file of the checkout, and refuses .git, links, other kinds of file and the outside", () => {
    writeFileSync(join(clone, "notes.yml"), "a: 1\n");
    symlinkSync(join(clone, "notes.yml"), join(clone, "link.yml"));
    expect(readCheckoutFile(clone, "notes.yml")).toEqual({ text: "a: 1\n" });
    expect(readCheckoutFile(clone, join(clone, "notes.yml"))).toEqual({ text: "a: 1\n" });
    expect(readCheckoutFile(clone, "link.yml")).toEqual({ refused: "is a symbolic link" });
    expect(readCheckoutFile(clone, ".git/config")).toMatchObject({
      refused: expect.stringMatching(/^is inside \.git/),
    });
    expect(readCheckoutFile(clone, ".GIT/config")).toMatchObject({
      refused: expect.stringMatching(/^is inside \.git/),
    });
    expect(readCheckoutFile(clone, "/proc/self/environ", { rootName: "the workspace" })).toEqual({
      refused: "is outside the workspace",
    });
    expect(readCheckoutFile(clone, "..", { rootName: "the workspace" })).toEqual({
      refused: "is outside the workspace",
    });
    expect(() => readCheckoutFile(clone, "missing.yml")).toThrow("missing.yml: cannot read: no such file");
    expect(() => readCheckoutFile(clone, ".github")).toThrow(".github: cannot read: is a directory");
  });
});

describe("repositoryRootOf", () => {
  it("is the folder holding .github/, else the nearest one git checked out, else the config's folder", () => {
    expect(repositoryRootOf(config)).toBe(clone);
    mkdirSync(join(clone, "configs/deep"), { recursive: true });
    expect(repositoryRootOf(join(clone, "configs/deep/syllabot.yml"))).toBe(clone);
    expect(repositoryRootOf(join(clone, "configs/deep/syllabot.yml"), join(clone, "configs"))).toBe(
      join(clone, "configs"),
    );
    expect(repositoryRootOf(join(base, "syllabot.yml"), base)).toBe(base);
  });
});
