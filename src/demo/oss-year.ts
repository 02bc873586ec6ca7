import { spanOfWeeks, type Temporal, weekSpan } from "../calendar.js";
import type { PlanContext } from "../model/context.js";
import { ossTargets } from "../progress/oss.js";
import {
  ENGAGEMENT,
  GENERIC_ISSUE_NUMBER,
  GENERIC_PULLS,
  ISSUE_NUMBERS,
  PULLS,
  type PullKind,
} from "./catalog.js";
import { localInstant } from "./instant.js";
import type { Random } from "./random.js";
import type { DemoEngagement, DemoPullRequest } from "./year.js";

type PlainDate = Temporal.PlainDate;

/**
 * The OSS track's year, when the course has one: for each bar, the pull requests (the substantive
 * one long in review and merged late in its phase, after the first reminder) or the issue comment
 * that meets it, and each target repository's last issue number before the year begins.
 */
export function simulateOss(
  context: PlanContext,
  random: Random,
  total: number,
): {
  pulls: DemoPullRequest[];
  engagements: DemoEngagement[];
  lastNumbers: Record<string, number>;
} {
  const instant = (date: PlainDate, minute: number) => localInstant(date, minute, context.calendar.timeZone);
  const repos = ossTargets(context);
  const lastNumbers = Object.fromEntries(
    repos.map((repo) => [repo, (ISSUE_NUMBERS[repo] ?? GENERIC_ISSUE_NUMBER) + random.int(0, 400)]),
  );
  const targets = random.shuffle(repos);
  const bars = context.curriculum.tracks.oss?.bars ?? [];
  const pulls: DemoPullRequest[] = [];
  const engagements: DemoEngagement[] = [];
  if (targets.length === 0) return { pulls, engagements, lastNumbers };
  const phaseWeeks = (number: number) =>
    context.curriculum.phases.find((phase) => phase.number === number)?.weeks ?? {
      from: 1,
      to: total,
    };
  const pull = (kind: PullKind, repo: string, week: number) =>
    pullOn(kind, repo, weekSpan(context.calendar, week).first.add({ days: random.int(0, 4) }), 4, 15);
  const pullOn = (kind: PullKind, repo: string, day: PlainDate, minReview: number, maxReview: number) => {
    const template = (PULLS[repo] ?? GENERIC_PULLS)[kind];
    const mergedAt = instant(day, random.int(14 * 60, 21 * 60));
    const opened = day.subtract({ days: random.int(minReview, maxReview) });
    pulls.push({
      repo,
      kind,
      ...template,
      labels: [...template.labels],
      files: template.files.map((file) => ({ ...file })),
      createdAt: instant(opened, random.int(20 * 60, 22 * 60)),
      mergedAt,
    });
  };
  for (const bar of bars) {
    const weeks = phaseWeeks(bar.phase);
    const length = weeks.to - weeks.from + 1;
    const at = (from: number, to: number) =>
      Math.min(weeks.to, weeks.from + random.int(Math.floor(length * from), Math.floor(length * to)));
    if (bar.requires === "merged-pr") pull("first", targets[0] ?? "", at(0.3, 0.8));
    else if (bar.requires === "substantive-pr") {
      pull("docs", targets[1 % targets.length] ?? "", at(0.05, 0.25));
      // The substantive one is long in review (three to six weeks) and merged in the phase's last
      // weeks, after the first reminder that the bar is unmet (and before its last two days).
      const { first, last } = spanOfWeeks(context.calendar, weeks.from, weeks.to);
      const lead = Math.max(0, ...context.config.reminders.lead_days);
      const span = first.until(last, { largestUnit: "days" }).days;
      const earliest = Math.max(0, span - lead + 1);
      const latest = Math.max(earliest, span - 3);
      const day = first.add({ days: random.int(earliest, latest) });
      pullOn("substantive", targets[2 % targets.length] ?? "", day, 21, 42);
    } else {
      const repo = targets[0] ?? "";
      const day = weekSpan(context.calendar, at(0.15, 0.5)).first.add({ days: random.int(0, 6) });
      engagements.push({
        repo,
        issue: {
          title: ENGAGEMENT.title,
          body: ENGAGEMENT.body,
          author: ENGAGEMENT.author,
          createdAt: instant(day.subtract({ days: random.int(1, 5) }), random.int(9 * 60, 18 * 60)),
        },
        comment: { body: ENGAGEMENT.comment, at: instant(day, random.int(20 * 60, 22 * 60)) },
      });
    }
  }
  return { pulls, engagements, lastNumbers };
}
