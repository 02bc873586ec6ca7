import { range } from "./numbers.js";
import type { Random } from "./random.js";

/** on-time: closed by its last day; late: closed after it; overdue: never closed. */
export type WeekFate = "on-time" | "late" | "overdue";

/** Which weeks go wrong, and how. */
export interface Fates {
  fate(week: number): WeekFate;
  /** Weeks closed late, by how many days after their last day. */
  delays: ReadonlyMap<number, number>;
  /** A week closed together with the one before it: week -> the earlier week. */
  together: ReadonlyMap<number, number>;
}

/**
 * A believable year's bad weeks: in a course of 12 weeks or more a slump of three late weeks with the
 * middle one given up, one more week never closed, and a few weeks finished a little late (the
 * first closed together with the next week). The first two and the last two weeks stay on time.
 */
export function chooseFates(random: Random, total: number, projectEnds: ReadonlySet<number>): Fates {
  const fates = new Map<number, WeekFate>();
  const delays = new Map<number, number>();
  const together = new Map<number, number>();
  // Late or overdue weeks leave the first two and the last two alone: the year starts keen and
  // finishes inside the program.
  const free = (week: number) => week >= 3 && week <= total - 2 && !fates.has(week);
  const late = (week: number, days: number) => {
    fates.set(week, "late");
    delays.set(week, days);
  };
  // A slump: three weeks in the middle of the year, the middle one given up.
  if (total >= 12) {
    const starts = range(Math.floor(total * 0.36), Math.floor(total * 0.6) - 2);
    const givenUp = starts.filter((week) => !projectEnds.has(week + 1));
    const start = random.pick(givenUp.length > 0 ? givenUp : starts);
    late(start, random.int(3, 6));
    if (projectEnds.has(start + 1)) late(start + 1, random.int(2, 4));
    else fates.set(start + 1, "overdue");
    late(start + 2, random.int(1, 4));
  }
  // One more week never closed, away from the slump and from a project's last week.
  const lonely = random
    .shuffle(range(Math.floor(total * 0.15), total - 3))
    .find((week) => free(week) && !projectEnds.has(week) && !fates.has(week - 1) && !fates.has(week + 1));
  if (lonely !== undefined) fates.set(lonely, "overdue");
  // A few weeks finished a little late, none next to another; the first together with the next week.
  const wanted = random.int(2, 4);
  let chosen = 0;
  for (const week of random.shuffle(range(3, total - 2))) {
    if (chosen === wanted) break;
    if (!free(week) || fates.has(week + 1) || fates.has(week - 1)) continue;
    if (chosen === 0 && week + 1 <= total - 2 && !projectEnds.has(week)) {
      fates.set(week, "late");
      fates.set(week + 1, "on-time");
      together.set(week + 1, week);
    } else late(week, random.int(1, 4));
    chosen++;
  }
  return { fate: (week) => fates.get(week) ?? "on-time", delays, together };
}
