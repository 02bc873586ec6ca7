import { writeFileSync } from "node:fs";
import { readAssets, renderAssetsModule } from "../src/assets.js";

const root = new URL("../", import.meta.url);
writeFileSync(new URL("src/generated/assets.ts", root), renderAssetsModule(readAssets(root)));
process.stdout.write("wrote src/generated/assets.ts\n");
