/**
 * The pace in words, for every place that shows it (README region, `status`, the Action's log):
 * one wording of the one pace (`progress/pace.ts`), so no two places can tell it differently.
 */
import { Temporal } from "../calendar.js";
import type { PaceReport } from "../progress/report-types.js";
import { count } from "../text/plural.js";
import { formatDate } from "./dates.js";

const day = (iso: string) => formatDate(Temporal.PlainDate.from(iso));

/** "on plan", "1 week ahead of plan", "3 weeks behind plan". */
export function paceStanding(pace: PaceReport): string {
  if (pace.status === "on-track") return "on plan";
  return `${count(Math.abs(pace.aheadBy), "week")} ${pace.status === "ahead" ? "ahead of" : "behind"} plan`;
}

/** "3 of 52 weeks done". */
export function paceDone(pace: PaceReport, totalWeeks: number): string {
  return `${pace.done} of ${count(totalWeeks, "week")} done`;
}

/** "projected finish Sun 21 Feb 2027 (planned Sun 28 Feb 2027)", or "finish as planned, Sun 28 Feb 2027". */
export function paceFinish(pace: PaceReport): string {
  return pace.projectedFinish === pace.plannedFinish
    ? `finish as planned, ${day(pace.plannedFinish)}`
    : `projected finish ${day(pace.projectedFinish)} (planned ${day(pace.plannedFinish)})`;
}
