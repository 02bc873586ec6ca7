import { existsSync, readFileSync } from "node:fs";
import pc from "picocolors";
import { Temporal } from "../calendar.js";
import { InputError, UsageError } from "../errors.js";
import { planContext } from "../model/context.js";
import { readLedger } from "../progress/ledger.js";
import type { ProgressReport } from "../progress/report-types.js";
import { formatDate } from "../render/dates.js";
import { paceDone, paceFinish, paceStanding } from "../render/pace-text.js";
import { loadSetup } from "../setup/local.js";
import { count } from "../text/plural.js";
import { terminalSafe, terminalSafeJson, terminalSafeStrings } from "../text/terminal.js";
import { type ProgressStatus, progressStatus, readProgress } from "../use-cases/index.js";
import { connect } from "./apply.js";
import type { Io } from "./io.js";
import { todayOption } from "./plan.js";
import { serverUrlOption } from "./server-url.js";

export interface StatusOptions {
  repo?: string;
  ledger?: string;
  config: string;
  curriculum?: string;
  today?: string;
  apiUrl?: string;
  serverUrl?: string;
  json?: boolean;
}

/**
 * `syllabot status`: the progress report of a portfolio on GitHub (`--repo`, read only) or of a
 * local ledger file (`--ledger`, offline), with the bars, pace and the next reminder date.
 */
export async function runStatus(options: StatusOptions, io: Io): Promise<void> {
  if (Boolean(options.repo) === Boolean(options.ledger)) {
    throw new UsageError(
      "give either --repo OWNER/NAME (read from GitHub) or --ledger FILE (a local ledger)",
    );
  }
  let status: ProgressStatus;
  let source: string;
  if (options.repo) {
    const { config, context, gateway } = connect({ ...options, repo: options.repo }, io);
    status = await readProgress({ gateway, context, today: todayOption(options.today, config.timezone) });
    source = options.repo;
  } else {
    const path = options.ledger as string;
    const serverUrl = serverUrlOption(options, io.env);
    const { config, curriculum } = loadSetup(options.config, options.curriculum);
    const context = planContext(config, curriculum, serverUrl);
    status = progressStatus(context, readLedgerFile(path), [], todayOption(options.today, config.timezone));
    source = path;
  }
  io.stdout(
    options.json ? `${terminalSafeJson({ source, ...status })}\n` : formatStatus(source, status, io.color),
  );
}

function readLedgerFile(path: string) {
  if (!existsSync(path)) {
    throw new InputError([
      { file: path, path: "", message: "no such file (a ledger is .syllabot/state.json)" },
    ]);
  }
  return readLedger(readFileSync(path, "utf8"), path);
}

const date = (iso: string) => formatDate(Temporal.PlainDate.from(iso));

/** The report for a terminal: aligned, coloured by state where the terminal supports it. */
export function formatStatus(source: string, given: ProgressStatus, color: boolean): string {
  const c = pc.createColors(color);
  // Titles come from the curriculum and from GitHub: none of their control characters is printed.
  const status = terminalSafeStrings(given);
  const { report } = status;
  const stateColor = (state: string) =>
    state === "met" || state === "done" || state === "ahead" || state === "on-track"
      ? c.green
      : state === "at-risk" || state === "overdue" || state === "behind" || state === "missed"
        ? c.red
        : state === "in-progress"
          ? c.cyan
          : c.dim;
  const lines: string[] = [];
  lines.push(`${c.bold("syllabot status")}: ${terminalSafe(source)} · ${report.curriculum.title}`);
  lines.push(`${date(report.today)} (${report.timeZone}) · ${position(report)}`);
  lines.push("");
  const { pace } = report;
  lines.push(
    `${label("Pace")}${paceDone(pace, report.totalWeeks)} · ${stateColor(pace.status)(paceStanding(pace))} (${pace.expected} expected) · ${paceFinish(pace)}`,
  );
  lines.push(`${label("Streak")}${report.streak.current} on time in a row (best ${report.streak.best})`);
  lines.push(`${label("This week")}${thisWeek(report)}`);
  lines.push("", c.bold("Phases"));
  const titleWidth = Math.min(32, Math.max(...report.phases.map((phase) => phase.title.length)));
  for (const phase of report.phases) {
    const filled = Math.round((phase.weeksDone / phase.weeksTotal) * 10);
    const bar = `${"█".repeat(filled)}${"░".repeat(10 - filled)}`;
    lines.push(
      `  ${phase.number} ${truncate(phase.title, titleWidth).padEnd(titleWidth)} ${bar} ${`${phase.weeksDone}/${phase.weeksTotal}`.padStart(5)}  due ${date(phase.due)}  ${stateColor(phase.status)(phase.status)}`,
    );
  }
  if (report.bars.length > 0) {
    lines.push("", c.bold("Open-source bars"));
    for (const bar of report.bars) {
      const when =
        bar.state === "met"
          ? ""
          : bar.ended
            ? ` · ended ${count(-bar.daysLeft, "day")} ago`
            : ` · ${count(bar.daysLeft, "day")} left`;
      const state = bar.state !== "met" && bar.ended ? "missed" : bar.state;
      lines.push(`  ${bar.phase} ${bar.minimum} · ${stateColor(state)(state)}${when}`);
      for (const pull of bar.pulls) {
        lines.push(
          `      ${pull.repo}#${pull.number} ${truncate(pull.title, 60)}: ${pull.counts ? c.green("counts") : c.yellow("does not count")}, ${pull.reason}`,
        );
      }
      if (bar.engagement > 0)
        lines.push(`      ${count(bar.engagement, "issue")} engaged with in the target repositories`);
    }
  }
  // Reminders are about open-source bars: a course without them has nothing to say here.
  const next = status.nextReminder;
  if (report.bars.length > 0)
    lines.push(
      "",
      next
        ? `${label("Next reminder")}${date(next.on)} (phase ${next.phase}, ${next.threshold === "missed" ? "the day after its deadline" : `${count(Number(next.threshold.replace("lead-", "")), "day")} before its deadline`})`
        : `${label("Next reminder")}none: every open-source bar is met or has no reminder left`,
    );
  return `${lines.join("\n")}\n`;
}

/** This week's hours (and DSA) against the budget; before the start or after the end, there is no such week. */
function thisWeek(report: ProgressReport): string {
  if (report.position.kind === "before")
    return `none yet: the course starts on ${date(report.weeks[0]?.first ?? report.today)}`;
  if (report.position.kind === "after")
    return `none: the course ended on ${date(report.weeks.at(-1)?.last ?? report.today)}`;
  const hours = (report.hours.thisWeek / 60).toFixed(1).replace(/\.0$/, "");
  const dsa = report.dsa
    ? ` · DSA ${report.dsa.solved}${report.dsa.target ? ` of ${report.dsa.target.min}–${report.dsa.target.max}` : ""}`
    : "";
  return `${hours} h of ${report.hours.budget.min}–${report.hours.budget.max} h${dsa}`;
}

function position(report: ProgressReport): string {
  const { position } = report;
  if (position.kind === "before") return "before the program";
  if (position.kind === "after") return "the program has ended";
  const phase = report.phases.find((candidate) => candidate.number === position.phase);
  return `week ${position.week} of ${report.totalWeeks}${phase ? `, phase ${phase.number}: ${phase.title}` : ""}`;
}

function label(text: string): string {
  return `${text}`.padEnd(15);
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
