/**
 * A week's cell, shared by the week strip and its legend so the legend shows exactly what the
 * strip draws. Each status that signals trouble carries a shape as well as a colour.
 */
import type { WeekStatus } from "../../progress/report-types.js";
import type { Palette } from "./palette.js";
import { type Attrs, el, num } from "./svg.js";

/** Diagonal lines across a `size` square, clipped by construction (no `<pattern>` ids to clash). */
function hatch(x: number, y: number, size: number, color: string): string {
  const step = Math.max(3, size / 4);
  const segments: string[] = [];
  for (let c = step; c < 2 * size; c += step) {
    const from = { x: x + Math.max(0, c - size), y: y + Math.min(c, size) };
    const to = { x: x + Math.min(c, size), y: y + Math.max(0, c - size) };
    segments.push(`M${num(from.x)} ${num(from.y)}L${num(to.x)} ${num(to.y)}`);
  }
  return el("path", { d: segments.join(""), stroke: color, "stroke-width": Math.max(1, size / 14) });
}

/** The shape that doubles the colour for `status`, if any. */
function symbol(status: WeekStatus, x: number, y: number, size: number, palette: Palette): string {
  const mid = size / 2;
  switch (status) {
    case "overdue":
      return hatch(x, y, size, palette.mark);
    case "late":
      return el("circle", { cx: x + mid, cy: y + mid, r: Math.max(1.5, size * 0.17), fill: palette.mark });
    case "skipped":
      return el("path", {
        d: `M${num(x + size * 0.25)} ${num(y + mid)}H${num(x + size * 0.75)}`,
        stroke: palette.mark,
        "stroke-width": Math.max(1, size / 10),
      });
    default:
      return "";
  }
}

/** A `size` square at (x, y) for a week of `status`; `attrs` go on the coloured rectangle. */
export function weekCell(
  x: number,
  y: number,
  size: number,
  status: WeekStatus,
  palette: Palette,
  attrs: Attrs = {},
): string {
  const outlined = status === "upcoming";
  // The outline is drawn inside the square so outlined and filled cells line up exactly.
  const inset = outlined ? 0.5 : 0;
  const rect = el("rect", {
    x: x + inset,
    y: y + inset,
    width: size - 2 * inset,
    height: size - 2 * inset,
    rx: Math.min(3, size / 5),
    fill: palette.status[status],
    stroke: outlined ? palette.upcomingStroke : undefined,
    ...attrs,
  });
  return rect + symbol(status, x, y, size, palette);
}

/** The ring that marks today's week: drawn outside the cell, in the text colour. */
export function todayRing(x: number, y: number, size: number, palette: Palette, attrs: Attrs = {}): string {
  const gap = 2.5;
  return el("rect", {
    x: x - gap,
    y: y - gap,
    width: size + 2 * gap,
    height: size + 2 * gap,
    rx: 4,
    fill: "none",
    stroke: palette.text,
    "stroke-width": 2,
    ...attrs,
  });
}
