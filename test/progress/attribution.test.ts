import { describe, expect, it } from "vitest";
import type { ProjectLocation } from "../../src/config/project-location.js";
import { attributedProjects, projectTrailers } from "../../src/progress/attribution.js";

const MONO = "octocat/mono";
const folders: Record<string, ProjectLocation> = {
  api: { repo: MONO, path: "services/api" },
  web: { repo: MONO, path: "services/web" },
  cli: { repo: "octocat/cli" },
};
const commit = (files: string[] | undefined, message = "work", repo = MONO) => ({
  repo,
  message,
  ...(files ? { files } : {}),
});

describe("attribution of a commit to projects", () => {
  it("credits the projects whose folder holds a file the commit touched, and only those", () => {
    expect(attributedProjects(commit(["services/api/src/main.rs"]), [], folders)).toEqual(["api"]);
    expect(attributedProjects(commit(["services/web/index.ts", "services/api/x.rs"]), [], folders)).toEqual([
      "api",
      "web",
    ]);
  });

  it("matches whole folder names, not a prefix of a name", () => {
    expect(attributedProjects(commit(["services/api-docs/x.md", "services/apix"]), [], folders)).toEqual([]);
    expect(attributedProjects(commit(["services/api"]), [], folders)).toEqual(["api"]);
  });

  it("credits no project for a commit outside every folder that names none", () => {
    expect(attributedProjects(commit(["README.md", ".github/workflows/ci.yml"]), [], folders)).toEqual([]);
  });

  it("credits the project a Project: trailer or a finishing claim names, in the same repository", () => {
    expect(attributedProjects(commit(["README.md"], "docs\n\nProject: web"), [], folders)).toEqual(["web"]);
    expect(attributedProjects(commit([], "x"), ["api"], folders)).toEqual(["api"]);
    // A project of another repository is not credited by a commit here.
    expect(attributedProjects(commit(["README.md"], "docs\n\nProject: cli"), [], folders)).toEqual([]);
  });

  it("reads only the trailer when the files are not known", () => {
    expect(attributedProjects(commit(undefined, "fix\n\nProject: api"), [], folders)).toEqual(["api"]);
    expect(attributedProjects(commit(undefined, "fix"), [], folders)).toEqual([]);
  });

  it("leaves a repository that is one project's whole to that project (no judgement needed)", () => {
    expect(attributedProjects(commit(["anything"], "x", "octocat/cli"), [], folders)).toBeUndefined();
    expect(attributedProjects(commit(["x"], "x", "octocat/unmapped"), [], folders)).toBeUndefined();
  });

  it("gives the one project without a path the files outside the others' folders", () => {
    const mixed: Record<string, ProjectLocation> = {
      core: { repo: MONO },
      api: { repo: MONO, path: "services/api" },
    };
    expect(attributedProjects(commit(["src/lib.rs"]), [], mixed)).toEqual(["core"]);
    expect(attributedProjects(commit(["services/api/a.rs"]), [], mixed)).toEqual(["api"]);
  });

  it("tells projects of one repository without paths apart by trailers only", () => {
    const shared: Record<string, ProjectLocation> = {
      csvq: { repo: MONO },
      logr: { repo: "OctoCat/Mono" },
      airpost: { repo: MONO },
    };
    expect(attributedProjects(commit(["src/main.rs"]), [], shared)).toEqual([]);
    expect(attributedProjects(commit(["src/main.rs"], "x\n\nProject: LOGR"), [], shared)).toEqual(["logr"]);
  });

  it("reads Project: trailers as the commit grammar writes them, one slug a line", () => {
    expect(projectTrailers("subject\n\nProject: api\nproject:web\r\nTime: 1h")).toEqual(["api", "web"]);
    expect(projectTrailers("the project: api and web")).toEqual([]);
    expect(projectTrailers(`Project: ${"a".repeat(300)}`)).toEqual([]);
  });
});
