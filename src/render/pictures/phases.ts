/**
 * One progress bar per phase: "Phase N · title" on the left, weeks done, due date and status on
 * the right, and the bar beneath, one segment per week so the fraction can be counted by eye.
 */

import type { PhaseReport, PhaseStatus, ProgressReport } from "../../progress/report-types.js";
import { count as countOf } from "../../text/plural.js";
import type { Palette } from "./palette.js";
import { el, type Heading, INNER, MARGIN, num, shortDate, text, textWidth, truncate } from "./svg.js";

const LABEL_SIZE = 13;
const DETAIL_SIZE = 12;
const BAR_HEIGHT = 14;
const BLOCK = 48;

const STATUS_WORD: Record<PhaseStatus, string> = {
  done: "done",
  "in-progress": "in progress",
  overdue: "overdue",
  upcoming: "upcoming",
};

export function phasesSummary(report: ProgressReport): string {
  const count = (status: PhaseStatus) => report.phases.filter((phase) => phase.status === status).length;
  const weeksDone = report.phases.reduce((sum, phase) => sum + phase.weeksDone, 0);
  const states = [
    `${count("done")} of ${countOf(report.phases.length, "phase")} done`,
    `${count("in-progress")} in progress`,
    `${count("overdue")} overdue`,
    `${count("upcoming")} upcoming`,
  ];
  const current = report.phases.find((phase) => phase.number === report.position.phase);
  const now =
    current && report.position.kind === "during"
      ? `; Phase ${current.number} (${current.title}) has ${current.weeksDone} of ${countOf(current.weeksTotal, "week")} done, due ${shortDate(current.due)}`
      : "";
  return `${states.join(", ")}; ${weeksDone} of ${countOf(report.totalWeeks, "week")} done in all${now}.`;
}

export function phasesHeading(report: ProgressReport, who: string): Heading {
  return { title: `Phases: ${report.curriculum.title}${who}`, desc: phasesSummary(report) };
}

/** The bar's colour says the status; overdue is hatched too, so colour is not the only carrier. */
function bar(phase: PhaseReport, y: number, palette: Palette): string {
  const total = Math.max(1, phase.weeksTotal);
  const done = Math.min(total, Math.max(0, phase.weeksDone));
  const filled = (INNER * done) / total;
  // The weeks done are done, whatever the phase's status: only the missing part of an overdue
  // phase is shown as overdue (hatched below).
  const colour =
    phase.status === "done" || phase.status === "overdue" ? palette.status.done : palette.status.current;
  const parts = [
    el("rect", {
      x: MARGIN + 0.5,
      y: y + 0.5,
      width: INNER - 1,
      height: BAR_HEIGHT - 1,
      rx: 3,
      fill: palette.status.upcoming,
      stroke: palette.upcomingStroke,
    }),
  ];
  if (filled > 0) {
    parts.push(
      el("rect", {
        x: MARGIN,
        y,
        width: filled,
        height: BAR_HEIGHT,
        rx: 3,
        fill: colour,
        "data-phase": phase.number,
      }),
    );
  }
  if (phase.status === "overdue") parts.push(overdueHatch(MARGIN + filled, y, INNER - filled, palette));
  // Dividers between weeks, in the background colour, when a week is wide enough to show one.
  const step = INNER / total;
  if (step >= 4) {
    const d = Array.from(
      { length: total - 1 },
      (_, i) => `M${num(MARGIN + step * (i + 1))} ${num(y)}v${BAR_HEIGHT}`,
    );
    if (d.length > 0)
      parts.push(el("path", { d: d.join(""), stroke: palette.background, "stroke-width": 1.5 }));
  }
  return parts.join("");
}

/** Hatch the unfinished part of an overdue phase: the weeks that should have been done. */
function overdueHatch(x: number, y: number, width: number, palette: Palette): string {
  if (width < 1) return "";
  const segments: string[] = [];
  // Lines at 45°, each from the bar's bottom edge to its top, clipped to [x, x + width].
  for (let start = x - BAR_HEIGHT + 3; start < x + width; start += 6) {
    const x1 = Math.max(x, start);
    const x2 = Math.min(x + width, start + BAR_HEIGHT);
    const y1 = y + BAR_HEIGHT - (x1 - start);
    const y2 = y + BAR_HEIGHT - (x2 - start);
    segments.push(`M${num(x1)} ${num(y1)}L${num(x2)} ${num(y2)}`);
  }
  return el("path", { d: segments.join(""), stroke: palette.status.overdue, "stroke-width": 1.5 });
}

function phaseBlock(phase: PhaseReport, top: number, palette: Palette): string {
  const detail = `${phase.weeksDone} of ${countOf(phase.weeksTotal, "week")} · due ${shortDate(phase.due)} · ${STATUS_WORD[phase.status]}`;
  const room = INNER - textWidth(detail, DETAIL_SIZE) - 16;
  const label = truncate(`Phase ${phase.number} · ${phase.title}`, room, LABEL_SIZE, true);
  return [
    text(MARGIN, top + 13, label, { "font-size": LABEL_SIZE, "font-weight": 600, fill: palette.text }),
    text(MARGIN + INNER, top + 13, detail, {
      "font-size": DETAIL_SIZE,
      "text-anchor": "end",
      // Overdue stands out by weight, not colour: coloured text would fall below 4.5:1 on white.
      fill: phase.status === "overdue" ? palette.text : palette.muted,
      "font-weight": phase.status === "overdue" ? 600 : undefined,
    }),
    bar(phase, top + 20, palette),
  ].join("");
}

export function drawPhases(
  report: ProgressReport,
  top: number,
  palette: Palette,
): { svg: string; bottom: number } {
  const blocks = report.phases.map((phase, i) => phaseBlock(phase, top + i * BLOCK, palette));
  return { svg: blocks.join("\n"), bottom: top + report.phases.length * BLOCK };
}
