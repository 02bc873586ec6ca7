import type { Temporal } from "../calendar.js";

/** The instant of a local date and minute after midnight in the program's time zone. */
export function localInstant(date: Temporal.PlainDate, minute: number, timeZone: string): string {
  return date
    .toPlainDateTime({ hour: Math.floor(minute / 60), minute: minute % 60 })
    .toZonedDateTime(timeZone)
    .toInstant()
    .toString();
}
