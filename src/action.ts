import { resolve } from "node:path";
import * as core from "@actions/core";
import { redactWrites } from "./action/redacted-output.js";
import { parsePlainDate, type Temporal } from "./calendar.js";
import type { Io } from "./commands/io.js";
import { todayOption } from "./commands/plan.js";
import { progressReporter } from "./commands/progress.js";
import { checkConfig, parseConfig } from "./config/load.js";
import { CONFIG_PATH } from "./config/paths.js";
import type { Config } from "./config/schema.js";
import type { Curriculum } from "./curriculum/load.js";
import {
  type RefreshResult,
  type RemindResult,
  refreshWithActivity,
  remind,
  type SyncInput,
  sync,
  type TrackResult,
  trackHistory,
  USE_CASES,
} from "./engine.js";
import { InputError, UsageError } from "./errors.js";
import { GitHubError } from "./github/errors.js";
import { createClient, DEFAULT_PACING } from "./github/octokit.js";
import { RestGateway } from "./github/rest-gateway.js";
import { GITHUB_API_URL, webUrlFor } from "./github/web-url.js";
import { planContext } from "./model/context.js";
import { formatPlan, summaryLine } from "./plan/format.js";
import type { Plan } from "./plan/index.js";
import type { Operation } from "./plan/operations.js";
import { paceDone, paceFinish, paceStanding } from "./render/pace-text.js";
import { readCheckoutFile, repositoryRootOf, shownPath } from "./setup/checkout.js";
import { loadCurriculumFor } from "./setup/local.js";
import { count as counted } from "./text/plural.js";
import { redactSecrets, registerSecrets } from "./text/redact.js";
import { terminalSafe } from "./text/terminal.js";

/** What the `command` input accepts: the engine's use cases, and `all` for every one of them. */
export const COMMANDS = [...USE_CASES, "all"] as const;
export type ActionCommand = (typeof COMMANDS)[number];

export interface ActionInputs {
  token: string;
  command: ActionCommand;
  /** The checkout: GITHUB_WORKSPACE, else the working directory. Nothing outside it is read. */
  workspace: string;
  /** The `config` input as given. */
  configInput: string;
  /** Relative to the working directory (the checkout) when inside it, else absolute. */
  configPath: string;
  dryRun: boolean;
  paceMs: number;
  /** The learner's date to act on; by default today in the config's time zone. */
  today?: Temporal.PlainDate;
  repo: string;
  apiUrl: string;
  serverUrl: string;
}

/**
 * The GitHub Action: inputs and the runner's environment -> engine -> log, outputs and job summary.
 * Never throws: a failure is one `core.setFailed` line, and exit code 1.
 */
export async function run(): Promise<void> {
  // Masked before anything else, so that no later line can show it.
  const token = core.getInput("token");
  if (token) core.setSecret(token);
  // The runner masks the token in the log, but not in what it echoes in other shapes, nor outside a
  // runner: from here on, no credential is written at all (the mask command above had to name it).
  registerSecrets(token);
  redactWrites(process.stdout);
  redactWrites(process.stderr);
  try {
    await runCommand(readInputs(token, process.env));
  } catch (error) {
    // An unexpected error's stack goes to the debug log, which GitHub shows only when asked to.
    if (!isExpected(error) && error instanceof Error && error.stack)
      core.debug(terminalSafe(error.stack, { multiline: true }));
    core.setFailed(terminalSafe(failureMessage(error), { multiline: true }));
  }
}

function readInputs(token: string, env: NodeJS.ProcessEnv): ActionInputs {
  if (!token)
    throw new UsageError(
      'input "token" is empty: give a token that can write issues in the repository (the default is the workflow\'s GITHUB_TOKEN)',
    );
  const command = core.getInput("command") || "sync";
  if (!isCommand(command))
    throw new UsageError(
      `input "command": "${command}" is not supported by this version of syllabot (it supports ${COMMANDS.join(", ")})`,
    );
  const repo = env.GITHUB_REPOSITORY ?? "";
  if (!/^[^/\s]+\/[^/\s]+$/.test(repo))
    throw new UsageError(
      `GITHUB_REPOSITORY "${repo}" is not a repository (OWNER/NAME): run syllabot in a workflow`,
    );
  const pace = core.getInput("pace-ms") || String(DEFAULT_PACING.writeIntervalMs);
  const paceMs = Number(pace);
  if (!/^\d+$/.test(pace) || !Number.isSafeInteger(paceMs))
    throw new UsageError(`input "pace-ms": "${pace}" is not a whole number of milliseconds`);
  const todayInput = core.getInput("today");
  const today = todayInput ? parsePlainDate(todayInput) : undefined;
  if (todayInput && !today) throw new UsageError(`input "today": "${todayInput}" is not a date (YYYY-MM-DD)`);
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd());
  const configInput = core.getInput("config") || CONFIG_PATH;
  const apiUrl = env.GITHUB_API_URL || GITHUB_API_URL;
  return {
    token,
    command,
    workspace,
    configInput,
    configPath: workspacePath(configInput, workspace),
    dryRun: booleanInput("dry-run"),
    paceMs,
    today,
    repo,
    apiUrl,
    // The runner sets both; the CLI and the app take links from the same rule, so that their runs
    // on this repository write the same bytes as this one.
    serverUrl: webUrlFor(
      { apiUrl, serverUrl: env.GITHUB_SERVER_URL || undefined },
      { apiUrl: "GITHUB_API_URL", serverUrl: "GITHUB_SERVER_URL" },
    ),
  };
}

/**
 * The config and curriculum of the checkout. Both are read only as regular files inside the
 * workspace, never through a symbolic link: a commit can link them to `.git/config` (the job's
 * credential) or to anything else on the runner, and a refused file is not read at all.
 */
function loadWorkspaceSetup(inputs: ActionInputs): { config: Config; curriculum: Curriculum } {
  const read = readCheckoutFile(inputs.workspace, inputs.configPath, {
    file: inputs.configPath,
    rootName: "the workspace",
  });
  if ("refused" in read) {
    throw new UsageError(
      `input "config": ${JSON.stringify(inputs.configInput)} ${read.refused}: give the path of a file of the checked-out repository, e.g. ${CONFIG_PATH}`,
    );
  }
  const loaded = parseConfig(read.text, inputs.configPath);
  const curriculum = loadCurriculumFor(
    loaded,
    undefined,
    repositoryRootOf(inputs.configPath, inputs.workspace),
  );
  return { config: checkConfig(loaded, curriculum), curriculum };
}

async function runCommand(inputs: ActionInputs): Promise<void> {
  const { config, curriculum } = loadWorkspaceSetup(inputs);
  const client = createClient({
    token: inputs.token,
    baseUrl: inputs.apiUrl,
    pacing: { writeIntervalMs: inputs.paceMs },
    onWait: (message) => info(`syllabot: ${message}`),
    onWarn: (message) => core.warning(terminalSafe(message)),
  });
  const progress = progressReporter(logIo);
  const gateway = new RestGateway(client, inputs.repo);
  const context = planContext(config, curriculum, inputs.serverUrl);
  const today = inputs.today ?? todayOption(undefined, config.timezone);
  const gatewayFor = (repo: string) => new RestGateway(client, repo);
  const runs = (useCase: (typeof USE_CASES)[number]) =>
    inputs.command === useCase || inputs.command === "all";
  let plan: Plan | undefined;
  if (runs("sync")) {
    const input: SyncInput = {
      gateway,
      context,
      today,
      dryRun: inputs.dryRun,
      events: {
        onPlanned: (planned) => {
          info(`syllabot ${inputs.command}: ${curriculum.id} for @${config.learner} in ${inputs.repo}`);
          core.startGroup(summaryLine(planned.summary));
          core.info(formatPlan(planned.operations, planned.summary));
          core.endGroup();
          if (!inputs.dryRun && planned.operations.length > 0)
            info(`Applying ${counted(planned.operations.length, "operation")}:`);
        },
        onApplied: progress.applied,
      },
    };
    const result = await sync(input);
    plan = result.plan;
    if (inputs.dryRun) info("Dry run: nothing was written.");
    else if (result.applied && result.applied.length > 0)
      info(`Done: ${counted(result.applied.length, "operation")} applied to ${inputs.repo}.`);
  }
  let tracked: TrackResult | undefined;
  if (runs("track")) {
    if (inputs.dryRun) info("Dry run: commits were not tracked (tracking closes issues).");
    else {
      // With `all`, the ledger is written with the README, in one commit.
      tracked = await trackHistory({ gateway, context, gatewayFor, deferLedger: inputs.command === "all" });
      for (const entry of tracked.closed)
        info(`closed ${entry.key} #${entry.number} (commit ${entry.sha.slice(0, 7)})`);
      for (const entry of tracked.rejected)
        info(`ignored in ${entry.sha.slice(0, 7)}: ${entry.text}: ${entry.reason}`);
      for (const repo of tracked.unreadable ?? []) {
        info(
          `not tracked: ${repo} does not exist yet, or the token cannot see it (a private repository needs an app token)`,
        );
      }
    }
  }

  let refreshed: RefreshResult | undefined;
  if (runs("refresh")) {
    if (inputs.dryRun) info("Dry run: the README was not refreshed.");
    else {
      refreshed = await refreshWithActivity({ gateway, context, gatewayFor, today }, tracked?.ledgerUpdate);
      const { pace } = refreshed.report;
      info(
        refreshed.commit
          ? `Refreshed ${config.readme}, its pictures and the ledger (commit ${refreshed.commit.sha.slice(0, 7)}).`
          : `${config.readme} is up to date: no commit.`,
      );
      info(
        `Pace: ${paceDone(pace, refreshed.report.totalWeeks)}, ${paceStanding(pace)} (${pace.expected} expected); ${paceFinish(pace)}.`,
      );
    }
  }

  let reminded: RemindResult | undefined;
  if (runs("remind")) {
    if (inputs.dryRun) info("Dry run: no reminder was sent.");
    else {
      reminded = await remind({
        gateway,
        context,
        gatewayFor,
        today,
        ...(refreshed ? { ledger: refreshed.ledger } : {}),
      });
      for (const sent of reminded.sent) {
        info(
          `reminded: phase ${sent.phase} (${sent.threshold}) ${sent.kind === "issue" ? "in new issue" : "on issue"} #${sent.number}`,
        );
      }
      for (const closed of reminded.closed)
        info(`closed reminder #${closed.number}: phase ${closed.phase}'s bar is met`);
      if (reminded.sent.length + reminded.closed.length === 0) info("No reminder due today.");
    }
  }

  const closedByTracking = tracked ? tracked.closed.length : 0;
  core.setOutput("created", plan ? count(plan, "create") : 0);
  core.setOutput("updated", plan ? count(plan, "update") : 0);
  core.setOutput("closed", (plan ? count(plan, "close") : 0) + closedByTracking);
  core.setOutput(
    "operations",
    (plan ? plan.summary.total : 0) + closedByTracking + (tracked?.annotated.length ?? 0),
  );
  core.setOutput("refreshed", refreshed?.commit?.sha ?? "");
  core.setOutput("reminders", reminded ? reminded.sent.length : 0);
  await writeSummary(
    `syllabot ${inputs.command}: ${inputs.repo}`,
    plan,
    tracked,
    inputs.dryRun,
    refreshed,
    reminded,
  );
}

/**
 * One line of the log. Data in it (titles, commit messages, GitHub's answers) loses its control
 * characters: a line break would also let it start a line with `::`, a workflow command.
 */
function info(line: string): void {
  core.info(terminalSafe(line));
}

/** One written line per applied operation, as the CLI prints them (formatted terminal-safe). */
const logIo: Io = {
  stdout: (text) => core.info(text.replace(/\n$/, "")),
  stderr: (text) => process.stderr.write(text),
  color: false,
  env: {},
};

function count(plan: Plan, op: "create" | "update" | "close"): number {
  const byKind = plan.summary[op];
  return byKind.label + byKind.milestone + byKind.issue;
}

/** The job summary: a heading, the plan's summary line and its operations as a table, and what tracking closed. */
async function writeSummary(
  heading: string,
  plan: Plan | undefined,
  tracked: TrackResult | undefined,
  dryRun: boolean,
  refreshed?: RefreshResult,
  reminded?: RemindResult,
): Promise<void> {
  // Outside a runner (a local run of dist/index.js) there is no summary file to write.
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const note = dryRun ? " Dry run: nothing was written." : "";
  core.summary.addHeading(escapeHtml(heading), 2);
  if (plan) {
    core.summary.addRaw(escapeHtml(summaryLine(plan.summary) + note), true);
    if (plan.operations.length > 0) core.summary.addEOL().addTable(summaryTable(plan.operations));
  }
  if (tracked) {
    const closed = counted(tracked.closed.length, "issue");
    core.summary.addRaw(escapeHtml(`Tracking closed ${closed} finished by commits.`), true);
    if (tracked.closed.length > 0) {
      core.summary.addTable([
        ["issue", "number", "commit"].map((data) => ({ data, header: true })),
        ...tracked.closed.map((entry) =>
          [entry.key, `#${entry.number}`, entry.sha.slice(0, 7)].map(escapeHtml),
        ),
      ]);
    }
  }
  if (refreshed) {
    const { report } = refreshed;
    core.summary.addRaw(
      escapeHtml(
        `Progress: ${paceDone(report.pace, report.totalWeeks)}, ${paceStanding(report.pace)} (${report.pace.expected} expected by ${report.today}); ${refreshed.commit ? "README refreshed." : "README already up to date."}`,
      ),
      true,
    );
    if (report.bars.length > 0) {
      core.summary.addTable([
        ["phase", "open-source bar", "status", "due"].map((data) => ({ data, header: true })),
        ...report.bars.map((bar) => [String(bar.phase), bar.minimum, bar.state, bar.due].map(escapeHtml)),
      ]);
    }
  }
  if (reminded && reminded.sent.length + reminded.closed.length > 0) {
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
  // The summary is a file the runner renders; it is not masked.
  const summary = core.summary.stringify();
  await core.summary.emptyBuffer().addRaw(redactSecrets(summary)).write();
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
  const fields = `${Object.keys(operation.fields).join(", ")}${operation.reason ? ` (${operation.reason})` : ""}`;
  return operation.number === undefined ? fields : `#${operation.number}: ${fields}`;
}

/** The failure as the CLI words it, without a stack trace. */
export function failureMessage(error: unknown): string {
  if (isExpected(error)) return redactSecrets(`syllabot: ${error.message}`);
  return redactSecrets(
    `syllabot: unexpected error: ${error instanceof Error ? error.message : String(error)}`,
  );
}

/** Bad input, a wrong invocation or a refused request: the message says it all. */
function isExpected(error: unknown): error is InputError | GitHubError | UsageError {
  return error instanceof InputError || error instanceof GitHubError || error instanceof UsageError;
}

function isCommand(value: string): value is ActionCommand {
  return (COMMANDS as readonly string[]).includes(value);
}

/** Inputs are strings; a boolean is true or false (as YAML 1.2 writes them), or empty for false. */
function booleanInput(name: string): boolean {
  const value = core.getInput(name);
  if (value === "") return false;
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw new UsageError(`input "${name}": "${value}" is neither true nor false`);
}

/** A path given relative to the checkout; shown relative to the working directory when inside it. */
function workspacePath(path: string, workspace: string): string {
  return shownPath(resolve(workspace, path));
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Text in the summary's HTML: curriculum titles are the learner's data, never markup (nor controls). */
function escapeHtml(text: string): string {
  return terminalSafe(text).replace(/[&<>"]/g, (char) => ENTITIES[char] ?? char);
}
