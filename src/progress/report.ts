import { localDate, spanOfWeeks, Temporal, weekOn, weekSpan } from "../calendar.js";
import { attributedByFiles } from "../config/project-location.js";
import { entriesForWeek, plannedProjects, timeBlockNames } from "../curriculum/load.js";
import type { ActualIssue } from "../model/actual.js";
import { keys, locationUrl, type PlanContext } from "../model/context.js";
import { keyOf } from "../model/markers.js";
import { dsaStatus, dsaTargetFor } from "./dsa.js";
import { type Ledger, type LedgerActivity, ledgerActivity } from "./ledger.js";
import type { BarStatus } from "./oss.js";
import { pace } from "./pace.js";
import type {
  BarReport,
  PhaseReport,
  ProgressReport,
  ProjectReport,
  WeekReport,
  WeekStatus,
} from "./report-types.js";

export type * from "./report-types.js";

export interface ReportInput {
  context: PlanContext;
  /** The portfolio's managed issues (any state), as GitHub lists them. */
  issues: readonly ActualIssue[];
  ledger: Ledger;
  bars: readonly BarStatus[];
  barsIncomplete?: boolean;
  /** The learner's local date. */
  today: Temporal.PlainDate;
  /** The day syllabot was installed: weeks closed by backfill before it are not judged late. */
  installedOn?: Temporal.PlainDate;
}

type PlainDate = Temporal.PlainDate;

/** The progress report: a pure function of the curriculum, GitHub's issues, the ledger and today. */
export function progressReport(input: ReportInput): ProgressReport {
  const { context, today } = input;
  const { calendar, curriculum, config } = context;
  const issues = issuesByKey(input.issues);
  const position = weekOn(calendar, today);
  const weeks = weekReports(input, issues);
  const currentWeek = position.kind === "during" ? position.week : undefined;
  const phases = curriculum.phases.map((phase) => phaseReport(phase, weeks, today, context));
  const paced = pace(
    calendar,
    weeks.filter((week) => isDone(week.status)).map((week) => week.week),
    today,
  );
  const shownWeek = currentWeek ?? (position.kind === "before" ? 1 : calendar.totalWeeks);
  const thisWeekEntries = entriesForWeek(curriculum, shownWeek, context.chosen);
  const budget = curriculum.time_budget.weekly_hours;
  return {
    today: today.toString(),
    learner: config.learner,
    curriculum: { id: curriculum.id, title: curriculum.title },
    timeZone: calendar.timeZone,
    totalWeeks: calendar.totalWeeks,
    position: {
      kind: position.kind,
      ...(currentWeek !== undefined ? { week: currentWeek, phase: weeks[currentWeek - 1]?.phase ?? 0 } : {}),
    },
    ...(position.kind === "after"
      ? {}
      : {
          thisWeek: {
            week: shownWeek,
            title: thisWeekEntries.map((entry) => entry.title).join(" / "),
            weekday: thisWeekEntries.flatMap((entry) => entry.weekday),
            weekend: thisWeekEntries.flatMap((entry) => entry.weekend),
            weekendName: timeBlockNames(curriculum).weekend,
            ...(weeks[shownWeek - 1]?.url ? { url: weeks[shownWeek - 1]?.url as string } : {}),
          },
        }),
    weeks,
    phases,
    projects: projectReports(input, issues),
    bars: input.bars.map((bar) => barReport(bar, context)),
    barsIncomplete: input.barsIncomplete ?? false,
    ...dsaReport(input, weeks, shownWeek),
    hours: { thisWeek: weeks[shownWeek - 1]?.minutes ?? 0, budget: { min: budget.min, max: budget.max } },
    streak: streak(weeks, today),
    pace: {
      ...paced,
      plannedFinish: paced.plannedFinish.toString(),
      projectedFinish: paced.projectedFinish.toString(),
    },
  };
}

/** Finished, on time or late: what every count of weeks done counts. */
export function isDone(status: WeekStatus): boolean {
  return status === "done" || status === "late";
}

function issuesByKey(issues: readonly ActualIssue[]): Map<string, ActualIssue> {
  const byKey = new Map<string, ActualIssue>();
  for (const issue of issues) {
    const key = keyOf(issue.body);
    if (key !== undefined && issue.pull_request === undefined && !byKey.has(key)) byKey.set(key, issue);
  }
  return byKey;
}

function weekReports(input: ReportInput, issues: ReadonlyMap<string, ActualIssue>): WeekReport[] {
  const { context, ledger, today } = input;
  const { calendar, curriculum } = context;
  const zone = calendar.timeZone;
  const activity = ledgerActivity(ledger);
  const claimedOn = new Map<number, PlainDate>();
  for (const [week, timestamp] of activity.claimedWeeks) {
    claimedOn.set(week, localDate(Temporal.Instant.from(timestamp), zone));
  }
  const totals = activity.weeks;
  const reports: WeekReport[] = [];
  for (let week = 1; week <= calendar.totalWeeks; week++) {
    const span = weekSpan(calendar, week);
    const issue = issues.get(keys.week(context, week));
    const entries = entriesForWeek(curriculum, week, context.chosen);
    const { status, doneOn } = weekStatus(span, issue, claimedOn.get(week), today, input.installedOn, zone);
    const total = totals.get(week) ?? { commits: 0, minutes: 0, problems: 0 };
    reports.push({
      week,
      phase: entries[0]?.phase ?? 0,
      title: entries.map((entry) => entry.title).join(" / "),
      first: span.first.toString(),
      last: span.last.toString(),
      status,
      ...(doneOn ? { doneOn: doneOn.toString() } : {}),
      ...total,
      ...(typeof issue?.html_url === "string" ? { url: issue.html_url } : {}),
    });
  }
  return reports;
}

/**
 * A week is done when its issue is closed (by a commit or by hand; not as "not planned") or,
 * without an issue, when a commit claimed it; an issue the learner reopened is not done. Done on
 * the earlier of the claim and the closing; a week closed by backfill at installation has no such
 * day and is not late.
 */
function weekStatus(
  span: { first: PlainDate; last: PlainDate },
  issue: ActualIssue | undefined,
  claimed: PlainDate | undefined,
  today: PlainDate,
  installedOn: PlainDate | undefined,
  zone: string,
): { status: WeekStatus; doneOn?: PlainDate } {
  // Closed as not planned (a week backfill skips, or one the learner dropped) is not done: it
  // counts as a week without an issue.
  if (issue?.state_reason === "not_planned") issue = undefined;
  const closedOn =
    issue?.state === "closed" && typeof issue.closed_at === "string"
      ? localDate(Temporal.Instant.from(issue.closed_at), zone)
      : undefined;
  const done = issue ? issue.state === "closed" : claimed !== undefined;
  if (done) {
    const candidates = [claimed, closedOn].filter((day): day is PlainDate => day !== undefined);
    const doneOn = candidates.sort(Temporal.PlainDate.compare)[0];
    const backfilled =
      claimed === undefined &&
      installedOn !== undefined &&
      Temporal.PlainDate.compare(span.last, installedOn) < 0 &&
      (doneOn === undefined || Temporal.PlainDate.compare(installedOn, doneOn) <= 0);
    if (backfilled || doneOn === undefined) return { status: "done" };
    return { status: Temporal.PlainDate.compare(doneOn, span.last) <= 0 ? "done" : "late", doneOn };
  }
  if (Temporal.PlainDate.compare(today, span.first) < 0) return { status: "upcoming" };
  if (Temporal.PlainDate.compare(today, span.last) <= 0) return { status: "current" };
  if (!issue && installedOn && Temporal.PlainDate.compare(span.last, installedOn) < 0)
    return { status: "skipped" };
  return { status: "overdue" };
}

function phaseReport(
  phase: PlanContext["curriculum"]["phases"][number],
  weeks: readonly WeekReport[],
  today: PlainDate,
  context: PlanContext,
): PhaseReport {
  const span = spanOfWeeks(context.calendar, phase.weeks.from, phase.weeks.to);
  const own = weeks.filter((week) => phase.weeks.from <= week.week && week.week <= phase.weeks.to);
  const weeksDone = own.filter((week) => isDone(week.status)).length;
  const weeksTotal = phase.weeks.to - phase.weeks.from + 1;
  const started = Temporal.PlainDate.compare(today, span.first) >= 0;
  const ended = Temporal.PlainDate.compare(today, span.last) > 0;
  const status = weeksDone === weeksTotal ? "done" : ended ? "overdue" : started ? "in-progress" : "upcoming";
  return {
    number: phase.number,
    title: phase.title,
    firstWeek: phase.weeks.from,
    lastWeek: phase.weeks.to,
    first: span.first.toString(),
    due: span.last.toString(),
    weeksDone,
    weeksTotal,
    status,
  };
}

/**
 * Each planned project's commits and status. A project is in progress once it has commits of its
 * own: every commit of a repository that is its alone, and otherwise (a folder of a repository, or
 * a repository several projects share) the commits attributed to it by the files they touch or
 * their `Project:` trailer. A busy repository alone starts no project.
 */
function projectReports(input: ReportInput, issues: ReadonlyMap<string, ActualIssue>): ProjectReport[] {
  const { context, ledger } = input;
  const { projects } = context.config;
  const recorded = ledgerActivity(ledger);
  return plannedProjects(context.curriculum, context.chosen).map((project) => {
    const location = projects[project.slug];
    const inRepo = location ? repoActivity(recorded, location.repo) : undefined;
    const activity: { commits: number; latest?: string } | undefined =
      location && attributedByFiles(projects, location.repo)
        ? (recorded.attributed.get(project.slug) ?? { commits: 0 })
        : inRepo;
    const last = activity?.latest;
    const issue = issues.get(keys.project(project.slug));
    const status =
      (issue?.state === "closed" && issue.state_reason !== "not_planned") ||
      inRepo?.projects.has(project.slug)
        ? "done"
        : !location
          ? "untracked"
          : (activity?.commits ?? 0) > 0
            ? "in-progress"
            : "not-started";
    return {
      slug: project.slug,
      title: project.title,
      phase: project.phase,
      firstWeek: project.weeks.from,
      lastWeek: project.weeks.to,
      ...(location
        ? {
            repo: location.repo,
            ...(location.path === undefined ? {} : { path: location.path }),
            repoUrl: locationUrl(context, location),
          }
        : {}),
      commits: activity?.commits ?? 0,
      ...(last
        ? { lastActivity: localDate(Temporal.Instant.from(last), context.calendar.timeZone).toString() }
        : {}),
      status,
      ...(typeof issue?.html_url === "string" ? { url: issue.html_url } : {}),
    };
  });
}

/** A repository's commits as the ledger counts them, whatever the case its name was recorded in. */
function repoActivity(
  recorded: LedgerActivity,
  repo: string,
): { commits: number; latest?: string; projects: Set<string> } {
  const total: { commits: number; latest?: string; projects: Set<string> } = {
    commits: 0,
    projects: new Set(),
  };
  for (const [name, activity] of recorded.repos) {
    if (name.toLowerCase() !== repo.toLowerCase()) continue;
    total.commits += activity.commits;
    if (total.latest === undefined || Date.parse(activity.latest) > Date.parse(total.latest))
      total.latest = activity.latest;
    for (const project of activity.projects) total.projects.add(project);
  }
  return total;
}

function barReport(status: BarStatus, context: PlanContext): BarReport {
  const phase = context.curriculum.phases.find((candidate) => candidate.number === status.bar.phase);
  const due = phase ? spanOfWeeks(context.calendar, phase.weeks.from, phase.weeks.to).last.toString() : "";
  return {
    phase: status.bar.phase,
    title: status.bar.title,
    minimum: status.bar.minimum,
    requires: status.bar.requires,
    count: status.bar.count,
    state: status.state,
    ended: status.ended,
    daysLeft: status.daysLeft,
    due,
    pulls: status.counting.map((entry) => ({
      repo: entry.pr.repo,
      number: entry.pr.number,
      title: entry.pr.title,
      url: entry.pr.url,
      mergedOn: localDate(Temporal.Instant.from(entry.pr.mergedAt), context.calendar.timeZone).toString(),
      counts: status.bar.requires === "substantive-pr" ? entry.substantive === true : true,
      reason: entry.reason,
    })),
    engagement: status.engagement,
  };
}

function dsaReport(
  input: ReportInput,
  weeks: readonly WeekReport[],
  shownWeek: number,
): Pick<ProgressReport, "dsa"> {
  const { context } = input;
  if (!context.curriculum.tracks.dsa) return {};
  const target = dsaTargetFor(context, shownWeek);
  const solved = weeks[shownWeek - 1]?.problems ?? 0;
  return {
    dsa: {
      week: shownWeek,
      solved,
      target: target ? { min: target.min, max: target.max } : undefined,
      stage: target?.stage.title,
      status: target ? dsaStatus(solved, target) : "no-target",
      total: weeks.reduce((sum, week) => sum + week.problems, 0),
    },
  };
}

/**
 * Runs of weeks finished on time, among the weeks that have ended (and the current one once done).
 * The current run ends with the latest such week; a week not yet over never breaks it.
 */
function streak(weeks: readonly WeekReport[], today: PlainDate): { current: number; best: number } {
  const judged = weeks.filter(
    (week) =>
      Temporal.PlainDate.compare(Temporal.PlainDate.from(week.last), today) < 0 || week.status === "done",
  );
  let run = 0;
  let best = 0;
  for (const week of judged) {
    run = week.status === "done" ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return { current: run, best };
}
