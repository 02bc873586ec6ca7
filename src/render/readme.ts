import { Temporal } from "../calendar.js";
import { locationName } from "../model/context.js";
import type { ProgressReport } from "../progress/report-types.js";
import { escapeMarkdownInline } from "../text/markdown.js";
import { lastMarkerLine, markerLine } from "../text/marker-line.js";
import { count } from "../text/plural.js";
import { formatDate, formatSpan } from "./dates.js";
import { renderTemplate } from "./liquid.js";
import { paceDone, paceFinish, paceStanding } from "./pace-text.js";
import { hoursCaption } from "./pictures/hours.js";
import { PICTURES, type PictureName, pictureAlt, pictureFile, renderPictures } from "./pictures.js";

export const REGION_START = "<!-- syllabot:start -->";
export const REGION_END = "<!-- syllabot:end -->";

/** Where the pictures live, relative to the repository root and to the README. */
export interface PictureLocation {
  /** The folder the pictures are committed to, from the repository root (e.g. ".syllabot"). */
  directory: string;
  /** The same folder as the README links it (relative to the README's own folder). */
  linkPrefix: string;
}

/** The pictures' folder for a README at `readmePath`: `.syllabot/` at the root, linked relatively. */
export function pictureLocation(readmePath: string): PictureLocation {
  const depth = readmePath.split("/").length - 1;
  return { directory: ".syllabot", linkPrefix: `${"../".repeat(depth)}.syllabot` };
}

/** Every file a refresh writes besides the ledger: the README's region and the pictures. */
export function renderProgressFiles(
  report: ProgressReport,
  readmePath: string,
  currentReadme: string | undefined,
): Record<string, string> {
  const location = pictureLocation(readmePath);
  const files: Record<string, string> = {
    [readmePath]: replaceRegion(currentReadme, renderProgressRegion(report, location.linkPrefix)),
  };
  for (const [name, svg] of Object.entries(renderPictures(report))) {
    files[`${location.directory}/${name}`] = svg;
  }
  return files;
}

/** The Markdown between the markers. User text (PR titles, repository names) is inert. */
export function renderProgressRegion(report: ProgressReport, linkPrefix: string): string {
  const pictures = Object.fromEntries(
    PICTURES.map((name) => [name, pictureMarkup(name, report, linkPrefix)]),
  ) as Record<PictureName, string>;
  const date = (iso: string) => formatDate(Temporal.PlainDate.from(iso));
  const thisWeek = report.thisWeek;
  const currentWeek = thisWeek ? report.weeks[thisWeek.week - 1] : undefined;
  return renderTemplate("readme-progress.md", {
    heading: `Progress: ${report.curriculum.title}`,
    today: date(report.today),
    time_zone: report.timeZone,
    position: positionText(report),
    pictures,
    pace: paceText(report),
    streak:
      report.streak.best > 0
        ? `${count(report.streak.current, "week")} in a row finished on time (best: ${report.streak.best}).`
        : false,
    this_week:
      thisWeek && currentWeek
        ? {
            heading: link(`Week ${thisWeek.week}: ${thisWeek.title}`, thisWeek.url),
            dates: formatSpan(
              Temporal.PlainDate.from(currentWeek.first),
              Temporal.PlainDate.from(currentWeek.last),
            ),
            weekday: thisWeek.weekday,
            weekend: thisWeek.weekend,
            weekend_name: thisWeek.weekendName,
          }
        : false,
    hours: `Hours logged: ${hours(report.hours.thisWeek)} h of the ${report.hours.budget.min}–${report.hours.budget.max} h budget.`,
    dsa: report.dsa
      ? `DSA: ${report.dsa.solved} solved${report.dsa.target ? `, target ${report.dsa.target.min}–${report.dsa.target.max}` : ""} (${report.dsa.total} in all).`
      : false,
    phases: report.phases.map((phase) => ({
      number: phase.number,
      title: phase.title,
      done: phase.weeksDone,
      total: phase.weeksTotal,
      due: date(phase.due),
      status: phase.status.replace("-", " "),
    })),
    projects: report.projects.map((project) => ({
      name: link(project.title, project.url),
      repo: project.repo
        ? link(
            locationName({ repo: project.repo, ...(project.path ? { path: project.path } : {}) }),
            project.repoUrl,
          )
        : "not mapped",
      commits: project.commits,
      last: project.lastActivity ? date(project.lastActivity) : "–",
      status: project.status.replace("-", " "),
    })),
    bars: report.bars.map((bar) => ({
      phase: bar.phase,
      minimum: bar.minimum,
      state: barState(bar),
      due: date(bar.due),
      engagement: bar.engagement,
      engagement_issues: count(bar.engagement, "issue"),
      pulls: bar.pulls.map((pull) => ({
        link: link(`${pull.repo}#${pull.number}: ${pull.title}`, pull.url),
        merged: `merged ${date(pull.mergedOn)}`,
        verdict: pull.counts ? "counts" : "does not count",
        reason: pull.reason,
      })),
    })),
    incomplete: report.barsIncomplete,
    hours_total: hoursCaption(report),
  });
}

function positionText(report: ProgressReport): string {
  const { position } = report;
  if (position.kind === "before")
    return `The program starts on ${formatDate(Temporal.PlainDate.from(report.weeks[0]?.first ?? report.today))}.`;
  if (position.kind === "after") return "The program has ended.";
  const phase = report.phases.find((candidate) => candidate.number === position.phase);
  return `Week ${position.week} of ${report.totalWeeks}${phase ? `, phase ${phase.number}: ${phase.title}` : ""}.`;
}

function paceText(report: ProgressReport): string {
  const { pace } = report;
  return `${paceDone(pace, report.totalWeeks)}, ${paceStanding(pace)} (${pace.expected} expected by now). ${capitalized(paceFinish(pace))}.`;
}

function capitalized(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

function barState(bar: ProgressReport["bars"][number]): string {
  if (bar.state === "met") return "✅ met";
  const when = bar.ended ? `ended ${count(-bar.daysLeft, "day")} ago` : `${count(bar.daysLeft, "day")} left`;
  if (bar.ended) return `❌ missed, ${when}`;
  return `${bar.state === "at-risk" ? "⚠️ at risk" : "not met yet"}, ${when}`;
}

function hours(minutes: number): string {
  const value = Math.round((minutes / 60) * 10) / 10;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/**
 * Characters that could end a link destination or the table cell around it (`|`), or that a
 * destination cannot hold (controls, a lone surrogate): percent-encoded.
 */
const UNSAFE_IN_URL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: controls are what is matched.
  /[\s()<>"'\\[\]`|\u0000-\u001f\u007f-\u009f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function percentEncode(char: string): string {
  if (/^[\uD800-\uDFFF]$/.test(char)) return "%EF%BF%BD";
  const code = char.charCodeAt(0);
  return code < 0x80 ? `%${code.toString(16).toUpperCase().padStart(2, "0")}` : encodeURIComponent(char);
}

/** A Markdown link with inert text; only http(s) addresses are linked, and what could break out of one is encoded. */
export function link(text: string, url: string | undefined): string {
  const label = escapeMarkdownInline(text);
  if (!url || !/^https?:\/\//i.test(url)) return label;
  return `[${label}](${url.replace(UNSAFE_IN_URL, percentEncode)})`;
}

/** An HTML attribute's value, on one line: a blank line would end the HTML block around it, mid-tag. */
function attribute(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/"/g, "&quot;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** Light and dark variants, picked by the reader's colour scheme as GitHub documents. */
function pictureMarkup(name: PictureName, report: ProgressReport, prefix: string): string {
  const source = (theme: "light" | "dark") => attribute(`${prefix}/${pictureFile(name, theme)}`);
  return [
    "<picture>",
    `  <source media="(prefers-color-scheme: dark)" srcset="${source("dark")}">`,
    `  <img alt="${attribute(pictureAlt(name, report))}" src="${source("light")}">`,
    "</picture>",
  ].join("\n");
}

/**
 * The README with the region between the markers replaced (added at the end when absent). Every
 * byte outside the markers is kept, line endings included; the region takes the file's line ending.
 */
export function replaceRegion(readme: string | undefined, region: string): string {
  const current = readme ?? "";
  const newline = current.includes("\r\n") ? "\r\n" : "\n";
  const block = `${REGION_START}${newline}${region.replace(/\r?\n/g, newline)}${REGION_END}`;
  const { start, end } = findRegion(current);
  if (start === -1 || end === -1) {
    if (current === "") return `${block}${newline}`;
    const separator = current.endsWith(newline) ? newline : `${newline}${newline}`;
    return `${current}${separator}${block}${newline}`;
  }
  return `${current.slice(0, start)}${block}${current.slice(end + REGION_END.length)}`;
}

/**
 * The first start marker followed by an end marker (the nearest pair), each on a line of its own: a
 * stray marker, or one quoted inline in the learner's text, is the learner's text.
 */
function findRegion(text: string): { start: number; end: number } {
  let from = 0;
  for (;;) {
    const end = markerLine(text, REGION_END, from);
    if (end === -1) return { start: -1, end: -1 };
    const start = lastMarkerLine(text, REGION_START, end - REGION_START.length);
    if (start >= from) return { start, end };
    from = end + REGION_END.length;
  }
}
