import { checkConfig } from "../config/load.js";
import { chosenOptions } from "../config/rules.js";
import { InputError } from "../errors.js";
import { loadConfigFile, loadCurriculumFile, loadCurriculumFor, readSource } from "../setup/local.js";
import { count } from "../text/plural.js";
import { terminalSafe } from "../text/terminal.js";
import { parseYamlSource } from "../yaml/source.js";
import type { Io } from "./io.js";

export interface ValidateOptions {
  kind?: "curriculum" | "config";
  curriculum?: string;
}

export function runValidate(files: string[], options: ValidateOptions, io: Io): void {
  const problems: InputError[] = [];
  for (const file of files) {
    try {
      io.stdout(`${terminalSafe(`ok ${file}: ${validateOne(file, options)}`)}\n`);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(error);
    }
  }
  if (problems.length > 0) throw InputError.combine(problems);
}

function validateOne(file: string, options: ValidateOptions): string {
  const kind = options.kind ?? guessKind(file);
  if (kind === "curriculum") {
    const curriculum = loadCurriculumFile(file);
    return `curriculum "${curriculum.id}": ${count(curriculum.phases.length, "phase")}, ${count(curriculum.totalWeeks, "week")}, ${count(curriculum.projects.length, "project")}`;
  }
  const loaded = loadConfigFile(file);
  const curriculum = loadCurriculumFor(loaded, options.curriculum);
  const config = checkConfig(loaded, curriculum);
  const picks = [...chosenOptions(config)];
  return `config for @${config.learner}: curriculum "${curriculum.id}", start ${config.start} (${config.timezone})${picks.length > 0 ? `, chosen ${picks.join(", ")}` : ""}`;
}

function guessKind(file: string): "curriculum" | "config" {
  const data = parseYamlSource(readSource(file), file).data;
  if (data && typeof data === "object" && !Array.isArray(data)) {
    if ("phases" in data || "weeks" in data) return "curriculum";
    if ("learner" in data || "start" in data) return "config";
  }
  throw new InputError([
    {
      file,
      path: "",
      message:
        "cannot tell whether this is a curriculum (has `phases`) or a config (has `learner`); use --kind",
    },
  ]);
}
