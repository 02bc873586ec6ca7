import type { Temporal } from "../calendar.js";
import { type ApplyEvents, applyOperations } from "../github/apply.js";
import type { ActualIssue } from "../model/actual.js";
import { keyOf } from "../model/markers.js";
import type { Operation } from "../model/operations.js";
import type { Ledger } from "../progress/ledger.js";
import { ledgerCommit } from "../progress/ledger-commit.js";
import { type BarStatus, ledgerBars, ossTargets } from "../progress/oss.js";
import { planDueReminders, planMetReminders } from "../remind/plan.js";
import { dueReminders, latestReached, reminderKey, sentThresholds } from "../remind/policy.js";
import { SUGGESTION_LIMIT, SuggestionCache } from "../remind/suggestions.js";
import { writeLedger } from "./ledger-write.js";
import { readOssActivity } from "./oss.js";
import {
  type HistoryInput,
  readStoredLedger,
  readTrustedComments,
  readTrustedIssues,
  trustFor,
} from "./reads.js";

export interface RemindInput extends HistoryInput {
  /** The learner's local date. */
  today: Temporal.PlainDate;
  /** Newcomer issues kept for a day across runs (the app keeps one); a fresh one by default. */
  suggestions?: SuggestionCache;
  /** The ledger as just written (by a refresh in the same run): no second search. */
  ledger?: Ledger;
  /** Plan only: read what deciding needs, write nothing. */
  dryRun?: boolean;
  events?: ApplyEvents;
}

export interface RemindResult {
  /** The writes planned (applied unless a dry run). */
  operations: Operation[];
  /** Reminders sent (on a dry run: due): a new issue for a phase's first one, a comment for each later one. */
  sent: { phase: number; threshold: string; number?: number; kind: "issue" | "comment" }[];
  /** Reminder issues closed (on a dry run: to close) because their bar is now met. */
  closed: { phase: number; number: number }[];
  bars: BarStatus[];
}

/**
 * PR reminders: for each phase whose open-source bar is unmet, one issue, assigned to the learner,
 * at the first threshold reached, and a comment mentioning them at each later one; closed with a
 * comment naming what met the bar once it is met. Thresholds sent are recorded in the issue (hidden
 * markers), so a run repeated, late or overlapping another sends nothing twice.
 */
export async function remind(input: RemindInput): Promise<RemindResult> {
  const { context, gateway, today } = input;
  const operations: Operation[] = [];
  let ledger = input.ledger;
  if (!ledger) {
    const oss = await readOssActivity(input);
    if (!input.dryRun) ledger = await writeLedger(gateway, oss.update);
    else {
      ledger = oss.update(oss.stored ?? (await readStoredLedger(gateway)));
      if (oss.stored) operations.push(ledgerCommit(oss.update));
    }
  }
  const bars = ledgerBars(context, ledger, today);
  const result: RemindResult = { operations, sent: [], closed: [], bars };
  if (bars.length === 0) return result;
  const trust = await trustFor(gateway, context);
  const reminders = new Map<string, ActualIssue>();
  for (const issue of await readTrustedIssues(gateway, trust)) {
    const key = keyOf(issue.body);
    if (key?.startsWith("reminder-phase-") && issue.pull_request === undefined && !reminders.has(key)) {
      reminders.set(key, issue);
    }
  }
  const met = planMetReminders(bars, reminders);

  // What was sent is read from GitHub, and comments only where the body does not already tell.
  const sent = new Map<number, Set<string>>();
  for (const bar of bars) {
    const latest = bar.state === "met" ? undefined : latestReached(context, bar.bar.phase, today);
    const issue = reminders.get(reminderKey(bar.bar.phase));
    if (!latest || !issue) continue;
    const known = sentThresholds([issue.body]);
    if (!known.has(latest.id)) {
      const comments = await readTrustedComments(gateway, issue.number, trust);
      for (const id of sentThresholds(comments.map((comment) => comment.body))) known.add(id);
    }
    sent.set(bar.bar.phase, known);
  }
  const due = dueReminders(context, bars, today, sent);
  let dueOperations: Operation[] = [];
  if (due.length > 0) {
    const targets = ossTargets(context);
    const suggestions = await (input.suggestions ?? new SuggestionCache()).get(targets, () =>
      gateway.searchNewcomerIssues(targets, SUGGESTION_LIMIT),
    );
    dueOperations = planDueReminders(context, due, reminders, suggestions);
  }
  operations.push(...met, ...dueOperations);
  const numbers = new Map<Operation, number | undefined>();
  if (!input.dryRun) {
    const toApply = [...met, ...dueOperations];
    const { applied } = await applyOperations(gateway, toApply, input.events ? { events: input.events } : {});
    for (const entry of applied) numbers.set(entry.operation, entry.number);
  }
  for (const bar of bars) {
    const issue = reminders.get(reminderKey(bar.bar.phase));
    if (
      issue &&
      met.some((operation) => operation.op === "close" && operation.key === reminderKey(bar.bar.phase))
    )
      result.closed.push({ phase: bar.bar.phase, number: issue.number });
  }
  for (const reminder of due) {
    const key = reminderKey(reminder.phase);
    const created = dueOperations.find((operation) => operation.op === "create" && operation.key === key);
    const number = created ? numbers.get(created) : reminders.get(key)?.number;
    result.sent.push({
      phase: reminder.phase,
      threshold: reminder.threshold.id,
      ...(number === undefined ? {} : { number }),
      kind: created ? "issue" : "comment",
    });
  }
  return result;
}
