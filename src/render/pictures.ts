/**
 * The progress pictures: SVG files committed next to the README and shown through `<img>` (one per
 * theme, picked with `<picture>` and `prefers-color-scheme`). GitHub serves such images without
 * scripts, external fonts or `foreignObject`, so they are plain shapes and text with inline
 * attributes. Pure and deterministic: the same report always gives the same bytes.
 */
import type { ProgressReport } from "../progress/report-types.js";
import { drawHours, hoursHeading } from "./pictures/hours.js";
import { PALETTES, type Theme } from "./pictures/palette.js";
import { drawPhases, phasesHeading } from "./pictures/phases.js";
import { document, type Heading, headingBlock } from "./pictures/svg.js";
import { drawWeeks, weeksHeading } from "./pictures/weeks.js";

export { PALETTES, type Palette, type Theme } from "./pictures/palette.js";
export { escapeXml } from "./xml.js";

export const PICTURES = ["weeks", "phases", "hours"] as const;
export type PictureName = (typeof PICTURES)[number];
export const THEMES: readonly Theme[] = ["light", "dark"];

type Draw = (
  report: ProgressReport,
  top: number,
  palette: (typeof PALETTES)[Theme],
) => { svg: string; bottom: number };

const PICTURE: Record<
  PictureName,
  { heading: (report: ProgressReport, who: string) => Heading; draw: Draw }
> = {
  weeks: { heading: weeksHeading, draw: drawWeeks },
  phases: { heading: phasesHeading, draw: drawPhases },
  hours: { heading: hoursHeading, draw: drawHours },
};

/** " (@octocat)" to name whose progress it is, or nothing when the report has no learner. */
function who(report: ProgressReport): string {
  const login = report.learner.trim().replace(/^@/, "");
  return login ? ` (@${login})` : "";
}

/** The file a picture is committed as, e.g. "weeks-light.svg". */
export function pictureFile(name: PictureName, theme: Theme): string {
  return `${name}-${theme}.svg`;
}

/** Every picture in both themes: file name (e.g. "weeks-light.svg") -> SVG text. Deterministic. */
export function renderPictures(report: ProgressReport): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of PICTURES) {
    for (const theme of THEMES) files[pictureFile(name, theme)] = renderPicture(name, report, theme);
  }
  return files;
}

export function renderPicture(name: PictureName, report: ProgressReport, theme: Theme): string {
  const palette = PALETTES[theme];
  const picture = PICTURE[name];
  const heading = picture.heading(report, who(report));
  const head = headingBlock(heading, palette);
  const body = picture.draw(report, head.bottom + 10, palette);
  return document(`${name}-${theme}`, heading, palette, body.bottom + 16, `${head.svg}\n${body.svg}`);
}

/** Alt text for the README (one sentence summarising what the picture shows, with figures). */
export function pictureAlt(name: PictureName, report: ProgressReport): string {
  const label = { weeks: "Week by week", phases: "Progress by phase", hours: "Hours logged per week" }[name];
  return `${label}: ${PICTURE[name].heading(report, "").desc}`;
}
