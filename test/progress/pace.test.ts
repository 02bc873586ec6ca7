import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Temporal, weekSpan } from "../../src/calendar.js";
import { pace } from "../../src/progress/pace.js";
import { date } from "../helpers/setup.js";

const calendar = { start: date("2026-03-02"), timeZone: "Asia/Kolkata", totalWeeks: 52 };
/** Week n done on its last day: exactly the plan's pace. */
const onPlan = (weeks: number) =>
  Array.from({ length: weeks }, (_, index) => ({
    week: index + 1,
    doneOn: weekSpan(calendar, index + 1).last,
  }));

describe("pace", () => {
  it("is on track, and projects the planned finish, when each week is done as it ends", () => {
    // 2026-11-24 is in week 39: 38 weeks have ended.
    const result = pace(calendar, onPlan(38), date("2026-11-24"));
    expect(result).toMatchObject({ done: 38, expected: 38, aheadBy: 0, status: "on-track" });
    expect(result.plannedFinish.toString()).toBe("2027-02-28");
    // 38 weeks in 268 days; 14 more at that pace is 99 days on.
    expect(result.projectedFinish?.toString()).toBe("2027-03-03");
  });

  it("counts weeks ahead and behind, each week once, ignoring weeks outside the program", () => {
    const today = date("2026-04-15"); // week 7: 6 weeks ended
    const behind = pace(
      calendar,
      [...onPlan(4), { week: 4, doneOn: date("2026-04-01") }, { week: 60, doneOn: today }],
      today,
    );
    expect(behind).toMatchObject({ done: 4, expected: 6, aheadBy: -2, status: "behind" });
    expect(pace(calendar, onPlan(8), today)).toMatchObject({ aheadBy: 2, status: "ahead" });
  });

  it("has no projection before anything is done, and the last week's day once all are", () => {
    expect(pace(calendar, [], date("2026-03-10")).projectedFinish).toBeUndefined();
    const all = onPlan(52);
    expect(pace(calendar, all, date("2027-03-10")).projectedFinish?.toString()).toBe("2027-02-28");
  });

  it("projects later the fewer weeks are done, and never before today", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 360 }), (weeks, offset) => {
        const today = calendar.start.add({ days: offset });
        const fewer = pace(calendar, onPlan(weeks), today).projectedFinish;
        const more = pace(calendar, onPlan(weeks + 1), today).projectedFinish;
        if (!fewer || !more) throw new Error("no projection");
        expect(Temporal.PlainDate.compare(fewer, more)).toBeGreaterThanOrEqual(0);
        expect(Temporal.PlainDate.compare(more, today)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
