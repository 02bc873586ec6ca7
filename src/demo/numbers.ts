/** Small arithmetic the simulated year shares. */

/** The integers from `from` to `to`, both included; none when `to` is below `from`. */
export function range(from: number, to: number): number[] {
  return to < from ? [] : Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Minutes rounded to five, at least five. */
export function round5(minutes: number): number {
  return Math.max(5, Math.round(minutes / 5) * 5);
}

/** A week number in two digits, as file names and commit subjects write it. */
export function pad(week: number): string {
  return String(week).padStart(2, "0");
}
