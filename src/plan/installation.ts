import { localDate, Temporal } from "../calendar.js";
import type { Config } from "../config/schema.js";
import type { Snapshot } from "../model/actual.js";
import type { PlainDate } from "../model/context.js";
import { keyOf } from "../model/markers.js";
import { formatDate, MONTHS } from "../render/dates.js";

/**
 * The note on an issue whose weeks ended before syllabot was installed; undefined for the others.
 * It states the installation date, which later plans read back (see `installationDate`).
 */
export function backfillNote(
  config: Pick<Config, "backfill">,
  last: PlainDate,
  installedOn: PlainDate,
): string | undefined {
  return last.until(installedOn).sign > 0
    ? `Ended on ${formatDate(last)}, before syllabot was installed on ${formatDate(installedOn)} (backfill: ${config.backfill}).`
    : undefined;
}

const STATED = /before syllabot was installed on [A-Z][a-z]{2} (\d{1,2}) ([A-Z][a-z]{2}) (\d{4})/;

/** The installation date a managed body's backfill note states, if it has one. */
export function statedInstallation(body: string | null | undefined): PlainDate | undefined {
  const match = body ? STATED.exec(body) : null;
  const month = match ? MONTHS.indexOf(match[2] ?? "") + 1 : 0;
  if (!match || month === 0) return undefined;
  try {
    return Temporal.PlainDate.from(
      { year: Number(match[3]), month, day: Number(match[1]) },
      { overflow: "reject" },
    );
  } catch {
    return undefined;
  }
}

/**
 * The day syllabot was installed: the creation of the oldest object it manages, as GitHub
 * remembers it, in the learner's zone, or the day its notes state when later (objects made with
 * `--today` ahead of GitHub's clock). Never after `today`: a run dated earlier sees syllabot
 * installed that day. With nothing managed yet, it is being installed today.
 */
export function installationDate(actual: Snapshot, timeZone: string, today: PlainDate): PlainDate {
  const managedIssues = actual.issues.filter((issue) => keyOf(issue.body));
  const created = [
    ...actual.milestones
      .filter((milestone) => keyOf(milestone.description))
      .map((milestone) => milestone.created_at),
    ...managedIssues.map((issue) => issue.created_at),
  ]
    .map((timestamp) => Temporal.Instant.from(timestamp))
    .sort(Temporal.Instant.compare)[0];
  if (created === undefined) return today;
  const stated = managedIssues
    .map((issue) => statedInstallation(issue.body))
    .filter((date): date is PlainDate => date !== undefined)
    .sort(Temporal.PlainDate.compare)[0];
  const remembered = localDate(created, timeZone);
  const installed = stated && Temporal.PlainDate.compare(stated, remembered) > 0 ? stated : remembered;
  return Temporal.PlainDate.compare(installed, today) > 0 ? today : installed;
}
