import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { DEEP_FILES } from "../vitest.config.js";
import { repoPath } from "./helpers/setup.js";

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith(".test.ts") ? [relative(repoPath("."), path)] : [];
  });
}

describe("the test sets", () => {
  it("run at full depth, in npm run test:slow, every file that runs shallow in npm test", () => {
    const shallow = testFiles(repoPath("test")).filter((path) =>
      /from "\.\.\/helpers\/depth\.js"/.test(readFileSync(repoPath(path), "utf8")),
    );
    // A file left out would have its full-depth cases run nowhere, not even in CI.
    expect(shallow.sort()).toEqual([...DEEP_FILES].sort());
  });
});
