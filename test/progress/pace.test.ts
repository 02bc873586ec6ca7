import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ProgramCalendar, Temporal } from "../../src/calendar.js";
import type { PlanContext } from "../../src/model/context.js";
import { emptyLedger } from "../../src/progress/ledger.js";
import { type PaceStatus, pace } from "../../src/progress/pace.js";
import { progressReport } from "../../src/progress/report.js";
import { closedWeekIssue, date, exampleContext, miniContext } from "../helpers/setup.js";

const calendar = { start: date("2026-03-02"), timeZone: "Asia/Kolkata", totalWeeks: 52 };
const weeks = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

/** The standing and the projection agree: ahead ⇔ before the planned finish, behind ⇔ after. */
function expectConsistent(
  result: {
    status: PaceStatus;
    done: number;
    expected: number;
    plannedFinish: unknown;
    projectedFinish: unknown;
  },
  total: number,
) {
  const order = Temporal.PlainDate.compare(
    Temporal.PlainDate.from(String(result.projectedFinish)),
    Temporal.PlainDate.from(String(result.plannedFinish)),
  );
  expect({ ahead: -1, "on-track": 0, behind: 1 }[result.status]).toBe(order);
  expect(result.done).toBeGreaterThanOrEqual(0);
  expect(result.done).toBeLessThanOrEqual(total);
  expect(result.expected).toBeGreaterThanOrEqual(0);
  expect(result.expected).toBeLessThanOrEqual(total);
}

describe("pace", () => {
  it("is on plan, and projects the planned finish, when the weeks done are the weeks ended", () => {
    // 2026-11-24 is in week 39: 38 weeks have ended.
    const result = pace(calendar, weeks(38), date("2026-11-24"));
    expect(result).toMatchObject({ done: 38, expected: 38, aheadBy: 0, status: "on-track" });
    expect(result.plannedFinish.toString()).toBe("2027-02-28");
    expect(result.projectedFinish.toString()).toBe("2027-02-28");
  });

  it("counts weeks ahead and behind, each week once, ignoring weeks outside the program", () => {
    const today = date("2026-04-15"); // week 7: 6 weeks ended
    const behind = pace(calendar, [...weeks(4), 4, 60, 0], today);
    expect(behind).toMatchObject({ done: 4, expected: 6, aheadBy: -2, status: "behind" });
    expect(behind.projectedFinish.toString()).toBe("2027-03-14");
    const ahead = pace(calendar, weeks(8), today);
    expect(ahead).toMatchObject({ aheadBy: 2, status: "ahead" });
    expect(ahead.projectedFinish.toString()).toBe("2027-02-14");
  });

  it("after the end, projects the weeks left from today", () => {
    const result = pace(calendar, weeks(50), date("2027-06-01"));
    expect(result).toMatchObject({ done: 50, expected: 52, status: "behind" });
    expect(result.projectedFinish.toString()).toBe("2027-06-14");
  });

  it("never says ahead with a later finish, nor behind with an earlier one, over any calendar", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 110 }),
        fc.array(fc.integer({ min: -3, max: 115 })),
        fc.integer({ min: -60, max: 900 }),
        (startOffset, totalWeeks, done, todayOffset) => {
          const program: ProgramCalendar = {
            start: date("2025-01-01").add({ days: startOffset }),
            timeZone: "UTC",
            totalWeeks,
          };
          const result = pace(program, done, program.start.add({ days: todayOffset }));
          expectConsistent(result, totalWeeks);
        },
      ),
    );
  });
});

describe("the report's pace over random histories", () => {
  const contexts = [
    exampleContext(),
    miniContext(
      "learner: octocat\nstart: 2026-01-05\ntimezone: Europe/Berlin\ncurriculum: test/fixtures/mini-curriculum.yaml\ncapstone: beta\n",
    ),
  ];

  it("agrees with itself whatever was closed when, by commits, by hand or by backfill at installation", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...contexts),
        fc.integer({ min: -400, max: 400 }),
        // Per week: not closed, or closed this many days after the start.
        fc.array(fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 420 }),
        fc.integer({ min: -30, max: 450 }),
        (base, startShift, closes, installOffset, todayOffset) => {
          const start = base.calendar.start.add({ days: startShift });
          const context: PlanContext = { ...base, calendar: { ...base.calendar, start } };
          const total = context.calendar.totalWeeks;
          const installedOn = start.add({ days: installOffset });
          const today = start.add({ days: todayOffset });
          const issues = closes.slice(0, total).flatMap((offset, index) => {
            if (offset === undefined) return [];
            // Backfill closes the weeks already over at installation, on the day of installation.
            const closedOn = index % 3 === 0 ? installedOn : start.add({ days: offset });
            return [
              closedWeekIssue(
                context,
                index + 1,
                closedOn.toZonedDateTime({ timeZone: "UTC", plainTime: "12:00" }).toInstant().toString(),
              ),
            ];
          });
          const report = progressReport({
            context,
            issues,
            ledger: emptyLedger(),
            bars: [],
            today,
            installedOn,
          });
          expectConsistent(report.pace, total);
          const finished = report.weeks.filter(
            (week) => week.status === "done" || week.status === "late",
          ).length;
          expect(report.pace.done).toBe(finished);
        },
      ),
      { numRuns: 200 },
    );
  });
});
