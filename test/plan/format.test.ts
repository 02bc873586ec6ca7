import pc from "picocolors";
import { describe, expect, it } from "vitest";
import { type SyncOperation, summarize } from "../../src/model/operations.js";
import { conflictLines, formatOperations, formatPlan, summaryLine } from "../../src/plan/format.js";

const operations: SyncOperation[] = [
  {
    op: "create",
    kind: "label",
    key: "label-week",
    title: "syllabot:week",
    fields: { name: "syllabot:week", color: "ededed", description: "" },
  },
  {
    op: "close",
    kind: "issue",
    key: "week-01",
    title: "Week 1",
    number: 4,
    reason: "left the plan",
    fields: {},
  },
];

describe("formatPlan", () => {
  it("is plain text unless a style is given: the plan knows nothing of terminals", () => {
    const text = formatPlan(operations, summarize(operations));
    expect(text).not.toContain("\u001b");
    expect(text).toContain("+ label     label-week  syllabot:week  (#ededed)");
    expect(text).toContain("- issue     week-01     Week 1  (#4: left the plan)");
    expect(text).toMatch(/^Plan: 1 to create \(1 label\), 0 to update, 1 to close \(1 issue\)\.$/m);
  });

  it("paints creations, closings and the summary with the style the adapter passes", () => {
    const text = formatPlan(operations, summarize(operations), pc.createColors(true));
    const colors = pc.createColors(true);
    expect(text).toContain(colors.green("+ label     label-week"));
    expect(text).toContain(colors.red("- issue     week-01   "));
    expect(text).toContain(colors.dim("  (#4: left the plan)"));
    expect(text.split("\n").at(-1)).toBe(colors.bold(summaryLine(summarize(operations))));
  });
});

describe("sub-issue lines", () => {
  it("names a link's sub-issue and parent, counts links in the summary, and says what was left", () => {
    const link = {
      op: "link" as const,
      kind: "sub-issue" as const,
      key: "week-05",
      title: "Week 5: parsing",
      fields: { parent: 12, sub_issue: { number: 7, id: 1007 } },
    };
    expect(formatOperations([link])[0]).toContain(
      "> sub-issue week-05  Week 5: parsing  (#7 as a sub-issue of #12)",
    );
    expect(summaryLine(summarize([link]))).toBe(
      "Plan: 0 to create, 0 to update, 0 to close, 1 sub-issue to link.",
    );
    expect(
      conflictLines([
        {
          week: "week-05",
          project: "project-csvq",
          number: 7,
          parent_issue_url: "https://api.github.com/repos/o/r/issues/3",
        },
      ]),
    ).toEqual([
      "  ! week-05 (#7) is a sub-issue of https://api.github.com/repos/o/r/issues/3: left there, not linked to project-csvq",
    ]);
  });
});
