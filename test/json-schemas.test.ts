import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtinCurriculumIds } from "../src/curriculum/builtin.js";
import { jsonSchemas } from "../src/json-schemas.js";
import { repoPath } from "./helpers/setup.js";

describe("committed JSON Schemas", () => {
  it.each(Object.entries(jsonSchemas()))(
    "%s is the build of the zod schema (run `npm run schemas`)",
    (path, text) => {
      expect(readFileSync(repoPath(path), "utf8")).toBe(text);
    },
  );

  it.each(Object.entries(jsonSchemas()))("%s describes every field, for editors' hover help", (_, text) => {
    const undescribed: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (Array.isArray(node)) {
        node.forEach((item, index) => {
          visit(item, `${path}[${index}]`);
        });
      }
      if (!node || typeof node !== "object") return;
      const schema = node as Record<string, unknown>;
      const properties = schema.properties as Record<string, Record<string, unknown>> | undefined;
      for (const [key, property] of Object.entries(properties ?? {})) {
        if (typeof property.description !== "string" || property.description.length < 10)
          undescribed.push(`${path}.${key}`);
      }
      for (const [key, value] of Object.entries(schema)) visit(value, `${path}.${key}`);
    };
    visit(JSON.parse(text), "");
    expect(undescribed).toEqual([]);
  });

  it.each(builtinCurriculumIds())("is what the bundled curriculum %s points editors at", (id) => {
    expect(readFileSync(repoPath(`curriculum/${id}.yaml`), "utf8")).toMatch(
      /^# yaml-language-server: \$schema=\.\/schema\.json/,
    );
  });
});
