import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { Presets, SingleBar } from "cli-progress";
import { parsePlainDate, Temporal } from "../calendar.js";
import { builtinCurriculumIds, DEFAULT_CURRICULUM_ID, isBuiltinCurriculum } from "../curriculum/builtin.js";
import type { Curriculum } from "../curriculum/load.js";
import { demoConfigText, demoSetup } from "../demo/config.js";
import {
  type DayProgress,
  dayAfterProgram,
  type PlayResult,
  playDemo,
  type ReminderEvent,
} from "../demo/play.js";
import { UsageError } from "../errors.js";
import { planContext } from "../model/context.js";
import type { ProgressReport } from "../progress/report.js";
import { formatDate } from "../render/dates.js";
import { renderHtmlPage } from "../render/html-page.js";
import { paceStanding } from "../render/pace-text.js";
import { count } from "../text/plural.js";
import { type Io, processIo } from "./io.js";

export interface DemoOptions {
  out: string;
  until?: string;
  seed: string;
  /** A built-in curriculum's id (default: the Rust year). */
  curriculum?: string;
}

export const DEFAULT_DEMO_OUT = "./syllabot-demo";

/**
 * `syllabot demo`: a simulated learner's year played day by day through the real engine against the
 * in-process GitHub emulator; the portfolio's README, pictures, ledger and calendar written to a folder, with
 * an HTML page showing the README as github.com would, and the reminders syllabot sent.
 */
export async function runDemo(options: DemoOptions, io: Io): Promise<void> {
  const seed = seedOption(options.seed);
  const configText = demoConfigText(curriculumOption(options.curriculum));
  const { config, curriculum } = demoSetup(configText);
  const context = planContext(config, curriculum);
  const until = untilOption(options.until, context.calendar.start, dayAfterProgram(context));
  const out = resolve(options.out);

  const started = performance.now();
  const progress = demoProgress(io);
  let result: PlayResult;
  try {
    result = await playDemo({ config, curriculum, configText }, { seed, until, onDay: progress.day });
  } finally {
    progress.stop();
  }
  const seconds = (performance.now() - started) / 1000;

  // Written at their paths in the repository, so that the README's links to the pictures work.
  mkdirSync(out, { recursive: true });
  const written: string[] = [];
  for (const [path, text] of Object.entries(result.files)) {
    written.push(writeInside(out, path, text));
  }
  const title = `${result.portfolio}: ${curriculum.title}`;
  const page = writeInside(
    out,
    "index.html",
    renderHtmlPage(result.files[result.readmePath] ?? "", { title, theme: "auto" }),
  );
  written.push(page);
  written.push(
    writeInside(
      out,
      REMINDERS_FILE,
      remindersMarkdown(result, {
        learner: config.learner,
        leadDays: config.reminders.lead_days,
        timeZone: config.timezone,
        until,
        seed,
        curriculum: curriculum.title,
        bars: hasBars(curriculum),
      }),
    ),
  );

  const { report } = result;
  io.stdout(
    [
      `syllabot demo: @${config.learner}'s ${curriculum.title} (${curriculum.id}), seed ${seed}, played to ${until}`,
      `  ${weekSummary(report)}`,
      `  ${trackSummary(report, curriculum)}`,
      ...reminderSummary(result.reminders, curriculum),
      `  ${result.requests.toLocaleString("en-US")} requests to the emulated GitHub in ${seconds.toFixed(1)} s`,
      `Wrote ${count(written.length, "file")} to ${out}: ${written.map((path) => relative(out, path)).join(", ")}`,
      `Open ${page}`,
      "",
    ].join("\n"),
  );
}

/** The reminders' list, beside the README in the output folder. */
export const REMINDERS_FILE = "reminders.md";

/** When a threshold is, in words: `lead-21` is 21 days before the phase's last day. */
function thresholdWords(id: string): string {
  if (id === "missed") return "the day after the phase's last day";
  const days = Number(id.replace(/^lead-/, ""));
  return `${count(days, "day")} before the phase's last day`;
}

/** `2026-11-15  phase 4, 21 days before the phase's last day (lead-21): issue #61 opened`. */
function reminderLine(event: ReminderEvent, date: string, separator = "  "): string {
  const when = `${date}${separator}phase ${event.phase}`;
  if (event.action === "closed") return `${when}: #${event.number} closed, the bar is met`;
  const what = event.action === "issue" ? `issue #${event.number} opened` : `comment on #${event.number}`;
  return `${when}, ${thresholdWords(event.threshold)} (${event.threshold}): ${what}`;
}

function reminderSummary(events: readonly ReminderEvent[], curriculum: Curriculum): string[] {
  const sent = events.filter((event) => event.action !== "closed").length;
  const closed = events.length - sent;
  if (!hasBars(curriculum)) return [];
  if (events.length === 0) return ["  reminders: none (no open-source bar was unmet on a reminder's day)"];
  return [
    `  reminders: ${sent} sent, ${closed} closed`,
    ...events.map((event) => `    ${reminderLine(event, event.date)}`),
  ];
}

interface RemindersPage {
  learner: string;
  leadDays: readonly number[];
  timeZone: string;
  until: Temporal.PlainDate;
  seed: number;
  /** The course's title, and whether it has open-source bars to remind of. */
  curriculum: string;
  bars: boolean;
}

/** reminders.md: what was sent and closed, by date, then the reminder issues as they ended. */
function remindersMarkdown(result: PlayResult, page: RemindersPage): string {
  if (!page.bars) {
    // Still written, so that an earlier demo's reminders in the folder do not pass for this one's.
    return [
      "# Reminders",
      "",
      `syllabot reminds a learner of unmet open-source bars; ${page.curriculum} has none, so @${page.learner} got no reminder.`,
      "",
    ].join("\n");
  }
  const leads = [...new Set(page.leadDays)].sort((a, b) => b - a).map(String);
  const leadList = leads.length > 1 ? `${leads.slice(0, -1).join(", ")} and ${leads.at(-1)}` : leads.join("");
  const before =
    leads.length === 0
      ? ""
      : `${leadList} ${leadList === "1" ? "day" : "days"} before the phase's last day, and `;
  const lines = [
    "# Reminders",
    "",
    `What syllabot reminded @${page.learner} of in ${result.portfolio}, in the demo played to ${page.until} (seed ${page.seed}).`,
    `When a phase's open-source bar is unmet ${before}on the day after it,`,
    "the learner gets a reminder: an issue assigned to them the first time, a comment mentioning them",
    "after that. The issue is closed once the bar is met.",
    "",
  ];
  if (result.reminders.length === 0) {
    lines.push("None was sent: no open-source bar was unmet on a reminder's day.", "");
    return lines.join("\n");
  }
  for (const event of result.reminders) {
    lines.push(`- ${reminderLine(event, `**${formatDate(Temporal.PlainDate.from(event.date))}**`, ", ")}`);
  }
  lines.push("");
  for (const issue of result.reminderIssues) {
    lines.push(`## #${issue.number}: ${issue.title} (${issue.state})`, "", issue.body.trim(), "");
    for (const comment of issue.comments) {
      const day = Temporal.Instant.from(comment.at).toZonedDateTimeISO(page.timeZone).toPlainDate();
      const quoted = comment.body
        .trim()
        .split("\n")
        .map((line) => `> ${line}`.trimEnd());
      lines.push(`Comment, ${formatDate(day)}:`, "", ...quoted, "");
    }
  }
  return lines.join("\n");
}

/** Reminders are about open-source bars: a course without them has none to send. */
function hasBars(curriculum: Curriculum): boolean {
  return (curriculum.tracks.oss?.bars.length ?? 0) > 0;
}

function curriculumOption(value: string | undefined): string {
  const id = value ?? DEFAULT_CURRICULUM_ID;
  if (!isBuiltinCurriculum(id)) {
    throw new UsageError(
      `--curriculum "${id}" is not a built-in curriculum: one of ${builtinCurriculumIds().join(", ")}`,
    );
  }
  return id;
}

function seedOption(value: string): number {
  const seed = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(seed) || seed > 0xffffffff) {
    throw new UsageError(`--seed "${value}" is not a whole number from 0 to 4294967295`);
  }
  return seed;
}

function untilOption(
  value: string | undefined,
  first: Temporal.PlainDate,
  after: Temporal.PlainDate,
): Temporal.PlainDate {
  if (value === undefined) return after;
  const date = parsePlainDate(value);
  if (!date) throw new UsageError(`--until "${value}" is not a date (YYYY-MM-DD)`);
  if (date.until(first).sign > 0 || date.until(after).sign < 0) {
    throw new UsageError(
      `--until ${value} is outside the demo's program: from ${first} (its first day) to ${after} (the day after its last)`,
    );
  }
  return date;
}

/** `path` (relative, from the emulated repository) under `out`, and never outside it. */
function writeInside(out: string, path: string, text: string): string {
  const target = resolve(out, path);
  const inside = relative(out, target);
  if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) {
    throw new Error(`demo: refusing to write ${path} outside ${out}`);
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  return join(out, inside);
}

function weekSummary(report: ProgressReport): string {
  const withStatus = (status: string) => report.weeks.filter((week) => week.status === status).length;
  const { pace, streak } = report;
  return (
    `weeks: ${withStatus("done")} on time, ${withStatus("late")} late, ${withStatus("overdue")} overdue of ${report.totalWeeks} ` +
    `(${pace.done} done, ${pace.expected} expected, ${paceStanding(pace)}); streak ${streak.current}, best ${streak.best}`
  );
}

function trackSummary(report: ProgressReport, curriculum: Curriculum): string {
  const minutes = report.weeks.reduce((sum, week) => sum + week.minutes, 0);
  const counted = report.bars.flatMap((bar) => bar.pulls.filter((pull) => pull.counts)).length;
  const met = report.bars.filter((bar) => bar.state === "met").length;
  const problems = report.dsa ? `, ${report.dsa.total} DSA problems` : "";
  const done = report.projects.filter((project) => project.status === "done").length;
  const finished =
    report.projects.length === 0 ? "" : `, ${done} of ${count(report.projects.length, "project")} done`;
  const oss = curriculum.tracks.oss
    ? `; OSS: ${count(counted, "pull request")} counted, ${met} of ${report.bars.length} bars met`
    : "";
  return `${Math.round(minutes / 60)} h logged${problems}${finished}${oss}`;
}

/**
 * A progress bar on stderr when it is a terminal (cli-progress); otherwise a line each simulated
 * month, so that logs and CI show progress without control characters.
 */
function demoProgress(io: Io): { day: (progress: DayProgress) => void; stop: () => void } {
  const terminal = io.stderr === processIo.stderr && process.stderr.isTTY ? process.stderr : undefined;
  if (terminal) {
    const bar = new SingleBar(
      {
        stream: terminal,
        format: "demo {bar} {percentage}% | {date} week {week} | {done} done | {requests} requests",
        hideCursor: true,
        clearOnComplete: true,
        barsize: 28,
      },
      Presets.shades_classic,
    );
    let started = false;
    return {
      day: (progress) => {
        const payload = {
          date: progress.date,
          week: progress.week,
          done: count(progress.report?.pace.done ?? 0, "week"),
          requests: progress.requests,
        };
        if (!started) bar.start(Math.max(1, progress.days), progress.played, payload);
        else bar.update(progress.played, payload);
        started = true;
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let month = "";
  return {
    day: (progress) => {
      const current = progress.date.slice(0, 7);
      if (current === month) return;
      month = current;
      const hours = Math.round(
        (progress.report?.weeks.reduce((sum, week) => sum + week.minutes, 0) ?? 0) / 60,
      );
      io.stderr(
        `demo: ${progress.date} week ${progress.week}, ${count(progress.report?.pace.done ?? 0, "week")} done, ${hours} h logged, ${progress.requests} requests\n`,
      );
    },
    stop: () => {},
  };
}
