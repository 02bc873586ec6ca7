import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Temporal } from "../../src/calendar.js";
import { ossBars } from "../../src/progress/oss.js";
import {
  dueReminders,
  nextReminder,
  sentThresholds,
  thresholdMarker,
  thresholdsOf,
} from "../../src/remind/policy.js";
import { runs } from "../helpers/depth.js";
import { date, exampleContext } from "../helpers/setup.js";

const context = exampleContext();
const noPulls = (today: Temporal.PlainDate) => ossBars(context, [], new Map(), today);

describe("when reminders are due", () => {
  it("on 2026-11-24 with no merged PR: phase 4 (12 days left, its 21-day threshold) and phase 3 as missed", () => {
    const today = date("2026-11-24");
    const bars = noPulls(today);
    expect(bars.find((bar) => bar.bar.phase === 4)?.daysLeft).toBe(12);
    const due = dueReminders(context, bars, today, new Map());
    expect(due.map((reminder) => [reminder.phase, reminder.threshold.id])).toEqual([
      [3, "missed"],
      [4, "lead-21"],
    ]);
    // Once sent (recorded in GitHub), the same day gives nothing new.
    const sent = new Map(due.map((reminder) => [reminder.phase, new Set([reminder.threshold.id])]));
    expect(dueReminders(context, bars, today, sent)).toEqual([]);
  });

  it("reads the thresholds sent from the hidden markers of an issue and its comments", () => {
    expect([...sentThresholds([`x ${thresholdMarker("lead-21")}`, null, thresholdMarker("missed")])]).toEqual(
      ["lead-21", "missed"],
    );
  });

  it("puts the thresholds at the lead days before the phase's last day and the day after it", () => {
    expect(thresholdsOf(context, 4).map((threshold) => `${threshold.id}@${threshold.on}`)).toEqual([
      "lead-21@2026-11-15",
      "lead-7@2026-11-29",
      "lead-2@2026-12-04",
      "missed@2026-12-07",
    ]);
  });

  it("never reminds of a met bar", () => {
    const today = date("2026-11-24");
    const met = noPulls(today).map((bar) => ({ ...bar, state: "met" as const }));
    expect(dueReminders(context, met, today, new Map())).toEqual([]);
    expect(nextReminder(context, met, today)).toBeUndefined();
  });

  it("names the next reminder date for status", () => {
    const today = date("2026-11-24");
    expect(nextReminder(context, noPulls(today), today)).toMatchObject({
      phase: 4,
      threshold: { id: "lead-7" },
    });
  });

  /** Runs every `every` days over the program, sending what is due; the sends, by phase. */
  function simulate(every: number, offset: number) {
    const sends: { phase: number; id: string; on: string }[] = [];
    const sent = new Map<number, Set<string>>();
    let day = date("2026-03-02").add({ days: offset });
    const end = date("2027-04-30");
    while (Temporal.PlainDate.compare(day, end) <= 0) {
      const due = dueReminders(context, noPulls(day), day, sent);
      // Never a burst: at most one reminder per phase a run.
      expect(new Set(due.map((reminder) => reminder.phase)).size).toBe(due.length);
      for (const reminder of due) {
        sends.push({ phase: reminder.phase, id: reminder.threshold.id, on: day.toString() });
        const set = sent.get(reminder.phase) ?? new Set<string>();
        set.add(reminder.threshold.id);
        sent.set(reminder.phase, set);
      }
      day = day.add({ days: every });
    }
    return sends;
  }

  it("across a year of daily runs: exactly one reminder per threshold of each unmet phase", () => {
    const sends = simulate(1, 0);
    for (const phase of [3, 4, 5]) {
      expect(sends.filter((send) => send.phase === phase).map((send) => send.id)).toEqual([
        "lead-21",
        "lead-7",
        "lead-2",
        "missed",
      ]);
    }
    expect(sends.filter((send) => ![3, 4, 5].includes(send.phase))).toEqual([]);
  });

  it("with runs only every few days: never twice the same threshold, never an older one after a newer", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 29 }), (every, offset) => {
        const sends = simulate(every, offset % every);
        for (const phase of [3, 4, 5]) {
          const ids = sends.filter((send) => send.phase === phase).map((send) => send.id);
          expect(new Set(ids).size).toBe(ids.length);
          const order = thresholdsOf(context, phase).map((threshold) => threshold.id);
          const positions = ids.map((id) => order.indexOf(id as (typeof order)[number]));
          expect([...positions].sort((a, b) => a - b)).toEqual(positions);
          // The last threshold is always reached within the simulated span, so "missed" is always sent.
          expect(ids.at(-1)).toBe("missed");
        }
      }),
      { numRuns: runs(200) },
    );
  });
});
