import { CONFIG_PATH } from "../config/paths.js";
import { formatProblem, type Problem } from "../errors.js";
import type { CheckAnnotation, CheckRun } from "../github/gateway.js";
import { summaryLine } from "../plan/format.js";
import type { Plan } from "../plan/index.js";
import {
  ANNOTATIONS_PER_REQUEST,
  fitLine,
  fitMiddle,
  fitText,
  GITHUB_LIMITS,
} from "../text/github-limits.js";
import { escapeMarkdownInline, inlineCode } from "../text/markdown.js";

export const CHECK_NAME = "syllabot";
export const CONFIG_ERROR_KEY = "config-error";

/**
 * Problems shown in one report (a check run's annotations and summary, the config-error issue):
 * one check-run request's worth. A file with thousands of problems is fixed from the first ones,
 * and a stranger's pull request cannot make syllabot send thousands of requests.
 */
export const PROBLEMS_SHOWN = ANNOTATIONS_PER_REQUEST;
/** A problem's message may quote the bad value: it is cut to what a reader needs. */
export const MAX_PROBLEM_CHARACTERS = 1000;

/** A problem as reported: its message and field path cut to a sane length. */
function shown(problem: Problem): Problem {
  return {
    ...problem,
    message: fitLine(problem.message, MAX_PROBLEM_CHARACTERS),
    ...(problem.path ? { path: fitLine(problem.path, GITHUB_LIMITS.annotationTitle.max) } : {}),
  };
}

/** The line that says how many problems the report leaves out, or nothing. */
function moreProblems(problems: readonly Problem[], unreported: number): string[] {
  const more = problems.length - PROBLEMS_SHOWN + unreported;
  if (more <= 0) return [];
  return [`…and ${more === 1 ? "1 more problem" : `${more} more problems`}: fix these first.`];
}

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

/** `unreported`: problems the loader counted but stopped keeping (InputError.unreported). */
export function invalidSetupCheck(headSha: string, problems: readonly Problem[], unreported = 0): CheckRun {
  const total = problems.length + unreported;
  const count = total === 1 ? "1 error" : `${total} errors`;
  const first = problems.slice(0, PROBLEMS_SHOWN).map(shown);
  const summary = fitMiddle(
    "syllabot cannot use this configuration; nothing would be synced until it is fixed.\n\n",
    first.map((problem) => `- ${escapeMarkdownInline(formatProblem(problem))}`).join("\n"),
    moreProblems(problems, unreported)
      .map((line) => `\n${line}`)
      .join(""),
    GITHUB_LIMITS.checkRunSummary,
  );
  return {
    name: CHECK_NAME,
    head_sha: headSha,
    conclusion: "failure",
    output: {
      title: `${count} in the syllabot configuration`,
      summary,
      annotations: first.map(annotation),
    },
  };
}

export function plannedSetupCheck(headSha: string, plan: Plan): CheckRun {
  const rows = plan.operations.map(
    (operation) =>
      `| ${operation.op} | ${operation.kind} | ${inlineCode(operation.key)} | ${escapeMarkdownInline(operation.title)} | ${Object.keys(operation.fields).join(", ")}${operation.reason ? ` (${escapeMarkdownInline(operation.reason)})` : ""} |`,
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
      title: fitLine(summaryLine(plan.summary), GITHUB_LIMITS.checkRunTitle.max),
      summary: fitText(
        `Once merged, syllabot will apply this plan to the repository.\n\n${summaryLine(plan.summary)}`,
        GITHUB_LIMITS.checkRunSummary,
      ),
      ...(table ? { text: fitText(table, GITHUB_LIMITS.checkRunText) } : {}),
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
export function configErrorBody(problems: readonly Problem[], blobUrl: string, unreported = 0): string {
  const lines = problems
    .slice(0, PROBLEMS_SHOWN)
    .map(shown)
    .map((problem) => {
      const link =
        problem.line === undefined
          ? `${blobUrl}/${problem.file}`
          : `${blobUrl}/${problem.file}#L${problem.line}`;
      return `- [${escapeMarkdownInline(`${problem.file}:${problem.line ?? 1}:${problem.column ?? 1}`)}](${link}) ${escapeMarkdownInline(`${problem.path ? `${problem.path}: ` : ""}${problem.message}`)}`;
    });
  return fitMiddle(
    `<!-- syllabot:key=${CONFIG_ERROR_KEY} -->\nsyllabot cannot read its configuration on the default branch, so it has changed nothing. Fix these and push; this issue closes itself when the configuration is valid.\n\n`,
    lines.join("\n"),
    `${moreProblems(problems, unreported)
      .map((line) => `\n${line}`)
      .join("")}\n`,
    GITHUB_LIMITS.issueBody,
  );
}
