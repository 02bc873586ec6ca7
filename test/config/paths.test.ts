import { describe, expect, it } from "vitest";
import { checkConfig, curriculumSource, parseConfig } from "../../src/config/load.js";
import { formatProblem, InputError } from "../../src/errors.js";
import { loadCurriculumFile } from "../../src/setup/local.js";
import { MINI_CURRICULUM, reportedProblems } from "../helpers/setup.js";

/**
 * Paths a config names inside its repository: the README syllabot rewrites and a curriculum it
 * reads. A config comes from a repository anyone can propose changes to; no path it names may
 * reach outside the repository, into .git, or syllabot's own files.
 */

const CONFIG = `learner: octocat
start: 2026-03-02
timezone: Asia/Kolkata
curriculum: mini
`;

function errorsOf(text: string): string[] {
  return reportedProblems(() =>
    checkConfig(parseConfig(text, ".github/syllabot.yml"), loadCurriculumFile(MINI_CURRICULUM)),
  );
}

const withReadme = (readme: string) => `${CONFIG}readme: ${JSON.stringify(readme)}\n`;
const withCurriculum = (curriculum: string) =>
  CONFIG.replace("curriculum: mini", `curriculum: ${JSON.stringify(curriculum)}`);

describe("the README path a config names", () => {
  it.each([
    ["README.md"],
    ["docs/progress.md"],
    [".github/README.md"],
    ["Notes/Year 1/PROGRESS.markdown"],
    ["readme.MD"],
  ])("accepts %j", (readme) => {
    expect(errorsOf(withReadme(readme))).toEqual([]);
  });

  it.each([
    ["../x.md", "has a . or .. folder"],
    ["docs/../../x.md", "has a . or .. folder"],
    ["./README.md", "has a . or .. folder"],
    ["/etc/motd.md", "is absolute"],
    ["docs//README.md", "has an empty folder name"],
    ["docs\\README.md", "holds a backslash"],
    ["READ\u0000ME.md", "holds a control character"],
    ["READ\u001b[2JME.md", "holds a control character"],
    [".git/config", "is inside .git"],
    [".git/x.md", "is inside .git"],
    [".GIT/x.md", "is inside .git"],
    ["sub/.git/x.md", "is inside .git"],
    [".git./x.md", "is inside .git"],
    ["GIT~1/x.md", "is inside .git"],
    [".github/syllabot.yml", "is syllabot's own"],
    [".GitHub/Syllabot.yml", "is syllabot's own"],
    [".syllabot/state.json", "is syllabot's own"],
    [".syllabot/notes.md", "is syllabot's own"],
    [`${"a/".repeat(130)}README.md`, "characters long"],
    ["LICENSE", "is not a Markdown file"],
    [".gitattributes", "is not a Markdown file"],
    ["index.html", "is not a Markdown file"],
  ])("refuses %j: %s", (readme, reason) => {
    const errors = errorsOf(withReadme(readme));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^\.github\/syllabot\.yml:5:9: readme: /);
    expect(errors[0]).toContain(reason);
  });

  it("refuses an empty README path", () => {
    expect(errorsOf(`${CONFIG}readme: ""\n`)).toEqual([
      ".github/syllabot.yml:5:9: readme: is empty: give the README's path from the repository's root, e.g. README.md",
    ]);
  });

  it("names the path in the message, with its control characters escaped", () => {
    expect(errorsOf(withReadme("../x.md"))).toEqual([
      '.github/syllabot.yml:5:9: readme: "../x.md" has a . or .. folder: give the path from the repository\'s root, without them',
    ]);
    expect(errorsOf(withReadme("a\u001bb.md"))[0]).not.toContain("\u001b");
  });
});

describe("the curriculum path a config names", () => {
  it.each([
    ["../../etc/passwd.yaml", "has a . or .. folder"],
    ["/proc/self/environ", "is absolute"],
    ["/etc/x.yml", "is absolute"],
    [".git/config.yml", "is inside .git"],
    ["sub/.Git/hooks.yaml", "is inside .git"],
    [".github/syllabot.yml", "is syllabot's own"],
    [".syllabot/state.yml", "is syllabot's own"],
    ["curricula\\rust.yaml", "holds a backslash"],
    ["curricula/rust.txt", "is neither a built-in curriculum"],
  ])("refuses %j: %s", (curriculum, reason) => {
    const errors = errorsOf(withCurriculum(curriculum));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^\.github\/syllabot\.yml:4:13: curriculum: /);
    expect(errors[0]).toContain(reason);
  });

  it.each([
    ["../../etc/passwd", "has a . or .. folder"],
    ["/proc/self/environ", "is absolute"],
    [
      "rust-systems-2y",
      "is neither a built-in curriculum (go-web-services-10w, rust-systems-1y) nor a path to a .yaml file",
    ],
  ])(
    "is not looked up when it is %j, with the config's other problems reported too",
    (curriculum, reason) => {
      const loaded = parseConfig(withCurriculum(curriculum).replace("Asia/Kolkata", "Asia/Nowhere"), "c.yml");
      let errors: string[] = [];
      try {
        curriculumSource(loaded);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        errors = error.problems.map(formatProblem);
      }
      expect(errors).toHaveLength(2);
      expect(errors[0]).toMatch(/^c\.yml:3:11: timezone: unknown time zone/);
      expect(errors[1]).toMatch(/^c\.yml:4:13: curriculum: /);
      expect(errors[1]).toContain(reason);
    },
  );
});
