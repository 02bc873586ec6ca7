import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { jsonSchemas } from "../src/json-schemas.js";
import { repoPath } from "./helpers/setup.js";

describe("committed JSON Schemas", () => {
  it.each(Object.entries(jsonSchemas()))(
    "%s is the build of the zod schema (run `npm run schemas`)",
    (path, text) => {
      expect(readFileSync(repoPath(path), "utf8")).toBe(text);
    },
  );

  it("are what the bundled files point editors at", () => {
    expect(readFileSync(repoPath("curriculum/rust-systems-1y.yaml"), "utf8")).toMatch(
      /^# yaml-language-server: \$schema=\.\/schema\.json/,
    );
  });
});
