/**
 * Paths a config names inside its repository: the README syllabot rewrites and a curriculum it
 * reads. A config is a file anyone can propose a change to in a pull request, so a path is accepted
 * only in one plain, canonical spelling, from which no file outside the repository, in its `.git`,
 * or of syllabot's own can be reached. Pure: whether the path exists is the caller's question.
 */
import { builtinCurriculumIds, isBuiltinCurriculum } from "../curriculum/builtin.js";
import { describe } from "../yaml/validate.js";
import { CONFIG_PATH, LEDGER_PATH } from "./paths.js";

/** Git's own limit on a file name is the file system's; no legitimate README or curriculum path comes near this. */
export const MAX_REPOSITORY_PATH_LENGTH = 255;

/** The folder syllabot commits its ledger and pictures to: all of it is syllabot's. */
const SYLLABOT_FOLDER = LEDGER_PATH.split("/")[0] ?? ".syllabot";

/** Extensions GitHub renders as Markdown: the README region is Markdown, and nothing else may be rewritten. */
const MARKDOWN_FILE = /\.(?:md|markdown|mdown|mkdn|mkd|mdwn)$/i;
const YAML_FILE = /\.ya?ml$/i;

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
/** Code points HFS+ ignores in a name, so that `.g\u200Cit` is `.git` on a Mac checkout (as git's verify_path knows). */
const IGNORED_BY_HFS = /[\u200c-\u200f\u202a-\u202e\u206a-\u206f\ufeff]/g;

/**
 * Why `path` cannot be a file of the repository syllabot reads or writes, or undefined when it can.
 * The reason reads after the path, e.g. `"../x.md" has a . or .. folder: …`.
 */
export function repositoryPathProblem(path: string): string | undefined {
  const shown = describe(path);
  if (path.length === 0) return "is empty";
  if (path.length > MAX_REPOSITORY_PATH_LENGTH)
    return `is ${path.length} characters long; at most ${MAX_REPOSITORY_PATH_LENGTH} are accepted`;
  if (CONTROL_CHARACTER.test(path)) return `${shown} holds a control character`;
  if (path.includes("\\")) return `${shown} holds a backslash: separate folders with /`;
  if (path.startsWith("/"))
    return `${shown} is absolute: give the path from the repository's root, e.g. docs/README.md`;
  const segments = path.split("/");
  if (segments.includes("")) return `${shown} has an empty folder name (// or a trailing /)`;
  if (segments.some((segment) => segment === "." || segment === ".."))
    return `${shown} has a . or .. folder: give the path from the repository's root, without them`;
  if (segments.some(isGitFolderName))
    return `${shown} is inside .git, which holds git's own data (and credentials), not the repository's files`;
  if (isSyllabotsOwn(segments))
    return `${shown} is syllabot's own (${CONFIG_PATH}, or a file under ${SYLLABOT_FOLDER}/)`;
  return undefined;
}

/** A folder as the learner may write it: one trailing `/` is accepted and dropped. */
export function normalizedFolder(path: string): string {
  return path.endsWith("/") && path.length > 1 ? path.slice(0, -1) : path;
}

/** Why `path` (normalized) cannot be a project's folder, or undefined when it can. */
export function projectFolderProblem(path: string): string | undefined {
  if (path.length === 0 || path === "/")
    return "is empty: give the project's folder from the repository's root (e.g. services/api), or leave path out for the whole repository";
  return repositoryPathProblem(normalizedFolder(path));
}

/** Why the config's `readme` cannot be the README syllabot refreshes, or undefined. */
export function readmePathProblem(path: string): string | undefined {
  if (path.length === 0) return "is empty: give the README's path from the repository's root, e.g. README.md";
  const problem = repositoryPathProblem(path);
  if (problem) return problem;
  if (!MARKDOWN_FILE.test(path))
    return `${describe(path)} is not a Markdown file: syllabot writes its region only into a file ending in .md or .markdown`;
  return undefined;
}

/**
 * Why the config's `curriculum`, when it names a file (it holds a / or ends in .yaml), cannot be a
 * curriculum file of the repository, or undefined. Any other name is a built-in id, known only
 * once the curriculum is looked up (a test or `--curriculum` may supply the curriculum itself).
 */
export function curriculumPathProblem(name: string): string | undefined {
  if (name.length === 0)
    return "is empty: give a built-in curriculum's id or a .yaml file of this repository";
  if (isBuiltinCurriculum(name) || !looksLikePath(name)) return undefined;
  return repositoryPathProblem(name) ?? (YAML_FILE.test(name) ? undefined : notACurriculum(name));
}

/** Why the config's `curriculum` is neither a built-in id nor a curriculum file of the repository, or undefined. */
export function curriculumNameProblem(name: string): string | undefined {
  if (isBuiltinCurriculum(name)) return undefined;
  return curriculumPathProblem(name) ?? (YAML_FILE.test(name) ? undefined : notACurriculum(name));
}

function looksLikePath(name: string): boolean {
  return name.includes("/") || name.includes("\\") || YAML_FILE.test(name);
}

function notACurriculum(name: string): string {
  return `${describe(name)} is neither a built-in curriculum (${builtinCurriculumIds().join(", ")}) nor a path to a .yaml file`;
}

/**
 * `.git` as git itself recognises it on any checkout (`verify_path`): in any case, with trailing
 * dots or spaces (Windows drops them), as the 8.3 short name `git~1`, or with HFS+'s ignored code points.
 */
export function isGitFolderName(segment: string): boolean {
  const name = segment
    .replace(IGNORED_BY_HFS, "")
    .replace(/[. ]+$/, "")
    .toLowerCase();
  return name === ".git" || name === "git~1";
}

function isSyllabotsOwn(segments: readonly string[]): boolean {
  // Compared without case: on a case-insensitive checkout `.GitHub/Syllabot.yml` is the config.
  const lower = segments.join("/").toLowerCase();
  return lower === CONFIG_PATH.toLowerCase() || segments[0]?.toLowerCase() === SYLLABOT_FOLDER;
}
