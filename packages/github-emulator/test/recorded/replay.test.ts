import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { KNOWN_DIFFERENCES } from "./allow-list.js";
import { type ReplayedScenario, replay } from "./replay.js";
import { classify, figure, report } from "./report.js";
import { REPLAYED, SKIPPED } from "./scenarios.js";

const README = new URL("../../README.md", import.meta.url);

/** Every property name GitHub's OpenAPI description gives any schema, its components' or inline. */
function describedFieldNames(): Set<string> {
  const spec = JSON.parse(
    readFileSync(
      createRequire(import.meta.url).resolve("@octokit/openapi/generated/api.github.com.json"),
      "utf8",
    ),
  ) as unknown;
  const names = new Set<string>();
  const walk = (node: unknown) => {
    if (typeof node !== "object" || node === null) return;
    const properties = (node as { properties?: Record<string, unknown> }).properties;
    if (properties && typeof properties === "object")
      for (const name of Object.keys(properties)) names.add(name);
    for (const value of Object.values(node)) walk(value);
  };
  walk(spec);
  return names;
}

describe("api.github.com's recorded answers, replayed against the emulator", () => {
  const results: ReplayedScenario[] = [];

  it("covers every recorded scenario: each replayed or skipped with a reason", () => {
    const scenarios = dirname(
      createRequire(import.meta.url).resolve(
        "@octokit/fixtures/scenarios/api.github.com/labels/normalized-fixture.json",
      ),
    );
    const all = readdirSync(dirname(scenarios)).sort();
    const named = [...REPLAYED.map((plan) => plan.name), ...Object.keys(SKIPPED)].sort();
    expect(named).toEqual(all);
  });

  it.each(REPLAYED.map((plan) => [plan.name, plan] as const))("replays %s", async (_name, plan) => {
    const result = await replay(plan);
    results.push(result);
    expect(result.problems).toEqual([]);
    const unexplained = classify([result])
      .filter((item) => item.known === undefined)
      .map(
        ({ request, difference: d }) =>
          `#${request} ${d.kind} ${d.where}: ${d.recorded} recorded, ${d.emulated} emulated`,
      );
    expect(unexplained).toEqual([]);
  });

  it("has no allow-list entry that matches nothing, and only documented fields as newer than the recording", () => {
    expect(results).toHaveLength(REPLAYED.length);
    const used = new Set(classify(results).map((item) => item.known));
    expect(KNOWN_DIFFERENCES.filter((entry) => !used.has(entry)).map((entry) => entry.why)).toEqual([]);
    const described = describedFieldNames();
    const newer = classify(results).filter((item) => item.known?.group === "newer");
    const fields = new Set(newer.map((item) => item.difference.where.split("/").at(-1) ?? ""));
    expect([...fields].filter((field) => !described.has(field))).toEqual([]);
  });

  it("prints the figure in the emulator's README and the table in REPORT.md", async () => {
    expect(results).toHaveLength(REPLAYED.length);
    await expect(report(results, SKIPPED)).toMatchFileSnapshot("./REPORT.md");
    expect(readFileSync(README, "utf8")).toContain(figure(results, Object.keys(SKIPPED).length));
  });
});
