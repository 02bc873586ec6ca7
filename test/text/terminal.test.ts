import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { terminalSafe } from "../../src/text/terminal.js";

/** Bytes a terminal acts on: C0 controls but \n and \t, DEL, and C1 controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

describe("terminalSafe", () => {
  it.each([
    [
      "an OSC 8 hyperlink, ended by BEL",
      "\u001b]8;;https://evil.example/a b\u0007Click\u001b]8;;\u0007 here",
      "Click here",
    ],
    ["an OSC title, ended by ST", "a\u001b]0;pwned\u001b\\b", "ab"],
    ["an OSC in its 8-bit form", "a\u009d0;pwned\u009cb", "ab"],
    ["a CSI that clears the screen", "\u001b[2JWeek 1", "Week 1"],
    ["a CSI colour", "Fix \u001b[31mtypo\u001b[0m", "Fix typo"],
    ["an 8-bit CSI", "a\u009b2Jb", "ab"],
    ["a DCS string", "a\u001bPq#0;2;0;0;0\u001b\\b", "ab"],
    ["a two-byte escape (reset)", "a\u001bcb", "ab"],
    ["an unterminated control string, to the end as a terminal would", "Title\u001b]0;rest of it", "Title"],
    ["a lone ESC at the end", "ab\u001b", "ab"],
    ["a bell and a backspace", "a\u0007\bb", "ab"],
    ["DEL and C1 controls", "a\u007f\u0080\u0085\u0099b", "ab"],
  ])("removes %s", (_, text, expected) => {
    expect(terminalSafe(text)).toBe(expected);
    expect(terminalSafe(text, { multiline: true })).toBe(expected);
  });

  it("puts a text on one line: line breaks, tabs and carriage returns become spaces", () => {
    expect(terminalSafe("Week 1\r\nfake line\rover\ttab")).toBe("Week 1 fake line over tab");
  });

  it("keeps a multi-line text's line breaks and tabs, and a carriage return cannot overwrite a line", () => {
    expect(terminalSafe("one\r\ntwo\n\tthree\rfour", { multiline: true })).toBe("one\ntwo\n\tthree\nfour");
  });

  it("leaves ordinary text, Unicode included, as it is", () => {
    expect(terminalSafe("Phase 2: Type System & Patterns — 型 🚀 `code`")).toBe(
      "Phase 2: Type System & Patterns — 型 🚀 `code`",
    );
  });

  it("leaves no active byte in any text, and is idempotent (the next plan compares the same text)", () => {
    const hostile = fc.string({
      unit: fc.oneof(
        fc.constantFrom(
          "\u001b",
          "\u009b",
          "\u009d",
          "\u009c",
          "\u0007",
          "[",
          "]",
          ";",
          "\\",
          "\r",
          "\n",
          "\t",
        ),
        fc.integer({ min: 0, max: 0x9f }).map((code) => String.fromCharCode(code)),
        fc.string({ unit: "grapheme", maxLength: 1 }),
      ),
      maxLength: 60,
    });
    fc.assert(
      fc.property(hostile, (text) => {
        const line = terminalSafe(text);
        const lines = terminalSafe(text, { multiline: true });
        expect(line).not.toMatch(ANY_CONTROL);
        expect(lines).not.toMatch(ACTIVE);
        expect(terminalSafe(line)).toBe(line);
        expect(terminalSafe(lines, { multiline: true })).toBe(lines);
      }),
      { numRuns: 2000 },
    );
  });
});
