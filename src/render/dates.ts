import type { Temporal } from "temporal-polyfill";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
export const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Mon 2 Mar 2026": fixed English, independent of the machine's locale and ICU data. */
export function formatDate(date: Temporal.PlainDate, withYear = true): string {
  const base = `${WEEKDAYS[date.dayOfWeek - 1]} ${date.day} ${MONTHS[date.month - 1]}`;
  return withYear ? `${base} ${date.year}` : base;
}

/** "Mon 2 Mar – Sun 8 Mar 2026", with the year once when both ends share it. */
export function formatSpan(first: Temporal.PlainDate, last: Temporal.PlainDate): string {
  return `${formatDate(first, first.year !== last.year)} – ${formatDate(last)}`;
}
