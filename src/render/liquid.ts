import { Liquid } from "liquidjs";
import { TEMPLATES } from "../generated/assets.js";
import { codeBlock, escapeMarkdownInline, inlineCode, sanitizeMarkdownInline } from "../text/markdown.js";
import { terminalSafe } from "../text/terminal.js";

/**
 * Every `{{ value }}` is escaped as inert Markdown unless a filter says otherwise: `md` keeps a
 * curriculum's trusted Markdown (sanitized), `code` and `codeblock` quote verbatim, `raw` is for
 * markers the renderer built itself.
 */
const engine = new Liquid({
  templates: { ...TEMPLATES },
  strictVariables: true,
  strictFilters: true,
  outputEscape: (value: unknown) => escapeMarkdownInline(String(value)),
  cache: true,
});
engine.registerFilter("md", {
  handler: (value: unknown) => sanitizeMarkdownInline(String(value)),
  raw: true,
});
engine.registerFilter("code", { handler: (value: unknown) => inlineCode(String(value)), raw: true });
engine.registerFilter("codeblock", {
  handler: (value: unknown, language?: unknown) =>
    codeBlock((value as unknown[]).map(String), language === undefined ? "" : String(language)),
  raw: true,
});

/**
 * Render `templates/<name>.liquid` with a view model; consecutive blank lines collapse to one. No
 * control character of the data survives, whatever filter let it through.
 */
export function renderTemplate(name: string, view: object): string {
  const output = terminalSafe(engine.renderFileSync(`${name}.liquid`, view) as string, { multiline: true });
  return `${output
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}
