import type { Temporal } from "../calendar.js";
import type { Snapshot } from "../model/actual.js";
import type { PlanContext } from "../model/context.js";
import { type Summary, type SyncOperation, summarize } from "../model/operations.js";
import { desiredState } from "./desired.js";
import { diff } from "./diff.js";
import { installationDate } from "./installation.js";
import { retirements } from "./retire.js";

export interface Plan {
  operations: SyncOperation[];
  summary: Summary;
  /** The date backfill was judged against. */
  installedOn: string;
}

/** Plan the writes that bring a repository (its `actual` snapshot) to the curriculum's desired state. */
export function plan(context: PlanContext, actual: Snapshot, today: Temporal.PlainDate): Plan {
  const installedOn = installationDate(actual, context.calendar.timeZone, today);
  const operations = [
    ...diff(desiredState(context, installedOn, today), actual),
    ...retirements(context, actual),
  ];
  return { operations, summary: summarize(operations), installedOn: installedOn.toString() };
}
