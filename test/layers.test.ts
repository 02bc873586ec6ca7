import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoPath } from "./helpers/setup.js";

/**
 * The layer rules (.dependency-cruiser.cjs, run by `npm run lint:layers` in `npm test`) checked on a
 * small tree written for the purpose: each file breaks one rule, or none, so a rule that stops
 * catching what it names fails here rather than letting src/ drift.
 */
const TREE: Record<string, string> = {
  "tsconfig.json": JSON.stringify({
    compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true },
    include: ["src"],
  }),
  "node_modules/zod/package.json": JSON.stringify({ name: "zod", main: "index.js" }),
  "node_modules/zod/index.js": "export const z = {};\n",
  "node_modules/picocolors/package.json": JSON.stringify({ name: "picocolors", main: "index.js" }),
  "node_modules/picocolors/index.js": "export default {};\n",
  // Allowed: the core with pure packages and built-ins, adapters on use cases, use cases on the gateway.
  "src/text/words.ts": 'import { createHash } from "node:crypto";\nexport const hash = createHash;\n',
  "src/plan/parses.ts":
    'import { z } from "zod";\nimport { hash } from "../text/words.js";\nexport const parse = [z, hash];\n',
  "src/cli.ts": 'import { run } from "./use-cases/sync.js";\nexport const main = run;\n',
  "src/use-cases/reads.ts":
    'import type { Gateway } from "../github/gateway.js";\nexport type Reads = Gateway;\n',
  // Refused, one rule each.
  "src/plan/reads-disk.ts": 'import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n',
  "src/plan/sneaks.ts": 'export const fs = process.getBuiltinModule("node:fs");\n',
  "src/plan/defers.ts": 'export const spawn = () => import("node:child_process");\n',
  "src/plan/paints.ts": 'import pc from "picocolors";\nexport const paint = pc;\n',
  "src/progress/knows-gateway.ts":
    'import type { Gateway } from "../github/gateway.js";\nexport type G = Gateway;\n',
  "src/github/gateway.ts":
    'import { run } from "../use-cases/sync.js";\nexport interface Gateway { run: typeof run }\n',
  "src/use-cases/sync.ts": 'import { version } from "../commands/version.js";\nexport const run = version;\n',
  "src/commands/version.ts": "export const version = 1;\n",
  "src/setup/loads.ts": 'import { run } from "../use-cases/sync.js";\nexport const load = run;\n',
  "packages/github-emulator/src/server.ts":
    'import { hash } from "../../../src/text/words.js";\nexport const serve = hash;\n',
  "node_modules/@syllabot/github-emulator/package.json": JSON.stringify({
    name: "@syllabot/github-emulator",
    exports: { ".": { source: "./src/index.ts", default: "./lib/index.js" } },
  }),
  "node_modules/@syllabot/github-emulator/src/index.ts": "export const Emulator = 1;\n",
  "src/demo/play.ts":
    'import { Emulator } from "@syllabot/github-emulator";\nexport const play = Emulator;\n',
  "src/use-cases/emulated.ts":
    'import { Emulator } from "@syllabot/github-emulator";\nexport const emulated = Emulator;\n',
  "src/action-main.ts": 'import { run } from "./action/run.js";\nexport const main = run;\n',
  "src/action/run.ts": 'import { play } from "../demo/play.js";\nexport const run = play;\n',
  "src/render/a.ts": 'import { b } from "./b.js";\nexport const a = () => b;\n',
  "src/render/b.ts": 'import { a } from "./a.js";\nexport const b = () => a;\n',
  "src/render/plans.ts": 'import { parse } from "../plan/parses.js";\nexport const plans = parse;\n',
  "src/text/configured.ts":
    'import { config } from "../config/schema.js";\nexport const configured = config;\n',
  "src/config/schema.ts":
    'import { vocabulary } from "../model/vocabulary.js";\nexport const config = vocabulary;\n',
  "src/model/vocabulary.ts": 'import { a } from "../render/a.js";\nexport const vocabulary = a;\n',
  "src/plan/missing.ts": 'import { nothing } from "./nowhere.js";\nexport const missing = nothing;\n',
};

const EXPECTED = [
  "action-bundle-without-emulator src/action-main.ts -> node_modules/@syllabot/github-emulator/src/index.ts",
  "core-base-at-the-bottom src/text/configured.ts -> src/config/schema.ts",
  "core-inputs-below-model src/config/schema.ts -> src/model/vocabulary.ts",
  "core-is-pure src/plan/defers.ts -> child_process",
  "core-is-pure src/plan/paints.ts -> node_modules/picocolors/index.js",
  "core-is-pure src/plan/reads-disk.ts -> fs",
  "core-is-pure src/plan/sneaks.ts -> fs",
  "core-is-pure src/progress/knows-gateway.ts -> src/github/gateway.ts",
  "core-model-below-deciders src/model/vocabulary.ts -> src/render/a.ts",
  "core-planner-on-top src/render/plans.ts -> src/plan/parses.ts",
  "emulator-only-for-the-demo src/use-cases/emulated.ts -> node_modules/@syllabot/github-emulator/src/index.ts",
  "emulator-stands-alone packages/github-emulator/src/server.ts -> src/text/words.ts",
  "gateway-below-use-cases src/github/gateway.ts -> src/use-cases/sync.ts",
  "no-cycles src/render/a.ts -> src/render/b.ts",
  "no-unresolvable src/plan/missing.ts -> ./nowhere.js",
  "setup-below-use-cases src/setup/loads.ts -> src/use-cases/sync.ts",
  "use-cases-below-adapters src/use-cases/sync.ts -> src/commands/version.ts",
];

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

describe("the layer rules", () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "syllabot-layers-"));
    for (const [path, text] of Object.entries(TREE)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const cli = fileURLToPath(
    new URL("../node_modules/dependency-cruiser/bin/dependency-cruise.mjs", import.meta.url),
  );
  const cruise = (...options: string[]) =>
    spawnSync(
      process.execPath,
      [cli, "src", "packages", "--config", repoPath(".dependency-cruiser.cjs"), ...options],
      {
        cwd: root,
        encoding: "utf8",
      },
    );

  it("refuse each kind of bad import, type-only ones included, and nothing else", () => {
    const run = cruise("--output-type", "json");
    expect(run.stderr).toBe("");
    const violations = (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary
      .violations;
    const found = violations.map(({ rule, from, to }) => `${rule.name} ${from} -> ${to}`).sort();
    expect(found).toEqual(EXPECTED);
  });

  it("fail the command npm test runs (lint:layers) when an import breaks them", () => {
    const lint = JSON.parse(readFileSync(repoPath("package.json"), "utf8")).scripts as Record<string, string>;
    expect(lint.test).toMatch(/npm run lint:layers/);
    expect(lint["lint:layers"]).toBe(
      "depcruise src packages/github-emulator/src --config .dependency-cruiser.cjs",
    );
    const run = cruise();
    expect(run.status).not.toBe(0);
    expect(run.stdout).toContain(`${EXPECTED.length} dependency violations`);
  });
});
