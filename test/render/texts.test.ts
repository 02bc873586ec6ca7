import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { formatStatus } from "../../src/commands/status.js";
import type { ProgressReport } from "../../src/progress/report-types.js";
import { PICTURES, pictureAlt } from "../../src/render/pictures.js";
import { renderProgressRegion } from "../../src/render/readme.js";
import { count } from "../../src/text/plural.js";
import { buildReport } from "./report-fixtures.js";

/** Every text a learner reads about a report: the README region, the pictures' alt texts, `status`. */
function allTexts(report: ProgressReport): string {
  return [
    renderProgressRegion(report, ".syllabot"),
    ...PICTURES.map((name) => pictureAlt(name, report)),
    formatStatus("x", { report }, false),
  ].join("\n");
}

const NOUNS = "weeks?|days?|issues?|phases?|commits?|projects?|problems?|finished weeks?";

describe("counted nouns", () => {
  it("takes the singular for one and the plural otherwise", () => {
    expect([0, 1, 2].map((amount) => count(amount, "week"))).toEqual(["0 weeks", "1 week", "2 weeks"]);
    expect(count(1, "day off", "days off")).toBe("1 day off");
  });

  it("agrees with every count from 0 to 2 in the README, the pictures' alt texts and status", () => {
    // Courses of one to three weeks, one phase each, seen on every day around them with 0, 1 or
    // 2 weeks done and hours in some weeks: every count the texts show runs through 0, 1 and 2.
    for (const totalWeeks of [1, 2, 3]) {
      for (let day = -3; day <= 7 * totalWeeks + 8; day += 2) {
        for (const done of [0, 1, 2]) {
          const today = Temporal.PlainDate.from("2026-03-02").add({ days: day }).toString();
          const report = buildReport({
            today,
            totalWeeks,
            phases: [{ title: "Only", firstWeek: 1, lastWeek: totalWeeks }],
            doneOn: (week, last) => (week <= done ? last : undefined),
            minutes: (week) => (week <= done ? 60 * week : 0),
          });
          const text = allTexts(report);
          expect(text).not.toContain("(s)");
          expect(text).not.toMatch(new RegExp(`(?<![\\d.])1 (${NOUNS.replace(/s\?/g, "s")})\\b`));
          expect(text).not.toMatch(
            /(?<![\d.])(0|[2-9]) (week|day|issue|phase|commit|project|problem|finished week)\b/,
          );
        }
      }
    }
  });
});

describe("the hours under the picture", () => {
  it("gives the same weeks and hours as the picture's alt text", () => {
    // Week 7: six weeks have ended, hours were logged in only one of them.
    const report = buildReport({ today: "2026-04-15", minutes: (week) => (week === 3 ? 480 : 0) });
    const region = renderProgressRegion(report, ".syllabot");
    const alt = pictureAlt("hours", report);
    expect(alt).toContain("8 h logged in all; 1.3 h a week on average over 6 finished weeks");
    expect(region).toContain("8 h logged in all, 1.3 h a week on average over 6 finished weeks");
    expect(region).not.toContain("over 1 week");
  });
});
