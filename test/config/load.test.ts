import { describe, expect, it } from "vitest";
import { checkConfig, parseConfig } from "../../src/config/load.js";
import { formatProblem, InputError } from "../../src/errors.js";
import { loadCurriculumFile } from "../../src/setup/local.js";
import { MINI_CURRICULUM, reportedProblems, SHORT_CURRICULUM } from "../helpers/setup.js";

const VALID = `learner: octocat
start: 2026-03-02
timezone: Asia/Kolkata
curriculum: mini
capstone: alpha
projects:
  calc: octocat/calc
`;

function errorsOf(text: string): string[] {
  return reportedProblems(() =>
    checkConfig(parseConfig(text, "syllabot.yml"), loadCurriculumFile(MINI_CURRICULUM)),
  );
}

describe("learner config", () => {
  it("accepts the example's keys and fills in defaults", () => {
    const config = checkConfig(parseConfig(VALID, "syllabot.yml"), loadCurriculumFile(MINI_CURRICULUM));
    expect(config.start.toString()).toBe("2026-03-02");
    expect(config.reminders.lead_days).toEqual([21, 7, 2]);
    expect(config.labels.prefix).toBe("syllabot");
    expect(config.backfill).toBe("close");
    expect(config.oss.substantive_min_lines).toBe(20);
    expect(errorsOf(VALID)).toEqual([]);
  });

  it.each([
    {
      name: "a wrong type",
      input: VALID.replace("learner: octocat", "learner: [octocat]"),
      errors: ["syllabot.yml:1:10: learner: expected a string, got a list"],
    },
    {
      name: "a missing required key",
      input: VALID.replace("timezone: Asia/Kolkata\n", ""),
      errors: ["syllabot.yml:1:1: timezone: is required (a string)"],
    },
    {
      name: "an unknown time zone",
      input: VALID.replace("Asia/Kolkata", "Asia/Kolkatta"),
      errors: [
        'syllabot.yml:3:11: timezone: unknown time zone "Asia/Kolkatta" (expected an IANA name such as Europe/Berlin or Asia/Kolkata)',
      ],
    },
    {
      name: "a start date that is not a date",
      input: VALID.replace("2026-03-02", "2026-02-30"),
      errors: ['syllabot.yml:2:8: start: "2026-02-30" is not a date (expected YYYY-MM-DD, e.g. 2026-03-02)'],
    },
    {
      name: "an unknown key, with a suggestion",
      input: `${VALID}capstne: alpha\n`,
      errors: ['syllabot.yml:8:1: capstne: unknown key "capstne" (did you mean "capstone"?)'],
    },
    {
      name: "a nested unknown key",
      input: `${VALID}reminders:\n  lead_day: [3]\n`,
      errors: ['syllabot.yml:9:3: reminders.lead_day: unknown key "lead_day" (did you mean "lead_days"?)'],
    },
    {
      name: "a bad enum value",
      input: `${VALID}backfill: delete\n`,
      errors: ['syllabot.yml:8:11: backfill: expected "close" | "open" | "skip", got "delete"'],
    },
    {
      name: "more open-source repositories than are searched",
      input: `${VALID}oss:\n  repos: [${Array.from({ length: 101 }, (_, index) => `o/r${index}`).join(", ")}]\n`,
      errors: [
        'syllabot.yml:8:1: oss: the curriculum "mini" has no open-source track: nothing would use these settings',
        "syllabot.yml:9:10: oss.repos: at most 100 repositories: each is searched on every run",
      ],
    },
    {
      name: "a repository that is not owner/name",
      input: VALID.replace("octocat/calc", "calc"),
      errors: ['syllabot.yml:7:9: projects.calc: expected a repository as "owner/name"'],
    },
    {
      name: "a capstone choice that is not an option",
      input: VALID.replace("capstone: alpha", "capstone: gamma"),
      errors: [
        'syllabot.yml:5:11: capstone: "gamma" is not an option of the curriculum "mini" (expected alpha | beta)',
      ],
    },
    {
      name: "a choice group the curriculum does not have",
      input: `${VALID}choices: {elective: beta}\n`,
      errors: [
        'syllabot.yml:8:11: choices.elective: "elective" is not a choice group of the curriculum "mini" (groups: capstone)',
      ],
    },
    {
      name: "a choice that is not an option of its group",
      input: `${VALID}choices: {capstone: calc}\n`,
      errors: [
        'syllabot.yml:8:21: choices.capstone: "calc" is not an option of the choice group "capstone" (expected alpha | beta)',
      ],
    },
    {
      name: "a group picked twice, by capstone and by choices",
      input: `${VALID}choices: {capstone: beta}\n`,
      errors: [
        'syllabot.yml:8:21: choices.capstone: the choice group "capstone" is picked twice: `capstone: alpha` and `beta` here (keep one)',
      ],
    },
    {
      name: "a DSA repository for a course with a DSA track is fine, but oss: without an open-source track is reported",
      input: `${VALID}dsa: octocat/dsa\noss:\n  repos: [a/b]\n`,
      errors: [
        'syllabot.yml:9:1: oss: the curriculum "mini" has no open-source track: nothing would use these settings',
      ],
    },
    {
      name: "a project slug the curriculum does not have",
      input: VALID.replace("calc: octocat/calc", "calk: octocat/calc"),
      errors: [
        'syllabot.yml:7:3: projects.calk: "calk" is not a project of the curriculum "mini" (did you mean "calc"?)',
      ],
    },
    {
      name: "a negative number of weeks ahead",
      input: `${VALID}issues_ahead: -1\n`,
      errors: ["syllabot.yml:8:15: issues_ahead: must be 0 or more (got -1)"],
    },
    {
      name: "weeks ahead that are neither a number nor all",
      input: `${VALID}issues_ahead: some\n`,
      errors: [
        'syllabot.yml:8:15: issues_ahead: expected "all" or a number of weeks (0 to 1000), got "some"',
      ],
    },
    {
      name: "a lead day of 0",
      input: `${VALID}reminders: {lead_days: [0]}\n`,
      errors: ["syllabot.yml:8:25: reminders.lead_days[0]: must be more than 0 (got 0)"],
    },
    {
      name: "a lead day past a year",
      input: `${VALID}reminders: {lead_days: [400]}\n`,
      errors: ["syllabot.yml:8:25: reminders.lead_days[0]: must be at most 366 (got 400)"],
    },
    {
      name: "an empty list of open-source repositories",
      input: `${VALID}oss: {repos: []}\n`,
      errors: [
        'syllabot.yml:8:1: oss: the curriculum "mini" has no open-source track: nothing would use these settings',
        "syllabot.yml:8:14: oss.repos: must list at least 1 repository; leave it out to search the curriculum's targets",
      ],
    },
    {
      name: "a negative line count",
      input: `${VALID}oss: {substantive_min_lines: -3}\n`,
      errors: [
        'syllabot.yml:8:1: oss: the curriculum "mini" has no open-source track: nothing would use these settings',
        "syllabot.yml:8:30: oss.substantive_min_lines: must be 0 or more (got -3)",
      ],
    },
    {
      name: "an empty commit author name",
      input: `${VALID}commit: {author: {name: "", email: a@example.com}}\n`,
      errors: ["syllabot.yml:8:25: commit.author.name: must not be empty"],
    },
    {
      name: "a verdict whose key is not a pull request",
      input: `${VALID}oss: {verdicts: {"o/r#x": substantive}}\n`,
      errors: [
        'syllabot.yml:8:1: oss: the curriculum "mini" has no open-source track: nothing would use these settings',
        'syllabot.yml:8:18: oss.verdicts["o/r#x"]: expected a pull request as "owner/name#number"',
      ],
    },
  ])("reports $name with file, line, column and field", ({ input, errors }) => {
    expect(errorsOf(input)).toEqual(errors);
  });

  it("reports every problem of a file at once", () => {
    const input = "learner: -bad-\nstart: yesterday\ntimezone: Nowhere/Town\nlabels: {prefix: 'a,b'}\n";
    const errors = errorsOf(input);
    expect(errors).toHaveLength(4);
    expect(errors.map((error) => error.split(": ")[1])).toEqual([
      "learner",
      "start",
      "timezone",
      "labels.prefix",
    ]);
  });

  it("reports schema errors and errors against the curriculum together, in file order", () => {
    const input = VALID.replace("Asia/Kolkata", "Asia/Kolkatta").replace(
      "capstone: alpha",
      "capstone: gamma",
    );
    expect(errorsOf(input)).toEqual([
      'syllabot.yml:3:11: timezone: unknown time zone "Asia/Kolkatta" (expected an IANA name such as Europe/Berlin or Asia/Kolkata)',
      'syllabot.yml:5:11: capstone: "gamma" is not an option of the curriculum "mini" (expected alpha | beta)',
    ]);
  });

  it("reports dsa:, oss: and projects: for a course without DSA, open-source track or projects", () => {
    const short = loadCurriculumFile(SHORT_CURRICULUM);
    const text = `${VALID.replace("capstone: alpha\n", "")}dsa: octocat/dsa\noss: {substantive_min_lines: 10}\n`;
    let errors: string[] = [];
    try {
      checkConfig(parseConfig(text, "syllabot.yml"), short);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      errors = error.problems.map(formatProblem);
    }
    expect(errors).toEqual([
      'syllabot.yml:6:3: projects.calc: the curriculum "short" has no projects (to count a repository\'s commits as your work, list it under `work_repos:`)',
      'syllabot.yml:7:6: dsa: the curriculum "short" has no DSA track (to count this repository\'s commits as your work, list it under `work_repos:`)',
      'syllabot.yml:8:1: oss: the curriculum "short" has no open-source track: nothing would use these settings',
    ]);
  });

  it("normalizes reminder lead days: unique, latest first", () => {
    const config = checkConfig(
      parseConfig(`${VALID}reminders: {lead_days: [2, 21, 7, 7]}\n`, "syllabot.yml"),
      loadCurriculumFile(MINI_CURRICULUM),
    );
    expect(config.reminders.lead_days).toEqual([21, 7, 2]);
  });
});

describe("what a config can ask for", () => {
  const list = (count: number, item: (index: number) => string) =>
    `[${Array.from({ length: count }, (_, index) => item(index)).join(", ")}]`;

  it.each([
    {
      field: "emails",
      line: `emails: ${list(21, (index) => `a${index}@example.com`)}`,
      says: "at most 20 emails",
    },
    {
      field: "reminders.lead_days",
      line: `reminders: {lead_days: ${list(11, (index) => String(index + 1))}}`,
      says: "at most 10 lead days",
    },
    {
      field: "oss.verdicts",
      line: `oss: {verdicts: {${Array.from({ length: 1001 }, (_, index) => `"o/r#${index + 1}": substantive`).join(", ")}}}`,
      says: "at most 1000",
    },
    { field: "oss.substantive_min_lines", line: "oss: {substantive_min_lines: 100001}", says: "100000" },
    { field: "issues_ahead", line: "issues_ahead: 1001", says: "1000" },
    {
      field: "commit.author.name",
      line: `commit: {author: {name: ${"n".repeat(101)}, email: a@example.com}}`,
      says: "100",
    },
  ])("refuses more than a sane maximum of $field, naming it", ({ field, line, says }) => {
    // The mini curriculum has no open-source track, which is reported on its own line.
    const errors = errorsOf(`${VALID}${line}\n`).filter((error) => !error.includes("no open-source track"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`${field}: `);
    expect(errors[0]).toContain(says);
  });

  it("refuses a config over 64 KiB before parsing it, in one problem at its start", () => {
    const errors = errorsOf(`${VALID}# ${"x".repeat(64 * 1024)}\n`);
    expect(errors).toEqual([
      expect.stringMatching(/^syllabot\.yml:1:1: file is \d+ bytes; at most 65536 \(64 KiB\) is accepted$/),
    ]);
  });
});
