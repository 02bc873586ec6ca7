// The Action's entry point, bundled to dist/index.js (`npm run build:action`); action.ts does the work.
import { run } from "./action.js";

await run();
