import { toParse5 } from "hast-util-to-parse5";
import { type DefaultTreeAdapterMap, serialize } from "parse5";
import { STYLESHEETS } from "../generated/assets.js";
import { forceSourceColorScheme } from "./color-scheme.js";
import { addHeadingIds } from "./html-headings.js";
import { markdownToHtml } from "./html-markdown.js";
import { sanitizeHtml } from "./html-sanitize.js";

export type PageTheme = "auto" | "light" | "dark";

/**
 * A standalone HTML page showing a README as github.com renders it: GitHub-flavoured Markdown through
 * `marked`, styled with GitHub's markdown CSS (inlined, so the page works from file://), relative image
 * links (SVG pictures next to the README) kept relative, and `<picture><source media="(prefers-color-scheme:
 * dark)" srcset=...><img ...></picture>` working. theme "auto" follows the browser; "light"/"dark"
 * force one (for screenshots).
 *
 * Everything marked produces is parsed as a browser parses it and cut to GitHub's allow-list
 * (`sanitizeHtml`); headings then get GitHub's slug ids, and the tree is written back with the HTML
 * standard's serializer (parse5), which escapes every text and attribute value it writes.
 */
export function renderHtmlPage(markdown: string, options: { title: string; theme?: PageTheme }): string {
  const theme = options.theme ?? "auto";
  const tree = sanitizeHtml(markdownToHtml(markdown));
  addHeadingIds(tree);
  if (theme !== "auto") forceSourceColorScheme(tree, theme);
  // A root becomes a document fragment.
  const body = serialize(toParse5(tree) as DefaultTreeAdapterMap["documentFragment"]);
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="color-scheme" content="${theme === "auto" ? "light dark" : theme}">`,
    `<title>${escapeText(options.title)}</title>`,
    `<style>\n${markdownCss(theme)}\n</style>`,
    `<style>\n${pageCss(theme)}</style>`,
    "</head>",
    "<body>",
    '<article class="markdown-body">',
    body.trimEnd(),
    "</article>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------
// Styles

const CSS_FILES: Record<PageTheme, string> = {
  auto: "github-markdown.css",
  light: "github-markdown-light.css",
  dark: "github-markdown-dark.css",
};

/** GitHub's markdown CSS for the theme: the `github-markdown-css` package's, embedded by `npm run assets`. */
function markdownCss(theme: PageTheme): string {
  const css = STYLESHEETS[CSS_FILES[theme]];
  if (css === undefined)
    throw new Error(`no embedded stylesheet ${CSS_FILES[theme]} (run \`npm run assets\`)`);
  // Nothing in the stylesheet may end the <style> element early.
  return css.trim().replace(/<\/style/gi, "<\\/style");
}

const LIGHT_BACKGROUND = "#ffffff";
const DARK_BACKGROUND = "#0d1117";

/** The page around the article: GitHub's width and padding, the theme's background. */
function pageCss(theme: PageTheme): string {
  const lightOnly = 'img[src$="#gh-dark-mode-only"]';
  const darkOnly = 'img[src$="#gh-light-mode-only"]';
  const lines = [
    `html { color-scheme: ${theme === "auto" ? "light dark" : theme}; }`,
    `body { margin: 0; background-color: ${theme === "dark" ? DARK_BACKGROUND : LIGHT_BACKGROUND}; }`,
    ".markdown-body { box-sizing: border-box; min-width: 200px; max-width: 980px; margin: 0 auto; padding: 45px; }",
    "@media (max-width: 767px) { .markdown-body { padding: 15px; } }",
  ];
  // GitHub's other way of showing an image in one theme only: a #gh-dark-mode-only fragment.
  if (theme === "auto") {
    lines.push(
      `@media (prefers-color-scheme: dark) { body { background-color: ${DARK_BACKGROUND}; } ${darkOnly} { display: none; } }`,
      `@media not (prefers-color-scheme: dark) { ${lightOnly} { display: none; } }`,
    );
  } else {
    lines.push(`${theme === "dark" ? darkOnly : lightOnly} { display: none; }`);
  }
  return `${lines.join("\n")}\n`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
