import { readFileSync } from "node:fs";
import { type OutputAsset, type OutputChunk, rollup } from "rollup";
import { describe, expect, it } from "vitest";
import config from "../../rollup.config.js";
import { repoPath } from "../helpers/setup.js";

/** The committed bundle is what GitHub runs: it must be the build of the current source, byte for byte. */

/** Building takes seconds: this is a comparison, not a timing. */
const NO_TIME_LIMIT = 0;
const STALE = "dist/ is not the build of the current source: run `npm run build:action` and commit dist/";

describe("dist/, the bundled Action", () => {
  it(
    "is the build of the current source (index.js and its source map)",
    async () => {
      const output = [config.output].flat()[0];
      if (!output) throw new Error("rollup.config.ts has no output");
      // The same build as `npm run build:action`, kept in memory: dist/ itself is only read.
      const bundle = await rollup({ ...config, onwarn: () => {} });
      try {
        const { output: files } = await bundle.generate(output);
        const chunk = files.find((file): file is OutputChunk => file.type === "chunk" && file.isEntry);
        const map = files.find(
          (file): file is OutputAsset => file.type === "asset" && file.fileName === "index.js.map",
        );
        expect(chunk?.fileName).toBe("index.js");
        expect(readFileSync(repoPath("dist/index.js"), "utf8") === chunk?.code, STALE).toBe(true);
        expect(readFileSync(repoPath("dist/index.js.map"), "utf8") === String(map?.source), STALE).toBe(true);
      } finally {
        await bundle.close();
      }
    },
    NO_TIME_LIMIT,
  );
});
