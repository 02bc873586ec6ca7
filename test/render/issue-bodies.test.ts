import { describe, expect, it } from "vitest";
import type { PlanContext } from "../../src/model/context.js";
import { renderWeekIssue } from "../../src/render/issue-bodies.js";
import { exampleContext } from "../helpers/setup.js";

/** The example with every DSA stage asking for `min`–`max` problems a week. */
function withProblems(min: number, max: number): PlanContext {
  const context = exampleContext();
  const dsa = context.curriculum.tracks.dsa;
  if (!dsa) throw new Error("the example has no DSA track");
  const stages = dsa.stages.map((stage) => ({ ...stage, problems_per_week: { min, max } }));
  return {
    ...context,
    curriculum: { ...context.curriculum, tracks: { ...context.curriculum.tracks, dsa: { ...dsa, stages } } },
  };
}

describe("the week issue's DSA target", () => {
  it("counts problems in the singular and the plural", () => {
    expect(renderWeekIssue(withProblems(1, 1), 5).body).toContain("1 problem this week");
    expect(renderWeekIssue(withProblems(2, 2), 5).body).toContain("2 problems this week");
    expect(renderWeekIssue(withProblems(1, 2), 5).body).toContain("1–2 problems this week");
  });
});
