import type { Curriculum } from "../curriculum/load.js";
import { parseCommitMessage } from "../progress/commit-grammar.js";
import { CHORES, FEATURES, GENERIC_FEATURES, GENERIC_TOPICS, TOPICS } from "./catalog.js";

/**
 * The words the demo learner writes in a given course: what they study, the steps of each project,
 * the chores, and the files their commits touch. The bundled courses have words written for them;
 * any other course gets words drawn from its own phases and projects, so that a Go learner never
 * commits `cargo fmt` and a course without a practice track never mentions one.
 */
export interface DemoVocabulary {
  /** What the learner studies on weekday evenings in a phase. */
  topics(phase: number): readonly string[];
  /** The kinds of study commit in a phase (`notes` writes a note, the others an exercise file). */
  studyKinds(phase: number): readonly string[];
  /** Steps of a project, in the order a learner might take them. */
  features(slug: string): readonly string[];
  /** Commits that log nothing and claim nothing. */
  chores: readonly string[];
  /** The extension of source files in exercises and projects (`rs`, `go`, `md`). */
  sourceExtension: string;
  /** The course's language, when practice problems are also redone in it (`Rust`). */
  practiceLanguage?: { name: string; file: (problem: string) => string };
}

const RUST: DemoVocabulary = {
  topics: (phase) => TOPICS[phase] ?? GENERIC_TOPICS,
  studyKinds: (phase) => (phase === 1 ? ["notes", "exercises", "rustlings"] : ["notes", "exercises"]),
  features: (slug) => FEATURES[slug] ?? GENERIC_FEATURES,
  chores: CHORES,
  sourceExtension: "rs",
  practiceLanguage: { name: "Rust", file: (problem) => `rust/src/${problem.replace(/-/g, "_")}.rs` },
};

const GO_TOPICS: Readonly<Record<number, readonly string[]>> = {
  1: [
    "Tour of Go basics",
    "slices and maps",
    "methods and interfaces",
    "error wrapping",
    "table-driven tests",
    "goroutines and channels",
    "select and timeouts",
    "the race detector",
  ],
  2: [
    "ServeMux patterns",
    "middleware",
    "request contexts",
    "JSON encoding and validation",
    "connection pools",
    "transactions",
    "migrations",
    "httptest",
  ],
  3: [
    "worker pools",
    "bounded queues",
    "signal handling",
    "log/slog",
    "Prometheus metrics",
    "pprof profiles",
    "multi-stage builds",
  ],
};

const GO: DemoVocabulary = {
  topics: (phase) => GO_TOPICS[phase] ?? GENERIC_TOPICS,
  studyKinds: (phase) => (phase === 1 ? ["notes", "exercises", "tour"] : ["notes", "exercises"]),
  features: (slug) =>
    ({
      linkcheck: [
        "fetch a page and extract links",
        "crawl to a depth without revisits",
        "worker pool with a WaitGroup",
        "per-request timeouts",
        "summary report",
        "JSON output",
      ],
      shorturl: [
        "API design and handlers",
        "in-memory store",
        "redirects and visit counts",
        "PostgreSQL store with pgx",
        "migrations",
        "integration tests against Postgres",
        "API keys and rate limits",
        "JSON error responses",
      ],
      jobqueue: [
        "enqueue endpoint",
        "worker pool with retries",
        "backoff and a bounded queue",
        "graceful shutdown",
        "slog logging",
        "Prometheus metrics",
        "pprof endpoint",
        "Dockerfile and health checks",
      ],
    })[slug] ?? GENERIC_FEATURES,
  chores: ["go fmt", "go mod tidy", "fix go vet warnings", "typo in README", "rename a variable"],
  sourceExtension: "go",
};

const WRITTEN: Readonly<Record<string, DemoVocabulary>> = {
  "rust-systems-1y": RUST,
  "go-web-services-10w": GO,
};

/** The vocabulary of `curriculum`: written for a bundled course, else drawn from the course itself. */
export function demoVocabulary(curriculum: Curriculum): DemoVocabulary {
  return WRITTEN[curriculum.id] ?? derivedVocabulary(curriculum);
}

/** At most this long, a concept or check becomes a commit subject's topic. */
const TOPIC_LENGTH = 48;

function derivedVocabulary(curriculum: Curriculum): DemoVocabulary {
  const program = {
    totalWeeks: curriculum.totalWeeks,
    projectSlugs: new Set(curriculum.projects.map((project) => project.slug)),
  };
  // A phrase of the course claims nothing when written as a commit subject, or it is left out.
  const usable = (items: readonly string[]) =>
    items.map(plainPhrase).filter((phrase) => {
      if (phrase.length === 0 || phrase.length > TOPIC_LENGTH) return false;
      const parsed = parseCommitMessage(phrase, program);
      return parsed.weeks.length + parsed.projects.length + parsed.problems.length === 0;
    });
  const topics = new Map(
    curriculum.phases.map((phase) => [phase.number, usable([...phase.concepts, ...phase.checks])]),
  );
  const features = new Map(
    curriculum.projects.map((project) => [project.slug, usable([...project.checks, ...project.concepts])]),
  );
  const nonEmpty = (items: readonly string[] | undefined, fallback: readonly string[]) =>
    items && items.length > 0 ? items : fallback;
  return {
    topics: (phase) => nonEmpty(topics.get(phase), GENERIC_TOPICS),
    studyKinds: () => ["notes", "exercises"],
    features: (slug) => nonEmpty(features.get(slug), GENERIC_FEATURES),
    chores: ["typo in README", "rename a variable", "tidy up notes"],
    sourceExtension: "md",
  };
}

/** `**Ownership** and `borrowing` → `ownership and borrowing`: markdown and the first capital gone. */
function plainPhrase(text: string): string {
  const plain = text
    .replace(/[`*_]/g, "")
    .replace(/\s+/g, " ")
    .replace(/[.:;,!?]+$/, "")
    .trim();
  return plain.length > 1 && /^[A-Z][a-z]/.test(plain) ? plain[0]?.toLowerCase() + plain.slice(1) : plain;
}
