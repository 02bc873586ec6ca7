import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CommitClaims, type Program, parseCommitMessage } from "../../src/progress/commit-grammar.js";

/**
 * The commit grammar on any text a commit message can hold: arbitrary unicode, and 100 KB messages
 * built from the grammar's own words to make a backtracking parser stall. It never throws, and it
 * claims only what a message can honestly claim: weeks of the program written in it, known projects.
 * (Its time is measured by bench/grammar.ts, not asserted here.)
 */

const PROGRAM: Program = { totalWeeks: 52, projectSlugs: new Set(["csvq", "http-server", "logr"]) };
const HANG_GUARD_MS = 120_000;

/** Claims that are well-formed, within the program, and each week written as a number in the message. */
function expectHonest(message: string, claims: CommitClaims): void {
  for (const week of claims.weeks) {
    expect(Number.isInteger(week)).toBe(true);
    expect(week).toBeGreaterThanOrEqual(1);
    expect(week).toBeLessThanOrEqual(PROGRAM.totalWeeks);
  }
  expect(claims.weeks).toEqual([...new Set(claims.weeks)].sort((a, b) => a - b));
  // A week claimed is a number the message holds, not the tail of a longer one.
  const numbers = new Set((message.match(/\d+/g) ?? []).map(Number));
  for (const week of claims.weeks) expect(numbers.has(week), `week ${week}`).toBe(true);
  for (const project of claims.projects) expect(PROGRAM.projectSlugs.has(project)).toBe(true);
  expect(new Set(claims.projects).size).toBe(claims.projects.length);
  expect(Number.isSafeInteger(claims.minutes)).toBe(true);
  expect(claims.minutes).toBeGreaterThanOrEqual(0);
  for (const problem of claims.problems) expect(problem).toMatch(/\S/);
  for (const rejection of claims.rejected) {
    expect(typeof rejection.text).toBe("string");
    expect(rejection.reason).toMatch(/\S/);
  }
}

const parse = (message: string) => {
  const claims = parseCommitMessage(message, PROGRAM);
  expectHonest(message, claims);
  return claims;
};

/** The grammar's words, trailers, joiners, numbers and look-alikes from elsewhere in unicode. */
const WORDS = [
  "closes ",
  "closed ",
  "done ",
  "finished ",
  "completes ",
  "not ",
  "with the ",
  "week ",
  "weeks ",
  "wk ",
  "w",
  "W",
  "project ",
  "csvq ",
  "http-server ",
  "logr",
  "5",
  "05",
  "0",
  "52",
  "53",
  "1000005",
  "999999999999999999999",
  ", ",
  " and ",
  " & ",
  "+",
  "-",
  "\n",
  "\r\n",
  "Week: ",
  "Time: ",
  "Time: 1h30m",
  "Time: 23h59m",
  "Project: ",
  "Problem: ",
  "Problem: Two Sum",
  "Co-authored-by: x <x@example.com>",
  "\u212A", // KELVIN SIGN, lower-cases to k
  "\u0130", // İ, lower-cases to two code units
  "\uFF15", // FULLWIDTH DIGIT FIVE
  "\u0665", // ARABIC-INDIC DIGIT FIVE
  "\u2075", // SUPERSCRIPT FIVE
  "\u0301", // COMBINING ACUTE ACCENT
  "\u200B",
  "\u202E",
  "\uD800",
  "😀",
  "\u0000",
];

const anyText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 300 }),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc
    .array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 6 })), { maxLength: 80 })
    .map((parts) => parts.join("")),
);

/** About 100 KB: a short unit of grammar words, repeated. */
const adversarial = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((parts) => {
  const unit = parts.join("");
  return unit.repeat(Math.ceil(100_000 / unit.length));
});

describe("the commit grammar on arbitrary and adversarial messages", () => {
  it(
    "never throws on arbitrary unicode, and claims only weeks it holds and projects it knows",
    () => {
      fc.assert(
        fc.property(anyText, (message) => {
          parse(message);
        }),
        { numRuns: 1_000 },
      );
    },
    HANG_GUARD_MS,
  );

  it(
    "never throws on 100 KB messages of repeated grammar words, trailers and digits",
    () => {
      fc.assert(
        fc.property(adversarial, (message) => {
          expect(message.length).toBeGreaterThanOrEqual(100_000);
          parse(message);
        }),
        { numRuns: 30 },
      );
      for (const message of [
        "closes week ".repeat(8_400),
        "Time: ".repeat(16_700),
        "9".repeat(100_000),
        `closes week ${"9".repeat(100_000)}`,
        `closes week ${"0".repeat(100_000)}5`,
        "Week: 5\nTime: 1h\nProject: csvq\nProblem: x\n".repeat(2_400),
        `Time: ${"1".repeat(100_000)}m`,
        `closes ${"w".repeat(100_000)}5`,
        "closes weeks 1, ".repeat(6_300),
      ]) {
        parse(message);
      }
    },
    HANG_GUARD_MS,
  );

  it("claims a week only when the number written is that week: 1000005 is not week 5", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 100, max: 2 ** 40 })),
        fc.constantFrom(
          "closes week {n}",
          "done w{n}",
          "week {n} done",
          "closes weeks 3 and {n}",
          "x\n\nWeek: {n}",
        ),
        (n, shape) => {
          const claims = parse(shape.replace("{n}", String(n)));
          const within = n >= 1 && n <= PROGRAM.totalWeeks;
          const others = shape.includes("weeks 3") ? [3] : [];
          const expected = [...new Set([...others, ...(within ? [n] : [])])].sort((a, b) => a - b);
          expect(claims.weeks).toEqual(expected);
          if (!within) expect(claims.rejected.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
    expect(parse("closes week 1000005").weeks).toEqual([]);
    expect(parse("done w1000005").weeks).toEqual([]);
    expect(parse("week 1000052 done").weeks).toEqual([]);
    // Leading zeros are still the number written.
    expect(parse("closes week 0000005").weeks).toEqual([5]);
  });
});
