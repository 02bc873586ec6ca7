/**
 * Words for the demo learner's commits, pull requests and comments. Written so that nothing here
 * claims a week or a project by accident: only the messages learner.ts builds on purpose do (and a
 * test parses every message back with the real grammar).
 *
 * Data only: constants and the shapes they have, no logic (which is why it may run past the
 * 400-line limit for src/ modules).
 */

/** DSA problems in the order of the curriculum's stages (NeetCode 150 topics), by stage index. */
export const PROBLEMS: readonly (readonly string[])[] = [
  [
    "contains-duplicate",
    "valid-anagram",
    "two-sum",
    "group-anagrams",
    "top-k-frequent-elements",
    "encode-and-decode-strings",
    "product-of-array-except-self",
    "valid-sudoku",
    "longest-consecutive-sequence",
    "valid-palindrome",
    "two-sum-ii-input-array-is-sorted",
    "3sum",
    "container-with-most-water",
    "trapping-rain-water",
    "best-time-to-buy-and-sell-stock",
    "longest-substring-without-repeating-characters",
    "longest-repeating-character-replacement",
    "permutation-in-string",
    "minimum-window-substring",
    "sliding-window-maximum",
    "valid-parentheses",
    "min-stack",
    "evaluate-reverse-polish-notation",
    "generate-parentheses",
    "daily-temperatures",
    "car-fleet",
    "largest-rectangle-in-histogram",
    "binary-search",
    "search-a-2d-matrix",
    "koko-eating-bananas",
    "find-minimum-in-rotated-sorted-array",
    "search-in-rotated-sorted-array",
    "time-based-key-value-store",
    "median-of-two-sorted-arrays",
    "squares-of-a-sorted-array",
    "sqrtx",
    "first-bad-version",
    "search-insert-position",
  ],
  [
    "reverse-linked-list",
    "merge-two-sorted-lists",
    "reorder-list",
    "remove-nth-node-from-end-of-list",
    "copy-list-with-random-pointer",
    "add-two-numbers",
    "linked-list-cycle",
    "find-the-duplicate-number",
    "lru-cache",
    "merge-k-sorted-lists",
    "reverse-nodes-in-k-group",
    "invert-binary-tree",
    "maximum-depth-of-binary-tree",
    "diameter-of-binary-tree",
    "balanced-binary-tree",
    "same-tree",
    "subtree-of-another-tree",
    "lowest-common-ancestor-of-a-binary-search-tree",
    "binary-tree-level-order-traversal",
    "binary-tree-right-side-view",
    "count-good-nodes-in-binary-tree",
    "validate-binary-search-tree",
    "kth-smallest-element-in-a-bst",
    "construct-binary-tree-from-preorder-and-inorder-traversal",
    "binary-tree-maximum-path-sum",
    "serialize-and-deserialize-binary-tree",
    "implement-trie-prefix-tree",
    "design-add-and-search-words-data-structure",
    "word-search-ii",
    "subsets",
    "combination-sum",
    "permutations",
    "subsets-ii",
    "combination-sum-ii",
    "word-search",
    "palindrome-partitioning",
    "letter-combinations-of-a-phone-number",
    "n-queens",
    "kth-largest-element-in-a-stream",
    "last-stone-weight",
    "k-closest-points-to-origin",
    "kth-largest-element-in-an-array",
    "task-scheduler",
    "design-twitter",
    "find-median-from-data-stream",
    "number-of-islands",
    "clone-graph",
    "max-area-of-island",
    "pacific-atlantic-water-flow",
    "surrounded-regions",
    "rotting-oranges",
    "walls-and-gates",
    "redundant-connection",
    "number-of-connected-components-in-an-undirected-graph",
    "graph-valid-tree",
    "word-ladder",
  ],
  [
    "climbing-stairs",
    "min-cost-climbing-stairs",
    "house-robber",
    "house-robber-ii",
    "longest-palindromic-substring",
    "palindromic-substrings",
    "decode-ways",
    "coin-change",
    "maximum-product-subarray",
    "word-break",
    "longest-increasing-subsequence",
    "partition-equal-subset-sum",
    "network-delay-time",
    "course-schedule",
    "course-schedule-ii",
    "unique-paths",
    "longest-common-subsequence",
    "best-time-to-buy-and-sell-stock-with-cooldown",
    "coin-change-ii",
    "target-sum",
    "cheapest-flights-within-k-stops",
    "find-eventual-safe-states",
    "interleaving-string",
    "longest-increasing-path-in-a-matrix",
    "swim-in-rising-water",
    "path-with-minimum-effort",
    "alien-dictionary",
    "distinct-subsequences",
    "edit-distance",
    "min-cost-to-connect-all-points",
    "minimum-height-trees",
    "burst-balloons",
    "reconstruct-itinerary",
    "regular-expression-matching",
    "parallel-courses",
    "detect-cycles-in-2d-grid",
    "shortest-path-in-binary-matrix",
    "evaluate-division",
    "jump-game",
    "jump-game-ii",
    "gas-station",
    "sort-items-by-groups-respecting-dependencies",
  ],
];

/** What the learner studies on weekday evenings, by phase number. */
export const TOPICS: Readonly<Record<number, readonly string[]>> = {
  1: [
    "ownership drills",
    "borrowing and slices",
    "String vs &str",
    "structs and methods",
    "enums and match",
    "modules and visibility",
    "collections",
    "error handling with Result",
    "generics",
  ],
  2: [
    "trait bounds",
    "lifetime annotations",
    "closures",
    "iterator adaptors",
    "Box, Rc and RefCell",
    "trait objects and vtables",
    "thiserror vs anyhow",
    "serde derive",
    "Rust for Rustaceans ch. 1-3",
  ],
  3: [
    "threads and join handles",
    "channels",
    "Arc<Mutex<T>>",
    "async/await basics",
    "tokio tasks and select!",
    "TCP framing",
    "Pin and futures",
    "backpressure",
  ],
  4: [
    "atomics and memory ordering",
    "unsafe and raw pointers",
    "FFI with a C library",
    "criterion benchmarks",
    "allocation profiling",
    "cache-friendly layouts",
    "lock-free queues",
  ],
  5: [
    "parser design",
    "arena allocation",
    "dependency graphs",
    "property-based testing",
    "API design review",
    "docs and examples",
  ],
};

export const GENERIC_TOPICS: readonly string[] = ["reading notes", "exercises", "small experiments"];

/** Steps of each project, in the order a learner might take them. */
export const FEATURES: Readonly<Record<string, readonly string[]>> = {
  csvq: [
    "CSV reader with header detection",
    "--select columns",
    "--filter expressions",
    "--sort asc/desc",
    "--limit and streaming output",
    "--group-by with aggregates",
    "--stats summary",
    "error messages with line numbers",
    "benchmark on a 1 GB file",
  ],
  schemaguard: [
    "contract file format",
    "streaming JSON lines reader",
    "type checks per field",
    "required and nullable fields",
    "violation report",
    "--fail-fast flag",
    "property tests",
  ],
  logr: ["event model and storage", "logr add and logr ls", "timeline view", "daily summary", "CSV export"],
  "http-server": [
    "TCP listener and request line parsing",
    "header parsing",
    "static file handler",
    "keep-alive",
    "thread pool",
    "shared stats behind Arc",
    "chunked responses",
    "load test with wrk",
  ],
  airpost: [
    "sensor feed client",
    "tokio ingestion tasks",
    "ring buffer per station",
    "AQI computation",
    "WebSocket broadcast",
    "backpressure on slow clients",
    "metrics endpoint",
    "integration tests",
    "ticknorm normaliser",
  ],
  riskbook: [
    "order book model",
    "price levels in a BTreeMap",
    "matching engine",
    "lock-free queue experiment",
    "VaR calculation",
    "criterion benchmarks",
    "profiling the hot path",
  ],
  xlsxfmt: [
    "zip container reader",
    "shared strings table",
    "streaming sheet XML",
    "number formats",
    "column widths",
    "fuzzing the parser",
    "CLI",
  ],
  formulaengine: [
    "tokenizer",
    "Pratt parser",
    "AST evaluator",
    "cell references and ranges",
    "dependency graph",
    "cycle detection",
    "incremental recalculation",
    "SUM, AVERAGE and IF",
    "error values (#REF!, #DIV/0!)",
    "benchmark on 100k cells",
    "WASM build",
    "docs and examples",
  ],
};

export const GENERIC_FEATURES: readonly string[] = [
  "project skeleton",
  "core data model",
  "command-line arguments",
  "error handling",
  "tests",
  "benchmarks",
  "README and examples",
];

/** Commits that log nothing and claim nothing: the learner forgot the trailer, or it was not study. */
export const CHORES: readonly string[] = [
  "cargo fmt",
  "fix clippy lints",
  "typo in README",
  "bump dependencies",
  "rename a variable",
];

export interface PullFileStat {
  filename: string;
  additions: number;
  deletions: number;
}

export interface PullTemplate {
  title: string;
  body: string;
  labels: string[];
  files: PullFileStat[];
}

export type PullKind = "first" | "docs" | "substantive";

/** Fictional pull requests, plausible for each target repository. */
export const PULLS: Readonly<Record<string, Readonly<Record<PullKind, PullTemplate>>>> = {
  "qdrant/qdrant": {
    first: {
      title: "Fix off-by-one in the payload index cardinality estimate",
      body: "The estimate counted the upper bound twice. Adds a regression test.",
      labels: ["bug"],
      files: [
        { filename: "lib/segment/src/index/field_index/stat_tools.rs", additions: 4, deletions: 3 },
        { filename: "lib/segment/tests/integration/cardinality_test.rs", additions: 21, deletions: 0 },
      ],
    },
    docs: {
      title: "docs: example of scroll with a nested payload filter",
      body: "Adds the example asked for in the discussion, for the REST and gRPC APIs.",
      labels: ["documentation"],
      files: [{ filename: "docs/redoc/examples/scroll-nested-filter.md", additions: 46, deletions: 2 }],
    },
    substantive: {
      title: "Reuse the visited-list pool across batch search requests",
      body: "Batch search allocated a visited list per query. Pooling them cuts allocations; criterion numbers inside.",
      labels: ["performance"],
      files: [
        { filename: "lib/segment/src/index/visited_pool.rs", additions: 58, deletions: 17 },
        { filename: "lib/segment/src/index/hnsw_index/hnsw.rs", additions: 19, deletions: 11 },
        { filename: "lib/segment/benches/batch_search.rs", additions: 64, deletions: 0 },
      ],
    },
  },
  "vectordotdev/vector": {
    first: {
      title: "fix(file source): name the right path in the truncation warning",
      body: "The warning printed the glob instead of the file. Small fix and a unit test.",
      labels: ["source: file"],
      files: [
        { filename: "src/sources/file.rs", additions: 3, deletions: 2 },
        { filename: "tests/file_source.rs", additions: 18, deletions: 0 },
      ],
    },
    docs: {
      title: "docs(vrl): clarify the units parse_duration accepts",
      body: "Lists every unit with an example, as discussed in the issue.",
      labels: ["domain: vrl", "documentation"],
      files: [
        {
          filename: "website/cue/reference/remap/functions/parse_duration.cue.md",
          additions: 31,
          deletions: 6,
        },
      ],
    },
    substantive: {
      title: "enhancement(http sink): retry 429 responses with jittered backoff",
      body: "Honours Retry-After when present, else backs off with full jitter. Adds tests for both paths.",
      labels: ["sink: http"],
      files: [
        { filename: "src/sinks/util/retries.rs", additions: 72, deletions: 14 },
        { filename: "src/sinks/http/service.rs", additions: 23, deletions: 6 },
        { filename: "src/sinks/http/tests.rs", additions: 88, deletions: 0 },
      ],
    },
  },
  "tikv/tikv": {
    first: {
      title: "raftstore: report the region id in the stale-command error",
      body: "Makes the log line actionable. Close to a one-liner, with a test.",
      labels: ["component/raft"],
      files: [
        { filename: "components/raftstore/src/store/util.rs", additions: 5, deletions: 2 },
        { filename: "components/raftstore/tests/failpoints/test_stale.rs", additions: 16, deletions: 0 },
      ],
    },
    docs: {
      title: "doc: explain the split-check configuration keys",
      body: "Documents region-split-check-diff and its interplay with region-max-size.",
      labels: ["type/docs"],
      files: [{ filename: "docs/config/split-check.md", additions: 38, deletions: 4 }],
    },
    substantive: {
      title: "storage: avoid cloning keys in the scanner's hot path",
      body: "Borrows the key slice through the forward scanner. Benchmarks show ~6% on short scans.",
      labels: ["component/storage", "type/performance"],
      files: [
        { filename: "src/storage/mvcc/reader/scanner/forward.rs", additions: 61, deletions: 38 },
        { filename: "src/storage/mvcc/reader/point_getter.rs", additions: 12, deletions: 9 },
        { filename: "benches/misc/storage/scan.rs", additions: 40, deletions: 0 },
      ],
    },
  },
};

export const GENERIC_PULLS: Readonly<Record<PullKind, PullTemplate>> = {
  first: {
    title: "Fix an off-by-one in an error message",
    body: "A small fix with a regression test.",
    labels: ["bug"],
    files: [
      { filename: "src/error.rs", additions: 3, deletions: 2 },
      { filename: "tests/error.rs", additions: 14, deletions: 0 },
    ],
  },
  docs: {
    title: "docs: add a getting-started example",
    body: "An example for the most common setup.",
    labels: ["documentation"],
    files: [{ filename: "docs/getting-started.md", additions: 40, deletions: 3 }],
  },
  substantive: {
    title: "Stream results instead of collecting them",
    body: "Replaces the intermediate Vec with an iterator; benchmarks inside.",
    labels: ["performance"],
    files: [
      { filename: "src/query/executor.rs", additions: 66, deletions: 25 },
      { filename: "tests/executor.rs", additions: 52, deletions: 0 },
    ],
  },
};

/** Roughly how many issues and pull requests each target repository had before the year began. */
export const ISSUE_NUMBERS: Readonly<Record<string, number>> = {
  "qdrant/qdrant": 6200,
  "vectordotdev/vector": 21800,
  "tikv/tikv": 17600,
};

export const GENERIC_ISSUE_NUMBER = 900;

/** An issue in a target repository that someone else opened, and the learner's comment on it. */
export const ENGAGEMENT = {
  author: "ferris-fan",
  title: "Panic when a name contains a slash",
  body: "Creating one with a name like `a/b` panics instead of returning a validation error.",
  comment:
    "I can reproduce this on main: the name reaches the storage path unchecked. I'd be happy to send a PR with a validation error and a test, if nobody is on it.",
} as const;

/** An open issue a maintainer marked for newcomers: what syllabot's reminders suggest. */
export interface NewcomerIssue {
  title: string;
  author: string;
  labels: string[];
  /** Days before the program's first day on which it was opened. */
  daysBefore: number;
}

/** Fictional newcomer issues, open in each target repository all year. */
export const NEWCOMER_ISSUES: Readonly<Record<string, readonly NewcomerIssue[]>> = {
  "qdrant/qdrant": [
    {
      title: "Validation error for an empty collection name says nothing about the name",
      author: "qdrant-maintainer",
      labels: ["good first issue"],
      daysBefore: 40,
    },
    {
      title: "Benchmark the payload index with high-cardinality keyword fields",
      author: "qdrant-maintainer",
      labels: ["help wanted", "performance"],
      daysBefore: 12,
    },
  ],
  "vectordotdev/vector": [
    {
      title: "docs: the `remap` transform's examples use a removed function",
      author: "vector-maintainer",
      labels: ["good first issue", "documentation"],
      daysBefore: 26,
    },
  ],
  "tikv/tikv": [
    {
      title: "Add a unit test for the region cache's eviction order",
      author: "tikv-maintainer",
      labels: ["good first issue", "type/enhancement"],
      daysBefore: 33,
    },
    {
      title: "Reduce allocations when encoding MVCC keys for short scans",
      author: "tikv-maintainer",
      labels: ["help wanted", "type/performance"],
      daysBefore: 8,
    },
  ],
};
