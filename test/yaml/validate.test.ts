import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseYamlSource } from "../../src/yaml/source.js";
import { validateSource } from "../../src/yaml/validate.js";
import { reportedProblems } from "../helpers/setup.js";

function problemsOf(schema: z.ZodType, text: string): string[] {
  return reportedProblems(() => validateSource(schema, parseYamlSource(text, "f.yml")));
}

describe("messages of a schema that gives none of its own", () => {
  it("says what a value of several shapes may be, and what it got", () => {
    const schema = z.strictObject({
      repo: z.union([z.string(), z.strictObject({ repo: z.string(), path: z.string() })]),
    });
    expect(problemsOf(schema, "repo: 5\n")).toEqual([
      "f.yml:1:7: repo: expected a string or a mapping, got number 5",
    ]);
    expect(problemsOf(schema, "repo: [a]\n")).toEqual([
      "f.yml:1:7: repo: expected a string or a mapping, got a list",
    ]);
  });

  it("says a bound in words, with the value given", () => {
    const schema = z.strictObject({ n: z.number().int().min(2).max(9), list: z.array(z.string()).min(2) });
    expect(problemsOf(schema, "n: 1\nlist: [a]\n")).toEqual([
      "f.yml:1:4: n: must be 2 or more (got 1)",
      "f.yml:2:7: list: must list at least 2 items (got 1)",
    ]);
    expect(problemsOf(schema, "n: 10\nlist: [a, b]\n")).toEqual(["f.yml:1:4: n: must be at most 9 (got 10)"]);
  });
});
