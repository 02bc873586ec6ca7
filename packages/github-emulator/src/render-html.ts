import { Marked } from "marked";

/** The extensions github/markup renders as Markdown. */
const MARKDOWN = /\.(?:md|markdown|mdown|mkdn|mkd|mdwn)$/i;

const markdown = new Marked({ gfm: true, async: false });

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * A file as the contents API's HTML media type (`application/vnd.github.html`) answers it. GitHub
 * renders markup files with github/markup inside the same wrapper as its file view:
 * `<div id="file" class="Box-body readme blob js-code-block-container p-5 p-xl-6"><article
 * class="markdown-body entry-content container-lg" itemprop="text">…</article></div>`. The
 * emulator renders Markdown with `marked` (GitHub Flavored), without GitHub's heading anchors,
 * sanitizing or syntax highlighting; any other file comes back escaped in a `<pre>`.
 */
export function renderFileHtml(path: string, bytes: Buffer): string {
  const text = bytes.toString("utf8");
  const body = MARKDOWN.test(path) ? (markdown.parse(text) as string) : `<pre>${escapeHtml(text)}</pre>\n`;
  return `<div id="file" class="Box-body readme blob js-code-block-container p-5 p-xl-6"><article class="markdown-body entry-content container-lg" itemprop="text">${body}</article></div>`;
}
