/**
 * `syllabot import`'s core: a plan document (Markdown or plain text) to a curriculum YAML draft and
 * a report. Pure and deterministic: lines → logical lines → recognised blocks → draft → YAML; the
 * draft is then checked as `syllabot validate` checks it, and what fails is an error finding.
 */
import { parseCurriculum } from "../curriculum/load.js";
import { InputError } from "../errors.js";
import { build } from "./build.js";
import { definedNames, restoreCode, vocabulary } from "./code.js";
import { logicalLines } from "./lines.js";
import { type Finding, recognise } from "./recognise.js";
import { renderYaml } from "./render.js";

export type { Finding, Severity } from "./recognise.js";

export interface ImportResult {
  yaml: string;
  findings: Finding[];
  /** Whether the draft passes `syllabot validate` as it stands. */
  valid: boolean;
  /** What was recognised, counted. */
  counts: { phases: number; weeks: number; projects: number; tracks: number };
}

/** Texts longer than this are refused: a plan is pages, not megabytes, and the work is linear in it. */
export const MAX_IMPORT_CHARS = 1_000_000;
/** Code names (table cells, "name — …" heads) used to restore inline code: a plan defines tens. */
export const MAX_NAMES = 300;

export function importPlan(text: string, source = "plan"): ImportResult {
  if (text.length > MAX_IMPORT_CHARS) {
    return {
      yaml: "",
      findings: [
        {
          line: 0,
          severity: "error",
          message: `the document has ${text.length} characters: at most ${MAX_IMPORT_CHARS} are read`,
        },
      ],
      valid: false,
      counts: { phases: 0, weeks: 0, projects: 0, tracks: 0 },
    };
  }
  const defined = [...definedNames(text)];
  // Each name is looked for in every word: a bound keeps a document of many table cells linear.
  const names = new Set(defined.slice(0, MAX_NAMES));
  const words = vocabulary(text);
  const findings: Finding[] = [];
  if (defined.length > MAX_NAMES)
    findings.push({
      line: 0,
      severity: "warning",
      message: `${defined.length} code names defined: only the first ${MAX_NAMES} are used to restore inline code`,
    });
  // Code is restored line by line, before lines are joined: a line the flattening broke starts with code.
  const restoredLines = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line, index) => {
      const bare = !/^\s*(?:[-*+•]\s|\d+[.)]\s|#|\|)/.test(line);
      const restoration = restoreCode(line, names, words, bare);
      for (const token of restoration.uncertain)
        findings.push({
          line: index + 1,
          severity: "warning",
          message: `"${token}" looks like inline code glued to a word: left as written`,
        });
      if (restoration.restored.length > 0)
        findings.push({
          line: index + 1,
          severity: "info",
          message: `restored inline code: ${restoration.restored.map((name) => `\`${name}\``).join(", ")}`,
        });
      return restoration.text;
    });
  const startsItem = (line: string) => {
    const head = /^`?([^\s`—–]+)`?\s?[—–]/.exec(line)?.[1];
    return head !== undefined && names.has(head);
  };
  const lines = logicalLines(restoredLines.join("\n"), startsItem);
  const recognised = recognise(lines, names);
  const built = build(recognised);
  const all = [...findings, ...built.findings];
  const header = ` Drafted by \`syllabot import\` from ${source}. Check every "guessed" and "TODO" comment,\n then run: syllabot validate <this file>`;
  const yaml = renderYaml(built.curriculum, built.marks, header);
  let valid = true;
  try {
    parseCurriculum(yaml, source);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    valid = false;
    for (const problem of error.problems)
      all.push({
        line: 0,
        severity: "error",
        message: `the draft does not validate yet: ${problem.path ? `${problem.path}: ` : ""}${problem.message}${problem.line ? ` (YAML line ${problem.line})` : ""}`,
      });
  }
  all.sort((a, b) => a.line - b.line);
  return {
    yaml,
    findings: all,
    valid,
    counts: {
      phases: recognised.phases.length,
      weeks: recognised.weeks.length,
      projects: recognised.projects.length,
      tracks: recognised.tracks.length,
    },
  };
}
