import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { MAX_SOURCE_BYTES, parseYamlSource } from "../../src/yaml/source.js";

function problemsOf(text: string) {
  try {
    parseYamlSource(text, "f.yml");
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("defensive YAML parsing", () => {
  it.each([
    {
      name: "malformed flow mapping",
      input: "learner: octocat\nprojects: {csvq: a/b\n",
      line: 3,
    },
    { name: "bad indentation", input: "a:\n  b: 1\n c: 2\n", line: 3 },
    { name: "duplicate key", input: "learner: a\nlearner: b\n", line: 2 },
    { name: "two documents", input: "a: 1\n---\nb: 2\n", line: 2 },
    { name: "unknown tag", input: "a: 1\nb: !!python/object:os.system ls\n", line: 2 },
    { name: "custom tag", input: "c: !include other.yml\n", line: 1 },
  ])("reports $name with its line and column", ({ input, line }) => {
    const [problem] = problemsOf(input);
    expect(problem).toMatchObject({ file: "f.yml", line });
    expect(problem?.column).toBeGreaterThan(0);
    expect(problem?.message).toMatch(/\w/);
  });

  it.each([
    { input: "a: *x\n", line: 1, column: 4 },
    { input: "a: &x 1\nb:\n  - c: [1, *y]\n", line: 3, column: 12 },
  ])("reports an alias to no anchor at the alias ($input)", ({ input, line, column }) => {
    expect(problemsOf(input)).toEqual([
      expect.objectContaining({
        line,
        column,
        message: expect.stringMatching(/^cannot read YAML: Unresolved alias/),
      }),
    ]);
  });

  it("refuses an alias bomb before expanding it", () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const current = String.fromCharCode(97 + level);
      levels.push(`${current}: &${current} [${Array(9).fill(`*${previous}`).join(",")}]`);
    }
    const [problem, ...rest] = problemsOf(`${levels.join("\n")}\n`);
    expect(rest).toEqual([]);
    expect(problem?.message).toBe(
      "aliases would expand to more than 100000 values (each alias repeats its anchor's whole value): refusing a possible alias bomb",
    );
    // Levels a to e expand to 74,718 values; the first alias of level f passes the limit.
    expect(problem).toMatchObject({ line: 6, column: 8 });
  });

  it("refuses a bomb of small levels nested deep, at the alias that passes the limit", () => {
    // 2^64 strings if expanded: each level only doubles the one before.
    const levels = ['l0: &l0 ["lol", "lol"]'];
    for (let level = 1; level <= 64; level++)
      levels.push(`l${level}: &l${level} [*l${level - 1}, *l${level - 1}]`);
    const [problem, ...rest] = problemsOf(`${levels.join("\n")}\n`);
    expect(rest).toEqual([]);
    expect(problem?.message).toMatch(/refusing a possible alias bomb/);
    // The aliases of l1 to l13 expand to 65,502 values, and each of l14's to 32,767: its second passes 100,000.
    expect(problem).toMatchObject({ line: 15, column: 18 });
  });

  it("accepts one small anchor used many times: the limit is on what aliases expand to, not on how many there are", () => {
    const uses = Array.from({ length: 900 }, (_, index) => `  - {n: ${index}, hours: *hours}`).join("\n");
    const source = parseYamlSource(`hours: &hours {min: 3, max: 4}\nweeks:\n${uses}\n`, "f.yml");
    const weeks = (source.data as { weeks: { hours: unknown }[] }).weeks;
    expect(weeks).toHaveLength(900);
    expect(weeks[899]?.hours).toEqual({ min: 3, max: 4 });
  });

  it("refuses many uses of one anchor when together they expand past the limit", () => {
    const anchor = `[${Array.from({ length: 200 }, (_, index) => index).join(", ")}]`;
    const uses = Array.from({ length: 600 }, () => "  - *big").join("\n");
    const [problem] = problemsOf(`big: &big ${anchor}\nlists:\n${uses}\n`);
    expect(problem?.message).toMatch(/more than 100000 values/);
    // Each use repeats 201 values: the 498th use (line 500) passes 100,000.
    expect(problem).toMatchObject({ line: 500, column: 5 });
  });

  it("refuses a file over 1 MiB", () => {
    const [problem] = problemsOf(`a: "${"x".repeat(MAX_SOURCE_BYTES)}"\n`);
    expect(problem?.message).toMatch(/at most 1048576 \(1 MiB\)/);
  });

  it("keeps dates as strings (YAML 1.2 core schema) and locates nested fields", () => {
    const source = parseYamlSource(
      "start: 2026-03-02\nprojects:\n  csvq: x/y\nlist:\n  - a\n  - b\n",
      "f.yml",
    );
    expect(source.data).toEqual({ start: "2026-03-02", projects: { csvq: "x/y" }, list: ["a", "b"] });
    expect(source.locate(["projects", "csvq"])).toEqual({ line: 3, column: 9 });
    expect(source.locate(["projects", "csvq"], { key: true })).toEqual({ line: 3, column: 3 });
    expect(source.locate(["list", 1])).toEqual({ line: 6, column: 5 });
    // A missing field is reported where its parent is.
    expect(source.locate(["projects", "nope", "deeper"])).toEqual({ line: 3, column: 3 });
  });

  it("refuses a file of more than 100,000 tokens where the budget runs out, before building it", () => {
    const [problem, ...rest] = problemsOf(`a: 1\nb: [${"1,".repeat(60_000)}]\n`);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: 2, path: "" });
    expect(problem?.message).toMatch(/too large to check: more than 100000 keys, values/);
    // "a", ":", "1", "b", ":", "[", then 49,997 pairs of "1" and ",": the 100,001st token is the next "1".
    expect(problem?.column).toBe("b: [".length + 49_997 * 2 + 1);
  });

  it("refuses a list of more than 1,000 items, or a mapping of more than 1,000 keys, where it is", () => {
    const list = problemsOf(`a:\n  b: [${Array(1_001).fill("1").join(",")}]\n  c: ok\n`);
    expect(list).toEqual([
      {
        file: "f.yml",
        line: 2,
        column: 6,
        path: "a.b",
        message: "a list of 1001 items; at most 1000 are accepted",
      },
    ]);
    const keys = Array.from({ length: 1_001 }, (_, index) => `  k${index}: 1`).join("\n");
    const mapping = problemsOf(`ok: 1\nm:\n${keys}\n`);
    expect(mapping).toMatchObject([
      { line: 3, column: 3, path: "m", message: "a mapping of 1001 keys; at most 1000 are accepted" },
    ]);
    // A caller reading a larger kind of document widens the bounds.
    const wide = parseYamlSource(`a: [${Array(5_000).fill("1").join(",")}]\n`, "f.yml", {
      maxTokens: Number.POSITIVE_INFINITY,
      maxCollectionItems: Number.POSITIVE_INFINITY,
    });
    expect((wide.data as { a: number[] }).a).toHaveLength(5_000);
  });

  it("refuses nesting past 32 levels, and an alias inside the value it names, with a path", () => {
    const [deep] = problemsOf(`a: ${"[".repeat(40)}${"]".repeat(40)}\n`);
    expect(deep?.message).toBe("nested more than 32 lists or mappings deep");
    expect(deep?.path).toBe(`a${"[0]".repeat(31)}`);
    const [cycle] = problemsOf("a: &x\n  b: [*x]\n");
    expect(cycle).toMatchObject({ line: 2, column: 7, path: "a.b[0]" });
    expect(cycle?.message).toBe("an alias refers to the list or mapping that contains it");
  });

  it('reports a repeated key where it repeats, among 20,000 keys too; 1 and "1" are the same key', () => {
    const keys = Array.from({ length: 20_000 }, (_, index) => `k${index}: 1`).join("\n");
    expect(problemsOf(`${keys}\nk7: 2\n`)).toEqual([
      { file: "f.yml", line: 20_001, column: 1, path: "", message: "Map keys must be unique" },
    ]);
    expect(problemsOf('m: {1: a, "1": b}\n')).toMatchObject([{ line: 1, column: 11 }]);
  }, 120_000);
});
