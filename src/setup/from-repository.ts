import { checkConfig, curriculumSource, parseConfig } from "../config/load.js";
import { CONFIG_PATH } from "../config/paths.js";
import { loadBuiltinCurriculum } from "../curriculum/builtin.js";
import { parseCurriculum } from "../curriculum/load.js";
import { InputError } from "../errors.js";
import type { PortfolioGateway } from "../github/gateway.js";
import type { RepositorySetup } from "../model/setup.js";
import { locatedProblems } from "../yaml/validate.js";

/**
 * The config and curriculum a repository holds at `ref` (its default branch when omitted), or
 * undefined when it has no config. Invalid files throw an InputError located in the repository's files.
 */
export async function loadSetupFromRepository(
  gateway: PortfolioGateway,
  ref?: string,
): Promise<RepositorySetup | undefined> {
  const text = await gateway.readFile(CONFIG_PATH, ref);
  if (text === undefined) return undefined;
  const loaded = parseConfig(text, CONFIG_PATH);
  const source = curriculumSource(loaded);
  if (source.kind === "builtin") {
    const curriculum = loadBuiltinCurriculum(source.id);
    return { config: checkConfig(loaded, curriculum), curriculum };
  }
  const curriculumText = await gateway.readFile(source.path, ref);
  if (curriculumText === undefined) {
    throw new InputError(
      locatedProblems(loaded.source, [
        { path: ["curriculum"], message: `"${source.path}" is not a file in ${gateway.repo}` },
      ]),
    );
  }
  const curriculum = parseCurriculum(curriculumText, source.path);
  return { config: checkConfig(loaded, curriculum), curriculum, curriculumPath: source.path };
}

/**
 * The curriculum file the config on the default branch names, or undefined when it names a
 * built-in one or cannot be read: what a pull request must touch, besides the config, to be checked.
 */
export async function curriculumPathOnDefaultBranch(gateway: PortfolioGateway): Promise<string | undefined> {
  const text = await gateway.readFile(CONFIG_PATH);
  if (text === undefined) return undefined;
  try {
    const source = curriculumSource(parseConfig(text, CONFIG_PATH));
    return source.kind === "path" ? source.path : undefined;
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
}
