import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Files only `npm run test:slow` runs, whole: each is slow by nature, not by its count of cases.
 * - test/soak/**: hundreds of deliveries under injected faults, 20 installations, up to 3 processes
 *   sharing Redis; a bootstrap crashed at each of its 112 writes; 1,000 push orders.
 * - test/action/dist.test.ts: bundles the Action again with rollup to compare it with dist/.
 * - test/packaging/: `npm pack`, installed in an empty folder, its commands run from there.
 * - test/github/probot-octokit-redis.test.ts: not slow, but it needs a module graph of its own: the
 *   throttling plugin keeps its limiter groups in module state, made by the first client of the
 *   process, which in the fast set's shared graph is another file's client without Redis.
 */
const SLOW_FILES = [
  "test/soak/**/*.test.ts",
  "test/action/dist.test.ts",
  "test/packaging/**/*.test.ts",
  "test/github/probot-octokit-redis.test.ts",
];

/**
 * Files run by both: at a fast depth in `npm test`, at full depth (SYLLABOT_TEST_DEPTH=full, see
 * test/helpers/depth.ts) in `npm run test:slow`. test/suite-split.test.ts checks this list against
 * the files importing depth.js.
 */
export const DEEP_FILES = [
  "test/commands/demo.test.ts",
  "test/e2e/remind.test.ts",
  "test/e2e/sync.test.ts",
  "test/progress/ledger-archive.test.ts",
  "test/fuzz/webhooks.test.ts",
  "test/fuzz/yaml-loaders.test.ts",
  "test/fuzz/yaml-expensive.test.ts",
  "test/remind/policy.test.ts",
  "test/render/calendar-ics.test.ts",
];

/** The pure core: plain data in, plain data out. Its lines are covered at 95% or `npm test` fails. */
const PURE_CORE = [
  "src/calendar.ts",
  "src/config/**",
  "src/curriculum/**",
  "src/import/**",
  "src/init/**",
  "src/model/**",
  "src/plan/**",
  "src/progress/**",
  "src/remind/**",
  "src/render/**",
  "src/text/**",
  "src/yaml/**",
];

/** Workspace packages, imported by name and run from their TypeScript sources (no build needed). */
const WORKSPACE_SOURCES = [
  { find: /^@syllabot\/github-emulator$/, replacement: "packages/github-emulator/src/index.ts" },
  {
    find: /^@syllabot\/github-emulator\/testing$/,
    replacement: "packages/github-emulator/src/testing/index.ts",
  },
].map(({ find, replacement }) => ({
  find,
  replacement: fileURLToPath(new URL(replacement, import.meta.url)),
}));

export default defineConfig({
  resolve: { alias: WORKSPACE_SOURCES },
  test: {
    // Fail on a forgotten .only.
    allowOnly: false,
    // A busy machine (CI, or the suite run twice at once) is slow, not broken: no test leans on
    // vitest's 5 s default. A test that must bound its time says so itself.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // vitest's default is one worker fewer than the cores: one on a 2-core machine. The files are
    // independent (free ports, their own emulator and temp dirs), so both cores work.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "fast",
          include: ["test/**/*.test.ts", "packages/*/test/**/*.test.ts"],
          exclude: SLOW_FILES,
          // The files share a worker's module graph instead of re-importing it each (a quarter of
          // the time): every file starts its own emulator on a free port and cleans up after itself.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "slow",
          include: [...SLOW_FILES, ...DEEP_FILES],
          env: { SYLLABOT_TEST_DEPTH: "full" },
        },
      },
    ],
    coverage: {
      provider: "v8",
      include: PURE_CORE,
      exclude: ["src/generated/**"],
      reporter: [["text", { skipFull: true }], "text-summary"],
      thresholds: Object.fromEntries(PURE_CORE.map((glob) => [glob, { lines: 95 }])),
    },
  },
});
