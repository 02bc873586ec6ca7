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

  it.each(builtinCurriculumIds())("is what the bundled curriculum %s points editors at", (id) => {
    expect(readFileSync(repoPath(`curriculum/${id}.yaml`), "utf8")).toMatch(
      /^# yaml-language-server: \$schema=\.\/schema\.json/,
    );
  });
});
