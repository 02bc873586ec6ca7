import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_SOURCE_BYTES } from "../../src/yaml/source.js";
import { runs } from "../helpers/depth.js";
import { CONFIG_TEXT, HANG_GUARD_MS, loadConfig, loadCurriculum } from "./loader-outcomes.js";

/**
 * Files written to be expensive: long lists of invalid items (flat, or inside a list's item), many
 * small invalid mappings, many keys, overlapping weeks, data nested past the schemas, aliases that
 * contain themselves; up to the 1 MiB cap. Each is loaded or refused with a short, located report,
 * never with the engine's stack overflow.
 */
describe("the loaders on expensive YAML", () => {
  const ITEMS = [
    "1",
    "x",
    "{}",
    "{a: 1}",
    "[]",
    "{title: x}",
    "{weeks: 1-1000, phase: 1, title: W, weekday: [x]}",
  ];
  /** `count` items of one kind as a flow list, or as a block list indented by `indent`. */
  const list = fc
    .record({
      count: fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 2_000, max: 150_000 })),
      item: fc.constantFrom(...ITEMS),
      block: fc.boolean(),
    })
    .map(({ count, item, block }) => (indent: string) => {
      const room = Math.floor(MAX_SOURCE_BYTES / (item.length + indent.length + 4)) - 100;
      const items = Array(Math.min(count, room)).fill(item);
      return block ? `\n${items.map((one) => `${indent}- ${one}`).join("\n")}` : `[${items.join(", ")}]`;
    });

  const curricula = fc
    .record({
      place: fc.constantFrom("weeks", "phases", "projects", "concepts", "replaces", "targets"),
      list,
    })
    .map(({ place, list }) => {
      const phases = "phases:\n  - {number: 1, title: P, weeks: 1-1000, objective: o}\n";
      const base = `id: big\ntitle: Big\ntime_budget:\n  weekly_hours: {min: 1, max: 2}\n`;
      const weeks = "weeks:\n  - {weeks: 1-1000, phase: 1, title: W, weekday: [x]}\n";
      if (place === "weeks") return `${base}${phases}weeks: ${list("  ")}\n`;
      if (place === "phases") return `${base}phases: ${list("  ")}\n${weeks}`;
      if (place === "projects") return `${base}${phases}${weeks}projects: ${list("  ")}\n`;
      if (place === "concepts")
        return `${base}phases:\n  - number: 1\n    title: P\n    weeks: 1-1000\n    objective: o\n    concepts: ${list("      ")}\n${weeks}`;
      if (place === "replaces")
        return `${base}${phases}${weeks}projects:\n  - slug: p\n    title: P\n    phase: 1\n    weeks: 1\n    summary: s\n    checks: [c]\n    replaces: ${list("      ")}\n`;
      return `${base}${phases}${weeks}tracks:\n  oss:\n    title: t\n    summary: s\n    targets: ${list("      ")}\n`;
    });

  const configs = fc
    .record({
      place: fc.constantFrom("emails", "repos", "lead_days", "projects"),
      list,
      keys: fc.integer({ min: 1, max: 60_000 }),
    })
    .map(({ place, list, keys }) => {
      if (place === "emails") return CONFIG_TEXT.replace(/^emails:.*$/m, `emails: ${list("  ")}`);
      if (place === "repos") return CONFIG_TEXT.replace(/^ {2}repos: .*$/m, `  repos: ${list("    ")}`);
      if (place === "lead_days")
        return CONFIG_TEXT.replace(/^ {2}lead_days: .*$/m, `  lead_days: ${list("    ")}`);
      const unknown = Array.from({ length: keys }, (_, index) => `  zz${index}: a/b`).join("\n");
      return CONFIG_TEXT.replace(/^projects:.*$/m, `projects:\n${unknown}`);
    });

  /** Lists nested past the schemas' depth, by brackets or aliases, and aliases inside what they name. */
  const deepData = fc
    .record({
      depth: fc.integer({ min: 1, max: 200 }),
      style: fc.constantFrom("brackets", "alias-chain", "cycle"),
    })
    .map(({ depth, style }) => {
      if (style === "brackets") return `learner: octocat\nweeks: ${"[".repeat(depth)}${"]".repeat(depth)}\n`;
      if (style === "cycle")
        return `weeks: &a [${Array(Math.min(depth, 50)).fill("*a").join(", ")}]\nlearner: *a\n`;
      const levels = ["l0: &l0 [x]"];
      for (let level = 1; level < depth; level++) levels.push(`l${level}: &l${level} [*l${level - 1}]`);
      return `${levels.join("\n")}\nweeks: *l${depth - 1}\n`;
    });

  it(
    "curricula: long lists of invalid items anywhere, many overlapping weeks",
    () => {
      fc.assert(
        fc.property(curricula, (text) => {
          loadCurriculum(text);
        }),
        { numRuns: runs(40) },
      );
    },
    HANG_GUARD_MS,
  );

  it(
    "configs: long lists of invalid items, tens of thousands of unknown projects",
    () => {
      fc.assert(
        fc.property(configs, (text) => {
          loadConfig(text);
        }),
        { numRuns: runs(20) },
      );
    },
    HANG_GUARD_MS,
  );

  it(
    "both: data nested past the schemas, alias chains, aliases inside what they name",
    () => {
      fc.assert(
        fc.property(deepData, (text) => {
          expect(loadCurriculum(text)).toHaveProperty("problems");
          expect(loadConfig(text)).toHaveProperty("problems");
        }),
        { numRuns: runs(40) },
      );
      const cycle = loadConfig("learner: &a [*a]\n");
      expect(JSON.stringify(cycle)).toContain("alias refers to the list or mapping that contains it");
    },
    HANG_GUARD_MS,
  );

  it(
    "the worst files under the limits: about 100,000 tokens of invalid items, reported briefly",
    () => {
      const base =
        "id: big\ntitle: Big\ntime_budget:\n  weekly_hours: {min: 1, max: 2}\nphases: [{}]\nweeks: [{}]\n";
      const replaces = `  - {replaces: [${Array(999).fill("{}").join(",")}]}\n`;
      const concepts = `  - {concepts: [${Array(999).fill("1").join(",")}]}\n`;
      for (const text of [
        `${base}projects:\n${replaces.repeat(33)}`,
        `${base.replace("phases: [{}]\n", "")}phases:\n${concepts.repeat(46)}`,
      ]) {
        const outcome = loadCurriculum(text);
        expect(outcome).toHaveProperty("problems");
        expect(JSON.stringify(outcome)).not.toContain("too large to check");
      }
    },
    HANG_GUARD_MS,
  );
});
