import { Temporal } from "temporal-polyfill";

/**
 * The program's calendar. Weeks are runs of 7 local days starting on the learner's start date;
 * a day is a date in the learner's time zone, so DST never shifts a week.
 */
export interface ProgramCalendar {
  start: Temporal.PlainDate;
  timeZone: string;
  totalWeeks: number;
}

export interface DateSpan {
  first: Temporal.PlainDate;
  last: Temporal.PlainDate;
}

/** GitHub stores a milestone's due date as a date at midnight in this zone. */
export const GITHUB_DUE_ON_ZONE = "America/Los_Angeles";

export function weekSpan(calendar: ProgramCalendar, week: number): DateSpan {
  const first = calendar.start.add({ days: 7 * (week - 1) });
  return { first, last: first.add({ days: 6 }) };
}

export function spanOfWeeks(calendar: ProgramCalendar, from: number, to: number): DateSpan {
  return { first: weekSpan(calendar, from).first, last: weekSpan(calendar, to).last };
}

export type WeekPosition =
  | { kind: "before"; daysUntilStart: number }
  | { kind: "during"; week: number; day: number }
  | { kind: "after"; daysSinceEnd: number };

/** Where date `date` (a local date of the learner's) falls in the program. */
export function weekOn(calendar: ProgramCalendar, date: Temporal.PlainDate): WeekPosition {
  const days = calendar.start.until(date, { largestUnit: "days" }).days;
  if (days < 0) return { kind: "before", daysUntilStart: -days };
  const week = Math.floor(days / 7) + 1;
  if (week > calendar.totalWeeks) return { kind: "after", daysSinceEnd: days - 7 * calendar.totalWeeks + 1 };
  return { kind: "during", week, day: (days % 7) + 1 };
}

/** The learner's local date at an instant. */
export function localDate(instant: Temporal.Instant, timeZone: string): Temporal.PlainDate {
  return instant.toZonedDateTimeISO(timeZone).toPlainDate();
}

/**
 * The instant a local day ends: the start of the next day in the learner's zone. Temporal resolves
 * days that begin in a DST gap (America/Santiago's midnight) to the first instant that exists.
 */
export function endOfLocalDay(date: Temporal.PlainDate, timeZone: string): Temporal.Instant {
  return date.add({ days: 1 }).toZonedDateTime({ timeZone }).toInstant();
}

/** Month of the program (1-based) in which local date `date` falls; month 1 starts on the start date. */
export function programMonth(calendar: ProgramCalendar, date: Temporal.PlainDate): number {
  const elapsed = calendar.start.until(date, { largestUnit: "months" });
  return elapsed.sign < 0 ? 0 : elapsed.years * 12 + elapsed.months + 1;
}

/**
 * The `due_on` to send so that GitHub stores local date `date`: GitHub keeps only the US Pacific
 * date of the timestamp, and noon UTC falls on the same date in Pacific time all year.
 */
export function dueOnFor(date: Temporal.PlainDate): string {
  return `${date.toString()}T12:00:00Z`;
}

/** The date GitHub shows for a stored or sent `due_on`, as GitHub floors it. */
export function githubDueDate(dueOn: string): Temporal.PlainDate {
  return Temporal.Instant.from(dueOn).toZonedDateTimeISO(GITHUB_DUE_ON_ZONE).toPlainDate();
}

/** A strict `YYYY-MM-DD` that is a real date, or undefined. */
export function parsePlainDate(value: string): Temporal.PlainDate | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  try {
    return Temporal.PlainDate.from(value, { overflow: "reject" });
  } catch {
    return undefined;
  }
}

/** The canonical IANA name of a time zone, or undefined for unknown names and bare UTC offsets. */
export function canonicalTimeZone(name: string): string | undefined {
  if (!/^[A-Za-z]/.test(name)) return undefined;
  try {
    return Temporal.Now.zonedDateTimeISO(name).timeZoneId;
  } catch {
    return undefined;
  }
}

export { Temporal };
