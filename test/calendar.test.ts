import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canonicalTimeZone,
  dueOnFor,
  endOfLocalDay,
  githubDueDate,
  localDate,
  type ProgramCalendar,
  programMonth,
  spanOfWeeks,
  Temporal,
  weekOn,
  weekSpan,
} from "../src/calendar.js";
import { date } from "./helpers/setup.js";

/** Zones chosen for their traps: DST both ways, both hemispheres, midnight gaps, half-hour offsets, the date line. */
const ZONES = [
  "UTC",
  "Asia/Kolkata",
  "Europe/Berlin",
  "America/Los_Angeles",
  "America/New_York",
  "America/Santiago",
  "America/Sao_Paulo",
  "Australia/Sydney",
  "Australia/Lord_Howe",
  "Pacific/Auckland",
  "Pacific/Chatham",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
  "Asia/Tehran",
  "Africa/Casablanca",
  "America/St_Johns",
];

const startDate = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2060-12-31T00:00:00Z"), noInvalidDate: true })
  .map((value) => Temporal.PlainDate.from(value.toISOString().slice(0, 10)));
const zone = fc.constantFrom(...ZONES);
const calendarArb = fc.record({
  start: startDate,
  timeZone: zone,
  totalWeeks: fc.integer({ min: 1, max: 120 }),
}) satisfies fc.Arbitrary<ProgramCalendar>;

describe("calendar", () => {
  it("maps every day of the program to exactly one week, whose span contains it", () => {
    fc.assert(
      fc.property(calendarArb, fc.nat(), (calendar, offset) => {
        const day = calendar.start.add({ days: offset % (7 * calendar.totalWeeks) });
        const position = weekOn(calendar, day);
        expect(position.kind).toBe("during");
        if (position.kind !== "during") return;
        const span = weekSpan(calendar, position.week);
        expect(Temporal.PlainDate.compare(span.first, day)).toBeLessThanOrEqual(0);
        expect(Temporal.PlainDate.compare(day, span.last)).toBeLessThanOrEqual(0);
        const containing = Array.from({ length: calendar.totalWeeks }, (_, index) =>
          weekSpan(calendar, index + 1),
        ).filter(
          (candidate) =>
            Temporal.PlainDate.compare(candidate.first, day) <= 0 &&
            Temporal.PlainDate.compare(day, candidate.last) <= 0,
        );
        expect(containing).toHaveLength(1);
      }),
    );
  });

  it("starts week n+1 the day after week n ends, 7 days each, for any start weekday", () => {
    fc.assert(
      fc.property(calendarArb, (calendar) => {
        for (let week = 1; week < calendar.totalWeeks; week++) {
          const current = weekSpan(calendar, week);
          expect(current.first.until(current.last).days).toBe(6);
          expect(weekSpan(calendar, week + 1).first.equals(current.last.add({ days: 1 }))).toBe(true);
        }
        expect(weekSpan(calendar, 1).first.equals(calendar.start)).toBe(true);
      }),
    );
  });

  it("places days before and after the program outside it", () => {
    const calendar = { start: date("2026-03-02"), timeZone: "Asia/Kolkata", totalWeeks: 52 };
    expect(weekOn(calendar, date("2026-03-01"))).toEqual({ kind: "before", daysUntilStart: 1 });
    expect(weekOn(calendar, date("2027-02-28"))).toEqual({ kind: "during", week: 52, day: 7 });
    expect(weekOn(calendar, date("2027-03-01"))).toEqual({ kind: "after", daysSinceEnd: 1 });
    expect(weekOn(calendar, date("2026-11-24"))).toEqual({ kind: "during", week: 39, day: 2 });
  });

  it("sends a due_on that GitHub, flooring to the US Pacific date, stores as the phase's last local day", () => {
    fc.assert(
      fc.property(calendarArb, fc.integer({ min: 1, max: 120 }), (calendar, week) => {
        const last = spanOfWeeks(calendar, 1, Math.min(week, calendar.totalWeeks)).last;
        expect(githubDueDate(dueOnFor(last)).equals(last)).toBe(true);
      }),
    );
  });

  it("reads GitHub's stored due_on (Pacific midnight, in UTC) as its date, in summer and winter", () => {
    expect(githubDueDate("2026-04-12T07:00:00Z").toString()).toBe("2026-04-12");
    expect(githubDueDate("2026-12-06T08:00:00Z").toString()).toBe("2026-12-06");
    // The quirk itself: midnight UTC is still the previous day in Pacific time.
    expect(githubDueDate("2026-04-12T00:00:00Z").toString()).toBe("2026-04-11");
  });

  it("ends a local day at the next day's first instant, even when midnight does not exist", () => {
    // America/Santiago skipped 2022-09-11 00:00–01:00: the day starts at 01:00 local (04:00Z).
    expect(endOfLocalDay(date("2022-09-10"), "America/Santiago").toString()).toBe("2022-09-11T04:00:00Z");
    expect(endOfLocalDay(date("2026-03-28"), "Europe/Berlin").toString()).toBe("2026-03-28T23:00:00Z");
    expect(endOfLocalDay(date("2026-03-29"), "Europe/Berlin").toString()).toBe("2026-03-29T22:00:00Z");
  });

  it("tells the learner's local date from an instant, across the date line", () => {
    const instant = Temporal.Instant.from("2026-11-24T11:30:00Z");
    expect(localDate(instant, "Pacific/Kiritimati").toString()).toBe("2026-11-25");
    expect(localDate(instant, "Pacific/Pago_Pago").toString()).toBe("2026-11-24");
  });

  it("counts program months from the start date", () => {
    const calendar = { start: date("2026-01-31"), timeZone: "UTC", totalWeeks: 52 };
    expect(programMonth(calendar, date("2026-01-31"))).toBe(1);
    expect(programMonth(calendar, date("2026-02-28"))).toBe(1);
    expect(programMonth(calendar, date("2026-03-31"))).toBe(3);
    expect(programMonth(calendar, date("2027-01-31"))).toBe(13);
  });

  it("accepts IANA names, canonical or alias, and rejects unknown names and bare offsets", () => {
    expect(canonicalTimeZone("Asia/Kolkata")).toBe("Asia/Kolkata");
    expect(canonicalTimeZone("Asia/Calcutta")).toBeDefined();
    expect(canonicalTimeZone("Mars/Olympus_Mons")).toBeUndefined();
    expect(canonicalTimeZone("+05:30")).toBeUndefined();
  });
});
