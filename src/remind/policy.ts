import { spanOfWeeks, Temporal } from "../calendar.js";
import type { PlanContext } from "../model/context.js";
import type { BarStatus } from "../progress/oss.js";

/**
 * When reminders are due: for each phase whose open-source bar is unmet, at the configured lead
 * days before the phase's last day and on the day after it passes, judged on the learner's local
 * date. Pure: the thresholds already sent are read from GitHub by the caller.
 */

/** `lead-21` (21 days before the phase's last day) or `missed` (the day after it). */
export type ThresholdId = `lead-${number}` | "missed";

export interface Threshold {
  id: ThresholdId;
  /** The learner's local date on which it is reached. */
  on: Temporal.PlainDate;
}

export interface DueReminder {
  phase: number;
  threshold: Threshold;
  bar: BarStatus;
}

export const reminderKey = (phase: number) => `reminder-phase-${phase}`;

/** The hidden record, in a reminder issue's body or comment, of the threshold it was sent for. */
export function thresholdMarker(id: ThresholdId): string {
  return `<!-- syllabot:reminder=${id} -->`;
}

/** The thresholds recorded in these texts (an issue's body and its comments). */
export function sentThresholds(texts: readonly (string | null | undefined)[]): Set<string> {
  const sent = new Set<string>();
  for (const text of texts) {
    for (const match of (text ?? "").matchAll(/<!-- syllabot:reminder=(lead-\d+|missed) -->/g)) {
      sent.add(String(match[1]));
    }
  }
  return sent;
}

/** A phase's thresholds in date order: each lead day before its last day, then the day after it. */
export function thresholdsOf(context: PlanContext, phase: number): Threshold[] {
  const found = context.curriculum.phases.find((candidate) => candidate.number === phase);
  if (!found) return [];
  const last = spanOfWeeks(context.calendar, found.weeks.from, found.weeks.to).last;
  const leads = [...new Set(context.config.reminders.lead_days)].sort((a, b) => b - a);
  return [
    ...leads.map((days): Threshold => ({ id: `lead-${days}`, on: last.subtract({ days }) })),
    { id: "missed", on: last.add({ days: 1 }) },
  ];
}

/**
 * The latest threshold a phase has reached by `today`, when the bar is unmet: the one reminder a
 * run sends, however many thresholds it missed (the app was down). Earlier ones are superseded.
 */
export function latestReached(
  context: PlanContext,
  phase: number,
  today: Temporal.PlainDate,
): Threshold | undefined {
  return thresholdsOf(context, phase)
    .filter((threshold) => Temporal.PlainDate.compare(threshold.on, today) <= 0)
    .at(-1);
}

/**
 * The reminders due today: for each unmet bar, its latest reached threshold, unless that one or a
 * later one was sent already (so a reminder is never due twice).
 */
export function dueReminders(
  context: PlanContext,
  bars: readonly BarStatus[],
  today: Temporal.PlainDate,
  sent: ReadonlyMap<number, ReadonlySet<string>>,
): DueReminder[] {
  const due: DueReminder[] = [];
  for (const bar of bars) {
    if (bar.state === "met") continue;
    const latest = latestReached(context, bar.bar.phase, today);
    if (!latest) continue;
    const already = sent.get(bar.bar.phase) ?? new Set<string>();
    const order = thresholdsOf(context, bar.bar.phase).map((threshold) => threshold.id);
    const latestIndex = order.indexOf(latest.id);
    if (order.some((id, index) => index >= latestIndex && already.has(id))) continue;
    due.push({ phase: bar.bar.phase, threshold: latest, bar });
  }
  return due;
}

/** The next day a reminder would be due if the bars stay as they are: for `syllabot status`. */
export function nextReminder(
  context: PlanContext,
  bars: readonly BarStatus[],
  today: Temporal.PlainDate,
): { phase: number; threshold: Threshold } | undefined {
  let next: { phase: number; threshold: Threshold } | undefined;
  for (const bar of bars) {
    if (bar.state === "met") continue;
    for (const threshold of thresholdsOf(context, bar.bar.phase)) {
      if (Temporal.PlainDate.compare(threshold.on, today) <= 0) continue;
      if (!next || Temporal.PlainDate.compare(threshold.on, next.threshold.on) < 0) {
        next = { phase: bar.bar.phase, threshold };
      }
      break;
    }
  }
  return next;
}
