import pc from "picocolors";
import { type Operation, operationJson } from "../model/operations.js";
import { formatOperations } from "../plan/format.js";
import { terminalSafe, terminalSafeJson } from "../text/terminal.js";
import {
  type RefreshResult,
  type RemindResult,
  refreshWithActivity,
  remind,
  type TrackResult,
  trackHistory,
} from "../use-cases/index.js";
import { type ApplyOptions, connect } from "./apply.js";
import type { Io } from "./io.js";
import { todayOption } from "./plan.js";
import { refreshLines, remindLines, trackLines } from "./use-case-lines.js";

/** The use cases the CLI runs one at a time (sync is `apply`). */
export type SingleUseCase = "track" | "refresh" | "remind";

/**
 * `syllabot track|refresh|remind`: one use case against a repository, as the Action runs it; with
 * `--dry-run`, it reads what deciding needs and prints every write it would make, making none.
 */
export async function runUseCase(useCase: SingleUseCase, options: ApplyOptions, io: Io): Promise<void> {
  const { config, curriculum, context, gateway, gatewayFor } = connect(options, io);
  const dryRun = options.dryRun ?? false;
  const input = { gateway, context, gatewayFor, today: todayOption(options.today, config.timezone), dryRun };
  if (!options.json)
    io.stdout(`syllabot ${useCase}: ${curriculum.id} for @${config.learner} in ${options.repo}\n\n`);
  let operations: readonly Operation[];
  let lines: string[];
  let details: Record<string, unknown>;
  let preview: Readonly<Record<string, string>> | undefined;
  if (useCase === "track") {
    const result: TrackResult = await trackHistory(input);
    ({ operations } = result);
    lines = trackLines(result, dryRun);
    details = {
      closed: result.closed,
      annotated: result.annotated,
      rejected: result.rejected,
      unreadable: result.unreadable ?? [],
    };
  } else if (useCase === "refresh") {
    const result: RefreshResult = await refreshWithActivity(input);
    operations = [result.operation];
    preview = result.preview;
    lines = refreshLines(result, config.readme, dryRun);
    details = { commit: result.commit?.sha ?? null, pace: result.report.pace };
  } else {
    const result: RemindResult = await remind(input);
    ({ operations } = result);
    lines = remindLines(result, dryRun);
    details = { sent: result.sent, closed: result.closed };
  }
  if (options.json) {
    const listed = operations.map((operation) =>
      operation.kind === "file" && preview ? operationJson(operation, preview) : operationJson(operation),
    );
    io.stdout(`${terminalSafeJson({ useCase, dryRun, operations: listed, ...details })}\n`);
    return;
  }
  const listing = formatOperations(operations, pc.createColors(io.color));
  if (dryRun) io.stdout(`${listing.length > 0 ? `${listing.join("\n")}\n\n` : "Nothing to write.\n\n"}`);
  for (const line of lines) io.stdout(`${terminalSafe(line)}\n`);
  if (dryRun) io.stdout("\nDry run: nothing was written.\n");
}
