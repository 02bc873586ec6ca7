import { localDate, spanOfWeeks, Temporal } from "../calendar.js";
import type { Config } from "../config/schema.js";
import type { OssBar } from "../curriculum/schema.js";
import type { PlanContext } from "../model/context.js";
import type { Ledger } from "./ledger.js";

/** A merged pull request of the learner's in a target repository, as search and its files tell it. */
export interface PullRequestEvidence {
  repo: string;
  number: number;
  title: string;
  url: string;
  mergedAt: string;
  labels: readonly string[];
  /** Read from the PR's files; undefined until they have been read. */
  files?: readonly { filename: string; additions: number; deletions: number }[];
}

export interface CountedPullRequest {
  pr: PullRequestEvidence;
  /** The phase whose bar it counts for, when it counts. */
  phase: number | undefined;
  substantive: boolean | undefined;
  reason: string;
}

export interface BarStatus {
  bar: OssBar;
  state: "met" | "unmet" | "at-risk";
  /** The phase has ended. */
  ended: boolean;
  daysLeft: number;
  counting: CountedPullRequest[];
  engagement: number;
}

/** The open-source repositories the learner's work counts in: the config's, else the curriculum's. */
export function ossTargets(context: PlanContext): string[] {
  return (
    context.config.oss.repos ?? context.curriculum.tracks.oss?.targets.map((target) => target.repo) ?? []
  );
}

/** The pull requests a ledger holds, as evidence for the bars. */
export function pullsOfLedger(ledger: Ledger): PullRequestEvidence[] {
  return Object.entries(ledger.pulls).map(([key, pull]) => {
    const hash = key.lastIndexOf("#");
    return {
      repo: key.slice(0, hash),
      number: Number(key.slice(hash + 1)),
      title: pull.title,
      url: pull.url,
      mergedAt: pull.mergedAt,
      labels: pull.labels,
      ...(pull.files ? { files: pull.files } : {}),
    };
  });
}

/** The bars as the ledger tells them (no search): the pull requests and engagement it holds. */
export function ledgerBars(context: PlanContext, ledger: Ledger, today: Temporal.PlainDate): BarStatus[] {
  const engagement = engagementByPhase(
    context,
    Object.values(ledger.engagement).map((entry) => entry.dates),
  );
  return ossBars(context, pullsOfLedger(ledger), engagement, today);
}

/** Labels under which a pull request counts for nothing, as Hacktoberfest rules them. */
const DISQUALIFYING = new Set(["spam", "invalid"]);
const NOT_CODE = [
  /(^|\/)docs?\//i,
  /\.(md|markdown|rst|txt|adoc)$/i,
  /(^|\/)(LICENSE|CHANGELOG|AUTHORS)[^/]*$/i,
];
const TEST = [/(^|\/)(tests?|specs?|__tests__|benches)\//i, /(_test|_spec|\.test|\.spec)\.[a-z]+$/i];

/** Code lines a PR changes: additions and deletions outside docs and tests. */
export function codeLines(files: NonNullable<PullRequestEvidence["files"]>): number {
  return files
    .filter(
      (file) =>
        !NOT_CODE.some((pattern) => pattern.test(file.filename)) &&
        !TEST.some((pattern) => pattern.test(file.filename)),
    )
    .reduce((sum, file) => sum + file.additions + file.deletions, 0);
}

/** "Substantive": the learner's verdict in the config wins; else code (not docs or tests) of at least the minimum lines. */
export function substantive(
  pr: PullRequestEvidence,
  config: Pick<Config, "oss">,
): { verdict: boolean | undefined; why: string } {
  const verdict = config.oss.verdicts[`${pr.repo}#${pr.number}`];
  if (verdict) return { verdict: verdict === "substantive", why: `your verdict in the config: ${verdict}` };
  if (!pr.files) return { verdict: undefined, why: "its files have not been read yet" };
  const lines = codeLines(pr.files);
  const minimum = config.oss.substantive_min_lines;
  return lines >= minimum
    ? { verdict: true, why: `${lines} changed lines of code (at least ${minimum})` }
    : {
        verdict: false,
        why:
          lines === 0
            ? "it changes only docs or tests"
            : `${lines} changed lines of code, fewer than ${minimum}`,
      };
}

/**
 * The OSS bars: each merged PR counts for the phase in whose window it was merged (one merged
 * before the first bar's phase counts for that phase; one after the program, for the last bar's).
 */
export function ossBars(
  context: PlanContext,
  prs: readonly PullRequestEvidence[],
  engagementByPhase: ReadonlyMap<number, number>,
  today: Temporal.PlainDate,
): BarStatus[] {
  const bars = sortedBars(context);
  if (bars.length === 0) return [];
  const windows = phaseWindows(context);
  const leadDays = Math.max(0, ...context.config.reminders.lead_days);
  const counted = prs.map((pr) => countPullRequest(pr, bars, windows, context));
  return bars.map((bar) => {
    const window = windows.get(bar.phase);
    const last = window?.last ?? today;
    const daysLeft = today.until(last, { largestUnit: "days" }).days;
    const counting = counted.filter((entry) => entry.phase === bar.phase);
    const engagement = engagementByPhase.get(bar.phase) ?? 0;
    const qualifying =
      bar.requires === "substantive-pr"
        ? counting.filter((entry) => entry.substantive === true).length
        : counting.length;
    const met = qualifying >= bar.count || (bar.requires === "pr-or-engagement" && engagement >= bar.count);
    const state = met ? "met" : daysLeft < leadDays ? "at-risk" : "unmet";
    return { bar, state, ended: daysLeft < 0, daysLeft, counting, engagement };
  });
}

/** The bar phase a pull request counts for, and how it got there. */
function attribution(
  pr: PullRequestEvidence,
  bars: readonly OssBar[],
  windows: ReadonlyMap<number, { first: Temporal.PlainDate; last: Temporal.PlainDate }>,
  context: PlanContext,
): { phase: number; where: string } {
  const merged = localDate(Temporal.Instant.from(pr.mergedAt), context.calendar.timeZone);
  const inWindow = bars.find((bar) => {
    const window = windows.get(bar.phase);
    return (
      window &&
      Temporal.PlainDate.compare(window.first, merged) <= 0 &&
      Temporal.PlainDate.compare(merged, window.last) <= 0
    );
  });
  const first = bars[0] as OssBar;
  const lastBar = bars[bars.length - 1] as OssBar;
  const firstWindow = windows.get(first.phase);
  const phase =
    inWindow?.phase ??
    (firstWindow && Temporal.PlainDate.compare(merged, firstWindow.first) < 0 ? first.phase : lastBar.phase);
  const where = inWindow
    ? `merged in phase ${phase}`
    : phase === first.phase
      ? `merged before phase ${phase}, so it counts there`
      : `merged after phase ${lastBar.phase}, so it counts there`;
  return { phase, where };
}

/** The bar phase a merged pull request counts for, unless a label disqualifies it. */
export function barPhaseOf(context: PlanContext, pr: PullRequestEvidence): number | undefined {
  const bars = sortedBars(context);
  if (bars.length === 0 || pr.labels.some((label) => DISQUALIFYING.has(label.toLowerCase())))
    return undefined;
  return attribution(pr, bars, phaseWindows(context), context).phase;
}

function sortedBars(context: PlanContext): OssBar[] {
  return [...(context.curriculum.tracks.oss?.bars ?? [])].sort((a, b) => a.phase - b.phase);
}

function phaseWindows(context: PlanContext) {
  return new Map(
    context.curriculum.phases.map((phase) => [
      phase.number,
      spanOfWeeks(context.calendar, phase.weeks.from, phase.weeks.to),
    ]),
  );
}

function countPullRequest(
  pr: PullRequestEvidence,
  bars: readonly OssBar[],
  windows: ReadonlyMap<number, { first: Temporal.PlainDate; last: Temporal.PlainDate }>,
  context: PlanContext,
): CountedPullRequest {
  const disqualifier = pr.labels.find((label) => DISQUALIFYING.has(label.toLowerCase()));
  if (disqualifier)
    return {
      pr,
      phase: undefined,
      substantive: undefined,
      reason: `labelled "${disqualifier}": it counts for nothing`,
    };
  const { phase, where } = attribution(pr, bars, windows, context);
  const judged = substantive(pr, context.config);
  const bar = bars.find((candidate) => candidate.phase === phase);
  const detail =
    bar?.requires === "substantive-pr"
      ? `; substantive: ${judged.verdict === undefined ? "not known yet" : judged.verdict ? "yes" : "no"}, ${judged.why}`
      : "";
  return { pr, phase, substantive: judged.verdict, reason: `${where}${detail}` };
}

/**
 * Phase 5's "active issue engagement": per bar phase, the issues the learner opened or commented on
 * in its window. `issues` holds, per issue, the instants the learner did; an issue counts once a phase.
 */
export function engagementByPhase(
  context: PlanContext,
  issues: readonly (readonly string[])[],
): Map<number, number> {
  const counts = new Map<number, number>();
  const oss = context.curriculum.tracks.oss;
  if (!oss) return counts;
  for (const instants of issues) {
    const phases = new Set<number>();
    for (const timestamp of instants) {
      const day = localDate(Temporal.Instant.from(timestamp), context.calendar.timeZone);
      const phase = context.curriculum.phases.find((candidate) => {
        const window = spanOfWeeks(context.calendar, candidate.weeks.from, candidate.weeks.to);
        return (
          Temporal.PlainDate.compare(window.first, day) <= 0 &&
          Temporal.PlainDate.compare(day, window.last) <= 0
        );
      });
      if (phase && oss.bars.some((bar) => bar.phase === phase.number)) phases.add(phase.number);
    }
    for (const phase of phases) counts.set(phase, (counts.get(phase) ?? 0) + 1);
  }
  return counts;
}
