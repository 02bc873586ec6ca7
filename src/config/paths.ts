/** Where a portfolio repository keeps syllabot's config. */
export const CONFIG_PATH = ".github/syllabot.yml";

/** Where syllabot commits its ledger (progress/ledger.ts) in the portfolio repository. */
export const LEDGER_PATH = ".syllabot/state.json";

/**
 * Whether a change to `paths` can change the plan: the config, or a curriculum file the repository
 * holds (any `.yml`/`.yaml` may be the one the config names, which is only known after reading it).
 */
export function touchesSetup(paths: readonly string[], curriculumPath?: string): boolean {
  return paths.some(
    (path) =>
      path === CONFIG_PATH ||
      path === curriculumPath ||
      (curriculumPath === undefined && /\.ya?ml$/i.test(path)),
  );
}

/**
 * Whether a pull request changes syllabot's own setup: the config, or the curriculum file that the
 * config on the default branch names (`undefined`: a built-in one, or no readable config). Any other
 * YAML file is not syllabot's, and a stranger's pull request touching one costs no check.
 */
export function touchesOwnSetup(paths: readonly string[], curriculumPath: string | undefined): boolean {
  const curriculum = curriculumPath?.replace(/^(\.\/)+/, "");
  return paths.some((path) => path === CONFIG_PATH || (curriculum !== undefined && path === curriculum));
}

/** Where a refresh commits the program's calendar feed (render/calendar-ics.ts), beside the ledger. */
export const CALENDAR_PATH = ".syllabot/calendar.ics";
