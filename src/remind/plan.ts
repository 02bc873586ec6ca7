import type { ActualIssue } from "../model/actual.js";
import { labelNames, type PlanContext } from "../model/context.js";
import type { Operation } from "../model/operations.js";
import type { BarStatus } from "../progress/oss.js";
import { mergeManagedBody } from "../render/managed-body.js";
import { fitText, GITHUB_LIMITS } from "../text/github-limits.js";
import { type DueReminder, reminderKey } from "./policy.js";
import { metComment, reminderComment, reminderIssue, type Suggestion } from "./text.js";

/** A reminder issue closed because its phase's bar is now met: a comment naming what met it, then the close. */
export function planMetReminders(
  bars: readonly BarStatus[],
  reminders: ReadonlyMap<string, ActualIssue>,
): Operation[] {
  return bars.flatMap((bar): Operation[] => {
    const issue = reminders.get(reminderKey(bar.bar.phase));
    if (bar.state !== "met" || !issue || issue.state !== "open") return [];
    const described = {
      kind: "issue",
      key: reminderKey(bar.bar.phase),
      title: issue.title,
      number: issue.number,
    } as const;
    return [
      { ...described, op: "comment", fields: { body: metComment(bar) } },
      {
        ...described,
        op: "close",
        fields: { state: "closed", state_reason: "completed" },
        reason: `phase ${bar.bar.phase}'s bar is met`,
      },
    ];
  });
}

/**
 * The reminders due: a phase's first one as a new issue assigned to the learner, each later one as
 * a comment mentioning them, with the issue's region (what counts so far) brought up to date.
 */
export function planDueReminders(
  context: PlanContext,
  due: readonly DueReminder[],
  reminders: ReadonlyMap<string, ActualIssue>,
  suggestions: readonly Suggestion[],
): Operation[] {
  const names = labelNames(context.config.labels.prefix);
  return due.flatMap((reminder): Operation[] => {
    const rendered = reminderIssue(context, reminder, suggestions);
    const reason = `reminder: phase ${reminder.phase} (${reminder.threshold.id})`;
    const existing = reminders.get(rendered.key);
    if (!existing) {
      return [
        {
          op: "create",
          kind: "issue",
          key: rendered.key,
          title: rendered.title,
          reason,
          fields: {
            title: rendered.title,
            body: rendered.body,
            labels: [names.managed, names.phase(reminder.phase)],
            milestone: null,
            assignees: [context.config.learner],
          },
        },
      ];
    }
    const described = {
      kind: "issue",
      key: rendered.key,
      title: existing.title,
      number: existing.number,
    } as const;
    const body = fitText(mergeManagedBody(existing.body, rendered.managed), GITHUB_LIMITS.issueBody);
    return [
      ...(body === existing.body ? [] : [{ ...described, op: "update" as const, fields: { body } }]),
      { ...described, op: "comment", reason, fields: { body: reminderComment(context, reminder) } },
    ];
  });
}
