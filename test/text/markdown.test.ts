import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  codeBlock,
  escapeMarkdownInline,
  inlineCode,
  plainText,
  sanitizeMarkdownInline,
} from "../../src/text/markdown.js";

/** Undo the escaping the way a Markdown renderer reads it: entities, backslash escapes, zero-width spaces. */
function readBack(escaped: string): string {
  return escaped
    .replace(/\\([\\`*_{}[\]#+\-!|~])/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\u200B/g, "");
}

const hostile = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "@octocat please look",
    "fixes #12 and GH-7",
    "[click](https://evil.example) ![x](y)",
    "<script>alert(1)</script> <img src=x onerror=alert(1)>",
    "**bold** _em_ ~~strike~~ `code`",
    "# heading\n- item\n> quote",
    "a | table | row",
    "&amp; &#64;octocat",
  ),
);

describe("escapeMarkdownInline (untrusted text)", () => {
  it("reads back as the same text, on one line", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        expect(readBack(escapeMarkdownInline(text))).toBe(text.replace(/\s*[\r\n]+\s*/g, " "));
      }),
    );
  });

  it("leaves no live mention, reference, tag, link or emphasis", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const escaped = escapeMarkdownInline(text);
        expect(escaped).not.toMatch(/@[A-Za-z0-9]/);
        expect(escaped).not.toMatch(/#\d/);
        expect(escaped).not.toMatch(/</);
        expect(escaped).not.toMatch(/(^|[^\\])[[\]*_`|]/);
        expect(escaped).not.toMatch(/\n/);
      }),
    );
  });
});

describe("sanitizeMarkdownInline (a curriculum's Markdown)", () => {
  it("keeps code spans and emphasis, defuses HTML, mentions and references outside code", () => {
    expect(sanitizeMarkdownInline("Learn `Box<T>` and **traits** with @jonhoo, see #12 <b>now</b>")).toBe(
      "Learn `Box<T>` and **traits** with @\u200Bjonhoo, see #\u200B12 &lt;b&gt;now&lt;/b&gt;",
    );
    expect(sanitizeMarkdownInline("``a ` b`` and `@x`")).toBe("``a ` b`` and `@x`");
  });

  it("treats an unmatched backtick as literal and folds lines", () => {
    expect(sanitizeMarkdownInline("a ` b\nc")).toBe("a \\` b c");
  });

  it("never leaves a mention or a tag outside code, whatever the input", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const outsideCode = sanitizeMarkdownInline(text).replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, "");
        expect(outsideCode).not.toMatch(/@[A-Za-z0-9]|<[A-Za-z/]/);
      }),
    );
  });
});

describe("code", () => {
  it("fences inline code longer than any backtick run inside", () => {
    expect(inlineCode("closes week 5")).toBe("`closes week 5`");
    expect(inlineCode("a `b` c")).toBe("``a `b` c``");
    expect(inlineCode("`edge`")).toBe("`` `edge` ``");
  });

  it("fences a block so no line can close it early", () => {
    expect(codeBlock(["echo ```"], "sh")).toBe("````sh\necho ```\n````");
  });

  it("turns Markdown into a plain title", () => {
    expect(plainText("Start `csvq` **now**\nplease")).toBe("Start csvq now please");
  });
});
