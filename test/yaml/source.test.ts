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

  it("refuses an alias bomb before expanding it", () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const current = String.fromCharCode(97 + level);
      levels.push(`${current}: &${current} [${Array(9).fill(`*${previous}`).join(",")}]`);
    }
    const [problem] = problemsOf(`${levels.join("\n")}\n`);
    expect(problem?.message).toMatch(/alias/);
    expect(problem?.line).toBe(2);
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
});
