import { Marked, Renderer, type Tokens } from "marked";
import { STYLESHEETS } from "../generated/assets.js";

export type PageTheme = "auto" | "light" | "dark";

/**
 * A standalone HTML page showing a README as github.com renders it: GitHub-flavoured Markdown
 * (tables, task lists, autolinks, strikethrough) through `marked`, styled with GitHub's markdown CSS
 * (inlined, so the page works from file://), relative image links (SVG pictures next to the README)
 * kept relative, and `<picture><source media="(prefers-color-scheme: dark)" srcset=...><img ...></picture>`
 * working. theme "auto" follows the browser; "light"/"dark" force one (for screenshots).
 *
 * Everything marked produces goes through an allow-list sanitizer modelled on GitHub's: tags GitHub
 * does not allow are dropped (their text kept, except for script/style/iframe/... whose content goes
 * too), comments are dropped, only known attributes are kept, URLs must be relative or
 * http/https/mailto, and ids written in the Markdown's raw HTML get GitHub's `user-content-` prefix.
 * Markdown headings get GitHub-style slug ids (without the prefix, so `#slug` links work without
 * GitHub's script).
 */
export function renderHtmlPage(markdown: string, options: { title: string; theme?: PageTheme }): string {
  const theme = options.theme ?? "auto";
  const headingIds = new Set<string>();
  // The renderer goes in the parse options: `new Marked({ renderer })` would copy only its own fields.
  const renderer = new PageRenderer(headingIds);
  const rendered = new Marked().parse(markdown, { async: false, gfm: true, breaks: false, renderer });
  const body = sanitizeHtml(rendered, { theme, trustedHeadingIds: headingIds });
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

// ---------------------------------------------------------------------------------------------
// Markdown

/** marked's renderer with GitHub's heading ids and task-list classes. One per page (slugs are counted). */
class PageRenderer extends Renderer {
  private readonly slugCounts = new Map<string, number>();

  constructor(private readonly headingIds: Set<string>) {
    super();
  }

  override heading(token: Tokens.Heading): string {
    const html = super.heading(token);
    const text = this.parser.parseInline(token.tokens, this.parser.textRenderer);
    const id = this.uniqueSlug(githubSlug(decodeEntities(text.replace(/<[^>]*>/g, ""))));
    if (id === "") return html;
    this.headingIds.add(id);
    return html.replace(/^<h([1-6])>/, `<h$1 id="${escapeAttribute(id)}">`);
  }

  override list(token: Tokens.List): string {
    const html = super.list(token);
    return token.items.some((item) => item.task)
      ? html.replace(/^<(ul|ol)/, '<$1 class="contains-task-list"')
      : html;
  }

  override listitem(item: Tokens.ListItem): string {
    const html = super.listitem(item);
    return item.task ? html.replace(/^<li>/, '<li class="task-list-item">') : html;
  }

  override checkbox({ checked }: Tokens.Checkbox): string {
    return `<input type="checkbox" class="task-list-item-checkbox" disabled${checked ? " checked" : ""}> `;
  }

  /** github-slugger's rule for repeated headings: foo, foo-1, foo-2… */
  private uniqueSlug(slug: string): string {
    if (slug === "") return "";
    let candidate = slug;
    let count = this.slugCounts.get(slug) ?? 0;
    while (this.slugCounts.has(candidate)) {
      count += 1;
      candidate = `${slug}-${count}`;
    }
    this.slugCounts.set(slug, count);
    this.slugCounts.set(candidate, 0);
    return candidate;
  }
}

/** A heading's anchor as GitHub makes it: lower case, punctuation and symbols removed, spaces to dashes. */
export function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

// ---------------------------------------------------------------------------------------------
// Sanitizing

/** The elements GitHub keeps in rendered Markdown (plus the task-list checkbox marked writes). */
const ALLOWED_TAGS = new Set([
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "p",
  "div",
  "span",
  "br",
  "hr",
  "a",
  "img",
  "picture",
  "source",
  "details",
  "summary",
  "sub",
  "sup",
  "b",
  "i",
  "strong",
  "em",
  "tt",
  "ins",
  "del",
  "s",
  "strike",
  "mark",
  "small",
  "abbr",
  "bdo",
  "cite",
  "dfn",
  "time",
  "wbr",
  "q",
  "samp",
  "var",
  "kbd",
  "code",
  "pre",
  "blockquote",
  "ul",
  "ol",
  "li",
  "dl",
  "dt",
  "dd",
  "table",
  "caption",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "th",
  "td",
  "figure",
  "figcaption",
  "ruby",
  "rt",
  "rp",
  "input",
]);

const VOID_TAGS = new Set(["br", "hr", "img", "source", "wbr", "input"]);

/** Elements whose content is not markup: dropped with the element, as GitHub does. */
const DROPPED_WITH_CONTENT = new Set([
  "script",
  "style",
  "iframe",
  "noembed",
  "noframes",
  "noscript",
  "xmp",
  "textarea",
  "title",
]);

const GLOBAL_ATTRIBUTES = new Set(["id", "title", "align", "dir", "lang", "class"]);

const TAG_ATTRIBUTES: Record<string, ReadonlySet<string>> = {
  a: new Set(["href", "name"]),
  img: new Set(["src", "srcset", "alt", "width", "height"]),
  source: new Set(["srcset", "media", "type", "width", "height"]),
  details: new Set(["open"]),
  ol: new Set(["start", "type", "reversed"]),
  li: new Set(["value"]),
  th: new Set(["colspan", "rowspan", "valign", "width"]),
  td: new Set(["colspan", "rowspan", "valign", "width"]),
  table: new Set(["width"]),
  time: new Set(["datetime"]),
  abbr: new Set(["title"]),
  input: new Set(["type", "checked", "disabled"]),
};

const URL_ATTRIBUTES = new Set(["href", "src"]);
const SAFE_SCHEMES = new Set(["http", "https", "mailto"]);

/** The only classes kept: the ones GitHub's own markup for task lists uses. */
const ALLOWED_CLASSES = new Set(["contains-task-list", "task-list-item", "task-list-item-checkbox"]);

interface SanitizeOptions {
  theme: PageTheme;
  /** The ids the heading renderer gave Markdown headings: kept as they are on h1-h6. */
  trustedHeadingIds: ReadonlySet<string>;
}

/**
 * Rebuilds an HTML fragment keeping only allowed elements and attributes. The input is read the way
 * a browser reads it in its data state; the output holds only escaped text and tags rebuilt from
 * parsed names and re-escaped values, so what the browser sees is what was checked here.
 */
function sanitizeHtml(html: string, options: SanitizeOptions): string {
  let out = "";
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf("<", i);
    if (lt === -1) {
      out += escapeTextRun(html.slice(i));
      break;
    }
    out += escapeTextRun(html.slice(i, lt));
    i = lt;
    const next = html[i + 1] ?? "";
    if (html.startsWith("<!--", i)) {
      // A comment (GitHub drops them, syllabot's own markers included).
      if (html.startsWith(">", i + 4)) i += 5;
      else if (html.startsWith("->", i + 4)) i += 6;
      else {
        const end = html.indexOf("-->", i + 4);
        i = end === -1 ? n : end + 3;
      }
    } else if (next === "!" || next === "?") {
      // Doctype, CDATA, processing instruction: a bogus comment to the next ">".
      const end = html.indexOf(">", i);
      i = end === -1 ? n : end + 1;
    } else if (next === "/" && isAsciiAlpha(html[i + 2])) {
      const tag = readTag(html, i + 2);
      i = tag.end;
      if (tag.complete && ALLOWED_TAGS.has(tag.name) && !VOID_TAGS.has(tag.name)) out += `</${tag.name}>`;
    } else if (next === "/") {
      // "</>" is ignored; "</" followed by anything else is a bogus comment.
      const end = html.indexOf(">", i);
      i = end === -1 ? n : end + 1;
    } else if (isAsciiAlpha(next)) {
      const tag = readTag(html, i + 1);
      i = tag.end;
      if (!tag.complete) continue; // a tag cut off by the end of the input is dropped, as browsers do
      if (DROPPED_WITH_CONTENT.has(tag.name)) {
        // Searched in place: lower-casing the input could change its length, and so the indices.
        const closing = new RegExp(`</${tag.name}`, "gi");
        closing.lastIndex = i;
        const close = closing.exec(html);
        i = close === null ? n : readTag(html, close.index + 2).end;
      } else if (ALLOWED_TAGS.has(tag.name)) {
        out += rebuildStartTag(tag.name, tag.attributes, options);
      }
    } else {
      out += "&lt;";
      i += 1;
    }
  }
  return out;
}

interface ParsedTag {
  name: string;
  attributes: Array<[string, string]>;
  /** Index just past the tag. */
  end: number;
  /** False when the input ended inside the tag. */
  complete: boolean;
}

const WHITESPACE = new Set(["\t", "\n", "\f", "\r", " "]);

/** Reads a tag from its name (at `start`) to its ">", following the HTML tokenizer's states. */
function readTag(html: string, start: number): ParsedTag {
  const n = html.length;
  let i = start;
  while (i < n && !WHITESPACE.has(html[i] as string) && html[i] !== "/" && html[i] !== ">") i += 1;
  const name = html.slice(start, i).toLowerCase();
  const attributes: Array<[string, string]> = [];
  const seen = new Set<string>();
  while (i < n) {
    const c = html[i] as string;
    if (WHITESPACE.has(c) || c === "/") {
      i += 1;
      continue;
    }
    if (c === ">") return { name, attributes, end: i + 1, complete: true };
    // Attribute name: the first character may be "=", then up to whitespace, "/", ">" or "=".
    const nameStart = i;
    i += 1;
    while (i < n && !WHITESPACE.has(html[i] as string) && !"/>=".includes(html[i] as string)) i += 1;
    const attributeName = html.slice(nameStart, i).toLowerCase();
    let value = "";
    let j = i;
    while (j < n && WHITESPACE.has(html[j] as string)) j += 1;
    if (html[j] === "=") {
      j += 1;
      while (j < n && WHITESPACE.has(html[j] as string)) j += 1;
      const quote = html[j];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, j + 1);
        if (close === -1) return { name, attributes, end: n, complete: false };
        value = html.slice(j + 1, close);
        j = close + 1;
      } else {
        const valueStart = j;
        while (j < n && !WHITESPACE.has(html[j] as string) && html[j] !== ">") j += 1;
        value = html.slice(valueStart, j);
      }
      i = j;
    }
    if (!seen.has(attributeName)) {
      seen.add(attributeName);
      attributes.push([attributeName, decodeEntities(value)]);
    }
  }
  return { name, attributes, end: n, complete: false };
}

function rebuildStartTag(name: string, parsed: Array<[string, string]>, options: SanitizeOptions): string {
  const allowed = TAG_ATTRIBUTES[name];
  const kept: string[] = [];
  let attributes = parsed;
  if (name === "input") {
    // Only the task-list checkbox, and never one the reader can tick.
    const type = attributes.find(([key]) => key === "type")?.[1].toLowerCase();
    if (type !== "checkbox") return "";
    if (!attributes.some(([key]) => key === "disabled")) attributes = [...attributes, ["disabled", ""]];
  }
  for (const [key, raw] of attributes) {
    if (!GLOBAL_ATTRIBUTES.has(key) && !allowed?.has(key)) continue;
    let value: string | undefined = raw;
    if (URL_ATTRIBUTES.has(key)) value = isSafeUrl(raw) ? raw : undefined;
    else if (key === "srcset") value = isSafeSrcset(raw) ? raw : undefined;
    else if (key === "class") {
      const classes = raw.split(/\s+/).filter((c) => ALLOWED_CLASSES.has(c));
      value = classes.length > 0 ? classes.join(" ") : undefined;
    } else if (key === "id" || (key === "name" && name === "a")) {
      const isHeading = /^h[1-6]$/.test(name);
      if (raw === "") value = undefined;
      else if (!(key === "id" && isHeading && options.trustedHeadingIds.has(raw)))
        value = raw.startsWith("user-content-") ? raw : `user-content-${raw}`;
    } else if (key === "media" && name === "source" && options.theme !== "auto") {
      value = forceColorScheme(raw, options.theme);
    }
    if (value === undefined) continue;
    kept.push(
      value === "" && BOOLEAN_ATTRIBUTES.has(key) ? ` ${key}` : ` ${key}="${escapeAttribute(value)}"`,
    );
  }
  return `<${name}${kept.join("")}>`;
}

const BOOLEAN_ATTRIBUTES = new Set(["open", "checked", "disabled", "reversed"]);

/** Relative URLs, fragments, and http/https/mailto. Judged as a browser's URL parser reads it. */
function isSafeUrl(url: string): boolean {
  let start = 0;
  let end = url.length;
  while (start < end && url.charCodeAt(start) <= 0x20) start += 1;
  while (end > start && url.charCodeAt(end - 1) <= 0x20) end -= 1;
  const normalized = url.slice(start, end).replace(/[\t\n\r]/g, "");
  // An executable scheme anywhere ("/javascript:…" is a harmless path, but nothing a README needs).
  if (/(javascript|vbscript|data):/i.test(normalized)) return false;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(normalized);
  if (scheme) return SAFE_SCHEMES.has((scheme[1] as string).toLowerCase());
  // Relative: a colon before any path, query or fragment (as in "<data:…") reads like a scheme to
  // a lenient parser, so it is refused rather than trusted to be harmless.
  const colon = normalized.indexOf(":");
  const path = normalized.search(/[/?#]/);
  return colon === -1 || (path !== -1 && path < colon);
}

function isSafeSrcset(srcset: string): boolean {
  return srcset
    .split(",")
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? "")
    .every((url) => isSafeUrl(url));
}

const COLOR_SCHEME_FEATURE = /^\(\s*prefers-color-scheme\s*:\s*(light|dark)\s*\)$/i;

/**
 * A `<source>` media query list with `prefers-color-scheme` answered for a forced theme: the matching
 * scheme becomes true ("all", or the rest of the query), the other false ("not all"). A query it
 * does not understand is left as it is.
 */
export function forceColorScheme(media: string, theme: "light" | "dark"): string {
  if (!/prefers-color-scheme/i.test(media)) return media;
  return media
    .split(",")
    .map((item) => {
      const query = item.trim();
      const negated = /^not\s+(.*)$/is.exec(query);
      const answer = answerColorScheme(negated ? (negated[1] as string) : query, theme);
      if (answer === undefined) return query;
      if (!negated) return answer;
      return answer === "all" ? "not all" : answer === "not all" ? "all" : `not ${answer}`;
    })
    .join(", ");
}

/** One query (without a leading "not") with its colour-scheme features answered; undefined if unsure. */
function answerColorScheme(query: string, theme: "light" | "dark"): string | undefined {
  if (/\sor\s/i.test(query)) return undefined;
  const parts = query.split(/\s+and\s+/i).map((part) => part.trim());
  const schemes = parts.map((part) => COLOR_SCHEME_FEATURE.exec(part)?.[1]?.toLowerCase());
  if (schemes.every((scheme) => scheme === undefined)) return undefined;
  if (schemes.some((scheme) => scheme !== undefined && scheme !== theme)) return "not all";
  const rest = parts.filter((_, k) => schemes[k] === undefined);
  if (rest.length === 0) return "all";
  return /prefers-color-scheme/i.test(rest.join(" ")) ? undefined : rest.join(" and ");
}

// ---------------------------------------------------------------------------------------------
// Text

function isAsciiAlpha(c: string | undefined): boolean {
  return c !== undefined && /^[a-zA-Z]$/.test(c);
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

/**
 * Numeric references and the few named ones marked and READMEs use. Any other named reference is
 * left as text; attribute values are re-escaped in full, so the browser sees exactly this text.
 */
function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([a-zA-Z]+));?/g, (match, dec, hex, name) => {
    if (dec !== undefined || hex !== undefined) {
      const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex, 16);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : "\ufffd";
    }
    return Object.hasOwn(NAMED_ENTITIES, name) ? (NAMED_ENTITIES[name] as string) : match;
  });
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Text between tags: character references are kept, only markup characters escaped. */
function escapeTextRun(text: string): string {
  return text.replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
