import { formatProblem, type Problem } from "../errors.js";
import type { CheckAnnotation, CheckRun } from "../github/gateway.js";
import { summaryLine } from "../plan/format.js";
import type { Plan } from "../plan/index.js";
import { escapeMarkdownInline, inlineCode } from "../text/markdown.js";
import { CONFIG_PATH } from "./paths.js";

export const CHECK_NAME = "syllabot";
export const CONFIG_ERROR_KEY = "config-error";

/** A config problem as a check-run annotation on its file, line and column. */
function annotation(problem: Problem): CheckAnnotation {
  const line = problem.line ?? 1;
  return {
    path: problem.file,
    start_line: line,
    end_line: line,
    ...(problem.column === undefined ? {} : { start_column: problem.column, end_column: problem.column }),
    annotation_level: "failure",
    ...(problem.path ? { title: problem.path } : {}),
    message: problem.message,
  };
}

export function invalidSetupCheck(headSha: string, problems: readonly Problem[]): CheckRun {
  const count = problems.length === 1 ? "1 error" : `${problems.length} errors`;
  return {
    name: CHECK_NAME,
    head_sha: headSha,
    conclusion: "failure",
    output: {
      title: `${count} in the syllabot configuration`,
      summary: `syllabot cannot use this configuration; nothing would be synced until it is fixed.\n\n${problems
        .map((problem) => `- ${escapeMarkdownInline(formatProblem(problem))}`)
        .join("\n")}`,
      annotations: problems.map(annotation),
    },
  };
}

export function plannedSetupCheck(headSha: string, plan: Plan): CheckRun {
  const rows = plan.operations.map(
    (operation) =>
      `| ${operation.op} | ${operation.kind} | ${inlineCode(operation.key)} | ${escapeMarkdownInline(operation.title)} | ${Object.keys(operation.fields).join(", ")} |`,
  );
  const table =
    rows.length === 0
      ? ""
      : ["| op | kind | key | title | fields |", "| --- | --- | --- | --- | --- |", ...rows].join("\n");
  return {
    name: CHECK_NAME,
    head_sha: headSha,
    conclusion: "success",
    output: {
      title: summaryLine(plan.summary),
      summary: `Once merged, syllabot will apply this plan to the repository.\n\n${summaryLine(plan.summary)}`,
      ...(table ? { text: table } : {}),
      annotations: [],
    },
  };
}

export function removedSetupCheck(headSha: string): CheckRun {
  return {
    name: CHECK_NAME,
    head_sha: headSha,
    conclusion: "neutral",
    output: {
      title: `No ${CONFIG_PATH}`,
      summary: `This change removes ${inlineCode(CONFIG_PATH)}: once merged, syllabot stops syncing this repository. Nothing it made is deleted.`,
      annotations: [],
    },
  };
}

/** The body of the one issue that tells the learner why syllabot stopped: every problem, linked to its line. */
export function configErrorBody(problems: readonly Problem[], blobUrl: string): string {
  const lines = problems.map((problem) => {
    const link =
      problem.line === undefined
        ? `${blobUrl}/${problem.file}`
        : `${blobUrl}/${problem.file}#L${problem.line}`;
    return `- [${escapeMarkdownInline(`${problem.file}:${problem.line ?? 1}:${problem.column ?? 1}`)}](${link}) ${escapeMarkdownInline(`${problem.path ? `${problem.path}: ` : ""}${problem.message}`)}`;
  });
  return [
    `<!-- syllabot:key=${CONFIG_ERROR_KEY} -->`,
    "syllabot cannot read its configuration on the default branch, so it has changed nothing. Fix these and push; this issue closes itself when the configuration is valid.",
    "",
    ...lines,
    "",
  ].join("\n");
}
