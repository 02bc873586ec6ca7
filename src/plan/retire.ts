import { plannedProjects } from "../curriculum/load.js";
import type { ActualIssue, ActualMilestone, Snapshot } from "../model/actual.js";
import type { PlanContext } from "../model/context.js";
import { keyOf } from "../model/markers.js";
import type { IssueChangeFields, MilestoneFields, SyncOperation } from "../model/operations.js";
import { isRetired, normalizeNewlines, withRetiredNote } from "../render/managed-body.js";
import { fitText, GITHUB_LIMITS } from "../text/github-limits.js";
import { count } from "../text/plural.js";

/**
 * What becomes of the managed issues and milestones the plan no longer has (a week, project or
 * phase removed from the curriculum, a capstone option no longer chosen): each gets a note saying
 * why, at the top of its managed region. An open one is closed, issues as not planned, once: one
 * the learner reopens after that stays open. A closed one (done, or closed by hand) stays closed,
 * as it was. Nothing is deleted. Objects merely not due yet (`issues_ahead`) are still planned.
 */
export function retirements(context: PlanContext, actual: Snapshot): SyncOperation[] {
  const issues = actual.issues.flatMap((issue) => {
    const key = issue.pull_request === undefined ? keyOf(issue.body) : undefined;
    const gone = key === undefined ? undefined : goneFromPlan(context, key);
    return key && gone ? retireIssue(issue, key, gone) : [];
  });
  const phases = new Set(context.curriculum.phases.map((phase) => phase.number));
  const milestones = actual.milestones.flatMap((milestone) => {
    const key = keyOf(milestone.description);
    const phase = key ? /^phase-(\d+)$/.exec(key)?.[1] : undefined;
    if (!key || phase === undefined || phases.has(Number(phase))) return [];
    return retireMilestone(milestone, key, `The curriculum no longer has phase ${Number(phase)}.`);
  });
  return [...issues, ...milestones];
}

/** Why the plan no longer has the issue keyed `key`; undefined when it still does, or it is not a plan's. */
function goneFromPlan(context: PlanContext, key: string): string | undefined {
  const { curriculum } = context;
  const week = /^week-(\d+)$/.exec(key)?.[1];
  if (week !== undefined) {
    const number = Number(week);
    const weeks = count(curriculum.totalWeeks, "week");
    return number >= 1 && number <= curriculum.totalWeeks
      ? undefined
      : `The curriculum no longer has week ${number} (it has ${weeks} now).`;
  }
  const slug = /^project-(.+)$/.exec(key)?.[1];
  if (slug === undefined) return undefined;
  if (plannedProjects(curriculum, context.chosen).some((project) => project.slug === slug)) return undefined;
  const option = curriculum.projects.find((project) => project.slug === slug)?.choice;
  return option === undefined
    ? `The curriculum no longer has project ${slug}.`
    : `The plan no longer has project ${slug}: it is an option of the choice ${option}, and the config does not choose it.`;
}

const LEFT_OUT = "It is left out of the plan and of progress; if it was open, syllabot closed it";

/** An issue or milestone that the plan no longer has, as GitHub lists either. */
interface Retired {
  kind: "issue" | "milestone";
  number: number;
  title: string;
  state: string;
  /** Its body (an issue) or description (a milestone). */
  text: string | null | undefined;
}

/** The note added and, for an open object not yet retired, the close; nothing when both are done. */
function retire(object: Retired, key: string, gone: string): SyncOperation[] {
  const issue = object.kind === "issue";
  const note = `${gone} ${LEFT_OUT}${issue ? " as not planned" : ""}.`;
  const limit = issue ? GITHUB_LIMITS.issueBody : GITHUB_LIMITS.milestoneDescription;
  const text = fitText(withRetiredNote(object.text, note), limit);
  const closing = object.state === "open" && !isRetired(object.text);
  const changed = text !== normalizeNewlines(object.text ?? "");
  if (!changed && !closing) return [];
  const closed = issue ? "not planned" : "closed";
  const described = {
    op: closing ? ("close" as const) : ("update" as const),
    key,
    title: object.title,
    number: object.number,
    reason: `${closing ? closed : "marked"}: ${gone}`,
  };
  if (issue) {
    const fields: IssueChangeFields = {
      ...(changed ? { body: text } : {}),
      ...(closing ? { state: "closed" as const, state_reason: "not_planned" as const } : {}),
    };
    return [{ ...described, kind: "issue", fields }];
  }
  const fields: Partial<MilestoneFields> = {
    ...(changed ? { description: text } : {}),
    ...(closing ? { state: "closed" as const } : {}),
  };
  return [{ ...described, kind: "milestone", fields }];
}

function retireIssue(issue: ActualIssue, key: string, gone: string): SyncOperation[] {
  return retire({ kind: "issue", ...issue, text: issue.body }, key, gone);
}

function retireMilestone(milestone: ActualMilestone, key: string, gone: string): SyncOperation[] {
  return retire({ kind: "milestone", ...milestone, text: milestone.description }, key, gone);
}
