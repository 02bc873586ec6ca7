import { writeFileSync } from "node:fs";
import { InputError, UsageError } from "../errors.js";
import { type Finding, importPlan } from "../import/index.js";
import { readSource } from "../setup/local.js";
import { terminalSafe } from "../text/terminal.js";
import type { Io } from "./io.js";

export interface ImportOptions {
  out?: string;
  force?: boolean;
  report?: string;
}

/**
 * `syllabot import FILE`: the draft on stdout or in --out (never over an existing file without
 * --force), the report on stderr, as lines or as JSON. A draft that does not validate yet is still
 * written, and the command fails, naming what is left to fix.
 */
export async function runImport(file: string, options: ImportOptions, io: Io): Promise<void> {
  const format = options.report ?? "text";
  if (format !== "text" && format !== "json")
    throw new UsageError(`--report "${format}" is not a report format (text or json)`);
  const source = file === "-" ? "standard input" : file;
  let text: string;
  if (file === "-") {
    if (!io.stdin) throw new UsageError("standard input cannot be read here: name a file");
    text = await io.stdin();
  } else text = readSource(file);

  const result = importPlan(text, source);
  if (result.yaml !== "") {
    if (options.out === undefined) io.stdout(result.yaml);
    else writeDraft(options.out, result.yaml, options.force === true);
  }

  const errors = result.findings.filter((finding) => finding.severity === "error");
  if (format === "json") {
    io.stderr(
      `${JSON.stringify({ source, out: options.out ?? null, valid: result.valid, counts: result.counts, findings: result.findings })}\n`,
    );
  } else {
    for (const finding of result.findings) io.stderr(`${terminalSafe(findingLine(source, finding))}\n`);
    const { phases, weeks, projects, tracks } = result.counts;
    io.stderr(
      `${terminalSafe(`${source}: recognised ${phases} phases, ${weeks} week entries, ${projects} projects, ${tracks} tracks; ${result.valid ? `the draft validates${options.out ? ` (${options.out})` : ""}: check its "guessed" and "TODO" comments, then run syllabot validate and syllabot plan` : "the draft does not validate yet"}`)}\n`,
    );
  }
  if (errors.length > 0)
    throw new InputError(
      errors.map((finding) => ({
        file: source,
        ...(finding.line > 0 ? { line: finding.line } : {}),
        path: "",
        message: finding.message,
      })),
    );
}

function findingLine(source: string, finding: Finding): string {
  return `${source}${finding.line > 0 ? `:${finding.line}` : ""}: ${finding.severity}: ${finding.message}`;
}

function writeDraft(path: string, yaml: string, force: boolean): void {
  try {
    writeFileSync(path, yaml, { flag: force ? "w" : "wx" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "EEXIST"
        ? "already exists: give --force to overwrite it"
        : code === "ENOENT"
          ? "its folder does not exist"
          : code === "EISDIR"
            ? "is a directory"
            : (error as Error).message;
    throw new InputError([{ file: path, path: "", message: `cannot write the draft: ${reason}` }]);
  }
}

export const IMPORT_HELP = `
What it recognises (Markdown headings of any level, bold, numbered and bulleted lists, tables;
plain text with underlined or ALL CAPS headings):
  phases      "Phase 2 — Title (Weeks 7–16)", or a table | Phase | Weeks | Focus | Projects |
  weeks       "Week 3: …", "- Weeks 11–13: Build …", "### Week 4" (ranges with -, –, — or "to")
  projects    "Project: name — tagline", "Projects:" lists of "name — what it is", the phase
              table's Projects column; command examples under a project; "Done when" items
  choices     "Choose one of …" then "Option A: name — …": alternatives of one choice group
  sections    Objective, Study material, Concepts, End-of-phase check (questions), Notes, Resources
  tracks      "Track: …" with "Months 1–3: …" stages and "Target: 2–3 problems per week" (practice),
              or with github.com/owner/name targets and a minimum-bars table by phase (open source)
  time        a "Weekly total" row of an hours table, or "8–10 hours a week"
Inline code a flattening glued to words ("rustlingsvariables") is restored where the document
defines the name elsewhere (a table cell, "name — …"); what is uncertain is left and reported.

Nothing is invented: a week range with one title stays one entry for those weeks; a phase without
weeks is reported; a course with no phase gets one phase over its weeks, marked. Every value guessed
or left to fill in carries a "# guessed: …" or "# TODO: fill in" comment in the YAML. The report
(standard error) names, by line, what was recognised and what could not be placed. The command
fails (exit 1) when the draft does not validate yet; the draft is written all the same.

Next: fill in the TODOs (every field is described in syllabot's curriculum/schema.json, which
editors can show as you type, and in its docs/curriculum-guide.md, both shipped with it), then
  syllabot validate curriculum.yaml
  syllabot plan --curriculum curriculum.yaml
  syllabot init --curriculum curriculum.yaml   (in your portfolio's clone, with the file in it)

Examples:
  syllabot import plan.md --out curriculum.yaml
  cat plan.txt | syllabot import - --report json > curriculum.yaml 2> report.json`;
