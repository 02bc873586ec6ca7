import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Curricula shipped with syllabot, by id: `curriculum/<id>.yaml` in the package. */
const BUILTIN_DIRECTORY = fileURLToPath(new URL("../../curriculum/", import.meta.url));

export const DEFAULT_CURRICULUM_ID = "rust-systems-1y";

export function builtinCurriculumPath(id: string): string | undefined {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) return undefined;
  const path = `${BUILTIN_DIRECTORY}${id}.yaml`;
  return existsSync(path) ? path : undefined;
}

export function builtinCurriculumIds(): string[] {
  return readdirSync(BUILTIN_DIRECTORY)
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => name.slice(0, -".yaml".length))
    .sort();
}
