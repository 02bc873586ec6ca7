import type { Temporal } from "temporal-polyfill";
import type { ProgramCalendar } from "../calendar.js";
import type { ProjectLocation } from "../config/project-location.js";
import { chosenOptions } from "../config/rules.js";
import type { Config } from "../config/schema.js";
import type { Curriculum } from "../curriculum/load.js";

/** Everything planning needs, derived once from a valid config and its curriculum. */
export interface PlanContext {
  curriculum: Curriculum;
  config: Config;
  calendar: ProgramCalendar;
  chosen: ReadonlySet<string>;
  /** Web address of the GitHub server, for links (GitHub Enterprise Server has its own). */
  serverUrl: string;
  /** Width of week numbers in keys: `week-05` for up to 99 weeks, `week-005` beyond. */
  keyWidth: number;
}

export function planContext(
  config: Config,
  curriculum: Curriculum,
  serverUrl = "https://github.com",
): PlanContext {
  return {
    curriculum,
    config,
    calendar: { start: config.start, timeZone: config.timezone, totalWeeks: curriculum.totalWeeks },
    chosen: chosenOptions(config),
    serverUrl: serverUrl.replace(/\/+$/, ""),
    keyWidth: Math.max(2, String(curriculum.totalWeeks).length),
  };
}

export const keys = {
  week: (context: PlanContext, week: number) => `week-${String(week).padStart(context.keyWidth, "0")}`,
  project: (slug: string) => `project-${slug}`,
  phase: (phase: number) => `phase-${phase}`,
};

export function labelNames(prefix: string) {
  return {
    managed: prefix,
    week: `${prefix}:week`,
    project: `${prefix}:project`,
    phase: (phase: number) => `${prefix}:phase-${phase}`,
    track: (track: string) => `${prefix}:${track}`,
  };
}

export function repoUrl(context: PlanContext, repo: string): string {
  return `${context.serverUrl}/${repo}`;
}

/** A project's place as shown: "owner/name", or "owner/name/folder" for a folder of a repository. */
export function locationName(location: ProjectLocation): string {
  return location.path === undefined ? location.repo : `${location.repo}/${location.path}`;
}

/** The web page of a project's repository, or of its folder on the default branch. */
export function locationUrl(context: PlanContext, location: ProjectLocation): string {
  if (location.path === undefined) return repoUrl(context, location.repo);
  const folder = location.path.split("/").map(encodeURIComponent).join("/");
  return `${repoUrl(context, location.repo)}/tree/HEAD/${folder}`;
}

export type PlainDate = Temporal.PlainDate;
