import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Temporal } from "../../src/calendar.js";
import { parseCommitMessage } from "../../src/progress/commit-grammar.js";
import {
  compactLedger,
  emptyLedger,
  type Ledger,
  type LedgerCommit,
  ledgerEntry,
  mergeLedgers,
  parseLedger,
  recordCommits,
  serializeLedger,
} from "../../src/progress/ledger.js";
import { progressReport } from "../../src/progress/report.js";
import { itFull } from "../helpers/depth.js";
import { date, exampleContext } from "../helpers/setup.js";

const context = exampleContext();
const program = {
  totalWeeks: 52,
  projectSlugs: new Set(context.curriculum.projects.map((project) => project.slug)),
};
const REPOS = ["octocat/csvq", "octocat/logr", "octocat/dsa"];
const MESSAGES = [
  "wip",
  "refactor the parser",
  "closes week 3\n\nTime: 1h30m",
  "week 9 done\n\nTime: 45m",
  "closes project csvq",
  "arrays\n\nProblem: two-sum\nProblem: contains-duplicate",
  "Time: 2h",
];

/** A commit of the learner's, as the ledger records it, made `minutes` after the program's start. */
function commitAt(index: number, minutes: number, message: string, repo: string): [string, LedgerCommit] {
  const sha = (index + 1).toString(16).padStart(40, "0");
  const timestamp = Temporal.Instant.from("2026-03-02T00:00:00Z").add({ minutes }).toString();
  const commit = { sha, message, repo, url: "u", timestamp };
  return [sha, ledgerEntry(commit, parseCommitMessage(message, program), context)];
}

/** Distinct commits over a year, in no particular order of SHA. */
const commitsArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 525_600 }), { minLength: 1, maxLength: 40 })
  .chain((times) =>
    fc
      .tuple(
        fc.array(fc.constantFrom(...MESSAGES), { minLength: times.length, maxLength: times.length }),
        fc.array(fc.constantFrom(...REPOS), { minLength: times.length, maxLength: times.length }),
      )
      .map(([messages, repos]) =>
        times.map((minutes, index) => commitAt(index, minutes, messages[index] ?? "", repos[index] ?? "")),
      ),
  );

const text = (ledger: Ledger) => serializeLedger(ledger);
const byTime = (commits: readonly [string, LedgerCommit][]) =>
  [...commits].sort(([, left], [, right]) => Date.parse(left.timestamp) - Date.parse(right.timestamp));

describe("the ledger's archive", () => {
  it("gives the bytes rebuild gives, whatever the order and repetition of pushes that come within the window", {
    timeout: 120_000,
  }, () => {
    fc.assert(
      fc.property(
        commitsArb,
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.nat(), { maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (commits, window, shuffle, repeats) => {
          const rebuilt = recordCommits(emptyLedger(), Object.fromEntries(commits), window);
          // Pushes in time order, each of fewer commits than the window, each shuffled inside; any
          // commit already delivered comes again at any later point, however old.
          const chronological = byTime(commits);
          let ledger = emptyLedger();
          const delivered: [string, LedgerCommit][] = [];
          for (let start = 0; start < chronological.length; start += window) {
            const push = chronological.slice(start, start + window);
            for (let index = push.length - 1; index > 0; index--) {
              const other = (shuffle[(start + index) % Math.max(1, shuffle.length)] ?? 0) % (index + 1);
              [push[index], push[other]] = [
                push[other] as [string, LedgerCommit],
                push[index] as [string, LedgerCommit],
              ];
            }
            for (const commit of push) {
              ledger = recordCommits(ledger, Object.fromEntries([commit]), window);
              delivered.push(commit);
              const again =
                delivered[(repeats[delivered.length % Math.max(1, repeats.length)] ?? 0) % delivered.length];
              if (again && repeats.length > 0)
                ledger = recordCommits(ledger, Object.fromEntries([again]), window);
            }
          }
          expect(text(ledger)).toBe(text(rebuilt));
          // Delivering everything again, in one push, changes nothing.
          expect(text(recordCommits(ledger, Object.fromEntries(commits), window))).toBe(text(ledger));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("keeps the report's numbers when it folds commits: per week, per project, DSA, hours, streaks, last activity", {
    timeout: 120_000,
  }, () => {
    const issues: never[] = [];
    fc.assert(
      fc.property(commitsArb, fc.integer({ min: 0, max: 10 }), (commits, window) => {
        const listed = recordCommits(emptyLedger(), Object.fromEntries(commits), Number.POSITIVE_INFINITY);
        const folded = compactLedger(listed, window);
        expect(Object.keys(folded.commits).length).toBe(Math.min(window, commits.length));
        for (const today of [date("2026-06-15"), date("2027-03-01")]) {
          const report = (ledger: Ledger) => progressReport({ context, issues, ledger, bars: [], today });
          expect(report(folded)).toEqual(report(listed));
        }
      }),
      { numRuns: 100 },
    );
  });

  it("does not count a straggler older than the window when it first comes after it; rebuild does", () => {
    const commits = [0, 60, 120, 180].map((minutes, index) =>
      commitAt(index, minutes, "Time: 1h", "octocat/csvq"),
    );
    const [straggler, ...rest] = commits;
    if (!straggler) throw new Error("no commits");
    const incremental = recordCommits(emptyLedger(), Object.fromEntries(rest), 2);
    // The straggler is older than every commit the window holds: it cannot tell it from one it folded.
    expect(text(recordCommits(incremental, Object.fromEntries([straggler]), 2))).toBe(text(incremental));
    const rebuilt = recordCommits(emptyLedger(), Object.fromEntries(commits), 2);
    expect(rebuilt.archive?.repos["octocat/csvq"]?.weeks["1"]).toEqual({
      commits: 2,
      minutes: 120,
      problems: 0,
    });
  });

  itFull(
    "holds 100,000 commits in well under 1 MiB, reads them back, merges them and equals the rebuilt file",
    {
      timeout: 300_000,
    },
    () => {
      const commits: [string, LedgerCommit][] = [];
      for (let index = 0; index < 100_000; index++) {
        // A year of work, about 275 commits a day across three repositories; every seventh one
        // logs time, some finish a week or a project or solve a DSA problem.
        const message = index % 7 === 0 ? (MESSAGES[index % MESSAGES.length] ?? "") : "wip";
        commits.push(commitAt(index, Math.floor(index * 5.25), message, REPOS[index % 3] ?? ""));
      }
      let ledger = emptyLedger();
      // Pushed 10,000 commits at a time, like the push that reset the old ledger.
      for (let start = 0; start < commits.length; start += 10_000) {
        ledger = recordCommits(ledger, Object.fromEntries(commits.slice(start, start + 10_000)));
      }
      const written = serializeLedger(ledger);
      expect(Buffer.byteLength(written)).toBeLessThan(256 * 1024);
      const read = parseLedger(written);
      expect(read).toBeDefined();
      expect(serializeLedger(read as Ledger)).toBe(written);
      expect(serializeLedger(mergeLedgers(read as Ledger, ledger))).toBe(written);
      expect(serializeLedger(recordCommits(emptyLedger(), Object.fromEntries(commits)))).toBe(written);
      const report = progressReport({ context, issues: [], ledger, bars: [], today: date("2027-03-01") });
      const all = recordCommits(emptyLedger(), Object.fromEntries(commits), Number.POSITIVE_INFINITY);
      expect(report).toEqual(
        progressReport({ context, issues: [], ledger: all, bars: [], today: date("2027-03-01") }),
      );
      expect(report.projects.find((project) => project.slug === "csvq")?.commits).toBe(33_334);
    },
  );
});
