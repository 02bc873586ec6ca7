import { touchesOwnSetup } from "../config/paths.js";
import { InputError, type Problem } from "../errors.js";
import { applyOperations } from "../github/apply.js";
import type { ActualIssue } from "../model/actual.js";
import { labelNames } from "../model/context.js";
import { keyOf } from "../model/markers.js";
import type { CheckRun, CheckRunOperation, Operation } from "../model/operations.js";
import { plan } from "../plan/index.js";
import { curriculumPathOnDefaultBranch, loadSetupFromRepository } from "../setup/from-repository.js";
import {
  CONFIG_ERROR_KEY,
  configErrorBody,
  invalidSetupCheck,
  plannedSetupCheck,
  removedSetupCheck,
} from "../setup/reports.js";
import { type RepositoryInput, readManaged, readTrustedIssues, setupContext, trustFor } from "./reads.js";
import { type SyncResult, sync } from "./sync.js";

/** The label of syllabot's own notices, which exist before (or without) a valid config and its prefix. */
const NOTICE_LABEL = "syllabot";

export type RepositoryOutcome =
  | { status: "no-config" }
  | { status: "invalid"; problems: readonly Problem[] }
  | { status: "synced"; result: SyncResult };

/**
 * Sync a repository from the config on its default branch. A broken config changes nothing but
 * one issue that explains it (updated, never duplicated), which is closed once the config is valid.
 */
export async function syncRepository(input: RepositoryInput): Promise<RepositoryOutcome> {
  const { gateway } = input;
  let setup: Awaited<ReturnType<typeof loadSetupFromRepository>>;
  try {
    setup = await loadSetupFromRepository(gateway);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // Without a valid config the learner is unknown: only syllabot's own notice is its notice.
    const issues = await readTrustedIssues(gateway, await trustFor(gateway));
    const body = configErrorBody(
      error.problems,
      `${input.serverUrl}/${gateway.repo}/blob/HEAD`,
      error.unreported,
    );
    await applyOperations(gateway, configErrorNotice(issues, body));
    return { status: "invalid", problems: error.problems };
  }
  if (!setup) return { status: "no-config" };
  const { context, today } = setupContext(setup, input);
  const result = await sync({ gateway, context, today });
  const labelled = labelNames(setup.config.labels.prefix).managed === NOTICE_LABEL;
  const issues = labelled
    ? result.actual.issues
    : await readTrustedIssues(gateway, await trustFor(gateway, context));
  await applyOperations(gateway, configErrorResolved(issues));
  return { status: "synced", result };
}

/** The notice of a broken config: opened once, then kept up to date (and reopened) in place. */
export function configErrorNotice(issues: readonly ActualIssue[], body: string): Operation[] {
  const title = "syllabot: the configuration has errors";
  const existing = issues.find((issue) => keyOf(issue.body) === CONFIG_ERROR_KEY);
  if (!existing) {
    return [
      {
        op: "create",
        kind: "issue",
        key: CONFIG_ERROR_KEY,
        title,
        fields: { title, body, labels: [NOTICE_LABEL], milestone: null },
      },
    ];
  }
  const reopen = existing.state !== "open";
  if (existing.body === body && !reopen) return [];
  return [
    {
      op: "update",
      kind: "issue",
      key: CONFIG_ERROR_KEY,
      title: existing.title,
      number: existing.number,
      fields: { body, ...(reopen ? { state: "open" as const } : {}) },
    },
  ];
}

/** The open notice of a broken config, closed with a comment once the config is valid. */
export function configErrorResolved(issues: readonly ActualIssue[]): Operation[] {
  const open = issues.find((issue) => keyOf(issue.body) === CONFIG_ERROR_KEY && issue.state === "open");
  if (!open) return [];
  const described = { kind: "issue", key: CONFIG_ERROR_KEY, title: open.title, number: open.number } as const;
  return [
    {
      ...described,
      op: "comment",
      fields: { body: "The configuration is valid again, and syllabot has synced the repository." },
    },
    { ...described, op: "close", fields: { state: "closed", state_reason: "completed" } },
  ];
}

function checkRun(run: CheckRun): CheckRunOperation {
  return { op: "create", kind: "check-run", key: run.name, title: run.output.title, fields: run };
}

/**
 * A proposed change to the config or curriculum (a pull request's head): publish one check run
 * with the plan it would apply, or its errors at their file, line and column. Writes nothing else.
 */
export async function checkSetupChange(input: RepositoryInput & { headSha: string }): Promise<void> {
  const { gateway, headSha } = input;
  let run: CheckRun;
  try {
    const setup = await loadSetupFromRepository(gateway, headSha);
    if (!setup) run = removedSetupCheck(headSha);
    else {
      const { context, today } = setupContext(setup, input);
      const { actual } = await readManaged(gateway, context);
      run = plannedSetupCheck(headSha, plan(context, actual, today));
    }
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    run = invalidSetupCheck(headSha, error.problems, error.unreported);
  }
  await applyOperations(gateway, [checkRun(run)]);
}

/**
 * A pull request: check its setup change when it touches the config or the curriculum file the
 * config on the default branch names; otherwise nothing. Its files are read only until that is known.
 */
export async function checkPullRequest(
  input: RepositoryInput & { number: number; headSha: string },
): Promise<boolean> {
  const curriculumPath = await curriculumPathOnDefaultBranch(input.gateway);
  const touches = (paths: readonly string[]) => touchesOwnSetup(paths, curriculumPath);
  if (!touches(await input.gateway.listPullRequestFiles(input.number, touches))) return false;
  await checkSetupChange(input);
  return true;
}
