import type { Pacing } from "../github/octokit.js";

/** A setting in the environment that is not what it must be. */
export class PacingEnvError extends Error {}

function wholeMilliseconds(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const text = env[name];
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === "" || !Number.isInteger(value) || value < 0)
    throw new PacingEnvError(`${name}="${text}" is not a whole number of milliseconds`);
  return value;
}

/**
 * The write pacing the server and the serverless handler read alike: SYLLABOT_PACE_MS, the minimum
 * gap between writes (default 1000, GitHub's advice for mutating requests), and
 * SYLLABOT_RETRY_UNIT_MS, how long one second of a retry-after or of the retry plugin's backoff
 * lasts (default 1000; tests against the emulator make waiting cheap).
 */
export function pacingFromEnv(env: NodeJS.ProcessEnv): Partial<Pacing> {
  const writeIntervalMs = wholeMilliseconds(env, "SYLLABOT_PACE_MS");
  const retryAfterUnitMs = wholeMilliseconds(env, "SYLLABOT_RETRY_UNIT_MS");
  return {
    ...(writeIntervalMs === undefined ? {} : { writeIntervalMs }),
    ...(retryAfterUnitMs === undefined ? {} : { retryAfterUnitMs }),
  };
}
