/**
 * Which projects a commit is work on, when a repository is not one project's alone (several
 * projects share it, or a project is one of its folders). A project's own repository needs no
 * such judgement: every commit there is the project's.
 */
import { attributedByFiles, inFolder, type ProjectLocation, projectsIn } from "../config/project-location.js";

export interface AttributedCommit {
  /** "owner/name" of the repository it was pushed to. */
  repo: string;
  message: string;
  /** Paths it added, modified or removed; undefined when not known. */
  files?: readonly string[];
}

/** A trailer line no one wrote by hand is not read (as in the commit grammar). */
const MAX_TRAILER_LINE = 200;

/** The slugs `Project:` trailers name (lower-cased), in the commit grammar's trailer form. */
export function projectTrailers(message: string): string[] {
  const named: string[] = [];
  for (const line of message.split(/\r?\n/)) {
    if (line.length > MAX_TRAILER_LINE) continue;
    const trailer = /^\s*project\s*:\s*(\S+)\s*$/i.exec(line);
    if (trailer?.[1]) named.push(trailer[1].toLowerCase());
  }
  return named;
}

/**
 * The projects a commit counts for, in a repository whose commits are told apart by files
 * (`attributedByFiles`); undefined in a repository that is one project's whole, where every
 * commit is that project's. In a shared repository a commit counts for:
 * - each project whose folder holds a file it added, modified or removed;
 * - the one project mapped there without a path, when it changes a file outside every other
 *   project's folder (several projects without a path in one repository cannot be told apart by
 *   files: only trailers attribute commits to them);
 * - each project of the repository its `Project:` trailer names, or that it finishes (`finished`).
 * A commit that touches no project's files and names none counts for no project.
 */
export function attributedProjects(
  commit: AttributedCommit,
  finished: readonly string[],
  projects: Readonly<Record<string, ProjectLocation>>,
): string[] | undefined {
  if (!attributedByFiles(projects, commit.repo)) return undefined;
  const here = projectsIn(projects, commit.repo);
  const folders = here.flatMap(([, location]) => (location.path === undefined ? [] : [location.path]));
  const wholes = here.filter(([, location]) => location.path === undefined);
  const files = commit.files ?? [];
  const named = new Set([...projectTrailers(commit.message), ...finished]);
  const attributed = here.filter(([slug, location]) => {
    if (named.has(slug)) return true;
    if (location.path !== undefined) {
      const folder = location.path;
      return files.some((file) => inFolder(file, folder));
    }
    return wholes.length === 1 && files.some((file) => !folders.some((folder) => inFolder(file, folder)));
  });
  return attributed.map(([slug]) => slug).sort();
}
