import { describe, expect, it } from "vitest";
import { keyOf } from "../../src/model/markers.js";
import { ossBars } from "../../src/progress/oss.js";
import type { DueReminder } from "../../src/remind/policy.js";
import { metComment, reminderComment, reminderIssue } from "../../src/remind/text.js";
import { mergeManagedBody } from "../../src/render/managed-body.js";
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

describe("reminder wording", () => {
  function reminderWith(bar: { goal?: string; minimum?: string; engagement?: number }): DueReminder {
    const status = ossBars(context, [], new Map(), today).find((candidate) => candidate.bar.phase === 4);
    if (!status) throw new Error("the example has no bar for phase 4");
    return {
      phase: 4,
      threshold: { id: "lead-7", on: today },
      bar: {
        ...status,
        bar: {
          ...status.bar,
          ...(bar.goal ? { goal: bar.goal } : {}),
          ...(bar.minimum ? { minimum: bar.minimum } : {}),
        },
        engagement: bar.engagement ?? 0,
      },
    };
  }

  it("ends the goal with a period before the minimum, and never doubles one", () => {
    const bare = reminderIssue(
      context,
      reminderWith({ goal: "Get one PR merged", minimum: "1 merged PR" }),
      [],
    );
    expect(bare.body).toContain("Get one PR merged. Minimum: 1 merged PR.");
    const stopped = reminderIssue(
      context,
      reminderWith({ goal: "Get one PR merged!", minimum: "1 merged PR." }),
      [],
    );
    expect(stopped.body).toContain("Get one PR merged! Minimum: 1 merged PR.\n");
  });

  it("counts issues engaged with in the singular and the plural", () => {
    for (const [engagement, words] of [
      [1, "- 1 issue in the target repositories"],
      [2, "- 2 issues in the target repositories"],
    ] as const) {
      const reminder = reminderWith({ engagement });
      expect(reminderIssue(context, reminder, []).body).toContain(words);
      expect(metComment(reminder.bar)).toContain(words.slice(2));
    }
  });

  it("counts the days left in the singular and the plural", () => {
    const reminder = reminderWith({});
    for (const [daysLeft, words] of [
      [0, "0 days left"],
      [1, "1 day left"],
      [2, "2 days left"],
    ] as const) {
      const bar = { ...reminder.bar, daysLeft };
      expect(reminderIssue(context, { ...reminder, bar }, []).body).toContain(words);
    }
  });
});
