import * as core from "@actions/core";
import { refreshLines, remindLines, trackLines } from "../commands/use-case-lines.js";
import { fieldNames, numberOf, type Operation } from "../model/operations.js";
import { summaryLine } from "../plan/format.js";
import { paceDone, paceStanding } from "../render/pace-text.js";
import { count } from "../text/plural.js";
import { redactSecrets } from "../text/redact.js";
import { terminalSafe } from "../text/terminal.js";
import type { SequenceResult } from "../use-cases/index.js";

/**
 * The job summary: a heading, the plan's summary line and its operations as a table, what tracking
 * closed, the progress and bars, and the reminders; on a dry run, every use case's plan.
 */
export async function writeSummary(
  heading: string,
  result: SequenceResult,
  options: { dryRun: boolean; readme: string },
): Promise<void> {
  // Outside a runner (a local run of dist/index.js) there is no summary file to write.
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const { dryRun } = options;
  const note = dryRun ? " Dry run: nothing was written." : "";
  core.summary.addHeading(escapeHtml(heading), 2);
  const { sync: synced, track: tracked, refresh: refreshed, remind: reminded } = result;
  if (synced) {
    core.summary.addRaw(escapeHtml(summaryLine(synced.plan.summary) + note), true);
    if (synced.plan.operations.length > 0)
      core.summary.addEOL().addTable(summaryTable(synced.plan.operations));
  }
  if (tracked) {
    const closed = count(tracked.closed.length, "issue");
    core.summary.addRaw(
      escapeHtml(`Tracking ${dryRun ? "would close" : "closed"} ${closed} finished by commits.`),
      true,
    );
    if (tracked.closed.length > 0) {
      core.summary.addTable([
        ["issue", "number", "commit"].map((data) => ({ data, header: true })),
        ...tracked.closed.map((entry) =>
          [entry.key, `#${entry.number}`, entry.sha.slice(0, 7)].map(escapeHtml),
        ),
      ]);
    }
    if (dryRun) planned("Tracking", tracked.operations, trackLines(tracked, true));
  }
  if (refreshed) {
    const { report } = refreshed;
    const readme = dryRun
      ? Object.keys(refreshed.preview ?? {}).length > 0
        ? "README would be refreshed."
        : "README already up to date."
      : refreshed.commit
        ? "README refreshed."
        : "README already up to date.";
    core.summary.addRaw(
      escapeHtml(
        `Progress: ${paceDone(report.pace, report.totalWeeks)}, ${paceStanding(report.pace)} (${report.pace.expected} expected by ${report.today}); ${readme}`,
      ),
      true,
    );
    if (report.bars.length > 0) {
      core.summary.addTable([
        ["phase", "open-source bar", "status", "due"].map((data) => ({ data, header: true })),
        ...report.bars.map((bar) => [String(bar.phase), bar.minimum, bar.state, bar.due].map(escapeHtml)),
      ]);
    }
    if (dryRun) planned("Refresh", [refreshed.operation], refreshLines(refreshed, options.readme, true));
  }
  if (reminded && !dryRun && reminded.sent.length + reminded.closed.length > 0) {
    core.summary.addList(
      [
        ...reminded.sent.map(
          (sent) => `Reminder for phase ${sent.phase} (${sent.threshold}) on issue #${sent.number}`,
        ),
        ...reminded.closed.map(
          (closed) => `Reminder #${closed.number} closed: phase ${closed.phase}'s bar is met`,
        ),
      ].map(escapeHtml),
    );
  }
  if (reminded && dryRun) planned("Reminders", reminded.operations, remindLines(reminded, true));
  // The summary is a file the runner renders; it is not masked.
  const summary = core.summary.stringify();
  await core.summary.emptyBuffer().addRaw(redactSecrets(summary)).write();
}

/** A dry run's plan of one use case: what it would do, and its operations as a table. */
function planned(title: string, operations: readonly Operation[], lines: readonly string[]): void {
  core.summary.addHeading(escapeHtml(`${title}: ${count(operations.length, "operation")} planned`), 3);
  if (lines.length > 0) core.summary.addList(lines.map(escapeHtml));
  if (operations.length > 0) core.summary.addTable(summaryTable(operations));
}

export function summaryTable(operations: readonly Operation[]) {
  const header = ["op", "kind", "key", "title", "fields changed"].map((data) => ({ data, header: true }));
  return [
    header,
    ...operations.map((operation) =>
      [operation.op, operation.kind, operation.key, operation.title, fieldsChanged(operation)].map(
        escapeHtml,
      ),
    ),
  ];
}

function fieldsChanged(operation: Operation): string {
  const fields = `${fieldNames(operation).join(", ")}${operation.reason ? ` (${operation.reason})` : ""}`;
  const number = numberOf(operation);
  return number === undefined ? fields : `#${number}: ${fields}`;
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Text in the summary's HTML: curriculum titles are the learner's data, never markup (nor controls). */
export function escapeHtml(text: string): string {
  return terminalSafe(text).replace(/[&<>"]/g, (char) => ENTITIES[char] ?? char);
}
