import type { Temporal } from "../calendar.js";
import type { Snapshot } from "../model/actual.js";
import type { PlanContext } from "../model/context.js";
import { type Summary, type SyncOperation, summarize } from "../model/operations.js";
import { desiredState } from "./desired.js";
import { diff } from "./diff.js";
import { installationDate } from "./installation.js";
import { retirements } from "./retire.js";
import { type SubIssueConflict, subIssueLinks } from "./sub-issues.js";

export interface Plan {
  operations: SyncOperation[];
  summary: Summary;
  /** The date backfill was judged against. */
  installedOn: string;
  /** Week issues another issue holds as sub-issues: left there, not linked to their project. */
  subIssueConflicts: SubIssueConflict[];
}

/** Plan the writes that bring a repository (its `actual` snapshot) to the curriculum's desired state. */
export function plan(context: PlanContext, actual: Snapshot, today: Temporal.PlainDate): Plan {
  const installedOn = installationDate(actual, context.calendar.timeZone, today);
  const changes = [
    ...diff(desiredState(context, installedOn, today), actual),
    ...retirements(context, actual),
  ];
  // Links come last: they name issues this plan creates.
  const links = subIssueLinks(context, actual, changes);
  const operations = [...changes, ...links.operations];
  return {
    operations,
    summary: summarize(operations),
    installedOn: installedOn.toString(),
    subIssueConflicts: links.conflicts,
  };
}
