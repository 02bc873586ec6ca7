import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importPlan } from "../../src/import/index.js";

/**
 * Whatever the text, import returns (never throws), and a draft that does not validate comes with
 * an error finding: no one is handed a broken draft silently.
 */

/** Lines in the shapes the recognisers look for, mixed with noise. */
const planLine = fc.oneof(
  fc.constantFrom(
    "# Title",
    "Phase 1 — Basics (Weeks 1–4)",
    "## Phase 2: More (weeks 5 to 8)",
    "PHASE 3 - END (WEEKS 9-9)",
    "Phase 4 — No weeks",
    "- Week 1: Read. Weekend: build.",
    "- **Weeks 2–3:** Build `tool`.",
    "Week 0: nothing",
    "Weeks 5-3: backwards",
    "Week 9999: far away",
    "| Phase | Weeks | Focus | Projects |",
    "|---|---|---|---|",
    "| 1 | 1–4 | Basics | tool |",
    "| 2 | x | Broken | |",
    "Project: tool — A tool",
    "Projects:",
    "tool— glued tagline",
    "Choose one of these.",
    "Option A: alpha — First",
    "Option B: beta — Second",
    "Objective: learn.",
    "Concepts to Internalize:",
    "End-of-Phase Check: Why? How?",
    "Done when:",
    "1. it works",
    "Parallel Track: Practice (Months 1–3)",
    "Months 1–3: Start (Phase 1)",
    "- Target: 2–3 problems per week",
    "| Project | Why |",
    "| X (github.com/o/r) | because |",
    "Minimum Bars",
    "| Phase | Goal |",
    "| Phase 1 | 1 merged PR |",
    "Phase 1 (Weeks 1–4) — First",
    "Goal: one PR.",
    "```",
    "=====",
    "-----",
    "",
  ),
  fc.string({ maxLength: 60 }),
);

describe("import on arbitrary text", () => {
  it("never throws, and a draft that does not validate has an error finding", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 400 }),
          fc.array(planLine, { maxLength: 40 }).map((lines) => lines.join("\n")),
        ),
        (text) => {
          const result = importPlan(text);
          const errors = result.findings.filter((finding) => finding.severity === "error");
          expect(result.valid || errors.length > 0).toBe(true);
          if (result.valid) expect(errors).toEqual([]);
          for (const finding of result.findings) expect(finding.line).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("is deterministic: the same text gives the same draft and report", () => {
    fc.assert(
      fc.property(
        fc.array(planLine, { maxLength: 30 }).map((lines) => lines.join("\n")),
        (text) => {
          expect(importPlan(text)).toEqual(importPlan(text));
        },
      ),
      { numRuns: 50 },
    );
  });
});
