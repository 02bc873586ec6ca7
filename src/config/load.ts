import { DEFAULT_CURRICULUM_ID, isBuiltinCurriculum } from "../curriculum/builtin.js";
import type { Curriculum } from "../curriculum/load.js";
import { InputError, type Problem } from "../errors.js";
import { parseYamlSource, type YamlSource } from "../yaml/source.js";
import { checkSource, locatedProblems } from "../yaml/validate.js";
import { curriculumNameProblem } from "./repository-path.js";
import { type ConfigFacts, configRuleIssues } from "./rules.js";
import { type Config, configSchema } from "./schema.js";

/**
 * A config file read and checked against its schema. When the schema fails, `config` is absent
 * and `problems` says why; checking against the curriculum still runs on the fields that are
 * well-formed, so that a file's errors are all reported at once.
 */
export interface LoadedConfig {
  config: Config | undefined;
  /** The first problems the schema found, located. */
  problems: Problem[];
  /** How many more the schema found. */
  unreported: number;
  source: YamlSource;
}

/**
 * A config is refused above this size before it is parsed. The example config is under 2 KB; 64 KiB
 * holds a thousand verdicts and more comments than anyone writes, and bounds the work a pull
 * request's config (a stranger's) can ask of the app. A curriculum keeps the 1 MiB of any YAML source.
 */
export const MAX_CONFIG_BYTES = 64 * 1024;

export function parseConfig(text: string, file: string): LoadedConfig {
  const source = parseYamlSource(text, file, { maxBytes: MAX_CONFIG_BYTES });
  const result = checkSource(configSchema, source);
  return "data" in result
    ? { config: result.data, problems: [], unreported: 0, source }
    : { config: undefined, problems: result.problems, unreported: result.unreported, source };
}

/** Each well-formed project's repository, whichever of the two forms it is written in. */
function projectRepos(value: unknown): Config["projects"] {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).flatMap(([slug, location]) => {
      const repo = typeof location === "string" ? location : (location as { repo?: unknown } | null)?.repo;
      return typeof repo === "string" ? [[slug, { repo }]] : [];
    }),
  );
}

/** The fields the curriculum rules read, from a config whose schema failed: those that are well-formed. */
function wellFormedFields(source: YamlSource): ConfigFacts & Pick<Config, "curriculum"> {
  const raw = rawMapping(source);
  const strings = (value: unknown) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).filter(([, entry]) => typeof entry === "string"))
      : {};
  return {
    capstone: typeof raw.capstone === "string" ? raw.capstone : undefined,
    choices: strings(raw.choices) as Record<string, string>,
    projects: projectRepos(raw.projects),
    dsa: typeof raw.dsa === "string" ? raw.dsa : undefined,
    ossGiven: "oss" in raw,
    curriculum: typeof raw.curriculum === "string" ? raw.curriculum : DEFAULT_CURRICULUM_ID,
  };
}

function rawMapping(source: YamlSource): Record<string, unknown> {
  const data = source.data;
  return data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

export type CurriculumSource = { kind: "builtin"; id: string } | { kind: "path"; path: string };

/**
 * Where the config's curriculum lives: an explicit override, else a built-in id, else a path from
 * the repository's root (checked by `curriculumNameProblem`: it can name no file outside the repository).
 */
export function curriculumSource(loaded: LoadedConfig, override?: string): CurriculumSource {
  if (override) return { kind: "path", path: override };
  const name = (loaded.config ?? wellFormedFields(loaded.source)).curriculum;
  if (isBuiltinCurriculum(name)) return { kind: "builtin", id: name };
  const problem = curriculumNameProblem(name);
  if (!problem) return { kind: "path", path: name };
  // The schema already said why, when it could: said once, with the config's other problems.
  const others = loaded.problems.filter((found) => found.path !== "curriculum");
  throw new InputError(
    sortedByPosition([
      ...others,
      ...locatedProblems(loaded.source, [{ path: ["curriculum"], message: problem }]),
    ]),
  );
}

/** Check a loaded config against its curriculum; every problem is reported in the config file, in order. */
export function checkConfig(loaded: LoadedConfig, curriculum: Curriculum): Config {
  const fields = loaded.config
    ? { ...loaded.config, ossGiven: "oss" in rawMapping(loaded.source) }
    : wellFormedFields(loaded.source);
  const problems = [
    ...loaded.problems,
    ...locatedProblems(loaded.source, configRuleIssues(fields, curriculum)),
  ];
  if (problems.length > 0 || !loaded.config)
    throw new InputError(sortedByPosition(problems), loaded.unreported);
  return loaded.config;
}

function sortedByPosition(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
