import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { parseCommitMessage } from "../../src/progress/commit-grammar.js";
import {
  compactLedger,
  emptyLedger,
  LEDGER_VERSION,
  type Ledger,
  type LedgerCommit,
  ledgerEntry,
  mergeLedgers,
  parseLedger,
  readLedger,
  recordCommits,
  serializeLedger,
  weeklyTotals,
} from "../../src/progress/ledger.js";
import { exampleContext } from "../helpers/setup.js";

const context = exampleContext();
const program = { totalWeeks: 52, projectSlugs: new Set(["csvq"]) };

/** A commit's time is part of the commit: the same SHA always has the same one. */
const timeOf = (sha: string) => `2026-03-0${(Number.parseInt(sha[0] ?? "0", 16) % 9) + 1}T10:00:00Z`;

const entryArb: fc.Arbitrary<[string, LedgerCommit]> = fc
  .tuple(
    // A small pool of SHAs, so that the same commit, recorded differently, meets itself often.
    fc.constantFrom(..."abcdef".split("").map((digit) => digit.repeat(40))),
    fc.record({
      repo: fc.constantFrom("octocat/csvq", "octocat/logr"),
      week: fc.option(fc.integer({ min: 1, max: 52 }), { nil: null }),
      weeks: fc.array(fc.integer({ min: 1, max: 52 }), { maxLength: 3 }),
      projects: fc.array(fc.constantFrom("csvq", "logr"), { maxLength: 2 }),
      minutes: fc.integer({ min: 0, max: 600 }),
      problems: fc.array(fc.constantFrom("two-sum", "lru-cache"), { maxLength: 2 }),
      attributed: fc.uniqueArray(fc.constantFrom("csvq", "logr"), { maxLength: 2 }),
    }),
  )
  .map(([sha, entry]): [string, LedgerCommit] => [sha, { ...entry, timestamp: timeOf(sha) }]);
const ledgerArb = fc.array(entryArb, { maxLength: 12 }).chain((entries) =>
  fc
    .array(
      fc.tuple(
        fc.constantFrom("tikv/tikv#1", "tikv/tikv#2", "qdrant/qdrant#7"),
        fc.record({
          title: fc.constantFrom("Fix", "Feature"),
          url: fc.constant("https://github.com/x"),
          mergedAt: fc.constantFrom("2026-07-01T00:00:00Z", "2026-10-01T00:00:00Z"),
          labels: fc.array(fc.constantFrom("bug", "spam"), { maxLength: 2 }),
          files: fc.option(
            fc.array(
              fc.record({
                filename: fc.constantFrom("a.rs", "b.md"),
                additions: fc.nat(50),
                deletions: fc.nat(50),
              }),
              {
                maxLength: 2,
              },
            ),
            { nil: null },
          ),
        }),
      ),
      { maxLength: 4 },
    )
    .chain((pulls) =>
      fc
        .record({
          lastSeen: fc.array(
            fc.tuple(
              fc.constantFrom("octocat/csvq", "octocat/logr"),
              fc.record({
                sha: fc.constantFrom("a".repeat(40), "b".repeat(40)),
                timestamp: fc.constantFrom("2026-03-03T10:00:00Z", "2026-03-10T10:00:00Z"),
              }),
            ),
            { maxLength: 3 },
          ),
          engagement: fc.array(
            fc.tuple(
              fc.constantFrom("tikv/tikv#3", "qdrant/qdrant#9"),
              fc.record({
                title: fc.constantFrom("Crash", "Question"),
                url: fc.constant("https://github.com/y"),
                updatedAt: fc.constantFrom("2026-12-01T00:00:00Z", "2027-01-05T00:00:00Z"),
                dates: fc.array(fc.constantFrom("2026-12-01T00:00:00Z", "2026-11-02T00:00:00Z"), {
                  maxLength: 2,
                }),
              }),
            ),
            { maxLength: 3 },
          ),
          pace: fc.option(
            fc.record({
              asOf: fc.constantFrom("2026-05-01", "2026-06-01"),
              done: fc.nat(52),
              expected: fc.nat(52),
              aheadBy: fc.integer({ min: -52, max: 52 }),
              status: fc.constantFrom("ahead" as const, "on-track" as const, "behind" as const),
              plannedFinish: fc.constant("2027-02-28"),
              projectedFinish: fc.option(fc.constant("2027-03-10"), { nil: null }),
            }),
            { nil: null },
          ),
          // Some ledgers have folded their oldest commits into the archive.
          window: fc.integer({ min: 0, max: 12 }),
        })
        .map(
          (rest): Ledger =>
            compactLedger(
              {
                version: LEDGER_VERSION,
                commits: Object.fromEntries(entries),
                archive: null,
                pulls: Object.fromEntries(pulls),
                lastSeen: Object.fromEntries(rest.lastSeen),
                engagement: Object.fromEntries(rest.engagement),
                pace: rest.pace,
              },
              rest.window,
            ),
        ),
    ),
);

describe("the ledger", () => {
  it("records a commit in the week it was made, in the learner's time zone, with its claims and minutes", () => {
    // 20:00 UTC on Sunday 8 March is 01:30 on Monday 9 March in Kolkata: week 2.
    const commit = {
      sha: "a".repeat(40),
      message: "closes week 1\n\nTime: 1h30m",
      repo: "octocat/csvq",
      url: "u",
      timestamp: "2026-03-08T20:00:00Z",
    };
    const entry = ledgerEntry(commit, parseCommitMessage(commit.message, program), context);
    expect(entry).toEqual({
      repo: "octocat/csvq",
      timestamp: "2026-03-08T20:00:00Z",
      week: 2,
      weeks: [1],
      projects: [],
      minutes: 90,
      problems: [],
      attributed: [],
    });
    expect(weeklyTotals(recordCommits(emptyLedger(), { [commit.sha]: entry })).get(2)).toEqual({
      commits: 1,
      minutes: 90,
      problems: 0,
    });
  });

  it("gives byte-identical files whatever the order and repetition of deliveries", () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { minLength: 1, maxLength: 20 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        (entries, picks) => {
          const inOrder = entries.reduce(
            (ledger, [key, entry]) => recordCommits(ledger, { [key]: entry }),
            emptyLedger(),
          );
          // Another order, with repeats: every entry delivered at least once.
          const shuffled = [
            ...picks.map((pick) => entries[pick % entries.length]),
            ...entries.slice().reverse(),
          ].filter((item): item is [string, LedgerCommit] => item !== undefined);
          const other = shuffled.reduce(
            (ledger, [key, entry]) => recordCommits(ledger, { [key]: entry }),
            emptyLedger(),
          );
          expect(serializeLedger(other)).toBe(serializeLedger(inOrder));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("merges commutatively, associatively and idempotently", () => {
    fc.assert(
      fc.property(ledgerArb, ledgerArb, ledgerArb, (a, b, c) => {
        const text = (ledger: Ledger) => serializeLedger(ledger);
        expect(text(mergeLedgers(a, b))).toBe(text(mergeLedgers(b, a)));
        expect(text(mergeLedgers(mergeLedgers(a, b), c))).toBe(text(mergeLedgers(a, mergeLedgers(b, c))));
        expect(text(mergeLedgers(a, a))).toBe(text(a));
      }),
    );
  });

  it("reads back what it writes", () => {
    fc.assert(
      fc.property(ledgerArb, (ledger) => {
        expect(serializeLedger(parseLedger(serializeLedger(ledger)) as Ledger)).toBe(serializeLedger(ledger));
      }),
    );
  });

  it("reads a version-1 file as it was written", () => {
    const v1 = {
      version: 1,
      commits: {
        ["a".repeat(40)]: {
          repo: "octocat/csvq",
          timestamp: "2026-03-08T20:00:00Z",
          week: 2,
          weeks: [1],
          projects: [],
          minutes: 90,
          problems: [],
        },
      },
      pulls: {},
      lastSeen: {},
      engagement: {},
      pace: null,
    };
    const ledger = readLedger(JSON.stringify(v1, null, 2));
    expect(ledger.version).toBe(LEDGER_VERSION);
    expect(ledger.archive).toBeNull();
    expect(weeklyTotals(ledger).get(2)).toEqual({ commits: 1, minutes: 90, problems: 0 });
  });

  it.each([
    ["{not json", "", /^not a syllabot ledger: not valid JSON \(/],
    [
      '{"version": 3, "commits": {}}',
      "version",
      /^written by a newer syllabot \(ledger version 3; this one reads versions 1 and 2\): upgrade syllabot;/,
    ],
    ['{"version": 2, "commits": {"abc": {}}}', "commits.abc", /^not a syllabot ledger: /],
    [
      '{"version": 2, "commits": {}, "notes": "mine"}',
      "",
      /^not a syllabot ledger: Unrecognized key: "notes"/,
    ],
  ])("refuses to take %s for an empty ledger, naming what is wrong", (text, path, message) => {
    const error = (() => {
      try {
        readLedger(text);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InputError);
    const [problem] = (error as InputError).problems;
    expect(problem?.file).toBe(".syllabot/state.json");
    expect(problem?.path).toBe(path);
    expect(problem?.message).toMatch(message);
    expect(problem?.message).toContain(
      "syllabot will not write over it, nor refresh the README from it: repair it, or replace it with `syllabot rebuild`",
    );
    expect(parseLedger(text)).toBeUndefined();
  });

  it("reads no file, or one holding nothing but spaces, as an empty ledger", () => {
    expect(readLedger(undefined)).toEqual(emptyLedger());
    expect(readLedger(" \n")).toEqual(emptyLedger());
  });

  it("bounds what one commit writes: distinct claims, problem names cut, at most 50 problems", () => {
    const names = Array.from({ length: 80 }, (_, index) => `problem-${index}-${"x".repeat(200)}`);
    const commit = {
      sha: "f".repeat(40),
      message: "",
      repo: "octocat/dsa",
      url: "u",
      timestamp: "2026-03-03T10:00:00Z",
    };
    const entry = ledgerEntry(
      commit,
      { weeks: [3, 3, 4], projects: ["csvq", "csvq"], minutes: 30, problems: names, rejected: [] },
      context,
    );
    expect(entry.weeks).toEqual([3, 4]);
    expect(entry.projects).toEqual(["csvq"]);
    expect(entry.problems).toHaveLength(50);
    expect(Math.max(...entry.problems.map((name) => name.length))).toBe(100);
  });
});
