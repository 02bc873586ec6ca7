import { Temporal } from "../calendar.js";
import type { PlanContext } from "../model/context.js";
import { type BarStatus, ossTargets } from "../progress/oss.js";
import { formatDate } from "../render/dates.js";
import { renderTemplate } from "../render/liquid.js";
import { managedBody } from "../render/managed-body.js";
import { link } from "../render/readme.js";
import { fitLine, fitText, GITHUB_LIMITS } from "../text/github-limits.js";
import { escapeMarkdownInline } from "../text/markdown.js";
import { count } from "../text/plural.js";
import { sentence } from "../text/sentence.js";
import { type DueReminder, reminderKey, type Threshold, thresholdMarker, thresholdsOf } from "./policy.js";

/** An open issue in a target repository that welcomes newcomers. */
export interface Suggestion {
  repo: string;
  number: number;
  title: string;
  url: string;
}

const day = (date: Temporal.PlainDate) => formatDate(date);

/** The phase's last day: the day before its "missed" threshold. */
function dueDate(context: PlanContext, bar: BarStatus): Temporal.PlainDate {
  return thresholdsOf(context, bar.bar.phase).at(-1)?.on.subtract({ days: 1 }) ?? context.calendar.start;
}

/** One line saying where the bar stands: days left, or that the phase has ended. */
export function headline(context: PlanContext, bar: BarStatus, threshold: Threshold): string {
  const due = dueDate(context, bar);
  const what = `phase ${bar.bar.phase}'s open-source bar: ${bar.bar.minimum}`;
  if (threshold.id === "missed" || bar.daysLeft < 0) {
    return `Phase ${bar.bar.phase} ended on ${day(due)} without ${what.replace(/^phase \d+'s /, "its ")}. A pull request merged from now on counts for the next phase's bar.`;
  }
  const left = count(bar.daysLeft, "day");
  return `${left} left (until ${day(due)}) to meet ${what}.`;
}

/** The reminder issue: its title and body (the managed region, then the threshold's hidden record). */
export function reminderIssue(
  context: PlanContext,
  reminder: DueReminder,
  suggestions: readonly Suggestion[],
): { key: string; title: string; body: string; managed: string } {
  const { bar } = reminder;
  const key = reminderKey(bar.bar.phase);
  const content = renderTemplate("reminder-issue.md", {
    headline: headline(context, bar, reminder.threshold),
    goal: sentence(bar.bar.goal),
    minimum: sentence(bar.bar.minimum),
    guidance: bar.bar.guidance,
    phase: bar.bar.phase,
    targets: ossTargets(context).join(", "),
    pulls: bar.counting.map((entry) => ({
      link: link(`${entry.pr.repo}#${entry.pr.number}: ${entry.pr.title}`, entry.pr.url),
      merged: day(
        Temporal.Instant.from(entry.pr.mergedAt).toZonedDateTimeISO(context.calendar.timeZone).toPlainDate(),
      ),
      verdict:
        bar.bar.requires === "substantive-pr" && entry.substantive !== true
          ? "does not meet it yet"
          : "counts",
      reason: entry.reason,
    })),
    engagement: bar.engagement,
    engagement_issues: count(bar.engagement, "issue"),
    suggestions: suggestions.map((suggestion) =>
      link(`${suggestion.repo}#${suggestion.number}: ${suggestion.title}`, suggestion.url),
    ),
    schedule: scheduleText(context, bar.bar.phase),
  });
  // The threshold's record follows the region: cutting the region leaves room for it.
  const marker = `${thresholdMarker(reminder.threshold.id)}\n`;
  const body = fitText(`${managedBody(key, content)}${marker}`, GITHUB_LIMITS.issueBody);
  return {
    key,
    title: fitLine(`Open-source bar of phase ${bar.bar.phase}: ${bar.bar.minimum}`.replace(/`/g, ""), 120),
    body,
    managed: body.slice(0, body.length - marker.length),
  };
}

function scheduleText(context: PlanContext, phase: number): string {
  return thresholdsOf(context, phase)
    .map((threshold) =>
      threshold.id === "missed"
        ? `the day after ${day(threshold.on.subtract({ days: 1 }))}`
        : day(threshold.on),
    )
    .join(", ");
}

/** A later threshold's comment: it mentions the learner, so that GitHub notifies them. */
export function reminderComment(context: PlanContext, reminder: DueReminder): string {
  const { bar } = reminder;
  const counted =
    bar.counting.length === 0
      ? "Nothing counts for it yet."
      : `So far: ${bar.counting
          .map(
            (entry) =>
              `${escapeMarkdownInline(`${entry.pr.repo}#${entry.pr.number}`)} (${escapeMarkdownInline(entry.reason)})`,
          )
          .join("; ")}.`;
  const marker = `${thresholdMarker(reminder.threshold.id)}\n`;
  const text = `@${context.config.learner} ${escapeMarkdownInline(headline(context, bar, reminder.threshold))} ${counted}`;
  return `${fitText(text, { ...GITHUB_LIMITS.commentBody, max: GITHUB_LIMITS.commentBody.max - marker.length - 2 })}\n\n${marker}`;
}

/** The comment that closes a reminder once its bar is met, naming what met it. */
export function metComment(bar: BarStatus): string {
  const qualifying = bar.counting.filter(
    (entry) =>
      entry.phase === bar.bar.phase && (bar.bar.requires !== "substantive-pr" || entry.substantive === true),
  );
  const by =
    qualifying.length > 0
      ? qualifying
          .map(
            (entry) =>
              `${link(`${entry.pr.repo}#${entry.pr.number}: ${entry.pr.title}`, entry.pr.url)} (${escapeMarkdownInline(entry.reason)})`,
          )
          .join(", ")
      : `${count(bar.engagement, "issue")} in the target repositories you opened or commented on during phase ${bar.bar.phase}`;
  return fitText(`The bar is met by ${by}. Well done: closing this reminder.\n`, GITHUB_LIMITS.commentBody);
}
