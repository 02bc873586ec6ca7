import { describe, expect, it } from "vitest";
import { Temporal } from "../../src/calendar.js";
import { emptyLedger } from "../../src/progress/ledger.js";
import { progressReport } from "../../src/progress/report.js";
import { renderProgressRegion } from "../../src/render/readme.js";
import { closedWeekIssue, date, exampleContext } from "../helpers/setup.js";

const context = exampleContext();

const closedWeek = (week: number, closedAt: string) =>
  closedWeekIssue(context, week, closedAt, "2026-03-16T04:00:00Z");

describe("the report's pace", () => {
  // Installed in week 3 with `backfill: close`: weeks 1 and 2 closed at installation (no day they
  // were done), week 3 closed by a commit the next day. 3 of 52 done, 2 expected: one week ahead.
  const report = progressReport({
    context,
    issues: [
      closedWeek(1, "2026-03-16T04:00:00Z"),
      closedWeek(2, "2026-03-16T04:00:00Z"),
      closedWeek(3, "2026-03-17T10:00:00Z"),
    ],
    ledger: emptyLedger(),
    bars: [],
    today: date("2026-03-18"),
    installedOn: date("2026-03-16"),
  });

  it("projects a finish before the planned one when it says the learner is ahead, backfilled weeks included", () => {
    expect(report.pace).toMatchObject({ done: 3, expected: 2, aheadBy: 1, status: "ahead" });
    const projected = Temporal.PlainDate.from(report.pace.projectedFinish ?? "");
    expect(Temporal.PlainDate.compare(projected, Temporal.PlainDate.from(report.pace.plannedFinish))).toBe(
      -1,
    );
  });

  it("does not print a late projected finish beside 'ahead of plan' in the README", () => {
    const region = renderProgressRegion(report, ".syllabot");
    const line = region.split("\n").find((text) => text.startsWith("**Pace:**")) ?? "";
    expect(line).toContain("1 week ahead of plan");
    expect(line).toContain("Projected finish Sun 21 Feb 2027 (planned Sun 28 Feb 2027)");
  });
});
