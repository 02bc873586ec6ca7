import type { Operation } from "../model/operations.js";
import { paceDone, paceFinish, paceStanding } from "../render/pace-text.js";
import { count } from "../text/plural.js";
import type { RefreshResult, RemindResult, TrackResult } from "../use-cases/index.js";

/**
 * What a use case did (or, on a dry run, would do), one line each: the CLI prints them, the
 * Action logs them. Data in them comes from GitHub and commits: callers make them terminal-safe.
 */

export function trackLines(result: TrackResult, dryRun: boolean): string[] {
  const closed = dryRun ? "would close" : "closed";
  const linked = dryRun ? "would link" : "linked";
  return [
    ...result.closed.map(
      (entry) => `${closed} ${entry.key} #${entry.number} (commit ${entry.sha.slice(0, 7)})`,
    ),
    ...result.annotated.map(
      (entry) =>
        `${linked} ${entry.key} #${entry.number} to commit ${entry.sha.slice(0, 7)} (already closed)`,
    ),
    ...result.rejected.map((entry) => `ignored in ${entry.sha.slice(0, 7)}: ${entry.text}: ${entry.reason}`),
    ...(result.unreadable ?? []).map(
      (repo) =>
        `not tracked: ${repo} does not exist yet, or the token cannot see it (a private repository needs an app token)`,
    ),
    ...(dryRun && result.ledgerUpdate === undefined && ledgerWrites(result.operations) > 0
      ? ["would record the commits in the ledger (.syllabot/state.json)"]
      : []),
  ];
}

function ledgerWrites(operations: readonly Operation[]): number {
  return operations.filter((operation) => operation.kind === "file").length;
}

export function refreshLines(result: RefreshResult, readme: string, dryRun: boolean): string[] {
  const { pace } = result.report;
  const pacing = `Pace: ${paceDone(pace, result.report.totalWeeks)}, ${paceStanding(pace)} (${pace.expected} expected); ${paceFinish(pace)}.`;
  if (dryRun) {
    const changed = Object.entries(result.preview ?? {});
    const files = changed.map(([path, text]) => `  ${path} (${count(Buffer.byteLength(text), "byte")})`);
    return [
      changed.length === 0
        ? `${readme} is up to date: nothing would be committed.`
        : `Would commit ${count(changed.length, "file")} in one commit:`,
      ...files,
      pacing,
    ];
  }
  return [
    result.commit
      ? `Refreshed ${readme}, its pictures, the calendar and the ledger (commit ${result.commit.sha.slice(0, 7)}).`
      : `${readme} is up to date: no commit.`,
    pacing,
  ];
}

export function remindLines(result: RemindResult, dryRun: boolean): string[] {
  const lines = [
    ...result.sent.map((sent) => {
      const where =
        sent.kind === "issue"
          ? `in ${sent.number === undefined ? "a new issue" : `new issue #${sent.number}`}`
          : `on issue #${sent.number}`;
      return `${dryRun ? "would remind" : "reminded"}: phase ${sent.phase} (${sent.threshold}) ${where}`;
    }),
    ...result.closed.map(
      (closed) =>
        `${dryRun ? "would close" : "closed"} reminder #${closed.number}: phase ${closed.phase}'s bar is met`,
    ),
  ];
  return lines.length === 0 ? ["No reminder due today."] : lines;
}
