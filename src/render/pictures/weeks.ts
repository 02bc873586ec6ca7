/**
 * The week strip: one cell per week, 26 to a row (half a year), coloured by status, phases marked
 * by a line and a label where they start, today ringed, and a legend with the counts.
 */

import type { PhaseReport, ProgressReport, WeekStatus } from "../../progress/report-types.js";
import { count as countOf } from "../../text/plural.js";
import { todayRing, weekCell } from "./cells.js";
import type { Palette } from "./palette.js";
import { el, fitting, type Heading, INNER, MARGIN, shortDate, text, textWidth } from "./svg.js";

const COLUMNS = 26;
const CELL = 26;
const PITCH = 29;
const LABEL_BAND = 18;
const ROW_HEIGHT = LABEL_BAND + CELL + 18 + 10;
const LABEL_SIZE = 11;
const NUMBER_SIZE = 9.5;

const STATUS_ORDER: readonly WeekStatus[] = ["done", "late", "overdue", "current", "upcoming", "skipped"];
const STATUS_LABEL: Record<WeekStatus, string> = {
  done: "Done on time",
  late: "Done late",
  overdue: "Overdue",
  current: "Current",
  upcoming: "Upcoming",
  skipped: "Skipped",
};

/** Week n's status; a week the report lacks is drawn as upcoming rather than failing. */
export function statusesOf(report: ProgressReport): WeekStatus[] {
  const byWeek = new Map(report.weeks.map((week) => [week.week, week.status]));
  return Array.from({ length: Math.max(0, report.totalWeeks) }, (_, i) => byWeek.get(i + 1) ?? "upcoming");
}

export function countStatuses(report: ProgressReport): Record<WeekStatus, number> {
  const counts: Record<WeekStatus, number> = {
    done: 0,
    late: 0,
    overdue: 0,
    current: 0,
    upcoming: 0,
    skipped: 0,
  };
  for (const status of statusesOf(report)) counts[status]++;
  return counts;
}

/** The week today falls in, when it falls in one. */
export function todayWeek(report: ProgressReport): number | undefined {
  const week = report.position.week;
  return report.position.kind === "during" && week !== undefined && week >= 1 && week <= report.totalWeeks
    ? week
    : undefined;
}

/** Where today is, in words, with the dates that make "before" and "after" concrete. */
export function positionPhrase(report: ProgressReport): string {
  const start = report.weeks[0]?.first;
  const end = report.weeks[report.weeks.length - 1]?.last;
  const today = shortDate(report.today);
  const week = todayWeek(report);
  if (week !== undefined) {
    const phase = report.position.phase;
    return `today (${today}) is in week ${week} of ${report.totalWeeks}${phase ? `, Phase ${phase}` : ""}`;
  }
  if (report.position.kind === "before") {
    return `today (${today}) is before week 1${start ? `; the program starts on ${shortDate(start)}` : ""}`;
  }
  return `today (${today}) is after the program${end ? `, which ended on ${shortDate(end)}` : ""}`;
}

export function weeksSummary(report: ProgressReport): string {
  const counts = countStatuses(report);
  // The one count of weeks done (progress/pace.ts), as the README and status give it.
  const finished = report.pace.done;
  const parts = [
    `${finished} of ${countOf(report.totalWeeks, "week")} done${counts.late ? ` (${counts.late} late)` : ""}`,
    `${counts.overdue} overdue`,
    ...(counts.skipped ? [`${counts.skipped} skipped`] : []),
  ];
  return `${parts.join(", ")}; ${positionPhrase(report)}.`;
}

export function weeksHeading(report: ProgressReport, who: string): Heading {
  return { title: `Weeks: ${report.curriculum.title}${who}`, desc: weeksSummary(report) };
}

/** The last week on `week`'s row. */
function rowEnd(week: number): number {
  return Math.ceil(week / COLUMNS) * COLUMNS;
}

function cellX(week: number): number {
  return MARGIN + ((week - 1) % COLUMNS) * PITCH;
}

function rowTop(stripTop: number, week: number): number {
  return stripTop + Math.floor((week - 1) / COLUMNS) * ROW_HEIGHT;
}

function cellY(stripTop: number, week: number): number {
  return rowTop(stripTop, week) + LABEL_BAND;
}

/** A phase's part of one row: a line and the longest label that fits where it starts, else "P3". */
function phaseSegment(
  phase: PhaseReport,
  from: number,
  to: number,
  stripTop: number,
  palette: Palette,
): string {
  const starts = from === phase.firstWeek;
  const x = cellX(from);
  const top = rowTop(stripTop, from);
  const room = (to - from + 1) * PITCH - 8;
  const options = starts
    ? [
        `Phase ${phase.number} · ${phase.title}`,
        `Phase ${phase.number}`,
        `P${phase.number}`,
        `${phase.number}`,
      ]
    : [`P${phase.number}`, `${phase.number}`];
  const label = fitting(options, room, LABEL_SIZE);
  const parts = [];
  if (starts) {
    // In the gap just left of the phase's first cell.
    const lineX = x - (PITCH - CELL) / 2;
    parts.push(
      el("line", {
        x1: lineX,
        y1: top + 2,
        x2: lineX,
        y2: top + LABEL_BAND + CELL + 3,
        stroke: palette.text,
        "stroke-width": 1.5,
        "data-phase": phase.number,
      }),
    );
  }
  if (textWidth(label, LABEL_SIZE) <= room + 6) {
    parts.push(
      text(x + (starts ? 3 : 1), top + 12, label, {
        "font-size": LABEL_SIZE,
        "font-weight": starts ? 600 : undefined,
        fill: starts ? palette.text : palette.muted,
      }),
    );
  }
  return parts.join("");
}

function phaseMarks(report: ProgressReport, stripTop: number, palette: Palette): string {
  const parts: string[] = [];
  for (const phase of report.phases) {
    const first = Math.max(1, phase.firstWeek);
    const last = Math.min(report.totalWeeks, phase.lastWeek);
    // One segment per row the phase covers: a phase that wraps is named again on the next row.
    for (let from = first; from <= last; from = rowEnd(from) + 1) {
      parts.push(phaseSegment(phase, from, Math.min(last, rowEnd(from)), stripTop, palette));
    }
  }
  return parts.join("");
}

/** Week numbers under the cells: 1, every fifth, each row's first, the last; "today" wins its spot. */
function weekNumbers(report: ProgressReport, stripTop: number, palette: Palette): string {
  const today = todayWeek(report);
  const parts: string[] = [];
  for (let week = 1; week <= report.totalWeeks; week++) {
    const labelled = week === 1 || week % 5 === 0 || (week - 1) % COLUMNS === 0 || week === report.totalWeeks;
    const besideToday = today !== undefined && Math.abs(week - today) === 1 && sameRow(week, today);
    if (week !== today && (!labelled || besideToday)) continue;
    const isToday = week === today;
    parts.push(
      text(cellX(week) + CELL / 2, cellY(stripTop, week) + CELL + 14, isToday ? "today" : String(week), {
        "font-size": isToday ? 10 : NUMBER_SIZE,
        "font-weight": isToday ? 700 : undefined,
        "text-anchor": "middle",
        fill: isToday ? palette.text : palette.muted,
      }),
    );
  }
  return parts.join("");
}

function sameRow(a: number, b: number): boolean {
  return rowEnd(a) === rowEnd(b);
}

function cells(report: ProgressReport, stripTop: number, palette: Palette): string {
  const parts = statusesOf(report).map((status, i) =>
    weekCell(cellX(i + 1), cellY(stripTop, i + 1), CELL, status, palette, {
      "data-week": i + 1,
      "data-status": status,
    }),
  );
  const today = todayWeek(report);
  if (today !== undefined) {
    parts.push(todayRing(cellX(today), cellY(stripTop, today), CELL, palette, { "data-today": today }));
  }
  return parts.join("");
}

/** Swatch and label per status, then today's ring, flowing onto a new line when the width runs out. */
function legend(report: ProgressReport, top: number, palette: Palette): { svg: string; height: number } {
  const counts = countStatuses(report);
  const swatch = 12;
  const items = [
    // A status no week has is not explained; nor is today's ring once the program is over.
    ...STATUS_ORDER.filter((status) => counts[status] > 0).map((status) => ({
      label: `${STATUS_LABEL[status]} (${counts[status]})`,
      draw: (x: number, y: number) => weekCell(x, y, swatch, status, palette),
    })),
    ...(report.position.kind === "during"
      ? [{ label: "Today", draw: (x: number, y: number) => todayRing(x, y, swatch, palette) }]
      : []),
  ];
  const parts: string[] = [];
  let x = MARGIN;
  let y = top;
  for (const item of items) {
    const width = swatch + 12 + textWidth(item.label, LABEL_SIZE) + 10;
    if (x > MARGIN && x + width > MARGIN + INNER) {
      x = MARGIN;
      y += 22;
    }
    parts.push(
      item.draw(x + 2.5, y),
      text(x + swatch + 12, y + 10, item.label, { "font-size": LABEL_SIZE, fill: palette.text }),
    );
    x += width;
  }
  return { svg: parts.join(""), height: y - top + 22 };
}

/** The strip's SVG body below the heading starting at `top`, and where it ends. */
export function drawWeeks(
  report: ProgressReport,
  top: number,
  palette: Palette,
): { svg: string; bottom: number } {
  const rows = Math.max(1, Math.ceil(report.totalWeeks / COLUMNS));
  const legendTop = top + rows * ROW_HEIGHT + 4;
  const key = legend(report, legendTop, palette);
  const svg = [
    phaseMarks(report, top, palette),
    cells(report, top, palette),
    weekNumbers(report, top, palette),
    key.svg,
  ].join("\n");
  return { svg, bottom: legendTop + key.height };
}
