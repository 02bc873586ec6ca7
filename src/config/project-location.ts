/**
 * Where a project lives: a whole repository (`csvq: octocat/csvq`) or a folder of one
 * (`api: {repo: octocat/monorepo, path: services/api}`). The config accepts both spellings; the
 * schema turns each into a `ProjectLocation`, so that everything after the loader sees one shape.
 * (The folder's spelling is checked in repository-path.ts.)
 */
export interface ProjectLocation {
  /** "owner/name". */
  repo: string;
  /** The project's folder in the repository, from its root, without a leading or trailing `/`; undefined: the whole repository. */
  path?: string;
}

const sameRepo = (left: string, right: string) => left.toLowerCase() === right.toLowerCase();

/** The projects a config maps to `repo` (any case), with where each lives. */
export function projectsIn(
  projects: Readonly<Record<string, ProjectLocation>>,
  repo: string,
): [slug: string, location: ProjectLocation][] {
  return Object.entries(projects).filter(([, location]) => sameRepo(location.repo, repo));
}

/**
 * Whether commits of `repo` must be told apart by the files they touch: several projects share
 * it, or a project is one of its folders. Otherwise a project's repository is all its own.
 */
export function attributedByFiles(
  projects: Readonly<Record<string, ProjectLocation>>,
  repo: string,
): boolean {
  const here = projectsIn(projects, repo);
  return here.length > 1 || here.some(([, location]) => location.path !== undefined);
}

/** Whether `file` is in `folder` (a path from the repository's root). */
export function inFolder(file: string, folder: string): boolean {
  return file === folder || file.startsWith(`${folder}/`);
}
