import { describe, expect, it } from "vitest";
import type { Problem } from "../../src/errors.js";
import { keyOf } from "../../src/model/markers.js";
import { configErrorBody, invalidSetupCheck } from "../../src/setup/reports.js";

/** Problems as a hostile file makes them: many, each quoting a long value, emoji included. */
const problems: Problem[] = Array.from({ length: 500 }, (_, index) => ({
  file: ".github/syllabot.yml",
  line: index + 1,
  column: 3,
  path: `oss.verdicts.${"😀".repeat(200)}${index}`,
  message: `expected "substantive" or "not-substantive", got "${"€😀".repeat(2000)}"`,
}));

describe("reports of a broken config", () => {
  it("count the problems the loader stopped keeping (InputError.unreported)", () => {
    const kept = problems.slice(0, 50);
    const run = invalidSetupCheck("a".repeat(40), kept, 149_950);
    expect(run.output.title).toBe("150000 errors in the syllabot configuration");
    expect(run.output.summary).toContain("…and 149950 more problems: fix these first.");
    expect(configErrorBody(kept, "https://github.com/o/r/blob/HEAD", 149_950)).toContain(
      "…and 149950 more problems",
    );
  });

  it("fit a check run in one request: 50 annotations, a summary within 65,535 bytes that counts the rest", () => {
    const run = invalidSetupCheck("a".repeat(40), problems);
    expect(run.output.title).toBe("500 errors in the syllabot configuration");
    expect(run.output.annotations).toHaveLength(50);
    for (const annotation of run.output.annotations) {
      expect(annotation.message.length).toBeLessThanOrEqual(1000);
      expect((annotation.title ?? "").length).toBeLessThanOrEqual(255);
    }
    expect(Buffer.byteLength(run.output.summary, "utf8")).toBeLessThanOrEqual(65_535);
    expect(run.output.summary).toContain("…and 450 more problems: fix these first.");
  });

  it("fit the config-error issue within 65,536 characters, its key first", () => {
    const body = configErrorBody(problems, "https://github.com/octocat/portfolio/blob/HEAD");
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(keyOf(body)).toBe("config-error");
    expect(body).toContain("…and 450 more problems: fix these first.");
    // 50 problems quoting 6,000 characters each do not fit: the list is cut, the count kept.
    expect(body.match(/^- \[/gm)?.length).toBeLessThanOrEqual(50);
    expect(body).toContain("… (cut to GitHub's limit)\n…and 450 more problems");
  });
});
