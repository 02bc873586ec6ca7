/**
 * The progress report: everything the README region, the pictures, `syllabot status` and the
 * reminders show, as plain data (dates as ISO `YYYY-MM-DD` strings in the learner's time zone), so
 * that renderers need no calendar arithmetic and the report can be printed as JSON.
 */

/**
 * A week's status. `done` finished by its last day; `late` finished after it; `overdue` ended
 * unfinished; `current` holds today; `upcoming` not started; `skipped` not tracked (before the
 * installation, with backfill "skip").
 */
export type WeekStatus = "done" | "late" | "overdue" | "current" | "upcoming" | "skipped";

export interface WeekReport {
  week: number;
  phase: number;
  title: string;
  first: string;
  last: string;
  status: WeekStatus;
  /** The day the week was finished (its issue closed, or a commit claimed it), when it was. */
  doneOn?: string;
  /** The learner's recorded commits made during the week, in every tracked repository. */
  commits: number;
  /** Minutes logged with `Time:` trailers in commits made during the week. */
  minutes: number;
  /** DSA problems solved during the week. */
  problems: number;
  /** The week's issue on GitHub, when it exists. */
  url?: string;
}

export type PhaseStatus = "done" | "in-progress" | "overdue" | "upcoming";

export interface PhaseReport {
  number: number;
  title: string;
  firstWeek: number;
  lastWeek: number;
  first: string;
  /** The phase's last day: its milestone's due date. */
  due: string;
  weeksDone: number;
  weeksTotal: number;
  status: PhaseStatus;
}

export type ProjectStatus = "done" | "in-progress" | "not-started" | "untracked";

export interface ProjectReport {
  slug: string;
  title: string;
  phase: number;
  firstWeek: number;
  lastWeek: number;
  /** "owner/name" from the config; undefined when the learner mapped no repository. */
  repo?: string;
  /** The project's folder in `repo`, when it is one. */
  path?: string;
  /** The web page of the repository, or of the folder. */
  repoUrl?: string;
  /** The project's commits: its repository's, or those attributed to it in a shared one. */
  commits: number;
  /** The day of the project's last recorded commit. */
  lastActivity?: string;
  status: ProjectStatus;
  url?: string;
}

export interface PullRequestReport {
  repo: string;
  number: number;
  title: string;
  url: string;
  mergedOn: string;
  /** Whether it counts towards this bar. */
  counts: boolean;
  /** Why it counts or does not. */
  reason: string;
}

export interface BarReport {
  phase: number;
  title: string;
  /** What the bar asks, in the curriculum's words. */
  minimum: string;
  requires: "merged-pr" | "substantive-pr" | "pr-or-engagement";
  count: number;
  state: "met" | "unmet" | "at-risk";
  ended: boolean;
  /** Days from today to the phase's last day (negative once it has passed). */
  daysLeft: number;
  due: string;
  pulls: PullRequestReport[];
  /** Issues opened or commented on in the target repositories during the phase. */
  engagement: number;
}

export interface DsaReport {
  /** The current (or last) week's count against its target. */
  week: number;
  solved: number;
  target: { min: number; max: number } | undefined;
  stage: string | undefined;
  status: "met" | "short" | "no-target";
  total: number;
}

/** The pace as `progress/pace.ts` defines it, dates as ISO strings. */
export interface PaceReport {
  done: number;
  expected: number;
  aheadBy: number;
  status: "ahead" | "on-track" | "behind";
  plannedFinish: string;
  projectedFinish: string;
}

export interface ProgressReport {
  /** The learner's local date the report was made for. */
  today: string;
  learner: string;
  curriculum: { id: string; title: string };
  timeZone: string;
  totalWeeks: number;
  /** Where today falls: before the program, in a week, or after it. */
  position: { kind: "before" | "during" | "after"; week?: number; phase?: number };
  /** This week's plan (the current week, or the first before the start); undefined after the end. */
  thisWeek?: {
    week: number;
    title: string;
    weekday: string[];
    weekend: string[];
    /** What the curriculum calls the weekend's block of time. */
    weekendName: string;
    url?: string;
  };
  weeks: WeekReport[];
  phases: PhaseReport[];
  projects: ProjectReport[];
  bars: BarReport[];
  /** Whether GitHub's search said its results were incomplete when the bars were last read. */
  barsIncomplete: boolean;
  dsa?: DsaReport;
  hours: {
    /** Minutes logged this week (the current week; the last one after the end). */
    thisWeek: number;
    budget: { min: number; max: number };
  };
  /** Consecutive weeks finished on time, ending with the latest finished week; and the best run. */
  streak: { current: number; best: number };
  pace: PaceReport;
}
