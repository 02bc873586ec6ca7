import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keyOf } from "../../src/model/markers.js";
import { managedBody, mergeManagedBody } from "../../src/render/managed-body.js";
import { CUT_NOTE, fitLine, fitText, GITHUB_LIMITS, measure } from "../../src/text/github-limits.js";

const bytes = (text: string) => Buffer.byteLength(text, "utf8");
/** A lone surrogate: what splitting a pair leaves, and what GitHub would store as garbage. */
const splitsAPair = (text: string) =>
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe("GitHub's text limits", () => {
  it("leaves a text within the limit as it is", () => {
    const text = "x".repeat(GITHUB_LIMITS.commentBody.max);
    expect(fitText(text, GITHUB_LIMITS.commentBody)).toBe(text);
  });

  it("cuts a text over the limit to it, saying so at the end", () => {
    const cut = fitText("a".repeat(70_000), GITHUB_LIMITS.commentBody);
    expect(cut.length).toBeLessThanOrEqual(65_536);
    expect(cut.endsWith(CUT_NOTE)).toBe(true);
    expect(cut.startsWith("a".repeat(60_000))).toBe(true);
  });

  it("never splits a surrogate pair, counting characters or bytes", () => {
    const emoji = "😀".repeat(40_000);
    const characters = fitText(emoji, GITHUB_LIMITS.commentBody);
    expect(characters.length).toBeLessThanOrEqual(65_536);
    expect(splitsAPair(characters)).toBe(false);
    const summary = fitText(emoji, GITHUB_LIMITS.checkRunSummary);
    expect(bytes(summary)).toBeLessThanOrEqual(65_535);
    expect(splitsAPair(summary)).toBe(false);
    expect(splitsAPair(fitLine("😀".repeat(300), 201))).toBe(false);
  });

  it("counts a check run's summary in UTF-8 bytes, as GitHub does", () => {
    // 30,000 characters, 90,000 bytes: within 65,535 characters, over 65,535 bytes.
    const text = "€".repeat(30_000);
    expect(measure(text, "bytes")).toBe(bytes(text));
    expect(bytes(fitText(text, GITHUB_LIMITS.checkRunSummary))).toBeLessThanOrEqual(65_535);
  });

  it("holds for any text: within the limit, a prefix of it, and no pair split", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 400 }),
        fc.integer({ min: 30, max: 300 }),
        (text, max) => {
          for (const unit of ["characters", "bytes"] as const) {
            const cut = fitText(text, { max, unit, source: "test" });
            expect(measure(cut, unit)).toBeLessThanOrEqual(max);
            expect(splitsAPair(cut)).toBe(false);
            if (cut !== text)
              expect(text.startsWith(cut.slice(0, cut.lastIndexOf(CUT_NOTE)).trimEnd())).toBe(true);
          }
        },
      ),
    );
  });

  it("cuts a managed body's region, keeping the key, the markers and the learner's text around it", () => {
    const region = Array.from({ length: 5000 }, (_, index) => `- [ ] item ${index} of the week`).join("\n");
    const learner = "My notes, kept word for word.\n";
    const body = `${learner}${managedBody("week-05", region)}<!-- syllabot:reminder=week-7 -->\nBelow.\n`;
    const cut = fitText(body, GITHUB_LIMITS.issueBody);
    expect(cut.length).toBeLessThanOrEqual(65_536);
    expect(keyOf(cut)).toBe("week-05");
    expect(
      cut.startsWith(`${learner}<!-- syllabot:key=week-05 -->\n<!-- syllabot:start -->\n- [ ] item 0`),
    ).toBe(true);
    expect(
      cut.endsWith(`${CUT_NOTE}\n<!-- syllabot:end -->\n<!-- syllabot:reminder=week-7 -->\nBelow.\n`),
    ).toBe(true);
    // Cut at a line: no half checklist item.
    expect(cut).toMatch(/of the week\n\n… \(cut/);
  });

  it("gives the same body when the region is merged and cut again: a plan never rewrites forever", () => {
    const desired = managedBody("week-05", "x\n".repeat(40_000));
    const first = fitText(mergeManagedBody("Learner's text\n", desired), GITHUB_LIMITS.issueBody);
    const second = fitText(mergeManagedBody(first, desired), GITHUB_LIMITS.issueBody);
    expect(second).toBe(first);
  });

  it("does not leave an HTML comment open where it cuts, which would hide the note", () => {
    const text = `${"a".repeat(100)}<!-- ${"b".repeat(200)} -->`;
    const cut = fitText(text, { max: 200, unit: "characters", source: "test" });
    expect(cut).toBe(`${"a".repeat(100)}\n\n${CUT_NOTE}`);
  });

  it("cuts one line with an ellipsis", () => {
    expect(fitLine("a".repeat(300), 200)).toBe(`${"a".repeat(199)}…`);
    expect(fitLine("short", 200)).toBe("short");
  });
});
