// The Action's bundle, built as actions/typescript-action builds its own: `npm run build:action`
// writes dist/index.js (and its source map), which action.yml runs. test/action/dist.test.ts builds
// it again in memory and fails when the committed dist/ is not that build.
import commonjsModule from "@rollup/plugin-commonjs";
import jsonModule from "@rollup/plugin-json";
import { nodeResolve } from "@rollup/plugin-node-resolve";
import typescriptModule from "@rollup/plugin-typescript";
import type { RollupOptions } from "rollup";

// These plugins declare CommonJS-shaped types, which NodeNext reads as `{ default: plugin }`; at run
// time (rollup's config loader, Vitest) the default import is the plugin itself.
const plugin = <T extends { default: unknown }>(module: T) => module as unknown as T["default"];
const commonjs = plugin(commonjsModule);
const json = plugin(jsonModule);
const typescript = plugin(typescriptModule);

const config: RollupOptions = {
  input: "src/action-main.ts",
  output: {
    file: "dist/index.js",
    format: "es",
    sourcemap: true,
    // Lines map back to the files in this repository; their text is not copied into the map.
    sourcemapExcludeSources: true,
  },
  plugins: [
    typescript({
      tsconfig: "tsconfig.build.json",
      // tsconfig.build.json compiles src/ to lib/; here TypeScript hands ES modules to rollup, and a
      // type error fails the build.
      compilerOptions: { module: "NodeNext", outDir: "dist", sourceMap: true, noEmitOnError: true },
    }),
    nodeResolve({ preferBuiltins: true, exportConditions: ["node"] }),
    commonjs(),
    json(),
  ],
  // Dependencies' own warnings (circular imports, `this` in CommonJS helpers, bottleneck's optional
  // Redis `eval("require")`) are theirs; anything about syllabot's code is shown.
  onwarn(warning, warn) {
    const ids = warning.ids ?? (warning.id ? [warning.id] : []);
    if (ids.length > 0 && ids.every((id) => id.includes("/node_modules/"))) return;
    warn(warning);
  },
};

export default config;
