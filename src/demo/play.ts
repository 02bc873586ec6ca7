import { Emulator, type EmulatorState } from "@syllabot/github-emulator";
import { Temporal, weekOn, weekSpan } from "../calendar.js";
import { CALENDAR_PATH, LEDGER_PATH } from "../config/paths.js";
import type { Config } from "../config/schema.js";
import type { Curriculum } from "../curriculum/load.js";
import type { PortfolioGateway } from "../github/gateway.js";
import { createClient, type GitHubClient } from "../github/octokit.js";
import { RestGateway } from "../github/rest-gateway.js";
import { GITHUB_WEB_URL } from "../github/web-url.js";
import { type PlanContext, planContext } from "../model/context.js";
import { keyOf } from "../model/markers.js";
import { parseLedger } from "../progress/ledger.js";
import type { Portfolio } from "../progress/portfolios.js";
import type { ProgressReport } from "../progress/report.js";
import { thresholdsOf } from "../remind/policy.js";
import { SuggestionCache } from "../remind/suggestions.js";
import { PICTURES, pictureFile, THEMES } from "../render/pictures.js";
import { pictureLocation } from "../render/readme.js";
import { type RemindResult, runUseCases, sync } from "../use-cases/index.js";
import { playDay } from "./day.js";
import { localEpochMs } from "./instant.js";
import { type DemoYear, simulateYear } from "./learner.js";
import { addNewcomerIssues, buildScene } from "./scene.js";

/** The demo plays github.com: its emulator's `html_url`s and syllabot's links are github.com's. */
const WEB_URL = GITHUB_WEB_URL;

export interface DemoSetup {
  config: Config;
  curriculum: Curriculum;
  /** The config's text, committed to the portfolio as `.github/syllabot.yml`. */
  configText: string;
}

export interface PlayOptions {
  seed: number;
  /** The learner's local date of the final refresh: the days before it are played. */
  until: Temporal.PlainDate;
  /** Called after each simulated day (and once before the first). */
  onDay?: (progress: DayProgress) => void;
}

export interface DayProgress {
  date: string;
  /** Days played so far, of `days`. */
  played: number;
  days: number;
  /** The program week of `date` (0 before the start, totalWeeks + 1 after the end). */
  week: number;
  /** Requests to the emulated GitHub so far. */
  requests: number;
  /** The last weekly report. */
  report: ProgressReport | undefined;
}

export interface PlayResult {
  year: DemoYear;
  /** The portfolio's files, by path in the repository: the README, the pictures, the calendar and the ledger. */
  files: Record<string, string>;
  readmePath: string;
  report: ProgressReport;
  /** Requests syllabot made to the emulated GitHub. */
  requests: number;
  portfolio: string;
  /** What `remind` did, in order: reminders sent (an issue, then comments on it) and closed. */
  reminders: ReminderEvent[];
  /** The reminder issues as they stand at the end, with their comments. */
  reminderIssues: ReminderIssue[];
}

export type ReminderEvent =
  | { date: string; action: "issue" | "comment"; phase: number; threshold: string; number: number }
  | { date: string; action: "closed"; phase: number; number: number };

export interface ReminderIssue {
  number: number;
  phase: number;
  title: string;
  state: string;
  body: string;
  comments: { at: string; body: string }[];
}

/** The first day after the program: the default `until`, when the whole year has been played. */
export function dayAfterProgram(context: PlanContext): Temporal.PlainDate {
  return weekSpan(context.calendar, context.calendar.totalWeeks).last.add({ days: 1 });
}

/**
 * Play the demo learner's year through the real engine against the in-process GitHub emulator, on
 * a clock the demo moves: bootstrap with `sync` on the first day; each day, the learner's commits
 * (fed to `trackPush` as the app does on a push), merged pull requests and comments; each week (and
 * on the final day) `sync` and `refreshWithActivity`, as the scheduled run does; and `remind` each
 * morning a reminder could be due or closed.
 */
export async function playDemo(setup: DemoSetup, options: PlayOptions): Promise<PlayResult> {
  const context = planContext(setup.config, setup.curriculum, WEB_URL);
  const { config, calendar } = context;
  const zone = calendar.timeZone;
  const year = simulateYear(context, options.seed);
  const portfolioRepo = `${config.learner}/portfolio`;

  let clock = localEpochMs(calendar.start, 6 * 60, zone);
  const emulatorOptions = {
    limits: { enabled: false },
    now: () => new Date(clock),
    login: config.learner,
    webUrl: WEB_URL,
  };
  // The scene is set in a first emulator, whose state the demo's emulator starts from: that is how
  // the target repositories get a history of issue numbers, as real ones have.
  const scene = await Emulator.start(emulatorOptions);
  let state: EmulatorState;
  try {
    buildScene(scene, setup, context, portfolioRepo);
    state = scene.snapshot();
  } finally {
    await scene.close();
  }
  for (const repo of state.repos) {
    const last = year.lastNumbers[`${repo.owner}/${repo.name}`];
    if (last !== undefined) repo.lastNumber = last;
  }
  const emulator = await Emulator.start({ ...emulatorOptions, state });
  // Opened recently, so they take the numbers after the repositories' histories.
  addNewcomerIssues(emulator, context);
  let requests = 0;
  const countRequests = () => {
    requests += emulator.log.length;
    emulator.clearLog();
    return requests;
  };
  try {
    const client = demoClient(emulator);
    const gatewayFor = (repo: string): PortfolioGateway => new RestGateway(client, repo);
    const gateway = gatewayFor(portfolioRepo);
    const portfolio: Portfolio = { repo: portfolioRepo, config, curriculum: setup.curriculum };

    let report: ProgressReport | undefined;
    const weekly = async (today: Temporal.PlainDate, first: boolean) => {
      clock = localEpochMs(today, 6 * 60, zone);
      // The scheduled run's order; the open-source activity goes to the ledger with the README, in one commit.
      const run = await runUseCases({
        gateway,
        context,
        gatewayFor,
        today,
        only: first ? ["refresh"] : ["sync", "refresh"],
      });
      report = run.refresh?.report;
    };

    // Reminders, at 07:00 on the mornings one could be due (a threshold's day) or closed (one is
    // open): on the other mornings `remind` would find nothing to do, so this is a daily run's
    // result at a fraction of its requests. One suggestion cache for the run, on the demo's clock.
    const suggestions = new SuggestionCache(() => clock);
    const thresholdDays = new Set(
      (context.curriculum.tracks.oss?.bars ?? []).flatMap((bar) =>
        thresholdsOf(context, bar.phase).map((threshold) => threshold.on.toString()),
      ),
    );
    const open = new Set<number>();
    const reminders: ReminderEvent[] = [];
    const reminding = async (today: Temporal.PlainDate, refreshed: boolean) => {
      const date = today.toString();
      if (!thresholdDays.has(date) && open.size === 0) return;
      clock = localEpochMs(today, 7 * 60, zone);
      // After the weekly refresh, its ledger is current: no second search.
      const ledger = refreshed ? parseLedger((await gateway.readFile(LEDGER_PATH)) ?? "") : undefined;
      const run = await runUseCases({
        gateway,
        context,
        gatewayFor,
        today,
        only: ["remind"],
        suggestions,
        ...(ledger ? { ledger } : {}),
      });
      const result: RemindResult | undefined = run.remind;
      if (!result) return;
      for (const closed of result.closed) {
        open.delete(closed.number);
        reminders.push({ date, action: "closed", ...closed });
      }
      for (const sent of result.sent) {
        // Applied, every reminder sent has its issue's number.
        if (sent.number === undefined) continue;
        open.add(sent.number);
        reminders.push({
          date,
          action: sent.kind,
          phase: sent.phase,
          threshold: sent.threshold,
          number: sent.number,
        });
      }
    };

    const played = year.days.filter(
      (day) => Temporal.PlainDate.compare(Temporal.PlainDate.from(day.date), options.until) < 0,
    );
    const progress = (date: Temporal.PlainDate, count: number) =>
      options.onDay?.({
        date: date.toString(),
        played: count,
        days: played.length,
        week: weekNumber(context, date),
        requests: countRequests(),
        report,
      });

    await sync({ gateway, context, today: calendar.start });
    progress(calendar.start, 0);
    for (const [index, day] of played.entries()) {
      const date = Temporal.PlainDate.from(day.date);
      const weekStart = index % 7 === 0;
      if (weekStart) await weekly(date, index === 0);
      await reminding(date, weekStart);
      await playDay(day, {
        emulator,
        portfolio,
        gatewayFor,
        setClock: (instant) => {
          clock = instant;
        },
      });
      progress(date, index + 1);
    }
    await weekly(options.until, played.length === 0);
    await reminding(options.until, true);
    if (!report) throw new Error("demo: no report was made");
    const reminderIssues = await readReminderIssues(gateway);
    requests = countRequests();
    if (emulator.internalErrors.length > 0) {
      throw new Error(`demo: the emulator failed: ${emulator.internalErrors[0]?.message}`);
    }

    const readmePath = config.readme;
    const location = pictureLocation(readmePath);
    const paths = [
      readmePath,
      ...PICTURES.flatMap((name) =>
        THEMES.map((theme) => `${location.directory}/${pictureFile(name, theme)}`),
      ),
      CALENDAR_PATH,
      LEDGER_PATH,
    ];
    const files: Record<string, string> = {};
    for (const path of paths) {
      const text = await gateway.readFile(path);
      if (text === undefined) throw new Error(`demo: ${path} is missing from ${portfolioRepo}`);
      files[path] = text;
    }
    return {
      year,
      files,
      readmePath,
      report,
      requests,
      portfolio: portfolioRepo,
      reminders,
      reminderIssues,
    };
  } finally {
    await emulator.close();
  }
}

/** The reminder issues in the portfolio, oldest first, with their comments. */
async function readReminderIssues(gateway: PortfolioGateway): Promise<ReminderIssue[]> {
  const found: ReminderIssue[] = [];
  for (const issue of await gateway.readAllIssues()) {
    const phase = /^reminder-phase-(\d+)$/.exec(keyOf(issue.body) ?? "")?.[1];
    if (phase === undefined || issue.pull_request !== undefined) continue;
    const comments = await gateway.listIssueComments(issue.number);
    found.push({
      number: issue.number,
      phase: Number(phase),
      title: issue.title,
      state: issue.state,
      body: issue.body ?? "",
      comments: comments.map((comment) => ({ at: comment.created_at, body: comment.body ?? "" })),
    });
  }
  return found.sort((a, b) => a.number - b.number);
}

function weekNumber(context: PlanContext, date: Temporal.PlainDate): number {
  const position = weekOn(context.calendar, date);
  return position.kind === "during"
    ? position.week
    : position.kind === "before"
      ? 0
      : context.calendar.totalWeeks + 1;
}

/**
 * syllabot's client (pagination, ETag cache) without its throttling and retry plugins: the emulator's
 * limits are off and it injects no faults, and their Bottleneck queues cost ~15 ms a request, most of
 * the demo's time (pacing off, as TEST_PACING is, but without the queues at all).
 */
function demoClient(emulator: Emulator): GitHubClient {
  return createClient({ token: emulator.token, baseUrl: emulator.url, throttleAndRetry: false });
}
