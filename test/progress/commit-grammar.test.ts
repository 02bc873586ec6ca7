import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mightClaim, parseCommitMessage, parseDuration } from "../../src/progress/commit-grammar.js";

const PROGRAM = { totalWeeks: 52, projectSlugs: new Set(["csvq", "http-server", "logr"]) };
const parse = (message: string) => parseCommitMessage(message, PROGRAM);

describe("commit-message grammar", () => {
  it.each([
    ["closes week 5", [5]],
    ["Closes Week 5", [5]],
    ["done week 05", [5]],
    ["completes w5", [5]],
    ["week 5 done", [5]],
    ["W5 complete: parser and tests", [5]],
    ["parser done, closes week 5", [5]],
    ["finished with week 7", [7]],
    ["closes weeks 3, 4 and week 5", [3, 4, 5]],
    ["wrap up\n\nWeek: 12", [12]],
    ["closes week 5\n\nWeek: 5", [5]],
  ])("%j finishes weeks %j", (message, weeks) => {
    expect(parse(message).weeks).toEqual(weeks);
  });

  it.each([
    "started week 5",
    "week 5 started",
    "work towards week 5",
    "not done week 5",
    "almost done week 5",
    "closes #5",
    "weekly notes",
    "done",
  ])("%j finishes nothing", (message) => {
    expect(parse(message)).toEqual({ weeks: [], projects: [], minutes: 0, problems: [], rejected: [] });
  });

  it.each([
    ["closes project csvq", ["csvq"]],
    ["completes project http-server", ["http-server"]],
    ["finished with project logr", ["logr"]],
    ["Done with the project csvq", ["csvq"]],
    ["final touches\n\ncloses project logr\nTime: 1h", ["logr"]],
  ])("%j finishes projects %j", (message, projects) => {
    expect(parse(message).projects).toEqual(projects);
  });

  it.each([
    // Slugs are ordinary words: without the word "project" before it, a slug is prose.
    "closes csvq",
    "ci: fix flaky step that closes logr connections early",
    "finished csvq parser, done logr",
    "closes the bug in the lexer",
    "final touches\n\nProject: logr",
    "project csvq done",
    "not done with project csvq",
  ])("%j finishes no project", (message) => {
    expect(parse(message).projects).toEqual([]);
    expect(parse(message).rejected).toEqual([]);
  });

  it("rejects, with a reason, weeks outside the program and projects it does not know", () => {
    expect(parse("closes week 60")).toEqual({
      weeks: [],
      projects: [],
      minutes: 0,
      problems: [],
      rejected: [{ text: "week 60", reason: "the program has weeks 1–52" }],
    });
    expect(parse("closes week 0").rejected).toHaveLength(1);
    expect(parse("completes project csvqq").rejected).toEqual([
      { text: "project csvqq", reason: '"csvqq" is not a project of the program' },
    ]);
    expect(parse("x\n\nProject: spreadsheet").rejected[0]?.reason).toMatch(/not a project/);
    expect(parse("x\n\nWeek: five").rejected[0]?.reason).toBe("expected a week number");
  });

  it("adds up Time: trailers in minutes, and rejects what is not a duration or more than a day", () => {
    expect(parse("x\n\nTime: 1h30m").minutes).toBe(90);
    expect(parse("x\n\nTime: 90m").minutes).toBe(90);
    expect(parse("x\n\nTime: 1.5h").minutes).toBe(90);
    expect(parse("x\n\nTime: 45m\nTime: 1h").minutes).toBe(105);
    expect(parse("x\n\nTime: lots").rejected[0]?.reason).toMatch(/duration/);
    expect(parse("x\n\nTime: 30h").rejected[0]?.reason).toMatch(/24 hours/);
  });

  it("counts DSA problems, one per Problem: trailer, each problem once", () => {
    expect(
      parse("solve two problems\n\nProblem: Two Sum\nProblem: LRU Cache\nProblem: two sum").problems,
    ).toEqual(["two sum", "lru cache"]);
    expect(parse("x\n\nProblem:").rejected).toEqual([
      { text: "Problem:", reason: "expected the problem's name" },
    ]);
  });

  it.each([
    ["1h30m", 90],
    ["1h 30m", 90],
    ["2 hours", 120],
    ["45 min", 45],
    ["0.25h", 15],
    ["", undefined],
    ["h", undefined],
    ["1d", undefined],
  ])("reads the duration %j as %j minutes", (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  it("is linear: long and adversarial messages give the claims of their parts", () => {
    const adversarial = fc.oneof(
      fc.constantFrom(
        "closes ",
        "week ",
        "w",
        "5",
        "0",
        "done ",
        ",",
        " and ",
        "week5",
        "-",
        "\n",
        "Week: ",
        "Time: 1h",
      ),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(
        fc.array(adversarial, { maxLength: 200 }),
        fc.integer({ min: 1, max: 2000 }),
        (parts, times) => {
          const unit = parts.join("");
          const claims = parse(unit);
          // Repeating a message, separated by a word so that nothing joins across copies, claims the same.
          const repeated = parse(Array(times).fill(`${unit}\nstop\n`).join(""));
          expect(repeated.weeks).toEqual(claims.weeks);
          expect(repeated.projects).toEqual(claims.projects);
        },
      ),
      { numRuns: 50 },
    );
    // Pathological shapes for a backtracking parser, at 100 KB and more.
    for (const message of [
      "closes ".repeat(20_000),
      "week ".repeat(30_000),
      `${"w".repeat(200_000)}5 done`,
      "-".repeat(200_000),
      "1h".repeat(50_000),
    ]) {
      expect(parse(message).weeks).toEqual([]);
    }
  });

  it("never dismisses, in its cheap pre-check, a message that claims something", () => {
    const words = fc.constantFrom(
      "closes ",
      "Done ",
      "week ",
      "w5 ",
      "5 ",
      "csvq ",
      "project ",
      "started ",
      "\n",
      "Week: 3",
      "Project: csvq",
      "Time: 1h",
      "x ",
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 12 }), (parts) => {
        const message = parts.join("");
        const claims = parse(message);
        const claimed =
          claims.weeks.length + claims.projects.length + claims.rejected.length + claims.minutes;
        if (claimed > 0) expect(mightClaim(message)).toBe(true);
      }),
      { numRuns: 500 },
    );
    expect(mightClaim("Update README.md")).toBe(false);
  });
});

describe("what one commit may claim", () => {
  it("finishes at most 4 weeks, and says why it ignores the rest", () => {
    const claims = parse("closes weeks 1, 2, 3, 4, 5, 6 and 52");
    expect(claims.weeks).toEqual([1, 2, 3, 4]);
    expect(claims.rejected).toEqual([
      {
        text: "weeks 5, 6, 52",
        reason: "one commit finishes at most 4 weeks: name the others in commits of their own",
      },
    ]);
  });

  it("credits at most 24 hours however many Time: trailers it carries", () => {
    const claims = parse(`log\n\n${"Time: 20h\n".repeat(24)}`);
    expect(claims.minutes).toBe(20 * 60);
    expect(claims.rejected).toHaveLength(23);
    expect(parse("log\n\nTime: 12h\nTime: 12h").minutes).toBe(24 * 60);
  });

  it("finishes at most 2 projects and 10 problems", () => {
    const claims = parse(
      `all\n\ncloses project csvq, closes project logr, closes project http-server\n\n${Array.from({ length: 12 }, (_, i) => `Problem: p${i}`).join("\n")}`,
    );
    expect(claims.projects).toEqual(["csvq", "logr"]);
    expect(claims.problems).toHaveLength(10);
    expect(claims.rejected.map((rejection) => rejection.text)).toEqual([
      "projects http-server",
      "problems p10, p11",
    ]);
  });
});
