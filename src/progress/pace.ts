import { type ProgramCalendar, Temporal, weekOn, weekSpan } from "../calendar.js";

export interface Pace {
  /** Distinct weeks done. */
  done: number;
  /** Weeks that have ended by today: what the plan expects done. */
  expected: number;
  /** done − expected: positive ahead of plan, negative behind. */
  aheadBy: number;
  status: "ahead" | "on-track" | "behind";
  /** The program's last day. */
  plannedFinish: Temporal.PlainDate;
  /**
   * When the last week would be done at the pace kept so far (weeks done per day since the start);
   * the day the last week was done once all are; undefined before anything is done.
   */
  projectedFinish: Temporal.PlainDate | undefined;
}

/** Pace from the weeks done and the days they were done, judged on the learner's `today`. */
export function pace(
  calendar: ProgramCalendar,
  doneWeeks: readonly { week: number; doneOn: Temporal.PlainDate }[],
  today: Temporal.PlainDate,
): Pace {
  const total = calendar.totalWeeks;
  const plannedFinish = weekSpan(calendar, total).last;
  const position = weekOn(calendar, today);
  const expected = position.kind === "before" ? 0 : position.kind === "during" ? position.week - 1 : total;
  const firstDone = new Map<number, Temporal.PlainDate>();
  for (const { week, doneOn } of doneWeeks) {
    if (week < 1 || week > total) continue;
    const known = firstDone.get(week);
    if (!known || Temporal.PlainDate.compare(doneOn, known) < 0) firstDone.set(week, doneOn);
  }
  const done = firstDone.size;
  const aheadBy = done - expected;
  const status = aheadBy > 0 ? "ahead" : aheadBy < 0 ? "behind" : "on-track";
  return {
    done,
    expected,
    aheadBy,
    status,
    plannedFinish,
    projectedFinish: projection(calendar, firstDone, today),
  };
}

function projection(
  calendar: ProgramCalendar,
  firstDone: ReadonlyMap<number, Temporal.PlainDate>,
  today: Temporal.PlainDate,
): Temporal.PlainDate | undefined {
  const done = firstDone.size;
  if (done === 0) return undefined;
  if (done === calendar.totalWeeks) {
    return [...firstDone.values()].sort(Temporal.PlainDate.compare).at(-1);
  }
  // Days since the start, today included: the pace kept so far, in weeks done a day.
  const days = Math.max(1, calendar.start.until(today, { largestUnit: "days" }).days + 1);
  const remainingDays = Math.ceil(((calendar.totalWeeks - done) * days) / done);
  return today.add({ days: remainingDays });
}
