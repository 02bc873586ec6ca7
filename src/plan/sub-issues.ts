import { plannedProjects } from "../curriculum/load.js";
import type { ActualIssue, Snapshot } from "../model/actual.js";
import { keys, type PlanContext } from "../model/context.js";
import { keyOf } from "../model/markers.js";
import type { IssueReference, SubIssueOperation, SyncOperation } from "../model/operations.js";
import { byKey } from "./diff.js";

/** A week issue that another issue holds as a sub-issue: syllabot leaves it there and says so. */
export interface SubIssueConflict {
  week: string;
  project: string;
  number: number;
  parent_issue_url: string;
}

export interface SubIssuePlan {
  operations: SubIssueOperation[];
  conflicts: SubIssueConflict[];
}

interface ProjectWeeks {
  project: string;
  weeks: string[];
}

function projectWeeks(context: PlanContext): ProjectWeeks[] {
  if (!context.config.sub_issues) return [];
  return plannedProjects(context.curriculum, context.chosen).map((project) => {
    const weeks: string[] = [];
    for (let week = project.weeks.from; week <= project.weeks.to; week++)
      weeks.push(keys.week(context, week));
    return { project: keys.project(project.slug), weeks };
  });
}

function managedIssues(actual: Snapshot): Map<string, ActualIssue> {
  return byKey(
    actual.issues.filter((issue) => issue.pull_request === undefined),
    (issue) => keyOf(issue.body),
  );
}

/** Whether a listed issue names `parent` as its parent; undefined when GitHub did not say. */
function isSubIssueOf(issue: ActualIssue, parent: ActualIssue): boolean | undefined {
  const url = issue.parent_issue_url;
  if (url === undefined) return undefined;
  if (url === null) return false;
  return parent.url === undefined ? url.endsWith(`/issues/${parent.number}`) : url === parent.url;
}

/**
 * The project issues whose sub-issues must be listed to plan: some of their weeks do not name
 * their parent, and their summary counts fewer sub-issues than they have weeks. A repository whose
 * listing carries both fields, or whose projects are all linked, needs no request.
 */
export function subIssueListingsNeeded(context: PlanContext, actual: Snapshot): number[] {
  const issues = managedIssues(actual);
  const needed: number[] = [];
  for (const { project, weeks } of projectWeeks(context)) {
    const parent = issues.get(project);
    if (!parent) continue;
    const existing = weeks.flatMap((week) => issues.get(week) ?? []);
    const unknown = existing.some((issue) => isSubIssueOf(issue, parent) === undefined);
    if (unknown && (parent.sub_issues_summary?.total ?? 0) < existing.length) needed.push(parent.number);
  }
  return needed;
}

/**
 * Links each project's week issues as sub-issues of its project issue: only the missing links,
 * never removing one (the learner's sub-issues stay), never moving a week another issue holds (a
 * conflict, reported). Issues that `planned` creates are named by key.
 */
export function subIssueLinks(
  context: PlanContext,
  actual: Snapshot,
  planned: readonly SyncOperation[],
): SubIssuePlan {
  const issues = managedIssues(actual);
  const created = new Set(
    planned.flatMap((operation) =>
      operation.kind === "issue" && operation.op === "create" ? [operation.key] : [],
    ),
  );
  const titles = new Map(
    planned.flatMap((operation) => (operation.kind === "issue" ? [[operation.key, operation.title]] : [])),
  );
  const result: SubIssuePlan = { operations: [], conflicts: [] };
  for (const { project, weeks } of projectWeeks(context)) {
    const parent = issues.get(project);
    if (!parent && !created.has(project)) continue;
    const listed = parent ? actual.sub_issues?.[String(parent.number)] : undefined;
    const parentReference = parent ? parent.number : project;
    for (const week of weeks) {
      const issue = issues.get(week);
      let child: IssueReference;
      if (issue) {
        if (issue.id === undefined) continue;
        const known = parent ? isSubIssueOf(issue, parent) : false;
        if (known === true) continue;
        // Not named by its listing: the parent's listing says, or (not read) its summary was full.
        if (known === undefined && (listed === undefined || listed.includes(issue.id))) continue;
        if (typeof issue.parent_issue_url === "string") {
          result.conflicts.push({
            week,
            project,
            number: issue.number,
            parent_issue_url: issue.parent_issue_url,
          });
          continue;
        }
        child = { number: issue.number, id: issue.id };
      } else if (created.has(week)) {
        child = week;
      } else {
        continue;
      }
      result.operations.push({
        op: "link",
        kind: "sub-issue",
        key: week,
        title: issue?.title ?? titles.get(week) ?? week,
        fields: { parent: parentReference, sub_issue: child },
      });
    }
  }
  return result;
}
