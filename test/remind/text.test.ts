import { describe, expect, it } from "vitest";
import { ossBars } from "../../src/progress/oss.js";
import type { DueReminder } from "../../src/remind/policy.js";
import { metComment, reminderComment, reminderIssue } from "../../src/remind/text.js";
import { keyOf, mergeManagedBody } from "../../src/render/managed-body.js";
import { date, exampleContext } from "../helpers/setup.js";

const context = exampleContext();
const today = date("2026-11-24");

/** Phase 4's reminder, with as many counted pull requests as a prolific learner may have, titles at GitHub's 256. */
function prolificReminder(pulls: number): DueReminder {
  const status = ossBars(context, [], new Map(), today).find((bar) => bar.bar.phase === 4);
  if (!status) throw new Error("the example has no bar for phase 4");
  const counting = Array.from({ length: pulls }, (_, index) => ({
    pr: {
      repo: "tikv/tikv",
      number: index + 1,
      title: `Fix ${index}: ${"t".repeat(240)}`,
      url: `https://github.com/tikv/tikv/pull/${index + 1}`,
      mergedAt: "2026-10-01T10:00:00Z",
      labels: [],
    },
    phase: 4,
    substantive: true,
    reason: `changes ${index} lines of code`.repeat(5),
  }));
  return {
    phase: 4,
    threshold: { id: "lead-7", on: today },
    bar: { ...status, state: "met", counting, engagement: 0 },
  };
}

describe("reminder texts within GitHub's limits", () => {
  it("cuts a reminder's region, not its markers, and keeps the threshold's record after it", () => {
    const reminder = prolificReminder(1000);
    const issue = reminderIssue(context, reminder, []);
    expect(issue.body.length).toBeLessThanOrEqual(65_536);
    expect(keyOf(issue.body)).toBe("reminder-phase-4");
    expect(issue.body).toMatch(
      /… \(cut to GitHub's limit\)\n<!-- syllabot:end -->\n<!-- syllabot:reminder=lead-7 -->\n$/,
    );
    expect(issue.body.startsWith(issue.managed)).toBe(true);
    // An existing reminder's body, merged with the new region and cut, stays the same on the next run.
    const merged = mergeManagedBody(issue.body, issue.managed);
    expect(merged).toBe(issue.body);
  });

  it("cuts the threshold's comment and the closing comment to 65,536 characters, keeping the mention and the record", () => {
    const reminder = prolificReminder(3000);
    const comment = reminderComment(context, { ...reminder, bar: { ...reminder.bar, state: "unmet" } });
    expect(comment.length).toBeLessThanOrEqual(65_536);
    expect(comment.startsWith(`@${context.config.learner} `)).toBe(true);
    expect(comment.endsWith("<!-- syllabot:reminder=lead-7 -->\n")).toBe(true);
    expect(metComment(reminder.bar).length).toBeLessThanOrEqual(65_536);
  });
});
