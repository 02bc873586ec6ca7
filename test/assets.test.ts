import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readAssets, renderAssetsModule } from "../src/assets.js";
import { repoPath } from "./helpers/setup.js";

describe("embedded assets", () => {
  it("src/generated/assets.ts holds the current templates and curricula (run `npm run assets`)", () => {
    const expected = renderAssetsModule(readAssets(new URL("../", import.meta.url)));
    expect(readFileSync(repoPath("src/generated/assets.ts"), "utf8")).toBe(expected);
  });
});
