import { describe, expect, it } from "vitest";
import { checkConfig, parseConfig } from "../../src/config/load.js";
import { loadCurriculumFile } from "../../src/setup/local.js";
import { MINI_CURRICULUM, reportedProblems } from "../helpers/setup.js";

/** A project is a repository (`slug: owner/name`) or a folder of one (`slug: {repo, path}`). */

const CONFIG = `learner: octocat
start: 2026-01-05
timezone: Europe/Berlin
curriculum: mini
projects:
`;

function load(projects: string) {
  return checkConfig(
    parseConfig(`${CONFIG}${projects}`, ".github/syllabot.yml"),
    loadCurriculumFile(MINI_CURRICULUM),
  );
}

function errorsOf(projects: string): string[] {
  return reportedProblems(() => load(projects));
}

describe("where a project lives", () => {
  it("reads both forms into one shape: a repository, or a repository and a folder", () => {
    const config = load(
      [
        "  calc: octocat/calc",
        "  alpha: {repo: octocat/mono, path: services/alpha/}",
        "  beta:",
        "    repo: octocat/mono",
        "    path: tools/beta",
        "",
      ].join("\n"),
    );
    expect(config.projects).toEqual({
      calc: { repo: "octocat/calc" },
      alpha: { repo: "octocat/mono", path: "services/alpha" },
      beta: { repo: "octocat/mono", path: "tools/beta" },
    });
  });

  it("takes an object without a path as the whole repository", () => {
    expect(load("  calc: {repo: octocat/calc}\n").projects).toEqual({ calc: { repo: "octocat/calc" } });
  });

  it.each([
    ["../alpha", "has a . or .. folder"],
    ["./alpha", "has a . or .. folder"],
    ["/services/alpha", "is absolute"],
    ["services//alpha", "has an empty folder name"],
    ["", "is empty"],
    [".git/hooks", "is inside .git"],
  ])("refuses the folder %j: %s, at its line", (path, reason) => {
    const errors = errorsOf(`  alpha: {repo: octocat/mono, path: ${JSON.stringify(path)}}\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^\.github\/syllabot\.yml:6:/);
    expect(errors[0]).toContain("projects.alpha.path");
    expect(errors[0]).toContain(reason);
  });

  it("says what either form is for a value of neither", () => {
    for (const value of ["5", "[octocat/mono]"]) {
      expect(errorsOf(`  alpha: ${value}\n`)).toEqual([
        '.github/syllabot.yml:6:10: projects.alpha: expected a repository as "owner/name", or {repo: owner/name, path: folder}',
      ]);
    }
  });

  it("refuses an object without a repository, or with a key of its own", () => {
    expect(errorsOf("  alpha: {path: services/alpha}\n")).toHaveLength(1);
    expect(errorsOf("  alpha: {repo: octocat/mono, folder: x}\n")).toHaveLength(1);
  });
});
