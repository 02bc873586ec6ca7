import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { checkConfig, curriculumSource, parseConfig } from "../../src/config/load.js";
import { loadBuiltinCurriculum } from "../../src/curriculum/builtin.js";
import { parseCurriculum } from "../../src/curriculum/load.js";
import { InputError, MAX_REPORTED_PROBLEMS } from "../../src/errors.js";
import { EXAMPLE_CONFIG } from "../helpers/setup.js";

/**
 * What the fuzz suites ask of the loaders: every input either loads or is refused with an
 * InputError whose every problem names the file, a line and a column inside it, and a message.
 * Any other exception fails the property.
 */

export const CONFIG_TEXT = readFileSync(EXAMPLE_CONFIG, "utf8");
const CURRICULUM = loadBuiltinCurriculum("rust-systems-1y");
/** Generous guards against a hang on a busy machine; no assertion is made on time. */
export const HANG_GUARD_MS = 120_000;

export type Outcome = { loaded: unknown } | { problems: InputError["problems"] };

export function loadConfig(text: string): Outcome {
  try {
    const loaded = parseConfig(text, ".github/syllabot.yml");
    curriculumSource(loaded);
    return { loaded: checkConfig(loaded, CURRICULUM) };
  } catch (error) {
    return refused(error, text, ".github/syllabot.yml");
  }
}

export function loadCurriculum(text: string): Outcome {
  try {
    return { loaded: parseCurriculum(text, "curriculum.yaml") };
  } catch (error) {
    return refused(error, text, "curriculum.yaml");
  }
}

/**
 * An error must be an InputError whose problems each name the file, a line and column in it, and a
 * message; however many problems the input has, the report is short.
 */
function refused(error: unknown, text: string, file: string): Outcome {
  if (!(error instanceof InputError)) throw error;
  expect(error.problems.length).toBeGreaterThan(0);
  expect(error.problems.length).toBeLessThanOrEqual(MAX_REPORTED_PROBLEMS);
  expect(error.message.split("\n").length).toBeLessThanOrEqual(MAX_REPORTED_PROBLEMS + 2);
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const problem of error.problems) {
    expect(problem.file).toBe(file);
    expect(problem.message).toMatch(/\S/);
    expect(problem.line, JSON.stringify(problem)).toBeGreaterThanOrEqual(1);
    expect(problem.line).toBeLessThanOrEqual(lines);
    expect(problem.column, JSON.stringify(problem)).toBeGreaterThanOrEqual(1);
  }
  return { problems: error.problems };
}
