import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

/**
 * The built-in curriculum is a transcription of the seed text kept in curriculum/sources/. These
 * tests prove the transcription is complete (counts, coverage, every word of the seed) and that
 * none of the seed's glued words (it lost the spaces around inline code) survived.
 */

const yamlText = readFileSync(new URL("../../curriculum/rust-systems-1y.yaml", import.meta.url), "utf8");
const seedText = readFileSync(
  new URL("../../curriculum/sources/rust-learning-program.txt", import.meta.url),
  "utf8",
);

type Range = number | string;
interface StudyItem {
  title: string;
  detail?: string;
  chapters?: string;
  when?: string;
  url?: string;
}
interface Phase {
  number: number;
  title: string;
  long_title: string;
  weeks: Range;
  objective: string;
  study_material: StudyItem[];
  concepts: string[];
  checks: string[];
  notes?: string[];
}
interface Week {
  weeks: Range;
  phase: number;
  option?: string;
  title: string;
  weekday: string[];
  weekend: string[];
}
interface Project {
  slug: string;
  title: string;
  tagline: string;
  phase: number;
  weeks: Range;
  summary: string;
  description?: string;
  commands: string[];
  checks: string[];
  concepts?: string[];
  study_material?: StudyItem[];
  choice?: string;
  label?: string;
  replaces?: { slug: string; reason: string }[];
  notes?: string[];
}
interface MinMax {
  min: number;
  max: number;
}
interface Curriculum {
  id: string;
  title: string;
  subtitle: string;
  prepared_for: string;
  edition: string;
  rationale: { title: string; intro: string; points: string[]; closing: string };
  time_budget: {
    weekly_hours: MinMax;
    total_hours: MinMax;
    schedule: { days: string; hours: string; notes: string }[];
    split: { weekday: { hours: MinMax; work: string[] }; weekend: { hours: MinMax; work: string[] } };
    pacing_note: string;
  };
  phases: Phase[];
  weeks: Week[];
  projects: Project[];
  tracks: {
    dsa: {
      title: string;
      summary: string;
      hours_per_week: MinMax;
      stages: {
        months: Range;
        title: string;
        phases: number[];
        topics: string[];
        notes: string[];
        problems_per_week: MinMax;
      }[];
      goal: string;
    };
    oss: {
      title: string;
      phases: number[];
      summary: string;
      targets: { repo: string; name: string; why: string }[];
      bars: {
        phase: number;
        title: string;
        goal: string;
        minimum: string;
        requires: string;
        count: number;
        guidance: string[];
      }[];
      capstone_notes: Record<string, string>;
    };
  };
  ai_rules: { allowed: string[]; not_allowed: string[]; heuristic: string };
  resources: { name: string; type: string; when: string }[];
  outcomes: string[];
  closing: string;
}

const curriculum = parse(yamlText) as Curriculum;

const CAPSTONES = ["docforge", "formulaengine", "ruleforge"] as const;

function range(value: Range): { from: number; to: number } {
  if (typeof value === "number") return { from: value, to: value };
  const match = /^(\d+)-(\d+)$/.exec(value);
  if (!match) throw new Error(`not a range: ${value}`);
  return { from: Number(match[1]), to: Number(match[2]) };
}

function weekNumbers(entries: Week[]): number[] {
  return entries.flatMap((entry) => {
    const { from, to } = range(entry.weeks);
    return Array.from({ length: to - from + 1 }, (_, index) => from + index);
  });
}

function sequence(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

/** Every string value in a parsed YAML document (keys excluded). */
function allStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(allStrings);
  return [];
}

/** Every key, string and number of a parsed YAML document. */
function allText(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value === "number") return [String(value)];
  if (Array.isArray(value)) return value.flatMap(allText);
  if (value !== null && typeof value === "object")
    return Object.entries(value).flatMap(([key, item]) => [key, ...allText(item)]);
  return [];
}

/** Lowercase letters and digits only: compares texts regardless of spacing and punctuation. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

function project(slug: string): Project {
  const found = curriculum.projects.find((candidate) => candidate.slug === slug);
  if (!found) throw new Error(`no project ${slug}`);
  return found;
}

function week(n: number, option?: string): Week {
  const found = curriculum.weeks.find((entry) => {
    const { from, to } = range(entry.weeks);
    return from <= n && n <= to && (entry.option === undefined || entry.option === option);
  });
  if (!found) throw new Error(`no entry for week ${n}`);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Glued words: the seed lost the spaces around inline code.

/** Every glued token of the seed, as it appears there. None may survive in the YAML. */
const GLUED_TOKENS = [
  "rustlingsexercises",
  "rustlingsvariables",
  "rustlingsownership",
  "rustlingsthrough",
  "rustlings—",
  "csvqskeleton",
  "corecsvq",
  "csvqimplementation",
  "(non-negotiable)-",
  "E>andOption",
  "andOption",
  "Option<T>—",
  "null-",
  "Stringvs",
  "vs&str",
  "&str—",
  "level-",
  "std::fsand",
  "fsandstd",
  "andstd::io",
  "Box<T>,Rc<T>",
  "Rc<T>,Arc<T>",
  "Arc<T>,RefCell<T>",
  "Traitvsimpl",
  "vsimpl",
  "Traitat",
  "thiserrorvs",
  "vsanyhow",
  "anyhowdeep",
  "dive,serde",
  "serde_jsonthorough",
  "serdedocumentation",
  "Box<T>(heap",
  "allocation),Rc<T>",
  "Rc<T>(shared",
  "ownership),Arc<T>",
  "Arc<T>(thread-safe",
  "ownership),RefCell<T>",
  "RefCell<T>(interior",
  "mutability)-",
  "Traitvsdyn",
  "vsdyn",
  "collect()patterns",
  "thiserrorfor",
  "errors,anyhow",
  "anyhowfor",
  "errorsserde",
  "serde_jsonfor",
  "schemaguard—",
  "gap)logr",
  "logr—",
  "std::threadand",
  "threadandArc",
  "andArc",
  "select!,broadcast",
  "broadcastand",
  "andoneshot",
  "oneshotchannels",
  "Learnaxum",
  "axumand",
  "andsqlx",
  "axumdocumentation",
  "examplessqlx",
  "sqlxdocumentation",
  "spawn,Arc",
  ">>,Arc<RwLock",
  "RwLock<T>>—",
  "primitives-",
  "spawn,tokio",
  "mpsc,broadcast",
  "broadcast,oneshot",
  "oneshot—",
  "TcpListener—",
  "axumfor",
  "hand)sqlx",
  "sqlxfor",
  "queriesSend",
  "Synctraits",
  "details.ticknorm",
  "ticknormairpost",
  "airpost—",
  "Learncriterion",
  "criterionfor",
  ".xlsxfile",
  "xlsxfile",
  "withunzip",
  "unzipand",
  "unsafeRust",
  "necessary-",
  "criterion—",
  "riskbook—",
  "VaR)xlsxfmt",
  "xlsxfmt—",
  "xlsxfmtintegration",
  "schemaguard,riskbook",
];

/** Splits a Markdown string into alternating prose (even indexes) and inline code (odd indexes). */
function segments(text: string): string[] {
  return text.split("`");
}

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/**
 * Seed words that glue an inline-code term of the YAML to a neighbouring word, and that reappear
 * glued in the YAML's prose. A seed word counts as glued around term `t` when the letters next to
 * `t` split entirely into words of the text (so "matching" is not `match` + "ing", and
 * "performance" is not `perf` + "ormance", but "thiserrorvsanyhowdeep" is `thiserror` + "vs" …).
 */
function gluedWordsIn(yaml: string, seed: string): string[] {
  const strings = allStrings(parse(yaml));
  const terms = new Set<string>();
  for (const text of strings) {
    segments(text).forEach((segment, index) => {
      if (index % 2 === 0) return;
      terms.add(segment);
      // The words of a short span too (`dyn Trait`, `Send + Sync`), not of a quoted DSL sentence.
      const pieces = segment.split(/\s+/);
      if (pieces.length <= 3) for (const piece of pieces) terms.add(piece);
    });
  }
  const prose = strings
    .map((text) =>
      segments(text)
        .filter((_, index) => index % 2 === 0)
        .join(" "),
    )
    .join("\n");
  const vocabulary = new Set(
    [...words(prose), ...[...terms].flatMap(words)]
      .map((word) => word.toLowerCase())
      .filter((word) => word.length >= 2),
  );

  /** The words `run` splits into (longest first), or undefined if it does not split. */
  const split = (run: string): string[] | undefined => {
    const lower = run.toLowerCase();
    const best: (string[] | undefined)[] = [[]];
    for (let end = 1; end <= lower.length; end++) {
      for (let start = 0; start < end; start++) {
        const before = best[start];
        if (before && vocabulary.has(lower.slice(start, end))) {
          best[end] = [...before, run.slice(start, end)];
          break;
        }
      }
    }
    return best[lower.length];
  };

  const found = new Set<string>();
  const seedWords = seed.split(/\s+/);
  for (const term of terms) {
    if (term.length < 3) continue;
    for (const word of seedWords) {
      for (let at = word.indexOf(term); at >= 0; at = word.indexOf(term, at + 1)) {
        const left = /[\p{L}\p{N}]+$/u.exec(word.slice(0, at))?.[0] ?? "";
        const right = /^[\p{L}\p{N}]+/u.exec(word.slice(at + term.length))?.[0] ?? "";
        const leftWords = left ? split(left) : undefined;
        const rightWords = right ? split(right) : undefined;
        const cores: string[] = [];
        if (leftWords) cores.push(`${leftWords.at(-1)}${term}`);
        if (rightWords) cores.push(`${term}${rightWords[0]}`);
        for (const core of cores) if (prose.includes(core)) found.add(`${word} (${core})`);
      }
    }
  }
  return [...found];
}

/** Inline code written against a letter, e.g. "`thiserror`vs": the space is missing in the YAML itself. */
function codeGluedToLetters(yaml: string): string[] {
  const found: string[] = [];
  for (const text of allStrings(parse(yaml))) {
    const parts = segments(text);
    if (parts.length % 2 === 0) found.push(`unbalanced backticks: ${text}`);
    for (let index = 1; index < parts.length; index += 2) {
      const before = parts[index - 1] ?? "";
      const after = parts[index + 1] ?? "";
      if (isWordChar(before.at(-1)) || isWordChar(after.at(0)))
        found.push(`${before.slice(-12)}\`${parts[index]}\`${after.slice(0, 12)}`);
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------

describe("rust-systems-1y: the source", () => {
  it("keeps the seed text verbatim for provenance", () => {
    expect(seedText.startsWith("The Rust Learning Program — Complete Guide\n")).toBe(true);
    expect(seedText.trimEnd().endsWith("Now close it.")).toBe(true);
    expect(seedText.split("\n")).toHaveLength(253);
  });

  it("parses as YAML 1.2 without errors or warnings", async () => {
    const { parseDocument } = await import("yaml");
    const document = parseDocument(yamlText);
    expect(document.errors).toEqual([]);
    expect(document.warnings).toEqual([]);
    expect(yamlText).not.toMatch(/^\s*[^#\n]*[&*]\w+\s*$/m); // no anchors/aliases on their own
    expect(yamlText).not.toMatch(/(^|\s)!!?\w/m); // no tags
  });
});

describe("rust-systems-1y: counts", () => {
  it("has the header and the rationale", () => {
    expect(curriculum.id).toBe("rust-systems-1y");
    expect(curriculum.title).toBe("The Rust Learning Program");
    expect(curriculum.subtitle).toBe("A 1-Year Systems Programming Curriculum");
    expect(curriculum.prepared_for).toBe("Ashwin Hebbar");
    expect(curriculum.edition).toBe("March 2026");
    expect(curriculum.rationale.title).toBe("Why Rust, and Why Now");
    expect(curriculum.rationale.points).toHaveLength(5);
    expect(curriculum.rationale.points.map((point) => /^\*\*(.+?)\*\* → /.exec(point)?.[1])).toEqual([
      "Ownership and borrowing",
      "No garbage collector",
      "No implicit null",
      "Fearless concurrency",
      "The compiler as teacher",
    ]);
    expect(curriculum.rationale.intro).toMatch(/confront what Python hides:$/);
    expect(curriculum.rationale.closing).toMatch(/^After a year of serious Rust/);
  });

  it("has the time budget: 8–10 h a week, 400–500 h a year, 4 schedule rows, the split", () => {
    const budget = curriculum.time_budget;
    expect(budget.weekly_hours).toEqual({ min: 8, max: 10 });
    expect(budget.total_hours).toEqual({ min: 400, max: 500 });
    expect(budget.schedule.map((row) => row.days)).toEqual([
      "Monday–Friday",
      "Saturday + Sunday",
      "Weekly Total",
      "1-Year Total",
    ]);
    expect(budget.schedule.map((row) => row.hours)).toEqual([
      "~1 hr/day",
      "~4–5 hrs combined",
      "~8–10 hrs",
      "~400–500 hrs",
    ]);
    expect(budget.split.weekday.hours).toEqual({ min: 4, max: 5 });
    expect(budget.split.weekend.hours).toEqual({ min: 4, max: 5 });
    expect(budget.split.weekday.work).toHaveLength(4);
    expect(budget.split.weekday.work).toContain("`rustlings` exercises");
    expect(budget.split.weekend.work).toHaveLength(3);
    expect(budget.pacing_note).toMatch(/^This program was redesigned from 6 months to 1 year/);
  });

  it("has 5 phases with the seed's week ranges and titles", () => {
    const phases = curriculum.phases;
    expect(phases.map((phase) => phase.number)).toEqual([1, 2, 3, 4, 5]);
    expect(phases.map((phase) => phase.weeks)).toEqual(["1-6", "7-16", "17-28", "29-40", "41-52"]);
    expect(phases.map((phase) => phase.title)).toEqual([
      "Language Foundations",
      "Type System & Patterns",
      "Concurrency & Networking",
      "Performance & Finance",
      "Capstone",
    ]);
    expect(phases.map((phase) => phase.long_title)).toEqual([
      "Language Foundations",
      "The Type System and Real-World Patterns",
      "Concurrency, Async, and Networking",
      "Performance, Finance, and Python Integration",
      "Capstone",
    ]);
    expect(phases.map((phase) => phase.study_material.length)).toEqual([3, 4, 6, 9, 0]);
    expect(phases.map((phase) => phase.concepts.length)).toEqual([7, 7, 8, 7, 5]);
    expect(phases.map((phase) => phase.checks.length)).toEqual([2, 3, 3, 3, 0]);
    for (const phase of phases) {
      expect(phase.objective.length).toBeGreaterThan(20);
      for (const check of phase.checks) expect(check).toMatch(/^Can you .+\?$/);
    }
    expect(phases[3]?.notes).toHaveLength(2);
  });

  it("covers weeks 1–40 exactly once by common entries, each within its phase", () => {
    const common = curriculum.weeks.filter((entry) => entry.option === undefined);
    expect(weekNumbers(common)).toEqual(sequence(1, 40));
    expect(common).toHaveLength(27);
    for (const entry of curriculum.weeks) {
      const phase = curriculum.phases.find((candidate) => candidate.number === entry.phase);
      expect(phase, JSON.stringify(entry)).toBeDefined();
      const window = range(phase?.weeks ?? 0);
      const { from, to } = range(entry.weeks);
      expect(from >= window.from && to <= window.to, JSON.stringify(entry)).toBe(true);
    }
  });

  it("covers weeks 41–52 exactly once for each capstone option", () => {
    const options = curriculum.weeks.filter((entry) => entry.option !== undefined);
    expect(new Set(options.map((entry) => entry.option))).toEqual(new Set(CAPSTONES));
    for (const option of CAPSTONES) {
      const entries = options.filter((entry) => entry.option === option);
      expect(weekNumbers(entries), option).toEqual(sequence(41, 52));
      expect(entries.map((entry) => entry.weeks)).toEqual(["41-44", "45-48", "49-52"]);
      for (const entry of entries) expect(entry.phase).toBe(5);
    }
  });

  it("gives every week a short title and at least one weekday item", () => {
    for (const entry of curriculum.weeks) {
      expect(entry.title.length, entry.title).toBeLessThanOrEqual(60);
      expect(entry.weekday.length, entry.title).toBeGreaterThan(0);
      expect(Array.isArray(entry.weekend), entry.title).toBe(true);
      for (const item of [...entry.weekday, ...entry.weekend]) expect(item.trim(), entry.title).not.toBe("");
    }
  });

  it("has the 10 projects in order, 3 of them capstone choices", () => {
    expect(curriculum.projects.map((entry) => entry.slug)).toEqual([
      "csvq",
      "schemaguard",
      "logr",
      "http-server",
      "airpost",
      "riskbook",
      "xlsxfmt",
      "docforge",
      "formulaengine",
      "ruleforge",
    ]);
    expect(curriculum.projects.map((entry) => entry.phase)).toEqual([1, 2, 2, 3, 3, 4, 4, 5, 5, 5]);
    expect(curriculum.projects.map((entry) => entry.weeks)).toEqual([
      "4-6",
      "11-13",
      "15-16",
      "21-23",
      "24-28",
      "31-35",
      "37-40",
      "41-52",
      "41-52",
      "41-52",
    ]);
    expect(
      curriculum.projects.filter((entry) => entry.choice === "capstone").map((entry) => entry.slug),
    ).toEqual([...CAPSTONES]);
    expect(CAPSTONES.map((slug) => project(slug).label)).toEqual(["Option A", "Option B", "Option C"]);
    for (const entry of curriculum.projects) {
      expect(entry.slug).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(entry.checks.length, entry.slug).toBeGreaterThan(0);
      expect(entry.summary.length, entry.slug).toBeGreaterThan(10);
      if (entry.choice === undefined) expect(entry.label, entry.slug).toBeUndefined();
    }
  });

  it("records that airpost replaces ticknorm, and why", () => {
    const replaced = curriculum.projects.filter((entry) => (entry.replaces ?? []).length > 0);
    expect(replaced.map((entry) => entry.slug)).toEqual(["airpost"]);
    expect(project("airpost").replaces).toEqual([
      {
        slug: "ticknorm",
        reason: "Replaced due to conflict of interest with LSEG. See project specs for details.",
      },
    ]);
  });

  it("has the DSA track: 3 stages over months 1–12 with their targets", () => {
    const dsa = curriculum.tracks.dsa;
    expect(dsa.title).toBe("DSA Remediation");
    expect(dsa.hours_per_week).toEqual({ min: 2, max: 3 });
    expect(dsa.stages.map((stage) => stage.months)).toEqual(["1-3", "4-7", "8-12"]);
    expect(dsa.stages.map((stage) => stage.title)).toEqual([
      "Foundations",
      "Intermediate",
      "Advanced + Rust",
    ]);
    expect(dsa.stages.map((stage) => stage.phases)).toEqual([[1], [2, 3], [4, 5]]);
    expect(dsa.stages.map((stage) => stage.problems_per_week)).toEqual([
      { min: 2, max: 3 },
      { min: 2, max: 3 },
      { min: 1, max: 2 },
    ]);
    expect(dsa.stages.map((stage) => stage.topics.length)).toEqual([5, 6, 4]);
    expect(dsa.stages.map((stage) => stage.notes.length)).toEqual([2, 1, 2]);
    expect(dsa.goal).toBe(
      "By month 12: solve any LeetCode medium confidently within 30 minutes, without AI assistance. In Rust or Python.",
    );
  });

  it("has the OSS track: 3 targets in priority order, bars for phases 3, 4 and 5", () => {
    const oss = curriculum.tracks.oss;
    expect(oss.phases).toEqual([3, 4, 5]);
    expect(oss.targets.map((target) => target.repo)).toEqual([
      "qdrant/qdrant",
      "vectordotdev/vector",
      "tikv/tikv",
    ]);
    expect(oss.targets.map((target) => target.name)).toEqual(["Qdrant", "Vector by Datadog", "TiKV"]);
    expect(oss.bars.map((bar) => [bar.phase, bar.requires, bar.count])).toEqual([
      [3, "merged-pr", 1],
      [4, "substantive-pr", 1],
      [5, "pr-or-engagement", 1],
    ]);
    expect(oss.bars.map((bar) => bar.minimum)).toEqual([
      "1 merged PR — any size",
      "1 substantive merged PR",
      "Additional PR or active issue engagement",
    ]);
    expect(oss.bars.map((bar) => bar.title)).toEqual([
      "First Contribution",
      "Substantive Contribution",
      "Ongoing Engagement",
    ]);
    expect(oss.bars.map((bar) => bar.guidance.length)).toEqual([2, 1, 0]);
    expect(Object.keys(oss.capstone_notes)).toEqual(["ruleforge", "formulaengine"]);
    expect(oss.summary.split("\n\n")).toHaveLength(2);
  });

  it("has 4 allowed and 4 not-allowed AI rules, 10 resources, 8 outcomes and the closing line", () => {
    expect(curriculum.ai_rules.allowed).toHaveLength(4);
    expect(curriculum.ai_rules.not_allowed).toHaveLength(4);
    expect(curriculum.ai_rules.heuristic).toMatch(/earned the explanation\.$/);
    expect(curriculum.resources).toHaveLength(10);
    expect(curriculum.resources.map((resource) => resource.type)).toEqual([
      "Book",
      "Interactive exercises",
      "Reference",
      "Video series",
      "Online guide",
      "Book",
      "Book",
      "Official guide",
      "Blog",
      "Documentation",
    ]);
    expect(curriculum.outcomes).toHaveLength(8);
    expect(curriculum.closing).toBe(
      "The gap you identified is real. You identified it yourself, before it bit you. Now close it.",
    );
  });
});

describe("rust-systems-1y: content", () => {
  it("restores the inline code of the weekly schedule", () => {
    expect(week(1).weekday).toContain("`rustlings` variables/functions/if");
    expect(week(1).weekend).toEqual(["Set up your dev environment", "Write small programs"]);
    expect(week(4).weekend).toContain("Start `csvq` skeleton");
    expect(week(5).weekend).toContain("Core `csvq` implementation");
    expect(week(10).weekday.join(" ")).toContain("`dyn Trait` vs `impl Trait`");
    expect(week(14).weekend.join(" ")).toContain("`thiserror` vs `anyhow`");
    expect(week(14).weekend.join(" ")).toContain("`serde` + `serde_json`");
    expect(week(20).weekend.join(" ")).toContain("`tokio::select!`, `broadcast` and `oneshot` channels");
    expect(week(37).weekday).toContain("Open a `.xlsx` file with `unzip` and read the raw XML");
    expect(week(40).weekend).toContain("Publish as `0.1.0-alpha`");
    expect(week(8).weekend.join(" ")).toContain("Crust of Rust: Lifetime Annotations");
    expect(week(11).weekend).toEqual(["Build `schemaguard`"]);
  });

  it("keeps the phases' concepts, checks and study material", () => {
    const [one, two, three, four] = curriculum.phases;
    expect(one?.concepts).toContain(
      "`Result<T, E>` and `Option<T>` — Rust’s replacement for exceptions and null",
    );
    expect(one?.study_material[1]).toEqual({
      title: "`rustlings`",
      detail: "complete all exercises (non-negotiable)",
    });
    expect(two?.checks).toHaveLength(3);
    expect(two?.checks[2]).toBe("Can you explain the difference between `Box<dyn Trait>` and `impl Trait`?");
    expect(three?.concepts).toContain(
      "`Send + Sync` traits — what they mean and why Rust checks them at compile time",
    );
    expect(four?.study_material[0]).toEqual({
      title: "Rust for Rustaceans",
      detail: "unsafe, FFI, performance",
      chapters: "6–9",
      when: "Weeks 29–30",
    });
    expect(four?.notes?.join(" ")).toContain("Weeks 53–60+");
  });

  it("keeps the projects' commands and checks", () => {
    expect(project("csvq").commands).toEqual([
      'csvq data.csv --filter "age > 25" --select "name,age,salary" --sort "salary desc" --limit 20',
      'csvq data.csv --group-by "department" --agg "avg(salary),count(*)"',
      "csvq data.csv --stats",
    ]);
    for (const command of project("csvq").commands) expect(seedText).toContain(`\n${command}\n`);
    expect(CAPSTONES.map((slug) => project(slug).commands)).toEqual(
      CAPSTONES.map((slug) => [`pip install ${slug}`]),
    );
    expect(project("formulaengine").checks.join(" ")).toContain("100k cells");
    expect(project("ruleforge").checks.join(" ")).toContain("10k rules in under 100ms");
    expect(project("docforge").checks.join(" ")).toContain("LibreOffice headless");
    expect(CAPSTONES.map((slug) => project(slug).checks.length)).toEqual([3, 4, 4]);
    expect(project("http-server").checks.join(" ")).toMatch(/no frameworks/);
    expect(project("http-server").checks.join(" ")).toMatch(/concurrent connections/);
    const xlsxfmt = project("xlsxfmt").checks.join("\n");
    expect(xlsxfmt).toContain("read → modify → write → re-read → assert");
    expect(xlsxfmt).toContain("what is and is not supported");
    expect(xlsxfmt).toContain("`0.1.0-alpha`");
    expect(project("xlsxfmt").notes?.join(" ")).toContain("Weeks 53–60+");
    expect(project("ruleforge").description).toContain(
      '`when customer.tier == "gold" AND order.total > 5000 then set discount = 0.15`',
    );
  });

  it("transcribes every weekly schedule entry of the seed completely, item by item", () => {
    // The seed's lines were broken where a space was; its weekly schedules end at "Study Material:".
    const joined = seedText.split("\n").join(" ");
    const blocks = joined
      .split("Weekly Schedule:")
      .slice(1)
      .map((block) => block.split("Study Material:")[0]?.split(" Note: ")[0] ?? "");
    expect(blocks).toHaveLength(7);
    const options: (string | undefined)[] = [undefined, undefined, undefined, undefined, ...CAPSTONES];
    let count = 0;
    const problems: string[] = [];
    blocks.forEach((block, index) => {
      for (const raw of block.split(/\s-\s(?=Weeks? \d)/).filter((piece) => piece.trim() !== "")) {
        const match = /^\s*-?\s*Weeks? (\d+)(?:–(\d+))?:\s*(.*)$/s.exec(raw);
        if (!match) throw new Error(`unparsed schedule entry: ${raw}`);
        const from = Number(match[1]);
        const to = match[2] ? Number(match[2]) : from;
        const entry = curriculum.weeks.find(
          (candidate) => candidate.option === options[index] && range(candidate.weeks).from === from,
        );
        expect(entry, `week ${from}`).toBeDefined();
        if (!entry) continue;
        count++;
        expect(range(entry.weeks)).toEqual({ from, to });
        // Each item is a span of the seed's sentence (ignoring case, spaces and punctuation) …
        const source = squash(match[3] ?? "");
        const items = [...entry.weekday, ...entry.weekend].map(squash);
        for (const item of items)
          if (!source.includes(item))
            problems.push(`week ${from} ${entry.option ?? ""}: "${item}" is not in the seed`);
        // … and together the items hold every word of it, except the label "Weekend:" and an "and"
        // that joined two items ("Formula parser (…) and core evaluation engine …").
        const covered = items.join("|");
        for (const word of words(match[3] ?? "")) {
          if (word === "Weekend" || word === "and") continue;
          if (!covered.includes(word.toLowerCase()))
            problems.push(`week ${from} ${entry.option ?? ""}: lost "${word}"`);
        }
      }
    });
    expect(problems).toEqual([]);
    expect(count).toBe(curriculum.weeks.length);
  });

  it("contains every word of the seed (headings excepted)", () => {
    const vocabulary = new Set(
      allText(curriculum)
        .flatMap(words)
        .map((word) => word.toLowerCase()),
    );
    const squashed = allStrings(curriculum).map(squash).join("");
    // Headings and labels that the YAML's structure carries instead of text: "End-of-Phase Check",
    // "Concepts to Internalize", "Parallel Track", "Recommended Target Projects", "Program
    // Structure", "Rules on AI During This Program", the table header "Resource", "Weekday
    // evenings"/"Weekend blocks" of "How to split your time each week", the targets' github.com
    // addresses (now `repo`), the heading "1-Year Outcome" and its lead-in "If you complete this program honestly:", and
    // one glue across two fields: "~~ticknorm~~airpost" is projects.airpost.replaces.
    const structural = new Set([
      "check",
      "internalize",
      "parallel",
      "recommended",
      "structure",
      "during",
      "resource",
      "evenings",
      "blocks",
      "each",
      "github",
      "com",
      "outcome",
      "honestly",
      "ticknormairpost",
    ]);
    const missing = [...new Set(words(seedText).map((word) => word.toLowerCase()))].filter(
      (word) => !vocabulary.has(word) && !squashed.includes(word) && !structural.has(word),
    );
    expect(missing).toEqual([]);
  });
});

describe("rust-systems-1y: no glued word of the seed survives", () => {
  it("lists only tokens that really are in the seed", () => {
    for (const token of GLUED_TOKENS) expect(seedText, token).toContain(token);
  });

  it("has none of the seed's glued tokens", () => {
    const strings = allStrings(curriculum);
    for (const token of GLUED_TOKENS) {
      expect(yamlText.includes(token), token).toBe(false);
      expect(
        strings.some((text) => text.includes(token)),
        token,
      ).toBe(false);
    }
  });

  it("has no seed word that glues an inline-code term to a word", () => {
    expect(gluedWordsIn(yamlText, seedText)).toEqual([]);
  });

  it("never writes inline code against a letter", () => {
    expect(codeGluedToLetters(yamlText)).toEqual([]);
  });

  it("does catch a glued word (the checks are not vacuous)", () => {
    const cases: [string, string][] = [
      ["`rustlings` exercises", "rustlingsexercises"],
      ["`thiserror` vs `anyhow` deep dive", "`thiserror`vs `anyhow` deep dive"],
      ["Start `csvq` skeleton", "Start csvqskeleton"],
      ["`unsafe` Rust — what it permits", "unsafeRust — what it permits"],
      ["`Send + Sync` traits — what they mean", "Send + Synctraits — what they mean"],
      ["`axum` for HTTP servers", "axumfor HTTP servers"],
    ];
    for (const [good, bad] of cases) {
      expect(yamlText, good).toContain(good);
      const broken = yamlText.replace(good, bad);
      expect(gluedWordsIn(broken, seedText).length + codeGluedToLetters(broken).length, bad).toBeGreaterThan(
        0,
      );
    }
    expect(gluedWordsIn(yamlText.replace("`rustlings` exercises", "rustlingsexercises"), seedText)).toEqual([
      "rustlingsexercises, (rustlingsexercises)",
    ]);
  });
});
