/**
 * The import rules of syllabot's layers (DESIGN.md, "Functional core, imperative shell"), checked by
 * `npm run lint:layers`, which `npm test` runs. Type-only imports count as imports: a pure module
 * that names a gateway type has the gateway's shape in its head, and the type moves to the pure side.
 *
 * Layers, from the inside out:
 *   pure core  decides; imports only itself and packages that compute (no disk, network, colours);
 *   gateway    src/github/: the one module that talks to GitHub;
 *   use cases  src/use-cases/ : read -> plan -> apply;
 *   adapters   the CLI, the app, the Action, the demo: they parse arguments and print.
 * The GitHub emulator is its own workspace package (packages/github-emulator/): syllabot's demo and
 * `syllabot emulator` command use it by name; it uses nothing of syllabot; the Action never reaches it.
 */

/** The pure core. src/generated/ holds the embedded templates, curricula and stylesheets as strings. */
const CORE = [
  "^src/(curriculum|config|import|init|model|plan|progress|render|remind|text|yaml|generated)/",
  "^src/(calendar|errors|json-schemas)[.]ts$",
];

/**
 * npm packages the core may use: each computes and does no I/O. A package is added here only
 * after checking that; anything absent (picocolors, @octokit/*, probot, pino, ioredis, ...) is refused.
 */
const PURE_PACKAGES = [
  "zod",
  "yaml",
  "temporal-polyfill",
  "liquidjs",
  "marked",
  // The demo page's HTML tree: parsed, sanitized and printed in memory.
  "hast-util-from-html",
  "hast-util-sanitize",
  "hast-util-to-parse5",
  "parse5",
  "@types/hast",
];

/**
 * Node built-ins the core may use: hashing (model/markers.ts fingerprints titles; nothing random is
 * taken from it). Not node:path: `resolve` reads the working directory.
 */
const PURE_BUILTINS = ["crypto"];

/**
 * The core's own order, from the bottom: text, YAML and errors; the inputs (curriculum, config);
 * the shared vocabulary (model/: the plan context, what GitHub holds, the setup); the modules that
 * decide (render, progress, remind); the planner on top. The hidden markers are vocabulary every
 * layer reads, so they sit at the bottom.
 */
const CORE_BASE = ["^src/(text|yaml|generated)/", "^src/(errors|calendar)[.]ts$", "^src/model/markers[.]ts$"];
const CORE_INPUTS = "^src/(curriculum|config)/";
const CORE_MODEL = "^src/model/";
const CORE_DECIDERS = "^src/(render|progress|remind)/";
const PLANNER = "^src/plan/";

const GATEWAY = "^src/github/";
const USE_CASES = ["^src/use-cases/"];
/** Setup reads the config and curriculum from a checkout or a repository: I/O, outside the core. */
const SETUP = "^src/setup/";
const ADAPTERS = [
  "^src/(action|app|cli|lambda|action-main|app-main)[.]ts$",
  "^src/(action|app|commands|demo)/",
];
const EMULATOR = "^packages/github-emulator/";
/** The emulator as syllabot imports it: by package name (a symbolic link under node_modules). */
const EMULATOR_PACKAGE = "(^|/)node_modules/@syllabot/github-emulator/|^packages/github-emulator/";
/** Who in syllabot may start an emulator: the demo plays against one, `syllabot emulator` serves one. */
const EMULATOR_USERS = "^src/(cli[.]ts$|demo/)";

const anyOf = (patterns) => patterns.join("|");
const pureNpm = `^node_modules/(${anyOf(PURE_PACKAGES)})/`;
const pureNode = `^(node:)?(${anyOf(PURE_BUILTINS)})$`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "core-is-pure",
      comment:
        "The pure core decides without I/O: it imports only the core, the packages in PURE_PACKAGES " +
        "and the built-ins in PURE_BUILTINS (.dependency-cruiser.cjs). Move shared types and " +
        "vocabulary to the core; inject text that was read from disk.",
      severity: "error",
      from: { path: CORE },
      // An import that does not resolve is no-unresolvable's to report.
      to: { pathNot: [...CORE, pureNpm, pureNode], couldNotResolve: false },
    },
    {
      name: "core-base-at-the-bottom",
      comment:
        "text/, yaml/, errors.ts, calendar.ts and the markers are what every layer builds on: they import none.",
      severity: "error",
      from: { path: CORE_BASE },
      to: { path: CORE, pathNot: CORE_BASE },
    },
    {
      name: "core-inputs-below-model",
      comment:
        "The curriculum and the config are read first; the vocabulary and the deciders are built on them.",
      severity: "error",
      from: { path: CORE_INPUTS },
      to: { path: [CORE_MODEL, CORE_DECIDERS, PLANNER], pathNot: CORE_BASE },
    },
    {
      name: "core-model-below-deciders",
      comment: "model/ is the vocabulary shared by the deciders and the gateway: it imports none of them.",
      severity: "error",
      from: { path: CORE_MODEL },
      to: { path: [CORE_DECIDERS, PLANNER] },
    },
    {
      name: "core-planner-on-top",
      comment:
        "The planner uses the renderers and progress; they never use it (what both need is in model/).",
      severity: "error",
      from: { path: CORE_DECIDERS },
      to: { path: PLANNER },
    },
    {
      name: "import-beside-the-core",
      comment:
        "The importer (a plan document to a curriculum draft) reads the curriculum's schema and rules to check its draft; no other core module needs it, and it needs none of the model, deciders or planner.",
      severity: "error",
      from: { path: "^src/import/" },
      to: { path: [CORE_MODEL, CORE_DECIDERS, PLANNER, "^src/config/"] },
    },
    {
      name: "core-does-not-import-the-importer",
      comment: "Only `syllabot import` uses the importer.",
      severity: "error",
      from: { path: CORE, pathNot: "^src/import/" },
      to: { path: "^src/import/" },
    },
    {
      name: "no-cycles",
      comment: "A cycle makes two modules one: break it by moving what both need to a third.",
      severity: "error",
      from: { path: ["^src/", EMULATOR] },
      to: { circular: true },
    },
    {
      name: "emulator-stands-alone",
      comment: "The emulator is a package of its own, usable without syllabot: it imports nothing of it.",
      severity: "error",
      from: { path: EMULATOR },
      to: { path: "^src/" },
    },
    {
      name: "emulator-only-for-the-demo",
      comment:
        "Only the demo and `syllabot emulator` start an emulator; the product talks to the real GitHub.",
      severity: "error",
      from: { path: "^src/", pathNot: EMULATOR_USERS },
      to: { path: EMULATOR_PACKAGE },
    },
    {
      name: "action-bundle-without-emulator",
      comment: "The Action's bundle (dist/index.js, from src/action-main.ts) must not carry the emulator.",
      severity: "error",
      from: { path: "^src/action-main[.]ts$" },
      to: { path: EMULATOR_PACKAGE, reachable: true },
    },
    {
      name: "gateway-below-use-cases",
      comment: "The gateway talks to GitHub for the use cases; it knows no use case, adapter or command.",
      severity: "error",
      from: { path: GATEWAY },
      to: { path: [...USE_CASES, ...ADAPTERS, SETUP] },
    },
    {
      name: "use-cases-below-adapters",
      comment: "A use case is called by the adapters (CLI, app, Action, demo), never the other way round.",
      severity: "error",
      from: { path: USE_CASES },
      to: { path: ADAPTERS },
    },
    {
      name: "setup-below-use-cases",
      comment: "Setup reads the config and curriculum for the use cases and adapters; it calls neither.",
      severity: "error",
      from: { path: SETUP },
      to: { path: [...USE_CASES, ...ADAPTERS] },
    },
    {
      name: "no-unresolvable",
      comment: "An import that does not resolve cannot be checked against the rules above.",
      severity: "error",
      from: { path: ["^src/", EMULATOR] },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // node_modules may be a symbolic link (a worktree sharing a checkout's packages).
    preserveSymlinks: true,
    // Type-only imports are imports: counted before TypeScript erases them.
    tsPreCompilationDeps: true,
    // So is `process.getBuiltinModule("fs")`, the one way to reach a built-in without importing it.
    detectProcessBuiltinModuleCalls: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      // "source": workspace packages are read from their TypeScript, as tsconfig.json says.
      conditionNames: ["source", "import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
      extensions: [".ts", ".js", ".json"],
    },
  },
};
