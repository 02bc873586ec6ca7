import { type ProgramCalendar, Temporal, weekOn, weekSpan } from "../calendar.js";

/**
 * The one definition of pace, shared by the README, the pictures, `status`, the Action's summary
 * and the ledger (they all read the report's `pace`, which is this).
 *
 * - done: distinct program weeks finished, however they were finished (a commit, by hand, or closed
 *   by backfill at installation: such weeks have no day they were done, but they are done);
 * - expected: the weeks that have ended by today;
 * - aheadBy: done − expected;
 * - projected finish: the planned finish moved by as many weeks as the learner is ahead (earlier)
 *   or behind (later): the remaining weeks taking a week each, as planned, from where the learner
 *   stands. After the program has ended, the remaining weeks can start no earlier than today.
 *
 * So the standing and the projection cannot disagree: ahead ⇔ projected before planned, on plan ⇔
 * the same day, behind ⇔ after.
 */
export interface Pace {
  /** Distinct weeks done. */
  done: number;
  /** Weeks that have ended by today: what the plan expects done. */
  expected: number;
  /** done − expected: positive ahead of plan, negative behind. */
  aheadBy: number;
  status: PaceStatus;
  /** The program's last day. */
  plannedFinish: Temporal.PlainDate;
  /** When the last week would be done, keeping the plan's pace from where the learner stands. */
  projectedFinish: Temporal.PlainDate;
}

export type PaceStatus = "ahead" | "on-track" | "behind";

/** Pace from the weeks done (week numbers; outside the program and repeats ignored), judged on `today`. */
export function pace(
  calendar: ProgramCalendar,
  doneWeeks: Iterable<number>,
  today: Temporal.PlainDate,
): Pace {
  const total = calendar.totalWeeks;
  const plannedFinish = weekSpan(calendar, total).last;
  const position = weekOn(calendar, today);
  const expected = position.kind === "before" ? 0 : position.kind === "during" ? position.week - 1 : total;
  const done = new Set([...doneWeeks].filter((week) => Number.isInteger(week) && week >= 1 && week <= total))
    .size;
  const aheadBy = done - expected;
  return {
    done,
    expected,
    aheadBy,
    status: paceStatus(aheadBy),
    plannedFinish,
    projectedFinish: projectedFinish(
      plannedFinish,
      aheadBy,
      total - done,
      position.kind === "after" ? today : undefined,
    ),
  };
}

export function paceStatus(aheadBy: number): PaceStatus {
  return aheadBy > 0 ? "ahead" : aheadBy < 0 ? "behind" : "on-track";
}

function projectedFinish(
  plannedFinish: Temporal.PlainDate,
  aheadBy: number,
  remaining: number,
  afterTheEnd: Temporal.PlainDate | undefined,
): Temporal.PlainDate {
  const shifted = plannedFinish.subtract({ days: 7 * aheadBy });
  if (afterTheEnd === undefined || remaining === 0) return shifted;
  // Past the end, a week started today ends six days on.
  const fromToday = afterTheEnd.add({ days: 7 * remaining - 1 });
  return Temporal.PlainDate.compare(fromToday, shifted) > 0 ? fromToday : shifted;
}
