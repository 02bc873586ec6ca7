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

  it("says exclusive bounds, text lengths and list lengths in words", () => {
    const schema = z.strictObject({
      hours: z.number().positive().lt(100),
      title: z.string().min(1).max(5),
      code: z.string().min(3),
      tags: z.array(z.string()).max(1),
      more: z.array(z.string()).min(1),
    });
    expect(problemsOf(schema, "hours: 0\ntitle: ''\ncode: ab\ntags: [a, b]\nmore: []\n")).toEqual([
      "f.yml:1:8: hours: must be more than 0 (got 0)",
      "f.yml:2:8: title: must not be empty",
      "f.yml:3:7: code: must be at least 3 characters long (got 2)",
      "f.yml:4:7: tags: must list at most 1 item (got 2)",
      "f.yml:5:7: more: must list at least 1 item (got none)",
    ]);
    expect(problemsOf(schema, "hours: 100\ntitle: abcdef\ncode: abc\ntags: []\nmore: [a]\n")).toEqual([
      "f.yml:1:8: hours: must be less than 100 (got 100)",
      "f.yml:2:8: title: must be at most 5 characters long (got 6)",
    ]);
  });

  it("says what an address should look like, quoting a long value cut short", () => {
    const schema = z.strictObject({ site: z.url(), mail: z.email() });
    const long = `not a url ${"x".repeat(80)}`;
    expect(problemsOf(schema, `site: ${long}\nmail: octocat\n`)).toEqual([
      `f.yml:1:7: site: expected a URL such as https://example.com, got "${long.slice(0, 57)}..."`,
      'f.yml:2:7: mail: expected an email address, got "octocat"',
    ]);
  });
});
