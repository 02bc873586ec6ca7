import { describe, expect, it } from "vitest";
import { PacingEnvError, pacingFromEnv } from "../../src/app/pacing-env.js";

describe("the pacing read from the environment", () => {
  it("keeps GitHub's defaults unless told, and takes whole milliseconds", () => {
    expect(pacingFromEnv({})).toEqual({});
    expect(pacingFromEnv({ SYLLABOT_PACE_MS: "0", SYLLABOT_RETRY_UNIT_MS: "250" })).toEqual({
      writeIntervalMs: 0,
      retryAfterUnitMs: 250,
    });
  });

  it.each([
    ["SYLLABOT_PACE_MS", "-1"],
    ["SYLLABOT_PACE_MS", "1.5"],
    ["SYLLABOT_PACE_MS", ""],
    ["SYLLABOT_RETRY_UNIT_MS", "soon"],
  ])("refuses %s=%j, naming it", (name, value) => {
    expect(() => pacingFromEnv({ [name]: value })).toThrow(PacingEnvError);
    expect(() => pacingFromEnv({ [name]: value })).toThrow(
      `${name}="${value}" is not a whole number of milliseconds`,
    );
  });
});
