/**
 * The config and curriculum of a local checkout, read from disk for the CLI and the Action: the
 * I/O around the pure parsers of config/load.ts and curriculum/load.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkConfig, curriculumSource, type LoadedConfig, parseConfig } from "../config/load.js";
import type { Config } from "../config/schema.js";
import { loadBuiltinCurriculum } from "../curriculum/builtin.js";
import { type Curriculum, parseCurriculum } from "../curriculum/load.js";
import { InputError } from "../errors.js";
import { describe, locatedProblems } from "../yaml/validate.js";
import { readCheckoutFile, repositoryRootOf, shownPath } from "./checkout.js";

/** A curriculum file the operator named (`--curriculum`, `validate`), read as given. */
export function loadCurriculumFile(path: string): Curriculum {
  return parseCurriculum(readSource(path), path);
}

/** A file the operator named, read whole; one that cannot be read is an InputError naming it. */
export function readSource(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (error as Error).message;
    throw new InputError([{ file: path, path: "", message: `cannot read: ${reason}` }]);
  }
}

/** A config file on disk, parsed and checked against its schema (config/load.ts). */
export function loadConfigFile(path: string): LoadedConfig {
  return parseConfig(readSource(path), path);
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

/** Config and curriculum, both valid and consistent with each other. */
export function loadSetup(
  configPath: string,
  curriculumOverride?: string,
): { config: Config; curriculum: Curriculum } {
  const loaded = loadConfigFile(configPath);
  const curriculum = loadCurriculumFor(loaded, curriculumOverride);
  return { config: checkConfig(loaded, curriculum), curriculum };
}
