import { builtinCurriculumIds, isBuiltinCurriculum, loadBuiltinCurriculum } from "../curriculum/builtin.js";
import { type Curriculum, loadCurriculumFile, readSource } from "../curriculum/load.js";
import { InputError } from "../errors.js";
import { parseYamlSource, type YamlSource } from "../yaml/source.js";
import { locatedProblems, validateSource } from "../yaml/validate.js";
import { configRuleIssues } from "./rules.js";
import { type Config, configSchema } from "./schema.js";

export interface LoadedConfig {
  config: Config;
  source: YamlSource;
}

export function parseConfig(text: string, file: string): LoadedConfig {
  const source = parseYamlSource(text, file);
  return { config: validateSource(configSchema, source), source };
}

export function loadConfigFile(path: string): LoadedConfig {
  return parseConfig(readSource(path), path);
}

export type CurriculumSource = { kind: "builtin"; id: string } | { kind: "path"; path: string };

/**
 * Where the config's curriculum lives: an explicit override, else a built-in id, else a path
 * (relative to the working directory, which for the app and the Action is the repository root).
 */
export function curriculumSource(loaded: LoadedConfig, override?: string): CurriculumSource {
  if (override) return { kind: "path", path: override };
  const name = loaded.config.curriculum;
  if (isBuiltinCurriculum(name)) return { kind: "builtin", id: name };
  if (/\.ya?ml$/i.test(name)) return { kind: "path", path: name };
  throw new InputError(
    locatedProblems(loaded.source, [
      {
        path: ["curriculum"],
        message: `"${name}" is neither a built-in curriculum (${builtinCurriculumIds().join(", ")}) nor a path to a .yaml file`,
      },
    ]),
  );
}

/** The curriculum a config names, from the built-ins or the local disk. */
export function loadCurriculumFor(loaded: LoadedConfig, override?: string): Curriculum {
  const source = curriculumSource(loaded, override);
  return source.kind === "builtin" ? loadBuiltinCurriculum(source.id) : loadCurriculumFile(source.path);
}

/** Check a loaded config against its curriculum; every problem is reported in the config file. */
export function checkConfig(loaded: LoadedConfig, curriculum: Curriculum): Config {
  const problems = locatedProblems(loaded.source, configRuleIssues(loaded.config, curriculum));
  if (problems.length > 0) throw new InputError(problems);
  return loaded.config;
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
