/**
 * Hours logged per week as bars against the weekly budget, a shaded band. Every week has a slot
 * on the x axis so the chart keeps its scale as the year fills in; bars stop at today's week.
 */
import type { ProgressReport, WeekReport } from "../../progress/report-types.js";
import { count } from "../../text/plural.js";
import type { Palette } from "./palette.js";
import { el, type Heading, INNER, MARGIN, num, shortDate, text } from "./svg.js";
import { todayWeek } from "./weeks.js";

const LEFT = MARGIN + 40;
const RIGHT = MARGIN + INNER;
const PLOT_HEIGHT = 180;
const TICK_SIZE = 10;
const LABEL_SIZE = 11;

/** Hours with one decimal at most: "8 h", "8.5 h". */
export function hours(minutes: number): string {
  return `${(minutes / 60).toFixed(1).replace(/\.0$/, "")} h`;
}

function budgetText(report: ProgressReport): string {
  const { min, max } = report.hours.budget;
  return min === max ? `${min} h` : `${min}–${max} h`;
}

/** Weeks that have a bar: started and tracked. */
function shownWeeks(report: ProgressReport): WeekReport[] {
  const today = todayWeek(report);
  const last = report.position.kind === "after" ? report.totalWeeks : (today ?? 0);
  return report.weeks.filter((week) => week.week <= last && week.week >= 1 && week.status !== "skipped");
}

/** The hours' figures, the same for the picture's alt text and the README's line under it. */
export interface HoursFigures {
  /** Minutes logged in all the weeks shown. */
  logged: number;
  /** Weeks that have ended (and are tracked): the ones judged against the budget. */
  ended: number;
  /** Minutes a week on average over the ended weeks. */
  average: number;
  within: number;
  below: number;
  above: number;
  /** The current week and its minutes so far, while the program runs. */
  current?: { week: number; minutes: number };
  /** Before the program, or with nothing to show yet. */
  notStarted: boolean;
}

export function hoursFigures(report: ProgressReport): HoursFigures {
  const { min, max } = report.hours.budget;
  const today = todayWeek(report);
  const shown = shownWeeks(report);
  // Judge only weeks that have ended: the current one is still filling up.
  const ended = shown.filter((week) => week.week !== today);
  const within = ended.filter((week) => week.minutes >= min * 60 && week.minutes <= max * 60).length;
  const below = ended.filter((week) => week.minutes < min * 60).length;
  const current = shown.find((week) => week.week === today);
  return {
    logged: shown.reduce((sum, week) => sum + week.minutes, 0),
    ended: ended.length,
    average: ended.length ? ended.reduce((sum, week) => sum + week.minutes, 0) / ended.length : 0,
    within,
    below,
    above: ended.length - within - below,
    ...(current ? { current: { week: current.week, minutes: current.minutes } } : {}),
    notStarted: report.position.kind === "before" || (shown.length === 0 && today === undefined),
  };
}

/** "No hours logged yet: …", when there is nothing to show. */
function notStartedText(report: ProgressReport): string {
  const start = report.weeks[0]?.first;
  return `No hours logged yet${start ? `: the program starts on ${shortDate(start)}` : ""}; the budget is ${budgetText(report)} a week.`;
}

/** The README's line under the picture: the alt text's first figures, in the same words. */
export function hoursCaption(report: ProgressReport): string {
  const figures = hoursFigures(report);
  if (figures.notStarted) return notStartedText(report);
  const average = figures.ended
    ? `, ${hours(figures.average)} a week on average over ${count(figures.ended, "finished week")}`
    : "";
  const now = figures.current
    ? `; ${hours(figures.current.minutes)} so far in week ${figures.current.week}`
    : "";
  return `${hours(figures.logged)} logged in all${average}${now}.`;
}

export function hoursSummary(report: ProgressReport): string {
  const figures = hoursFigures(report);
  if (figures.notStarted) return notStartedText(report);
  const judged = figures.ended
    ? `${hours(figures.average)} a week on average over ${count(figures.ended, "finished week")} against a budget of ${budgetText(report)}: ${figures.within} within it, ${figures.below} below, ${figures.above} above`
    : `no week finished yet; the budget is ${budgetText(report)} a week`;
  const now = figures.current
    ? `; ${hours(figures.current.minutes)} so far in week ${figures.current.week}`
    : "";
  return `${hours(figures.logged)} logged in all; ${judged}${now}.`;
}

export function hoursHeading(report: ProgressReport, who: string): Heading {
  return { title: `Hours per week: ${report.curriculum.title}${who}`, desc: hoursSummary(report) };
}

/** The smallest round step giving at most five gridlines, and the axis top it implies. */
function scale(peak: number): { step: number; top: number } {
  const steps = [1, 2, 4, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];
  const step = steps.find((s) => Math.ceil(peak / s) <= 5) ?? Math.ceil(peak / 5);
  return { step, top: Math.max(step, Math.ceil(peak / step) * step) };
}

interface Plot {
  top: number;
  bottom: number;
  axisTop: number;
  slot: number;
}

function y(plot: Plot, hoursValue: number): number {
  return plot.bottom - (Math.min(hoursValue, plot.axisTop) / plot.axisTop) * PLOT_HEIGHT;
}

function grid(plot: Plot, step: number, palette: Palette): string {
  const parts: string[] = [];
  for (let value = 0; value <= plot.axisTop; value += step) {
    const at = y(plot, value);
    parts.push(
      el("path", { d: `M${LEFT} ${num(at)}H${RIGHT}`, stroke: value === 0 ? palette.muted : palette.grid }),
      text(LEFT - 6, at + 3.5, `${value} h`, {
        "font-size": TICK_SIZE,
        "text-anchor": "end",
        fill: palette.muted,
      }),
    );
  }
  return parts.join("");
}

/** The budget band: shaded behind the bars, its dashed edges drawn over them so each bar reads against both. */
function band(report: ProgressReport, plot: Plot, palette: Palette): { under: string; over: string } {
  const { min, max } = report.hours.budget;
  const high = y(plot, Math.max(min, max));
  const low = y(plot, Math.min(min, max));
  return {
    under: el("rect", {
      x: LEFT,
      y: high,
      width: RIGHT - LEFT,
      height: low - high,
      fill: palette.band,
      "fill-opacity": 0.15,
    }),
    over: el("path", {
      d: `M${LEFT} ${num(high)}H${RIGHT}M${LEFT} ${num(low)}H${RIGHT}`,
      stroke: palette.band,
      "stroke-width": 1.5,
      "stroke-dasharray": "6 4",
      "data-budget": budgetText(report),
    }),
  };
}

/** The current week's bar is outlined and pale: its hours are still coming in. */
function bars(report: ProgressReport, plot: Plot, palette: Palette): string {
  const today = todayWeek(report);
  const width = Math.min(24, Math.max(1, plot.slot * 0.7));
  return shownWeeks(report)
    .filter((week) => week.minutes > 0)
    .map((week) => {
      const top = y(plot, week.minutes / 60);
      const current = week.week === today;
      return el("rect", {
        x: LEFT + plot.slot * (week.week - 1) + (plot.slot - width) / 2,
        y: top,
        width,
        height: plot.bottom - top,
        fill: palette.bar,
        "fill-opacity": current ? 0.35 : undefined,
        stroke: current ? palette.bar : undefined,
        "data-week": week.week,
      });
    })
    .join("");
}

/** Week numbers under the slots, thinned to a round step so they never touch. */
function weekAxis(report: ProgressReport, plot: Plot, palette: Palette): string {
  const step = [1, 2, 5, 10, 20, 25, 50, 100].find((s) => s * plot.slot >= 30) ?? 100;
  const parts = [
    text(LEFT - 6, plot.bottom + 15, "week", {
      "font-size": TICK_SIZE,
      "text-anchor": "end",
      fill: palette.muted,
    }),
  ];
  for (let week = 1; week <= report.totalWeeks; week++) {
    if (week % step !== 0 && !(week === 1 && step >= 5)) continue;
    const x = LEFT + plot.slot * (week - 0.5);
    parts.push(
      text(x, plot.bottom + 15, String(week), {
        "font-size": TICK_SIZE,
        "text-anchor": "middle",
        fill: palette.muted,
      }),
    );
  }
  return parts.join("");
}

function legend(report: ProgressReport, top: number, palette: Palette): string {
  const items = [
    { label: "Hours logged", swatch: { fill: palette.bar } },
    // The current week's pale bar exists only while the program runs.
    ...(report.position.kind === "during"
      ? [
          {
            label: "This week so far",
            swatch: { fill: palette.bar, "fill-opacity": 0.35, stroke: palette.bar },
          },
        ]
      : []),
    {
      label: `Budget ${budgetText(report)} a week`,
      swatch: { fill: palette.band, "fill-opacity": 0.15, stroke: palette.band, "stroke-dasharray": "3 2" },
    },
  ];
  let x = LEFT;
  return items
    .map((item) => {
      const svg =
        el("rect", { x: x + 0.5, y: top + 0.5, width: 11, height: 11, ...item.swatch }) +
        text(x + 18, top + 10, item.label, { "font-size": LABEL_SIZE, fill: palette.text });
      x += 18 + item.label.length * LABEL_SIZE * 0.58 + 24;
      return svg;
    })
    .join("");
}

export function drawHours(
  report: ProgressReport,
  top: number,
  palette: Palette,
): { svg: string; bottom: number } {
  const peak = Math.max(1, report.hours.budget.max, ...report.weeks.map((week) => week.minutes / 60)) * 1.1;
  const { step, top: axisTop } = scale(peak);
  const plot: Plot = {
    top: top + 8,
    bottom: top + 8 + PLOT_HEIGHT,
    axisTop,
    slot: (RIGHT - LEFT) / Math.max(1, report.totalWeeks),
  };
  const budget = band(report, plot, palette);
  const svg = [
    grid(plot, step, palette),
    budget.under,
    bars(report, plot, palette),
    budget.over,
    weekAxis(report, plot, palette),
    legend(report, plot.bottom + 30, palette),
  ].join("\n");
  return { svg, bottom: plot.bottom + 54 };
}
