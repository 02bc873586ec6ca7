import pc from "picocolors";
import { localDate, parsePlainDate, Temporal } from "../calendar.js";
import { UsageError } from "../errors.js";
import { EMPTY_SNAPSHOT, type Snapshot, snapshotSchema } from "../model/actual.js";
import { planContext } from "../model/context.js";
import { formatPlan } from "../plan/format.js";
import { type Plan, plan } from "../plan/index.js";
import { loadSetup, readSource } from "../setup/local.js";
import { terminalSafe, terminalSafeJson } from "../text/terminal.js";
import { parseYamlSource } from "../yaml/source.js";
import { validateSource } from "../yaml/validate.js";
import type { Io } from "./io.js";
import { serverUrlOption } from "./server-url.js";

/** A snapshot is GitHub's data, as large as the repository: thousands of issues, each a mapping. */
const SNAPSHOT_LIMITS = {
  maxBytes: 64 * 1024 * 1024,
  maxTokens: Number.POSITIVE_INFINITY,
  maxCollectionItems: Number.POSITIVE_INFINITY,
};

export interface PlanOptions {
  config: string;
  curriculum?: string;
  today?: string;
  actual?: string;
  serverUrl?: string;
  json?: boolean;
}

export function runPlan(options: PlanOptions, io: Io): void {
  // The links apply would write: no --api-url here, but the environment's API and server count.
  const serverUrl = serverUrlOption({ serverUrl: options.serverUrl }, io.env);
  const { config, curriculum } = loadSetup(options.config, options.curriculum);
  const context = planContext(config, curriculum, serverUrl);
  const snapshot = options.actual ? loadSnapshot(options.actual) : EMPTY_SNAPSHOT;
  const date = todayOption(options.today, config.timezone);
  const result = plan(context, snapshot, date);
  if (options.json) {
    io.stdout(planJson(result));
    return;
  }
  const target = options.actual ? `against ${options.actual}` : "against an empty repository";
  io.stdout(
    `${terminalSafe(`syllabot plan: ${curriculum.title} (${curriculum.id}) for @${config.learner}, ${target}`)}\n` +
      `start ${config.start} in ${config.timezone}, today ${date}, installed ${result.installedOn}, backfill ${config.backfill}\n\n` +
      `${formatPlan(result.operations, result.summary, pc.createColors(io.color))}\n`,
  );
}

/** The documented, stable JSON form of a plan. */
export function planJson(result: Plan): string {
  return `${terminalSafeJson({ operations: result.operations, summary: result.summary })}\n`;
}

/** `--today` as a date, or today in the learner's zone. */
export function todayOption(value: string | undefined, timeZone: string): Temporal.PlainDate {
  if (value === undefined) return localDate(Temporal.Now.instant(), timeZone);
  const parsed = parsePlainDate(value);
  if (!parsed) throw new UsageError(`--today "${value}" is not a date (YYYY-MM-DD)`);
  return parsed;
}

function loadSnapshot(path: string): Snapshot {
  return validateSource(snapshotSchema, parseYamlSource(readSource(path), path, SNAPSHOT_LIMITS));
}
