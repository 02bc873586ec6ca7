import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parsePlainDate } from "../../src/calendar.js";
import { checkConfig, parseConfig } from "../../src/config/load.js";
import { parseCurriculum } from "../../src/curriculum/load.js";
import { formatProblem, InputError } from "../../src/errors.js";
import type { ActualIssue } from "../../src/model/actual.js";
import { keys, type PlanContext, planContext } from "../../src/model/context.js";
import { managedBody } from "../../src/render/managed-body.js";
import { loadCurriculumFile, loadSetup, readSource } from "../../src/setup/local.js";

export const repoPath = (relative: string) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));

export const EXAMPLE_CONFIG = repoPath("examples/syllabot.yml");
export const MINI_CONFIG = repoPath("test/fixtures/mini-config.yml");
export const MINI_CURRICULUM = repoPath("test/fixtures/mini-curriculum.yaml");
/** Two weeks, one phase: no projects, no tracks, no choice. */
export const SHORT_CURRICULUM = repoPath("test/fixtures/short-curriculum.yaml");

export function date(text: string) {
  const parsed = parsePlainDate(text);
  if (!parsed) throw new Error(`bad date ${text}`);
  return parsed;
}

export function exampleContext() {
  const { config, curriculum } = loadSetup(EXAMPLE_CONFIG);
  return planContext(config, curriculum);
}

/** A context for the example config as edited (its YAML text in, the text to load out). */
export function editedExampleContext(edit: (yaml: string) => string) {
  const { curriculum } = loadSetup(EXAMPLE_CONFIG);
  const loaded = parseConfig(edit(readFileSync(EXAMPLE_CONFIG, "utf8")), "syllabot.yml");
  return planContext(checkConfig(loaded, curriculum), curriculum);
}

/**
 * A context for the mini curriculum with config text overridden line by line; `editCurriculum`
 * changes the curriculum's YAML text first (a course edited mid-way).
 */
export function miniContext(configYaml: string, editCurriculum?: (text: string) => string) {
  const curriculum = editCurriculum
    ? parseCurriculum(editCurriculum(readSource(MINI_CURRICULUM)), MINI_CURRICULUM)
    : loadCurriculumFile(MINI_CURRICULUM);
  const loaded = parseConfig(configYaml, "test.yml");
  return planContext(checkConfig(loaded, curriculum), curriculum);
}

/** A week's issue closed at an instant (ISO), as GitHub lists it. */
export function closedWeekIssue(
  context: PlanContext,
  week: number,
  closedAt: string,
  createdAt = "2025-01-01T00:00:00Z",
): ActualIssue {
  return {
    number: week,
    title: `Week ${week}`,
    body: managedBody(keys.week(context, week), `Week ${week}`),
    state: "closed",
    labels: [],
    milestone: null,
    created_at: createdAt,
    closed_at: closedAt,
  };
}

/** The problems `run` reports, as the CLI prints them; none when it succeeds. Any other error is thrown. */
export function reportedProblems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}
