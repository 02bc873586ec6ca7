import { join } from "node:path";
import { DEFAULT_CURRICULUM_ID, isBuiltinCurriculum, loadBuiltinCurriculum } from "../curriculum/builtin.js";
import { type Curriculum, loadCurriculumFile, parseCurriculum, readSource } from "../curriculum/load.js";
import { InputError, type Problem } from "../errors.js";
import { readCheckoutFile, repositoryRootOf, shownPath } from "../setup/checkout.js";
import { parseYamlSource, type YamlSource } from "../yaml/source.js";
import { checkSource, describe, locatedProblems } from "../yaml/validate.js";
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

export function loadConfigFile(path: string): LoadedConfig {
  return parseConfig(readSource(path), path);
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

/**
 * The curriculum a config names, from the built-ins or the local checkout the config belongs to
 * (`root`, by default found from the config's own path). A `--curriculum` file (`override`) is the
 * operator's own choice and read as given; a file the config names must be the repository's own.
 */
export function loadCurriculumFor(loaded: LoadedConfig, override?: string, root?: string): Curriculum {
  const source = curriculumSource(loaded, override);
  if (source.kind === "builtin") return loadBuiltinCurriculum(source.id);
  if (override) return loadCurriculumFile(source.path);
  const repository = root ?? repositoryRootOf(loaded.source.file);
  const file = shownPath(join(repository, source.path));
  const atCurriculumLine = (message: string) =>
    new InputError(locatedProblems(loaded.source, [{ path: ["curriculum"], message }]));
  let read: ReturnType<typeof readCheckoutFile>;
  try {
    read = readCheckoutFile(repository, source.path, { file, rootName: "the repository" });
  } catch (error) {
    // A file that is not there is the config's mistake: said at its line, with where it was looked for.
    const reason =
      error instanceof InputError ? error.problems[0]?.message.replace(/^cannot read: /, "") : undefined;
    if (reason === undefined) throw error;
    throw atCurriculumLine(
      `${describe(source.path)} cannot be read: ${reason} in the repository at ${shownPath(repository)} (a path is from the repository's root)`,
    );
  }
  if ("refused" in read)
    throw atCurriculumLine(
      `${describe(source.path)} ${read.refused}: syllabot reads only the repository's own files`,
    );
  return parseCurriculum(read.text, file);
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

/** Config and curriculum, both valid and consistent with each other. */
export function loadSetup(
  configPath: string,
  curriculumOverride?: string,
): { config: Config; curriculum: Curriculum } {
  const loaded = loadConfigFile(configPath);
  const curriculum = loadCurriculumFor(loaded, curriculumOverride);
  return { config: checkConfig(loaded, curriculum), curriculum };
}
