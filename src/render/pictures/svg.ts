/**
 * A tiny SVG writer: elements as strings, every attribute and text escaped on the way in, numbers
 * written with at most two decimals so the same report always gives the same bytes.
 */
import { escapeXml } from "../xml.js";
import type { Palette } from "./palette.js";

export type Attrs = Record<string, string | number | undefined>;

/** The picture's width in user units; GitHub scales the image down on narrow screens. */
export const WIDTH = 800;
export const MARGIN = 24;
export const INNER = WIDTH - 2 * MARGIN;

/** System fonts only: an `<img>` SVG may not load web fonts. No quotes, so nothing to escape. */
const FONT = "-apple-system,BlinkMacSystemFont,Segoe UI,Helvetica,Arial,sans-serif";

/** At most two decimals, no trailing zeros, never "-0": float noise never reaches the output. */
export function num(value: number): string {
  const fixed = value.toFixed(2).replace(/\.?0+$/, "");
  return fixed === "-0" ? "0" : fixed;
}

function attributes(attrs: Attrs): string {
  return Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${typeof value === "number" ? num(value) : escapeXml(value)}"`)
    .join("");
}

/** An element whose children are already SVG. */
export function el(tag: string, attrs: Attrs, ...children: string[]): string {
  const open = `<${tag}${attributes(attrs)}`;
  return children.length === 0 ? `${open}/>` : `${open}>${children.join("")}</${tag}>`;
}

/** A text element; `content` is data and gets escaped. */
export function text(x: number, y: number, content: string, attrs: Attrs = {}): string {
  return `<text${attributes({ x, y, ...attrs })}>${escapeXml(content)}</text>`;
}

/**
 * A rough width of `content` in a proportional sans-serif: the pictures cannot measure text, so
 * layout errs a little wide (Arial and Segoe UI average about 0.5 em a character) to keep labels
 * from colliding whichever system font the viewer has.
 */
const EM_PER_CHAR = 0.55;
const EM_PER_BOLD_CHAR = 0.6;

export function textWidth(content: string, fontSize: number, bold = false): number {
  return [...content].length * fontSize * (bold ? EM_PER_BOLD_CHAR : EM_PER_CHAR);
}

/** `content` cut with an ellipsis so it fits `width`. */
export function truncate(content: string, width: number, fontSize: number, bold = false): string {
  if (textWidth(content, fontSize, bold) <= width) return content;
  const chars = [...content];
  let keep = Math.max(0, Math.floor(width / (fontSize * (bold ? EM_PER_BOLD_CHAR : EM_PER_CHAR))) - 1);
  while (keep > 0 && chars[keep - 1] === " ") keep--;
  return `${chars.slice(0, keep).join("")}…`;
}

/** The first option that fits `width`, else the last one. */
export function fitting(options: readonly string[], width: number, fontSize: number): string {
  return options.find((option) => textWidth(option, fontSize) <= width) ?? options[options.length - 1] ?? "";
}

/** Greedy word wrap to lines that fit `width`; a single word longer than a line is truncated. */
export function wrap(content: string, width: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of content.split(/\s+/).filter(Boolean)) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (line !== "" && textWidth(candidate, fontSize) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== "") lines.push(line);
  return lines.map((l) => truncate(l, width, fontSize));
}

/** "2026-04-12" -> "12 Apr 2026", by string alone: the report's dates are already local. */
export function shortDate(iso: string): string {
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = match ? months[Number(match[2]) - 1] : undefined;
  if (!match || !month) return iso;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

export interface Heading {
  /** The `<title>`: names the picture. */
  title: string;
  /** The `<desc>`: states the figures; also shown as the caption. */
  desc: string;
}

const HEADING_SIZE = 16;
const CAPTION_SIZE = 12;
const CAPTION_LINE = 16;

/** The heading and caption drawn at the top, and where the body may start. */
export function headingBlock(heading: Heading, palette: Palette): { svg: string; bottom: number } {
  const title = truncate(heading.title, INNER, HEADING_SIZE, true);
  const lines = wrap(heading.desc, INNER, CAPTION_SIZE);
  const parts = [
    text(MARGIN, 30, title, { "font-size": HEADING_SIZE, "font-weight": 600, fill: palette.text }),
    ...lines.map((line, i) =>
      text(MARGIN, 52 + i * CAPTION_LINE, line, { "font-size": CAPTION_SIZE, fill: palette.muted }),
    ),
  ];
  return { svg: parts.join(""), bottom: 52 + (lines.length - 1) * CAPTION_LINE + 14 };
}

/**
 * The root element: `role="img"` with the title and description as its accessible name, ids
 * prefixed with the picture so two pictures inlined in one page still resolve to their own.
 */
export function document(
  id: string,
  heading: Heading,
  palette: Palette,
  height: number,
  body: string,
): string {
  const h = Math.ceil(height);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-title ${id}-desc"`,
    ` viewBox="0 0 ${WIDTH} ${h}" width="${WIDTH}" height="${h}" font-family="${FONT}">`,
    `\n<title id="${id}-title">${escapeXml(heading.title)}</title>`,
    `\n<desc id="${id}-desc">${escapeXml(heading.desc)}</desc>\n`,
    // A painted card rather than a transparent image: the contrast of every colour was chosen
    // against exactly this background, whatever page the picture lands on.
    el("rect", {
      x: 0.5,
      y: 0.5,
      width: WIDTH - 1,
      height: h - 1,
      rx: 6,
      fill: palette.background,
      stroke: palette.border,
    }),
    "\n",
    body,
    "\n</svg>\n",
  ].join("");
}
