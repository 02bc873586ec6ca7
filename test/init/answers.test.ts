import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import type { Curriculum } from "../../src/curriculum/load.js";
import { answerProblem, defaultTimeZone, nextMonday, ownerFromRemote } from "../../src/init/answers.js";
import { configText, hasRegion, readmeWithRegion } from "../../src/init/scaffold.js";

describe("init's defaults", () => {
  it("reads the owner of a GitHub remote in each URL form git accepts, and nothing else", () => {
    expect(ownerFromRemote("https://github.com/octocat/portfolio.git")).toBe("octocat");
    expect(ownerFromRemote("https://github.com/octocat/portfolio")).toBe("octocat");
    expect(ownerFromRemote("https://token@github.com/octocat/portfolio.git")).toBe("octocat");
    expect(ownerFromRemote("git@github.com:octo-org/portfolio.git")).toBe("octo-org");
    expect(ownerFromRemote("ssh://git@github.com/octocat/portfolio.git\n")).toBe("octocat");
    expect(ownerFromRemote("https://gitlab.com/octocat/portfolio.git")).toBeUndefined();
    expect(ownerFromRemote("https://github.com/octocat")).toBeUndefined();
    expect(ownerFromRemote("https://github.com/-bad-/portfolio")).toBeUndefined();
    expect(ownerFromRemote(undefined)).toBeUndefined();
  });

  it("starts week 1 on the next Monday, or today when today is one", () => {
    expect(nextMonday(Temporal.PlainDate.from("2026-12-03")).toString()).toBe("2026-12-07");
    expect(nextMonday(Temporal.PlainDate.from("2026-12-07")).toString()).toBe("2026-12-07");
    expect(nextMonday(Temporal.PlainDate.from("2026-12-13")).toString()).toBe("2026-12-14");
  });

  it("takes the system's time zone when syllabot knows it, else UTC", () => {
    expect(defaultTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(defaultTimeZone("Mars/Base")).toBe("UTC");
    expect(defaultTimeZone(undefined)).toBe("UTC");
  });

  it("checks each answer as the config's schema checks its key", () => {
    expect(answerProblem.learner("octocat")).toBeUndefined();
    expect(answerProblem.learner("octo cat")).toMatch(/expected a GitHub login/);
    expect(answerProblem.email("a@example.com")).toBeUndefined();
    expect(answerProblem.email("a-at-example")).toMatch(/expected an email address/);
    expect(answerProblem.repository("octocat/dsa")).toBeUndefined();
    expect(answerProblem.repository("dsa")).toMatch(/owner\/name/);
    expect(answerProblem.option("b", ["a", "b"])).toBeUndefined();
    expect(answerProblem.option("c", ["a", "b"])).toBe("expected one of a | b");
  });

  it("adds the progress region after a README's own text, which it keeps byte for byte", () => {
    for (const existing of ["", "# Notes", "# Notes\n", "# Notes\n\n"]) {
      const extended = readmeWithRegion(existing);
      expect(extended.startsWith(existing)).toBe(true);
      expect(hasRegion(extended)).toBe(true);
      expect(extended).not.toMatch(/\n\n\n/);
    }
    expect(hasRegion("<!-- syllabot:start -->")).toBe(false);
  });
});

describe("init's config text", () => {
  // Only what configText reads of a curriculum: its title, choice groups, projects and tracks.
  const course = (choices: [string, string[]][], projects: string[]) =>
    ({
      id: "course",
      title: "A Course",
      choices: new Map(choices),
      projects: projects.map((slug) => ({ slug })),
      tracks: {},
    }) as unknown as Curriculum;
  const answers = {
    learner: "octocat",
    emails: [],
    start: "2027-01-04",
    timezone: "UTC",
    curriculum: "courses/a.yaml",
    choices: { elective: "cli" },
    projects: {},
  };

  it("lists every choice group, picked or not, with its options", () => {
    const text = configText(
      answers,
      course(
        [
          ["capstone", ["web", "db"]],
          ["elective", ["cli", "gui"]],
        ],
        ["web"],
      ),
    );
    expect(text).toContain(
      "choices:  # choice group -> option\n  # capstone: web  # one of web | db\n  elective: cli  # one of cli | gui\n",
    );
    expect(text).toContain(
      "projects: {}  # project slug -> repository (owner/name); projects left out are not tracked\n",
    );
    const none = configText(
      { ...answers, choices: {} },
      course(
        [
          ["a", ["x"]],
          ["b", ["y"]],
        ],
        [],
      ),
    );
    expect(none).toContain("choices: {}  # choice group -> option; until one is picked");
  });

  it("names where the work is committed for a course without projects", () => {
    const text = configText(answers, course([], []));
    expect(text).toContain("work_repos: []  # repositories whose commits count as your work");
    expect(text).not.toContain("projects");
  });
});
