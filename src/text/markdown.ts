/**
 * Escaping for text that lands in GitHub-flavoured Markdown. No template engine escapes Markdown,
 * and HTML escaping alone leaves emphasis, links, `#12` references and `@mentions` live.
 */

import { terminalSafe } from "./terminal.js";

const ZERO_WIDTH_SPACE = "\u200B";
/** ASCII punctuation that can start or end Markdown syntax; a backslash makes each literal. */
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]#+\-!|~]/g;

/** Breaks `@name` and `#12` / `GH-12` so GitHub neither notifies anyone nor links an issue. */
function defangReferences(text: string): string {
  return text
    .replace(/@(?=[A-Za-z0-9])/g, `@${ZERO_WIDTH_SPACE}`)
    .replace(/#(?=\d)/g, `#${ZERO_WIDTH_SPACE}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1-${ZERO_WIDTH_SPACE}`);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Untrusted plain text (a PR title, a repo name, a commit message) as inert inline Markdown: it
 * renders as the same characters, on one line, with no formatting, link, HTML or mention.
 */
export function escapeMarkdownInline(text: string): string {
  const oneLine = terminalSafe(text, { multiline: true }).replace(/\s*[\r\n]+\s*/g, " ");
  return defangReferences(escapeHtml(oneLine).replace(MARKDOWN_PUNCTUATION, (char) => `\\${char}`));
}

/**
 * Trusted Markdown (a curriculum's text) kept as Markdown, on one line, with raw HTML, mentions
 * and issue references made inert outside code spans. Code spans are left exactly as written.
 */
export function sanitizeMarkdownInline(markdown: string): string {
  const oneLine = terminalSafe(markdown, { multiline: true })
    .replace(/\s*[\r\n]+\s*/g, " ")
    .trim();
  let out = "";
  let index = 0;
  while (index < oneLine.length) {
    const open = findOpener(oneLine, index);
    if (open === -1) {
      out += sanitizeProse(oneLine.slice(index));
      break;
    }
    out += sanitizeProse(oneLine.slice(index, open));
    const fence = /^`+/.exec(oneLine.slice(open))?.[0] ?? "`";
    const close = findClosingFence(oneLine, open + fence.length, fence.length);
    if (close === -1) {
      // An unmatched backtick is literal text, not the start of code.
      out += "\\`".repeat(fence.length);
      index = open + fence.length;
      continue;
    }
    const span = oneLine.slice(open, close + fence.length);
    out += span.includes("|") ? codeAsHtml(oneLine.slice(open + fence.length, close)) : defuseMarkers(span);
    index = close + fence.length;
  }
  // Text that starts as a link reference definition (`[x]: javascript:…`) could link any `[x]` of
  // the page to any address: its `[` is escaped, and it reads as written.
  return out.replace(/^\[(?=(?:[^\]\\]|\\.)*\]:)/, "\\[");
}

/** The next backtick that opens code: one escaped by a backslash (`\``) is a literal backtick of the prose. */
function findOpener(text: string, from: number): number {
  for (let at = text.indexOf("`", from); at !== -1; at = text.indexOf("`", at + 1)) {
    let slashes = 0;
    while (at - slashes - 1 >= from && text[at - slashes - 1] === "\\") slashes++;
    if (slashes % 2 === 0) return at;
  }
  return -1;
}

function findClosingFence(text: string, from: number, length: number): number {
  let index = from;
  while (index < text.length) {
    const next = text.indexOf("`", index);
    if (next === -1) return -1;
    let end = next;
    while (text[end] === "`") end++;
    if (end - next === length) return next;
    index = end;
  }
  return -1;
}

function sanitizeProse(text: string): string {
  // Entities such as &amp; stay as the author wrote them, but not as a way to write a mention or an
  // issue reference (`&#64;name`, `&#35;12`); a bare < never opens a tag; a `|` never ends a table
  // cell the text is in (escaped unless the author escaped it).
  const prose = text
    .replace(/&(?:#0*64|#x0*40|commat);(?=[A-Za-z0-9])/gi, "@")
    .replace(/&(?:#0*35|#x0*23|num);(?=\d)/gi, "#")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/(?<!\\)((?:\\\\)*)\|/g, "$1\\|");
  return defangReferences(defuseLinks(prose));
}

/**
 * Code holding a `|`, which a table would split even inside a code span, as an HTML `<code>`
 * element: the same characters in the same font, with the `|` escaped as Markdown escapes it.
 */
function codeAsHtml(inner: string): string {
  const content = /^ .*[^ ].* $/.test(inner) ? inner.slice(1, -1) : inner;
  return `<code>${escapeMarkdownInline(content)}</code>`;
}

/** A link destination GitHub would follow safely: http(s), mailto, or a relative address. */
function safeDestination(destination: string): boolean {
  // As CommonMark reads it (backslash escapes, character references) and a browser its scheme
  // (controls and spaces dropped): `java&#x09;script\:` is still javascript:.
  const read = destination
    .replace(/\\([!-/:-@[-`{-~])/g, "$1")
    .replace(/&#(x[0-9a-f]+|\d+);?/gi, (_, code: string) => {
      const value = code[0]?.toLowerCase() === "x" ? Number.parseInt(code.slice(1), 16) : Number(code);
      return value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : "";
    })
    // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers drop these from a URL's scheme.
    .replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  if (/^(?:https?:\/\/|mailto:)/i.test(read)) return true;
  // Relative: no scheme, and no named reference that could spell one (`&colon;`), before the path.
  const head = read.split(/[/?#]/, 1)[0] ?? "";
  return !head.includes(":") && !head.includes("&");
}

/** An inline link or image whose address is not safe (`[x](javascript:…)`) reads as written: its `(` is escaped. */
function defuseLinks(prose: string): string {
  // The destination is only looked at, not consumed: a `](` inside it is examined in its turn.
  return prose.replace(/\]\((?=\s*([^\s)]*))/g, (opening, destination: string) =>
    safeDestination(destination) ? opening : "]\\(",
  );
}

/**
 * syllabot's hidden markers (`<!-- syllabot:end -->`, `<!-- syllabot:key=… -->`) are never read out
 * of text: in code, which keeps its characters, an invisible break follows the `<!--`.
 */
function defuseMarkers(code: string): string {
  return code.replace(/<!--(?=\s*syllabot)/gi, `<!--${ZERO_WIDTH_SPACE}`);
}

/** A value as inline code: the fence is longer than any backtick run inside it. */
export function inlineCode(text: string): string {
  const oneLine = defuseMarkers(terminalSafe(text, { multiline: true }).replace(/[\r\n]+/g, " "));
  const longest = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = oneLine.startsWith("`") || oneLine.endsWith("`") ? " " : "";
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}

/** Lines as a fenced code block whose fence no line can close early. */
export function codeBlock(lines: readonly string[], language = ""): string {
  const longest = Math.max(2, ...lines.flatMap((line) => line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  return [
    `${fence}${language}`,
    ...lines.map((line) => defuseMarkers(terminalSafe(line, { multiline: true }).replace(/[\r\n]+/g, " "))),
    fence,
  ].join("\n");
}

/** Plain text for places GitHub shows without rendering Markdown (issue and milestone titles). */
export function plainText(markdown: string): string {
  return terminalSafe(markdown, { multiline: true })
    .replace(/`+([^`]*)`+/g, "$1")
    .replace(/\*\*([^*]+)\*\*/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}
