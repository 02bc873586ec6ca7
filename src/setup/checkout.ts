/**
 * Files of a local checkout: the Action's workspace, or a clone the CLI is pointed at. What a
 * checkout holds is whatever its repository's history says, and a commit can hold a symbolic link
 * to any path of the machine (`.git/config` with the job's credential, `/proc/self/environ`): a file
 * is read only when it is a regular file inside the checkout, reached through no symbolic link.
 */
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  lstatSync,
  openSync,
  readFileSync,
  realpathSync,
} from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { isGitFolderName } from "../config/repository-path.js";
import { InputError } from "../errors.js";

/**
 * The repository a local config belongs to: the folder holding its `.github/`, else the nearest
 * folder above it (up to `boundary`, when given) that git checked out (it holds `.git`), else the
 * config's own folder (or `boundary`).
 */
export function repositoryRootOf(configPath: string, boundary?: string): string {
  const folder = dirname(resolve(configPath));
  if (basename(folder) === ".github") return dirname(folder);
  const limit = boundary === undefined ? undefined : resolve(boundary);
  for (let current = folder; ; current = dirname(current)) {
    if (existsSync(join(current, ".git"))) return current;
    if (current === limit || dirname(current) === current) break;
  }
  return limit ?? folder;
}

/** Whether `path` (absolute) is `root` itself or below it. */
export function isInside(root: string, path: string): boolean {
  const fromRoot = relative(root, path);
  return fromRoot === "" || (!isAbsolute(fromRoot) && fromRoot !== ".." && !fromRoot.startsWith(`..${sep}`));
}

/** A file of the checkout, or why it may not be read (a phrase that follows the path). */
export type CheckoutRead = { text: string } | { refused: string };

export interface CheckoutFileOptions {
  /** How the file is named in errors. */
  file?: string;
  /** How the root is named in errors, e.g. "the workspace". */
  rootName?: string;
}

/**
 * Read `path` (relative to `root`, or absolute) as a file of the checkout at `root`. It is refused
 * when it lies outside `root`, when it or a folder on the way is a symbolic link, or when it is not
 * a regular file; a file that does not exist is an InputError, as for any other input file. The
 * reason never quotes the file: nothing of a refused file is read.
 */
export function readCheckoutFile(
  root: string,
  path: string,
  options: CheckoutFileOptions = {},
): CheckoutRead {
  const file = options.file ?? path;
  const givenRoot = resolve(root);
  // The root itself may be reached through links (macOS's /tmp is /private/tmp); below it, nothing is.
  const realRoot = realpathSync(givenRoot);
  const absolute = resolve(givenRoot, path);
  const fromRoot = [givenRoot, realRoot]
    .filter((base) => isInside(base, absolute))
    .map((base) => relative(base, absolute))[0];
  if (!fromRoot) return { refused: `is outside ${options.rootName ?? givenRoot}` };
  const target = join(realRoot, fromRoot);
  if (fromRoot.split(sep).some(isGitFolderName))
    return {
      refused: "is inside .git, which holds git's own data (and credentials), not the repository's files",
    };
  let current = realRoot;
  for (const segment of fromRoot.split(sep)) {
    current = join(current, segment);
    const stats = lstatOrUndefined(current);
    if (!stats) throw unreadable(file, "no such file");
    if (stats.isSymbolicLink()) {
      const link = relative(realRoot, current);
      return {
        refused:
          current === target
            ? "is a symbolic link"
            : `goes through the symbolic link ${JSON.stringify(link)}`,
      };
    }
  }
  // O_NOFOLLOW: a link swapped in after the checks above is refused by the system, not followed.
  let descriptor: number;
  try {
    descriptor = openSync(target, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP") return { refused: "is a symbolic link" };
    throw unreadable(file, code === "ENOENT" ? "no such file" : (error as Error).message);
  }
  try {
    const stats = fstatSync(descriptor);
    if (stats.isDirectory()) throw unreadable(file, "is a directory");
    if (!stats.isFile()) return { refused: "is not a regular file" };
    return { text: readFileSync(descriptor, "utf8") };
  } finally {
    closeSync(descriptor);
  }
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code === "ENOENT" ||
      (error as NodeJS.ErrnoException).code === "ENOTDIR"
    )
      return undefined;
    throw error;
  }
}

function unreadable(file: string, reason: string): InputError {
  return new InputError([{ file, path: "", message: `cannot read: ${reason}` }]);
}

/** A path as the user knows it: from the working directory when inside it, else absolute. */
export function shownPath(absolute: string): string {
  return isInside(process.cwd(), absolute) ? relative(process.cwd(), absolute) || "." : absolute;
}
