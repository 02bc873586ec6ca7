import type { Temporal } from "../calendar.js";

/** The instant of a local date and minute after midnight in the program's time zone. */
export function localInstant(date: Temporal.PlainDate, minute: number, timeZone: string): string {
  return date
    .toPlainDateTime({ hour: Math.floor(minute / 60), minute: minute % 60 })
    .toZonedDateTime(timeZone)
    .toInstant()
    .toString();
}

/** The same instant, in epoch milliseconds (the emulator's clock). */
export function localEpochMs(date: Temporal.PlainDate, minute: number, timeZone: string): number {
  return Date.parse(localInstant(date, minute, timeZone));
}

/** The same instant as JavaScript's `toISOString` writes it (milliseconds shown). */
export function localDateTime(date: Temporal.PlainDate, minute: number, timeZone: string): string {
  return new Date(localEpochMs(date, minute, timeZone)).toISOString();
}
