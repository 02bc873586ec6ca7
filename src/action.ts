import { resolve } from "node:path";
import * as core from "@actions/core";
import { readWorkflowEvent } from "./action/push-event.js";
import { redactWrites } from "./action/redacted-output.js";
import { writeSummary } from "./action/summary.js";
import { parsePlainDate, type Temporal } from "./calendar.js";
import type { Io } from "./commands/io.js";
import { todayOption } from "./commands/plan.js";
import { progressReporter } from "./commands/progress.js";
import { refreshLines, remindLines, trackLines } from "./commands/use-case-lines.js";
import { checkConfig, parseConfig } from "./config/load.js";
import { CONFIG_PATH } from "./config/paths.js";
import type { Config } from "./config/schema.js";
import type { Curriculum } from "./curriculum/load.js";
import { InputError, UsageError } from "./errors.js";
import { GitHubError } from "./github/errors.js";
import { createClient, DEFAULT_PACING } from "./github/octokit.js";
import { RestGateway } from "./github/rest-gateway.js";
import { GITHUB_API_URL, webUrlFor } from "./github/web-url.js";
import { planContext } from "./model/context.js";
import type { Operation } from "./model/operations.js";
import { conflictLines, formatOperations, formatPlan, summaryLine } from "./plan/format.js";
import type { Plan } from "./plan/index.js";
import { portfoliosTracking } from "./progress/portfolios.js";
import { pushEvidence, untrackedPush } from "./progress/push.js";
import { readCheckoutFile, repositoryRootOf, shownPath } from "./setup/checkout.js";
import { loadSetupFromRepository } from "./setup/from-repository.js";
import { loadCurriculumFor } from "./setup/local.js";
import { count as counted } from "./text/plural.js";
import { redactSecrets, registerSecrets } from "./text/redact.js";
import { terminalSafe } from "./text/terminal.js";
import { type RefreshResult, refresh, runUseCases, trackPush, USE_CASES } from "./use-cases/index.js";

/** What the `command` input accepts: the use cases, and `all` for every one of them. */
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
  /**
   * The `portfolio` input: run in a project repository, for this portfolio (OWNER/NAME), whose
   * config is read through the API; undefined in the portfolio itself.
   */
  portfolio?: string;
  apiUrl: string;
  serverUrl: string;
}

/**
 * The GitHub Action: inputs and the runner's environment -> use cases -> log, outputs and job summary.
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
    const inputs = readInputs(token, process.env);
    await (inputs.portfolio === undefined ? runCommand(inputs) : runProjectPush(inputs, inputs.portfolio));
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
  const portfolio = core.getInput("portfolio") || undefined;
  if (portfolio !== undefined && !/^[^/\s]+\/[^/\s]+$/.test(portfolio))
    throw new UsageError(`input "portfolio": "${portfolio}" is not a repository (OWNER/NAME)`);
  if (portfolio !== undefined && command !== "track")
    throw new UsageError(
      `input "portfolio" is for command track in a project repository (a push there closes the weeks it finishes in ${portfolio}); "${command}" runs in the portfolio repository itself, without it`,
    );
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
    ...(portfolio === undefined ? {} : { portfolio }),
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
  const client = clientOf(inputs);
  const progress = progressReporter(logIo);
  const { dryRun } = inputs;
  const result = await runUseCases({
    gateway: new RestGateway(client, inputs.repo),
    context: planContext(config, curriculum, inputs.serverUrl),
    gatewayFor: (repo: string) => new RestGateway(client, repo),
    today: inputs.today ?? todayOption(undefined, config.timezone),
    ...(inputs.command === "all" ? {} : { only: [inputs.command] }),
    dryRun,
    events: {
      onPlanned: (planned) => {
        info(`syllabot ${inputs.command}: ${curriculum.id} for @${config.learner} in ${inputs.repo}`);
        core.startGroup(summaryLine(planned.summary));
        core.info(formatPlan(planned.operations, planned.summary));
        core.endGroup();
        for (const line of conflictLines(planned.subIssueConflicts)) core.warning(line.trim());
        if (!dryRun && planned.operations.length > 0)
          info(`Applying ${counted(planned.operations.length, "operation")}:`);
      },
      onApplied: progress.applied,
    },
  });
  const { sync: synced, track: tracked, refresh: refreshed, remind: reminded } = result;
  if (synced) {
    if (dryRun) info("Dry run: nothing was written.");
    else if (synced.applied && synced.applied.length > 0)
      info(`Done: ${counted(synced.applied.length, "operation")} applied to ${inputs.repo}.`);
  }
  if (tracked) logUseCase("track", tracked.operations, trackLines(tracked, dryRun), dryRun);
  if (refreshed)
    logUseCase("refresh", [refreshed.operation], refreshLines(refreshed, config.readme, dryRun), dryRun);
  if (reminded) logUseCase("remind", reminded.operations, remindLines(reminded, dryRun), dryRun);

  const plan = synced?.plan;
  // On a dry run the outputs count what would be done.
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
  await writeSummary(`syllabot ${inputs.command}: ${inputs.repo}`, result, { dryRun, readme: config.readme });
}

function clientOf(inputs: ActionInputs) {
  return createClient({
    token: inputs.token,
    baseUrl: inputs.apiUrl,
    pacing: { writeIntervalMs: inputs.paceMs },
    onWait: (message) => info(`syllabot: ${message}`),
    onWarn: (message) => core.warning(terminalSafe(message)),
  });
}

/**
 * `track` in a project repository, on a push: the app's push path (the same use case with the
 * push's commits, then the README refresh it schedules), run within this job for one portfolio
 * whose config is read through the API. A push that tracks nothing is a notice, not a failure.
 */
async function runProjectPush(inputs: ActionInputs, portfolioRepo: string): Promise<void> {
  const event = readWorkflowEvent(process.env);
  if (!("push" in event)) {
    notice(
      `the ${event.name} event tracks nothing: with input "portfolio", syllabot tracks pushes to the default branch (a merged pull request arrives as one); ${portfolioRepo}'s own workflow counts merged open-source pull requests`,
    );
    return;
  }
  const { push } = event;
  const pushedRepo = push.repository.full_name;
  const skipped = untrackedPush(push);
  if (skipped !== undefined) {
    notice(`${skipped}: nothing to track in ${portfolioRepo}`);
    return;
  }
  const client = clientOf(inputs);
  const gatewayFor = (repo: string) => new RestGateway(client, repo);
  const gateway = gatewayFor(portfolioRepo);
  const setup = await loadSetupFromRepository(gateway).catch((error: unknown) => {
    // Its positions name the file, not the repository: this job runs in another one.
    if (error instanceof InputError) throw new UsageError(`in ${portfolioRepo}, ${error.message}`);
    throw error;
  });
  if (!setup)
    throw new UsageError(
      `input "portfolio": ${portfolioRepo} has no ${CONFIG_PATH} on its default branch (or the token cannot read it)`,
    );
  const portfolio = { repo: portfolioRepo, ...setup };
  if (portfoliosTracking([portfolio], pushedRepo).length === 0) {
    notice(
      `${pushedRepo} is not a project, DSA or work repository in ${portfolioRepo}'s ${CONFIG_PATH}: nothing to track`,
    );
    return;
  }
  const { config, curriculum } = setup;
  const { dryRun } = inputs;
  info(
    `syllabot track: ${curriculum.id} for @${config.learner} in ${portfolioRepo}, on a push to ${pushedRepo}`,
  );
  const [tracked] = await trackPush({
    portfolios: async () => [portfolio],
    pushedRepo,
    commits: pushEvidence(pushedRepo, push.commits),
    gatewayFor,
    serverUrl: inputs.serverUrl,
    ...(dryRun ? { dryRun: true } : {}),
  });
  let refreshed: RefreshResult | undefined;
  if (tracked) {
    logUseCase("track", tracked.operations, trackLines(tracked, dryRun), dryRun);
    refreshed = await refresh({
      gateway,
      context: planContext(config, curriculum, inputs.serverUrl),
      today: inputs.today ?? todayOption(undefined, config.timezone),
      ...(dryRun ? { dryRun: true } : {}),
    });
    logUseCase("refresh", [refreshed.operation], refreshLines(refreshed, config.readme, dryRun), dryRun);
  } else {
    info(`No commit of the push to ${pushedRepo} claims a week or a project: nothing to do.`);
  }
  core.setOutput("created", 0);
  core.setOutput("updated", 0);
  core.setOutput("closed", tracked ? tracked.closed.length : 0);
  core.setOutput("operations", tracked ? tracked.closed.length + tracked.annotated.length : 0);
  core.setOutput("refreshed", refreshed?.commit?.sha ?? "");
  core.setOutput("reminders", 0);
  await writeSummary(
    `syllabot track: ${portfolioRepo}, on a push to ${pushedRepo}`,
    { ...(tracked ? { track: tracked } : {}), ...(refreshed ? { refresh: refreshed } : {}) },
    { dryRun, readme: config.readme },
  );
}

function notice(line: string): void {
  core.notice(terminalSafe(`syllabot: ${line}`));
}

/** A use case's lines in the log; on a dry run, its plan first, in a group. */
function logUseCase(
  name: string,
  operations: readonly Operation[],
  lines: readonly string[],
  dryRun: boolean,
) {
  if (dryRun) {
    core.startGroup(`Dry run: ${name} plans ${counted(operations.length, "operation")}`);
    for (const line of formatOperations(operations)) core.info(line);
    core.endGroup();
  }
  for (const line of lines) info(dryRun ? `Dry run: ${line}` : line);
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
