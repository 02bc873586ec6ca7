import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { MAX_CONFIG_BYTES } from "../../src/config/load.js";
import { MAX_SOURCE_BYTES } from "../../src/yaml/source.js";
import { runs } from "../helpers/depth.js";
import { repoPath } from "../helpers/setup.js";
import { CONFIG_TEXT, HANG_GUARD_MS, loadConfig, loadCurriculum } from "./loader-outcomes.js";

/**
 * The config and curriculum loaders on malformed and hostile YAML: every input either loads or is
 * refused with an InputError whose every problem names the file, a line and a column inside it, and
 * a message. No other exception, no hang (the test's own timeout is the guard), no prototype touched.
 */

const CURRICULUM_TEXT = readFileSync(repoPath("curriculum/rust-systems-1y.yaml"), "utf8");

/** Pieces of YAML syntax, hostile tags and values: the alphabet of the generated documents. */
const FRAGMENTS = [
  "learner: ",
  "octocat",
  "start: ",
  "2026-03-02",
  "2026-02-30",
  "timezone: ",
  "Asia/Kolkata",
  "projects:",
  "capstone: ",
  "curriculum: ",
  "phases:",
  "weeks:",
  "id: ",
  "title: ",
  "\n",
  "\r\n",
  "\r",
  "  ",
  "\t",
  "- ",
  "? ",
  ": ",
  "[",
  "]",
  "{",
  "}",
  ",",
  "&a ",
  "*a",
  "*missing",
  "<<: *a",
  "!!js/function 'function () { return 1 }'",
  "!!js/undefined ''",
  "!!python/object/apply:os.system ['ls']",
  "!foo ",
  "!<tag:example.com,2000:x> ",
  "!!binary aGVsbG8=",
  "!!set {a, b}",
  "!!omap [a: 1]",
  "%YAML 1.1\n",
  "%TAG ! tag:example.com,2000:\n",
  "---\n",
  "...\n",
  "|\n  block\n",
  ">-\n  folded\n",
  "'",
  '"',
  '"\\u0000\\x7f\\uD800"',
  "#",
  "~",
  "null",
  "yes",
  ".inf",
  "-.nan",
  "0x1F",
  "1e309",
  "99999999999999999999999",
  "__proto__",
  "constructor",
  "\uFEFF",
  "\u0000",
  "\u2028",
  "\u202E",
  "\uD800",
  "😀",
];

const fragments = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })), { maxLength: 60 })
  .map((parts) => parts.join(""));

/** A line of `base` replaced, deleted, or given a fragment: near-valid files, where loaders work hardest. */
function mutations(base: string) {
  const lines = base.split("\n");
  const edit = fc.record({
    at: fc.nat({ max: lines.length - 1 }),
    kind: fc.constantFrom("replace", "insert", "delete", "append"),
    text: fc.oneof(fc.constantFrom(...FRAGMENTS), fragments),
  });
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => {
    const out = [...lines];
    for (const { at, kind, text } of edits) {
      const index = Math.min(at, out.length - 1);
      if (kind === "replace") out[index] = text;
      else if (kind === "insert") out.splice(index, 0, text);
      else if (kind === "delete") out.splice(index, 1);
      else out[index] = `${out[index] ?? ""}${text}`;
    }
    return out.join("\n");
  });
}

/** "Billion laughs": `depth` levels, each a list of `width` aliases of the level before. */
const aliasBombs = fc
  .record({ width: fc.integer({ min: 2, max: 12 }), depth: fc.integer({ min: 2, max: 10 }) })
  .map(({ width, depth }) => {
    const levels = [`l0: &l0 [${Array(width).fill('"lol"').join(", ")}]`];
    for (let level = 1; level < depth; level++)
      levels.push(
        `l${level}: &l${level} [${Array(width)
          .fill(`*l${level - 1}`)
          .join(", ")}]`,
      );
    return `${levels.join("\n")}\nlearner: *l${depth - 1}\n`;
  });

/** Nesting by brackets, braces, block indentation or sequence dashes, shallow to very deep. */
const deepNesting = fc
  .record({
    depth: fc.integer({ min: 1, max: 5_000 }),
    style: fc.constantFrom("flow-seq", "flow-map", "block-map", "block-seq"),
  })
  .map(({ depth, style }) => {
    switch (style) {
      case "flow-seq":
        return `learner: ${"[".repeat(depth)}${"]".repeat(depth)}\n`;
      case "flow-map":
        return `learner: ${"{a: ".repeat(depth)}1${"}".repeat(depth)}\n`;
      case "block-map":
        return `${Array.from({ length: Math.min(depth, 1_000) }, (_, level) => `${" ".repeat(level)}a:`).join("\n")} 1\n`;
      default:
        return `${"- ".repeat(depth)}x\n`;
    }
  });

/** Values of every type where the schema wants others, written out as YAML. */
const wrongTypes = fc
  .record(
    {
      learner: fc.jsonValue({ maxDepth: 2 }),
      start: fc.jsonValue({ maxDepth: 2 }),
      timezone: fc.jsonValue({ maxDepth: 1 }),
      curriculum: fc.jsonValue({ maxDepth: 1 }),
      capstone: fc.jsonValue({ maxDepth: 1 }),
      projects: fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 1 })),
      ),
      reminders: fc.jsonValue({ maxDepth: 3 }),
      phases: fc.jsonValue({ maxDepth: 3 }),
      weeks: fc.jsonValue({ maxDepth: 3 }),
    },
    { requiredKeys: [] },
  )
  .map((record) => stringify(record));

const garbage = fc.oneof(
  fc.string({ unit: "binary", maxLength: 400 }),
  fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes).toString("latin1")),
  fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes).toString("utf8")),
  fc.string({ unit: "grapheme", maxLength: 200 }),
);

describe("the config loader on hostile YAML", () => {
  it("loads the example, and the same with a BOM, CRLF line ends, or both", () => {
    const original = loadConfig(CONFIG_TEXT);
    expect(original).toHaveProperty("loaded");
    for (const variant of [
      `\uFEFF${CONFIG_TEXT}`,
      CONFIG_TEXT.replace(/\n/g, "\r\n"),
      `\uFEFF${CONFIG_TEXT.replace(/\n/g, "\r\n")}`,
    ]) {
      expect(loadConfig(variant)).toEqual(original);
    }
  });

  it(
    "either loads or names file, line, column and message: mutations, fragments, garbage, wrong types",
    () => {
      fc.assert(
        fc.property(fc.oneof(mutations(CONFIG_TEXT), fragments, garbage, wrongTypes), (text) => {
          loadConfig(text);
        }),
        { numRuns: runs(400) },
      );
    },
    HANG_GUARD_MS,
  );

  it(
    "refuses alias bombs, survives deep nesting, refuses unknown tags",
    () => {
      fc.assert(
        fc.property(aliasBombs, (text) => {
          const outcome = loadConfig(text);
          expect(outcome).toHaveProperty("problems");
        }),
        { numRuns: runs(40) },
      );
      fc.assert(
        fc.property(deepNesting, (text) => {
          // Nesting the library cannot follow is named as such, not as the engine's stack overflow.
          expect(JSON.stringify(loadConfig(text))).not.toMatch(/call stack/i);
        }),
        { numRuns: runs(40) },
      );
      // Deep, yet under the token budget (100,000), so that it reaches the parser.
      const deepest = loadConfig(`learner: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n`);
      expect(JSON.stringify(deepest)).toContain("nested too deeply");
      for (const tag of [
        "!!js/function 'function () {}'",
        "!foo bar",
        "!!python/object:os.system x",
        "!<!x> y",
      ]) {
        const outcome = loadConfig(CONFIG_TEXT.replace(/^learner: .*$/m, `learner: ${tag}`));
        expect(outcome).toHaveProperty("problems");
        expect(JSON.stringify(outcome)).toMatch(/tag/i);
      }
    },
    HANG_GUARD_MS,
  );

  it(
    "refuses empty, comment-only and oversized files with a position, and takes huge strings under the cap",
    () => {
      for (const text of ["", "\n\n", "# nothing here\n", "\uFEFF", "---\n", "~\n"]) {
        expect(loadConfig(text)).toHaveProperty("problems");
      }
      const oversized = loadConfig(`learner: ${"x".repeat(MAX_SOURCE_BYTES)}\n`);
      expect(JSON.stringify(oversized)).toContain(`at most ${MAX_CONFIG_BYTES} (64 KiB)`);
      const huge = loadConfig(CONFIG_TEXT.replace(/^learner: .*$/m, `learner: "${"é".repeat(400_000)}"`));
      expect(huge).toHaveProperty("problems");
    },
    HANG_GUARD_MS,
  );

  it("reports a key that is a list or a mapping as a problem, with no warning printed to the process", async () => {
    const warnings: string[] = [];
    const listen = (warning: Error) => warnings.push(warning.message);
    process.on("warning", listen);
    try {
      for (const text of [
        "learner: octocat\n[a, b]: value\n",
        "learner: octocat\n{a: 1}: value\n",
        "? [x]\n: value\n",
      ]) {
        expect(loadConfig(text)).toHaveProperty("problems");
      }
      // Node emits a process warning on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("warning", listen);
    }
    expect(warnings).toEqual([]);
  });

  it("lets no key reach an object's prototype", () => {
    const text = `${CONFIG_TEXT}\n__proto__: { polluted: true }\nconstructor: { prototype: { polluted: true } }\n`;
    expect(loadConfig(text)).toHaveProperty("problems");
    // Under projects, a __proto__ key is dropped by the schema: the projects keep their own prototype.
    const projects = loadConfig(
      CONFIG_TEXT.replace(/^projects:$/m, "projects:\n  __proto__: { polluted: true }"),
    );
    const loaded = (projects as { loaded?: { projects: Record<string, unknown> } }).loaded;
    expect(loaded?.projects).toBeDefined();
    expect(Object.getPrototypeOf(loaded?.projects)).toBe(Object.prototype);
    expect("polluted" in (loaded?.projects ?? {})).toBe(false);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});

describe("the curriculum loader on hostile YAML", () => {
  it("loads the bundled curriculum, and the same with a BOM and CRLF line ends", () => {
    const original = loadCurriculum(CURRICULUM_TEXT);
    expect(original).toHaveProperty("loaded");
    expect(loadCurriculum(`\uFEFF${CURRICULUM_TEXT.replace(/\n/g, "\r\n")}`)).toEqual(original);
  });

  it(
    "either loads or names file, line, column and message: mutations, fragments, garbage, bombs, nesting",
    () => {
      fc.assert(
        fc.property(mutations(CURRICULUM_TEXT), (text) => {
          loadCurriculum(text);
        }),
        { numRuns: runs(60) },
      );
      fc.assert(
        fc.property(fc.oneof(fragments, garbage, wrongTypes, aliasBombs, deepNesting), (text) => {
          loadCurriculum(text);
        }),
        { numRuns: runs(300) },
      );
      for (const text of ["", "# comment only\n", `id: ${"x".repeat(MAX_SOURCE_BYTES)}\n`]) {
        expect(loadCurriculum(text)).toHaveProperty("problems");
      }
    },
    HANG_GUARD_MS,
  );
});
