/**
 * Escaping for text that lands in GitHub-flavoured Markdown. No template engine escapes Markdown,
 * and HTML escaping alone leaves emphasis, links, `#12` references and `@mentions` live.
 */

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
  const oneLine = text.replace(/\s*[\r\n]+\s*/g, " ");
  return defangReferences(escapeHtml(oneLine).replace(MARKDOWN_PUNCTUATION, (char) => `\\${char}`));
}

/**
 * Trusted Markdown (a curriculum's text) kept as Markdown, on one line, with raw HTML, mentions
 * and issue references made inert outside code spans. Code spans are left exactly as written.
 */
export function sanitizeMarkdownInline(markdown: string): string {
  const oneLine = markdown.replace(/\s*[\r\n]+\s*/g, " ").trim();
  let out = "";
  let index = 0;
  while (index < oneLine.length) {
    const open = oneLine.indexOf("`", index);
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
    out += oneLine.slice(open, close + fence.length);
    index = close + fence.length;
  }
  return out;
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
  // Entities such as &amp; or &#35; stay as the author wrote them; a bare < never opens a tag.
  return defangReferences(text.replace(/</g, "&lt;").replace(/>/g, "&gt;"));
}

/** A value as inline code: the fence is longer than any backtick run inside it. */
export function inlineCode(text: string): string {
  const oneLine = text.replace(/[\r\n]+/g, " ");
  const longest = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = oneLine.startsWith("`") || oneLine.endsWith("`") ? " " : "";
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}

/** Lines as a fenced code block whose fence no line can close early. */
export function codeBlock(lines: readonly string[], language = ""): string {
  const longest = Math.max(2, ...lines.flatMap((line) => line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  return [`${fence}${language}`, ...lines.map((line) => line.replace(/[\r\n]+/g, " ")), fence].join("\n");
}

/** Plain text for places GitHub shows without rendering Markdown (issue and milestone titles). */
export function plainText(markdown: string): string {
  return markdown
    .replace(/[\r\n]+/g, " ")
    .replace(/`+([^`]*)`+/g, "$1")
    .replace(/\*\*([^*]+)\*\*/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}
