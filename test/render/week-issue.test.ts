import { describe, expect, it } from "vitest";
import { renderWeekIssue } from "../../src/render/issue-bodies.js";
import { exampleContext, miniContext } from "../helpers/setup.js";

const MINI =
  "learner: octocat\nstart: 2026-01-05\ntimezone: UTC\ncapstone: beta\nprojects: {calc: octocat/calc}\n";

describe("a week issue's closing section", () => {
  it("in a course with projects, names the work repositories beside the project repositories", () => {
    const body = renderWeekIssue(miniContext(`${MINI}work_repos: [octocat/notes, octocat/drills]\n`), 1).body;
    expect(body).toContain(
      "Push a commit to a project repository or to [octocat/notes](https://github.com/octocat/notes) or [octocat/drills](https://github.com/octocat/drills) with `closes week 1`",
    );
  });

  it("keeps the bundled curriculum's time blocks and closing text", () => {
    const body = renderWeekIssue(exampleContext(), 3).body;
    expect(body).toContain("### Weekday evenings (4–5 h)");
    expect(body).toContain("### Weekend (4–5 h)");
    expect(body).toContain("Push a commit to a project repository with `closes week 3`");
  });
});
