import pc from "picocolors";
import { UsageError } from "../errors.js";
import { createClient, DEFAULT_PACING } from "../github/octokit.js";
import { RestGateway } from "../github/rest-gateway.js";
import { planContext } from "../model/context.js";
import { conflictLines, formatPlan } from "../plan/format.js";
import { loadSetup } from "../setup/local.js";
import { count } from "../text/plural.js";
import { terminalSafe } from "../text/terminal.js";
import { sync } from "../use-cases/index.js";
import type { Io } from "./io.js";
import { planJson, todayOption } from "./plan.js";
import { progressReporter } from "./progress.js";
import { apiUrlOption, serverUrlOption } from "./server-url.js";

export interface ApplyOptions {
  repo: string;
  config: string;
  curriculum?: string;
  today?: string;
  apiUrl?: string;
  serverUrl?: string;
  dryRun?: boolean;
  json?: boolean;
  pace?: string;
}

/** What every command that talks to GitHub needs: a checked repository, the token, the setup, a client. */
export function connect(
  options: Pick<ApplyOptions, "repo" | "config" | "curriculum" | "apiUrl" | "serverUrl" | "pace">,
  io: Io,
) {
  if (!/^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/.test(options.repo)) {
    throw new UsageError(`--repo "${options.repo}" is not a repository (OWNER/NAME)`);
  }
  const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN;
  if (!token)
    throw new UsageError("set GITHUB_TOKEN (or GH_TOKEN) to a token that can write issues in the repository");
  const pace = options.pace === undefined ? DEFAULT_PACING.writeIntervalMs : Number(options.pace);
  if (!Number.isInteger(pace) || pace < 0)
    throw new UsageError(`--pace "${options.pace}" is not a whole number of milliseconds`);

  const apiUrl = apiUrlOption(options, io.env);
  const serverUrl = serverUrlOption(options, io.env);
  const { config, curriculum } = loadSetup(options.config, options.curriculum);
  const context = planContext(config, curriculum, serverUrl);
  const client = createClient({
    token,
    baseUrl: apiUrl,
    pacing: { writeIntervalMs: pace },
    onWait: (message) => io.stderr(`syllabot: ${terminalSafe(message)}\n`),
    onWarn: (message) => io.stderr(`syllabot: warning: ${terminalSafe(message)}\n`),
  });
  return {
    config,
    curriculum,
    context,
    gateway: new RestGateway(client, options.repo),
    gatewayFor: (repo: string) => new RestGateway(client, repo),
  };
}

export async function runApply(options: ApplyOptions, io: Io): Promise<void> {
  const { config, curriculum, context, gateway } = connect(options, io);
  const progress = progressReporter(io);
  const result = await sync({
    gateway,
    context,
    today: todayOption(options.today, config.timezone),
    dryRun: options.dryRun ?? false,
    events: {
      onPlanned: (planned) => {
        if (options.json) return;
        io.stdout(`syllabot apply: ${curriculum.id} for @${config.learner} in ${options.repo}\n\n`);
        io.stdout(`${formatPlan(planned.operations, planned.summary, pc.createColors(io.color))}\n`);
        for (const line of conflictLines(planned.subIssueConflicts)) io.stdout(`${line}\n`);
        if (!options.dryRun && planned.operations.length > 0)
          io.stdout(`\nApplying ${count(planned.operations.length, "operation")}:\n`);
      },
      onApplied: options.json ? undefined : progress.applied,
    },
  });
  progress.done();
  if (options.json) {
    io.stdout(planJson(result.plan));
    return;
  }
  if (options.dryRun) io.stdout("\nDry run: nothing was written.\n");
  else if (result.applied && result.applied.length > 0)
    io.stdout(`\nDone: ${count(result.applied.length, "operation")} applied to ${options.repo}.\n`);
}
