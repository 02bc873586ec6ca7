/**
 * The pictures' colours, all in one place. Hues come from the Okabe–Ito palette, chosen to stay
 * apart for the common kinds of colour-blindness; each theme has its own variant so that every
 * colour that carries meaning keeps at least 3:1 contrast (WCAG 1.4.11, graphical objects)
 * against the background it is drawn on: #ffffff for light, GitHub's #0d1117 for dark. Colour is
 * never the only carrier: overdue weeks are hatched, late ones dotted, skipped ones dashed.
 */
import type { WeekStatus } from "../../progress/report-types.js";

export type Theme = "light" | "dark";

export interface Palette {
  background: string;
  border: string;
  text: string;
  muted: string;
  grid: string;
  /** Fill of each week status; `upcoming` is a pale cell, so it also gets an outline. */
  status: Record<WeekStatus, string>;
  upcomingStroke: string;
  /** Drawn over a filled cell (hatch, dot, dash): the background, so it reads as a cut-out. */
  mark: string;
  /** The hours bars. */
  bar: string;
  /** The budget band (its edges use `status.done`). */
  band: string;
}

export const PALETTES: Record<Theme, Palette> = {
  light: {
    background: "#ffffff",
    border: "#d0d7de",
    text: "#1f2328",
    muted: "#59636e",
    grid: "#d8dee4",
    status: {
      done: "#009e73", // Okabe–Ito bluish green, 3.4:1 on white
      // Okabe–Ito reddish purple, 3.1:1. Not orange: orange is 2.2:1 on white, and darkened to
      // pass it becomes indistinguishable from vermillion (overdue) for deuteranopes.
      late: "#cc79a7",
      overdue: "#d55e00", // Okabe–Ito vermillion, 3.9:1
      current: "#0072b2", // Okabe–Ito blue, 5.2:1
      upcoming: "#eaeef2",
      skipped: "#6e7681", // neutral grey, 4.6:1; a lighter grey nears the green for deuteranopes
    },
    upcomingStroke: "#8c959f",
    mark: "#ffffff",
    bar: "#0072b2",
    band: "#009e73",
  },
  dark: {
    background: "#0d1117",
    border: "#30363d",
    text: "#e6edf3",
    muted: "#9198a1",
    grid: "#30363d",
    status: {
      done: "#009e73", // 5.5:1 on #0d1117
      late: "#cc79a7", // 6.2:1; the same hue as in light so a status keeps its colour across themes
      overdue: "#d55e00", // 4.9:1
      current: "#56b4e9", // Okabe–Ito sky blue: the darker blue is only 3.6:1 here
      upcoming: "#161b22",
      skipped: "#6e7681", // 4.1:1
    },
    upcomingStroke: "#6e7681",
    mark: "#0d1117",
    bar: "#56b4e9",
    band: "#009e73",
  },
};
