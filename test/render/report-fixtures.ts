/**
 * Progress reports built by hand for rendering tests (pictures, README region): the bundled
 * curriculum's shape (52 weeks, 5 phases, start Mon 2 Mar 2026, 8–10 h a week) at three stages,
 * and `buildReport` to make any other report. Statuses, phase states, streak and pace are derived
 * from what was finished when, the way the real report would be, so the figures agree.
 */
import { Temporal } from "temporal-polyfill";
import { pace } from "../../src/progress/pace.js";
import type {
  BarReport,
  PhaseReport,
  PhaseStatus,
  ProgressReport,
  ProjectReport,
  WeekReport,
  WeekStatus,
} from "../../src/progress/report-types.js";

export type Stage = "start" | "middle" | "finished";

export interface PhaseSpec {
  title: string;
  firstWeek: number;
  lastWeek: number;
}

export interface ReportSpec {
  today: string;
  start?: string;
  totalWeeks?: number;
  phases?: PhaseSpec[];
  learner?: string;
  curriculumTitle?: string;
  budget?: { min: number; max: number };
  weekTitle?: (week: number) => string;
  /** The day week n was finished, if it was (ISO date); decides done / late. */
  doneOn?: (week: number, last: string) => string | undefined;
  /** Overrides the derived status outright (for tests that want arbitrary statuses). */
  status?: (week: number) => WeekStatus | undefined;
  minutes?: (week: number) => number;
}

/** The bundled curriculum's phases (curriculum/rust-systems-1y.yaml). */
export const RUST_PHASES: PhaseSpec[] = [
  { title: "Language Foundations", firstWeek: 1, lastWeek: 6 },
  { title: "Type System & Patterns", firstWeek: 7, lastWeek: 16 },
  { title: "Concurrency & Networking", firstWeek: 17, lastWeek: 28 },
  { title: "Performance & Finance", firstWeek: 29, lastWeek: 40 },
  { title: "Capstone", firstWeek: 41, lastWeek: 52 },
];

const RUST_WEEK_TITLES: [number, string][] = [
  [1, "Book chapters 1–4 + `rustlings` variables/functions/if"],
  [2, "Revisit and deepen ownership"],
  [3, "Book chapters 5–7 (structs, enums, modules)"],
  [4, "Modules and visibility; start `csvq` skeleton"],
  [5, "Book chapters 8–10 + core `csvq` implementation"],
  [6, "Finish `csvq`; buffer week"],
  [7, "Book chapters 10–13 + trait bounds"],
  [8, "Deep dive into lifetimes"],
  [9, "Book chapters 14–17 (cargo, smart pointers, trait objects)"],
  [10, "Deep dive smart pointers: `dyn Trait` vs `impl Trait`"],
  [11, "Build `schemaguard`"],
  [14, "`thiserror` vs `anyhow`, `serde`, Rust for Rustaceans 1–3"],
  [15, "Build `logr`; refactor earlier code"],
  [17, "Book chapters 16 & 20 (concurrency, multi-threaded server)"],
  [18, "Deep dive threading"],
  [19, "Tokio Tutorial Part 1 + Crust of Rust async/await"],
  [20, "Deep dive async: Tokio tutorial Part 2, `tokio::select!`"],
  [21, "Build the HTTP/1.1 server from scratch"],
  [24, "Build `airpost` with `axum` and `sqlx`"],
  [29, "`unsafe` Rust, FFI basics, `cargo flamegraph`"],
  [30, "Rust for Rustaceans 6–9 and memory layout"],
  [31, "Build `riskbook`: Black-Scholes, `criterion`, profiling"],
  [36, "PyO3 guide and a throwaway proof-of-concept"],
  [37, "Understand the XLSX format; implement XLSX reading"],
  [38, "Implement XLSX writing"],
  [39, "Cell ranges, formula strings, row height, column width"],
  [40, "PyO3 binding, integration tests, publish `0.1.0-alpha`"],
  [41, "XLSX → PDF rendering"],
  [45, "DOCX → PDF"],
  [49, "Clean API, benchmarks, PyO3 binding, publish to crates.io"],
];

/** A multi-week entry's title holds until the next entry starts. */
export function rustWeekTitle(week: number): string {
  return RUST_WEEK_TITLES.filter(([from]) => from <= week).at(-1)?.[1] ?? `Week ${week}`;
}

const PROJECTS: Omit<ProjectReport, "commits" | "status" | "lastActivity">[] = [
  { slug: "csvq", title: "csvq", phase: 1, firstWeek: 4, lastWeek: 6 },
  { slug: "schemaguard", title: "schemaguard", phase: 2, firstWeek: 11, lastWeek: 13 },
  { slug: "logr", title: "logr", phase: 2, firstWeek: 15, lastWeek: 16 },
  { slug: "http-server", title: "HTTP/1.1 Server", phase: 3, firstWeek: 21, lastWeek: 23 },
  { slug: "airpost", title: "airpost", phase: 3, firstWeek: 24, lastWeek: 28 },
  { slug: "riskbook", title: "riskbook", phase: 4, firstWeek: 31, lastWeek: 35 },
  { slug: "xlsxfmt", title: "xlsxfmt", phase: 4, firstWeek: 37, lastWeek: 40 },
  { slug: "docforge", title: "docforge", phase: 5, firstWeek: 41, lastWeek: 52 },
];

const date = (iso: string) => Temporal.PlainDate.from(iso);
const plus = (iso: string, days: number) => date(iso).add({ days }).toString();
const daysBetween = (from: string, to: string) => date(from).until(date(to), { largestUnit: "days" }).days;
const before = (a: string, b: string) => Temporal.PlainDate.compare(date(a), date(b)) < 0;

function weekStatus(first: string, last: string, today: string, doneOn: string | undefined): WeekStatus {
  if (doneOn !== undefined) return before(last, doneOn) ? "late" : "done";
  if (before(last, today)) return "overdue";
  return before(today, first) ? "upcoming" : "current";
}

function phaseReport(spec: PhaseSpec, number: number, weeks: WeekReport[], today: string): PhaseReport {
  const own = weeks.filter((week) => week.week >= spec.firstWeek && week.week <= spec.lastWeek);
  const first = own[0]?.first ?? today;
  const due = own.at(-1)?.last ?? today;
  const weeksDone = own.filter((week) => week.status === "done" || week.status === "late").length;
  const weeksTotal = own.length;
  const status: PhaseStatus =
    weeksDone === weeksTotal
      ? "done"
      : before(due, today)
        ? "overdue"
        : before(today, first)
          ? "upcoming"
          : "in-progress";
  return {
    number,
    title: spec.title,
    firstWeek: spec.firstWeek,
    lastWeek: spec.lastWeek,
    first,
    due,
    weeksDone,
    weeksTotal,
    status,
  };
}

function streak(weeks: WeekReport[]): { current: number; best: number } {
  let run = 0;
  let best = 0;
  let current = 0;
  for (const week of weeks) {
    if (week.status === "done") run++;
    else if (week.status === "late" || week.status === "overdue") run = 0;
    else continue;
    best = Math.max(best, run);
    current = run;
  }
  return { current, best };
}

function projectReport(
  project: (typeof PROJECTS)[number],
  todayWeek: number,
  learner: string,
): ProjectReport {
  const started = todayWeek >= project.firstWeek;
  const commits = started ? Math.min(todayWeek, project.lastWeek) * 3 - project.firstWeek * 2 + 4 : 0;
  return {
    ...project,
    repo: `${learner}/${project.slug}`,
    repoUrl: `https://github.com/${learner}/${project.slug}`,
    commits,
    status: !started ? "not-started" : todayWeek > project.lastWeek ? "done" : "in-progress",
  };
}

function barReports(phases: PhaseReport[], today: string, finishedPhases: number): BarReport[] {
  const bars: [number, string, string, BarReport["requires"]][] = [
    [3, "First Contribution", "1 merged PR — any size", "merged-pr"],
    [4, "Substantive Contribution", "1 substantive merged PR", "substantive-pr"],
    [5, "Ongoing Engagement", "Additional PR or active issue engagement", "pr-or-engagement"],
  ];
  return bars.map(([phase, title, minimum, requires]) => {
    const due = phases[phase - 1]?.due ?? today;
    const met = phase <= finishedPhases;
    const pulls = met
      ? [
          {
            repo: "qdrant/qdrant",
            number: 4000 + phase,
            title: `Fix a typo in the phase ${phase} docs`,
            url: `https://github.com/qdrant/qdrant/pull/${4000 + phase}`,
            mergedOn: plus(due, -10),
            counts: true,
            reason: "merged during the phase",
          },
        ]
      : [];
    const ended = before(due, today);
    const state: BarReport["state"] = met
      ? "met"
      : ended || daysBetween(today, due) < 21
        ? "at-risk"
        : "unmet";
    return {
      phase,
      title,
      minimum,
      requires,
      count: 1,
      state,
      ended,
      daysLeft: daysBetween(today, due),
      due,
      pulls,
      engagement: met ? 2 : 0,
    };
  });
}

/** Any report, derived from `spec`; the defaults are the bundled curriculum's. */
export function buildReport(spec: ReportSpec): ProgressReport {
  const start = spec.start ?? "2026-03-02";
  const totalWeeks = spec.totalWeeks ?? 52;
  const learner = spec.learner ?? "octocat";
  const { today } = spec;
  const weeks: WeekReport[] = Array.from({ length: totalWeeks }, (_, i) => {
    const week = i + 1;
    const first = plus(start, 7 * i);
    const last = plus(first, 6);
    const doneOn = spec.doneOn?.(week, last);
    const status = spec.status?.(week) ?? weekStatus(first, last, today, doneOn);
    const minutes = spec.minutes?.(week) ?? 0;
    return {
      week,
      phase: 1 + (spec.phases ?? RUST_PHASES).findIndex((p) => week >= p.firstWeek && week <= p.lastWeek),
      title: spec.weekTitle?.(week) ?? rustWeekTitle(week),
      first,
      last,
      status,
      ...(doneOn && (status === "done" || status === "late") ? { doneOn } : {}),
      commits: Math.round(minutes / 45),
      minutes,
      problems: minutes > 0 ? 1 + (week % 2) : 0,
      url: `https://github.com/${learner}/rust-study/issues/${week + 10}`,
    };
  });
  const phases = (spec.phases ?? RUST_PHASES).map((p, i) => phaseReport(p, i + 1, weeks, today));
  const offset = daysBetween(start, today);
  const during = offset >= 0 && offset < 7 * totalWeeks;
  const todayWeek = during ? Math.floor(offset / 7) + 1 : offset < 0 ? 0 : totalWeeks + 1;
  const current = weeks[todayWeek - 1];
  const position: ProgressReport["position"] = during
    ? { kind: "during", week: todayWeek, phase: current?.phase }
    : { kind: offset < 0 ? "before" : "after" };
  const planWeek = during ? current : offset < 0 ? weeks[0] : undefined;
  const finished = weeks.filter((week) => week.status === "done" || week.status === "late");
  const paced = pace(
    { start: Temporal.PlainDate.from(start), timeZone: "Europe/Berlin", totalWeeks },
    finished.map((week) => week.week),
    Temporal.PlainDate.from(today),
  );
  return {
    today,
    learner,
    curriculum: { id: "rust-systems-1y", title: spec.curriculumTitle ?? "The Rust Learning Program" },
    timeZone: "Europe/Berlin",
    totalWeeks,
    position,
    ...(planWeek
      ? {
          thisWeek: {
            week: planWeek.week,
            title: planWeek.title,
            weekday: ["Read the chapters", "Exercises"],
            weekend: ["Project work"],
            weekendName: "Weekend",
            url: planWeek.url,
          },
        }
      : {}),
    weeks,
    phases,
    projects: PROJECTS.filter((p) => p.lastWeek <= totalWeeks).map((p) =>
      projectReport(p, todayWeek, learner),
    ),
    bars:
      totalWeeks === 52 ? barReports(phases, today, phases.filter((p) => p.status === "done").length) : [],
    barsIncomplete: false,
    dsa: {
      week: Math.max(1, Math.min(todayWeek, totalWeeks)),
      solved: current && current.minutes > 0 ? 1 : 0,
      target: { min: 1, max: 2 },
      stage: "Rust",
      status: current && current.minutes > 0 ? "met" : "short",
      total: weeks.reduce((sum, week) => sum + week.problems, 0),
    },
    hours: {
      thisWeek: (current ?? weeks.at(-1))?.minutes ?? 0,
      budget: spec.budget ?? { min: 8, max: 10 },
    },
    streak: streak(weeks),
    pace: {
      ...paced,
      plannedFinish: paced.plannedFinish.toString(),
      projectedFinish: paced.projectedFinish.toString(),
    },
  };
}

/** Hours that vary week to week without randomness: mostly within 8–10 h, some weeks off. */
const HOURS_CYCLE = [9, 8.5, 10, 7, 9.5, 11.25, 8, 9, 6.5, 10, 8.75, 12];

function variedMinutes(week: number): number {
  return Math.round((HOURS_CYCLE[(week * 5) % HOURS_CYCLE.length] ?? 9) * 60);
}

const LATE_MIDDLE = new Set([9, 22]);
const OVERDUE_MIDDLE = new Set([30, 33, 36]);
const LATE_FINISHED = new Set([9, 22, 30, 47]);
const OVERDUE_FINISHED = new Set([36]);

/** The bundled curriculum's report at three points of the year. */
export function reportAt(stage: Stage): ProgressReport {
  switch (stage) {
    case "start":
      // Wednesday of week 1: nothing finished yet, the first evenings logged.
      return buildReport({ today: "2026-03-04", minutes: (week) => (week === 1 ? 95 : 0) });
    case "middle":
      // Thursday of week 39 (Phase 4): two weeks finished late, three left overdue.
      return buildReport({
        today: "2026-11-26",
        doneOn: (week, last) =>
          week >= 39 || OVERDUE_MIDDLE.has(week) ? undefined : plus(last, LATE_MIDDLE.has(week) ? 4 : -1),
        minutes: (week) =>
          week > 39 ? 0 : week === 39 ? 150 : OVERDUE_MIDDLE.has(week) ? 90 + week * 3 : variedMinutes(week),
      });
    case "finished":
      // Ten days after the end: all but one week finished, four of them late.
      return buildReport({
        today: "2027-03-10",
        doneOn: (week, last) =>
          OVERDUE_FINISHED.has(week) ? undefined : plus(last, LATE_FINISHED.has(week) ? 3 : 0),
        minutes: (week) => (OVERDUE_FINISHED.has(week) ? 120 : variedMinutes(week)),
      });
  }
}
