import { describe, expect, it } from "vitest";
import { parseCurriculum } from "../../src/curriculum/load.js";
import { importPlan, MAX_NAMES } from "../../src/import/index.js";

/** Small documents, one shape or one gap each: what the importer makes of it, and what it reports. */

const messages = (text: string, severity?: string) =>
  importPlan(text)
    .findings.filter((finding) => severity === undefined || finding.severity === severity)
    .map((finding) => `${finding.line}: ${finding.message}`);

const draft = (text: string) => {
  const result = importPlan(text);
  expect(result.valid).toBe(true);
  return parseCurriculum(result.yaml, "draft");
};

describe("phases and weeks", () => {
  it("takes a phase's weeks from its week lines, marked, and reports a phase with no weeks at all", () => {
    const text =
      "# Course\n\n## Phase 1 — Basics\n\n- Week 1: Read.\n- Week 2: Write.\n\n## Phase 2 — More\n\nObjective: more.\n";
    const result = importPlan(text);
    expect(result.valid).toBe(false);
    expect(result.yaml).toMatch(/weeks: 1-2 # guessed: from the weeks the document states/);
    expect(result.yaml).toMatch(/weeks: null # TODO: fill in: the document states no weeks for this phase/);
    expect(messages(text, "warning")).toContain("3: phase 1 states no weeks: its week lines span 1-2");
    expect(messages(text, "error")).toContain("8: phase 2 states no weeks, and no week line is in it");
  });

  it("places a week by its number when it is written under another phase, and reports one in no phase", () => {
    const text =
      "Course\n\nPhase 1 — A (Weeks 1–2)\n- Week 1: a.\n- Week 2: b.\n- Week 4: d.\n\nPhase 2 — B (Weeks 3 to 4)\n- Week 3: c.\n- Week 5: e.\n";
    const result = importPlan(text);
    expect(messages(text)).toContain("6: week 4 is under phase 1 but inside phase 2's weeks");
    expect(messages(text, "error")).toContain("10: week 5 lies in no phase");
    expect(result.yaml).toMatch(/phase: null # TODO: fill in: the week lies in no stated phase/);
  });

  it("reads week headings with their items, and marks a week with nothing under it", () => {
    const curriculum = importPlan(
      "Course\n=====\n\nPhase 1: Start (weeks 1-5)\n-----------------\n\n### Week 1: Setup\n\n1) Install the tools\n2) Weekend: write hello world\n\n### Weeks 2 to 3\n\nRead chapter two.\n\n### Week 4\n\n### Week 5\n",
    );
    const parsed = parseCurriculum(curriculum.yaml, "draft");
    expect(parsed.phases[0]?.title).toBe("Start");
    expect(parsed.weeks.map((week) => [week.weeks, week.title, week.weekday, week.weekend])).toEqual([
      [{ from: 1, to: 1 }, "Setup", ["Install the tools"], ["Write hello world"]],
      [{ from: 2, to: 3 }, "TODO: fill in", ["Read chapter two"], []],
      [{ from: 4, to: 4 }, "TODO: fill in", ["TODO: fill in"], []],
      [{ from: 5, to: 5 }, "TODO: fill in", ["TODO: fill in"], []],
    ]);
    expect(curriculum.yaml).toMatch(/title: "TODO: fill in" # TODO: fill in/);
    expect(curriculum.yaml).toMatch(/# TODO: fill in\n {4}weekday:\n {6}- "TODO: fill in"/);
  });

  it("reads week ranges with a hyphen, an en dash, an em dash or 'to', under headings of any level", () => {
    const curriculum = draft(
      [
        "Course",
        "###### Phase 1 — All (Weeks 1 — 8)",
        "#### Weeks 1-2: Hyphen",
        "- read",
        "##### Weeks 3–4: En dash",
        "- read",
        "Weeks 5—6: Em dash.",
        "**Weeks 7 to 8:** To.",
      ].join("\n"),
    );
    expect(curriculum.phases[0]?.weeks).toEqual({ from: 1, to: 8 });
    expect(curriculum.weeks.map((week) => [week.weeks.from, week.weeks.to, week.title])).toEqual([
      [1, 2, "Hyphen"],
      [3, 4, "En dash"],
      [5, 6, "Em dash"],
      [7, 8, "To"],
    ]);
  });

  it("reads a plan without a title, and says so", () => {
    const result = importPlan("Week 1: Read the book.\nWeek 2: Write a program.\n");
    expect(result.yaml).toMatch(/^title: "TODO: fill in" # TODO: fill in$/m);
    expect(messages("Week 1: Read the book.\n", "warning")).toContain("0: no title found");
  });

  it("keeps a week's title within 120 characters, and a project's within 60, marked", () => {
    const long = "Read ".repeat(40).trim();
    const result = importPlan(
      `Course\n\nPhase 1 — A (Weeks 1–1)\n- Week 1: ${long}.\n\nProject: ${"x".repeat(70)} — A long one\n`,
    );
    const curriculum = parseCurriculum(result.yaml, "draft");
    expect(curriculum.weeks[0]?.title.length).toBeLessThanOrEqual(120);
    expect(curriculum.weeks[0]?.title.endsWith("…")).toBe(true);
    expect(curriculum.projects[0]?.title.length).toBeLessThanOrEqual(60);
    expect(result.yaml).toMatch(/# guessed: shortened to 60 characters/);
  });
});

describe("projects", () => {
  it("gives two names with one slug distinct slugs, and places a project by a phase table's column", () => {
    const text =
      "Course\n\n| Phase | Weeks | Focus | Projects |\n|---|---|---|---|\n| 1 | 1–2 | Start | my tool, my-tool |\n| 2 | 3–4 | End | — |\n| x | 5 | Bad | |\n\nProject: My Tool — First\n\nProject: my-tool — Second\n\n- Week 1: a.\n- Week 2: b.\n- Week 3: c.\n- Week 4: d.\n";
    const curriculum = draft(text);
    expect(curriculum.projects.map((project) => [project.slug, project.phase, project.weeks])).toEqual([
      ["my-tool", 1, { from: 1, to: 2 }],
      ["my-tool-2", 1, { from: 1, to: 2 }],
    ]);
    expect(messages(text, "warning")).toEqual([
      "0: no weekly hours found: time_budget.weekly_hours is 0–0, to fill in",
      "7: not placed: | x | 5 | Bad | |",
      `9: project "My Tool": no week builds it; its weeks are its phase's`,
      `11: project "my-tool": no week builds it; its weeks are its phase's`,
    ]);
  });

  it("reads inline labels: summary, done when, commands, notes, concepts and study material", () => {
    const curriculum = draft(
      [
        "Course",
        "",
        "Phase 1 — A (Weeks 1–2)",
        "Study: Book One, Book Two (chapters 1–3)",
        "Concepts: ownership, borrowing",
        "Notes: keep a log",
        "- Week 1: a.",
        "- Week 2: Build gizmo.",
        "",
        "Project: gizmo — A gizmo",
        "Summary: It does things.",
        "Done when: it builds; it runs.",
        "Commands:",
        "- `$ gizmo run`",
        "Notes:",
        "- Keep it small",
        "Concepts:",
        "- Parsing",
        "Study material:",
        "- The Gizmo Book",
        "Objective: misplaced here",
      ].join("\n"),
    );
    expect(curriculum.phases[0]).toMatchObject({
      study_material: [{ title: "Book One" }, { title: "Book Two", detail: "chapters 1–3" }],
      concepts: ["Ownership", "Borrowing"],
      notes: ["**Notes:** keep a log"],
    });
    expect(curriculum.projects[0]).toMatchObject({
      slug: "gizmo",
      weeks: { from: 2, to: 2 },
      summary: "It does things.",
      checks: ["it builds", "it runs"],
      commands: ["gizmo run"],
      notes: ["Keep it small"],
      concepts: ["Parsing"],
      study_material: [{ title: "The Gizmo Book" }],
    });
    expect(
      messages("Course\n\nPhase 1 — A (Weeks 1–2)\nProject: g — x\nObjective: misplaced\n", "warning"),
    ).toContain("5: not placed: Objective: misplaced");
  });

  it("joins a paragraph wrapped over lines, but never command lines or a fenced block", () => {
    const curriculum = draft(
      [
        "# Course",
        "",
        "## Phase 1 — A (Weeks 1–1)",
        "",
        "- Week 1: Build tally.",
        "",
        "### Project: tally — A counter",
        "",
        "A small program that counts the words of a file, the lines and",
        "the characters, and prints them in a table.",
        "tally notes.txt --words --lines",
        "tally notes.txt --chars and more",
        "```",
        "tally a long example line that goes on and on and on and on",
        "tally again",
        "```",
      ].join("\n"),
    );
    expect(curriculum.projects[0]?.summary).toBe(
      "A small program that counts the words of a file, the lines and the characters, and prints them in a table.",
    );
    expect(curriculum.projects[0]?.commands).toEqual([
      "tally notes.txt --words --lines",
      "tally notes.txt --chars and more",
      "tally a long example line that goes on and on and on and on",
      "tally again",
    ]);
  });

  it("takes a project's weeks from a sentence naming them, else the whole phase, marked", () => {
    const result = importPlan(
      "Course\n\nPhase 1 — A (Weeks 1–4)\n- Week 1: a.\n- Weeks 2–4: b.\n\nNote: widget is built in Weeks 3–4.\n\nProjects:\n- widget — A widget\n- gadget — A gadget\n",
    );
    const curriculum = parseCurriculum(result.yaml, "draft");
    expect(curriculum.projects.map((project) => [project.slug, project.weeks])).toEqual([
      ["widget", { from: 3, to: 4 }],
      ["gadget", { from: 1, to: 4 }],
    ]);
    expect(result.yaml).toMatch(/weeks: 1-4 # guessed: the whole phase \(no week names this project\)/);
    expect(result.yaml).toMatch(/summary: A gadget. # guessed: the tagline|summary: A gadget\./);
  });
});

describe("tracks", () => {
  it("reads an open-source track: targets, a bars table and bar sections, capstone notes", () => {
    const text = [
      "Course",
      "",
      "Phase 1 — A (Weeks 1–2)",
      "- Week 1: a.",
      "- Week 2: b.",
      "Choose one of these:",
      "Option A: alpha — First",
      "Option B: beta — Second",
      "",
      "Track: Open Source (Phases 1, 2)",
      "Contribute upstream.",
      "",
      "Target repositories",
      "| Project | Why |",
      "|---|---|",
      "| Foo (github.com/foo/foo) | It is good |",
      "| Bar (github.com/bar/bar) | |",
      "| No repository | here |",
      "",
      "Phase 1 (Weeks 1–2)",
      "- Start small.",
      "If your capstone is alpha: talk to the alpha people.",
      "",
      "Minimum Bars",
      "| Phase | Goal |",
      "|---|---|",
      "| Phase 1 | 2 merged PRs |",
      "| Phase 9 | 1 substantive PR |",
      "| none | nothing |",
    ].join("\n");
    const result = importPlan(text);
    expect(messages(text, "error")).toContainEqual(expect.stringContaining("phase 9 does not exist"));
    const oss = parseCurriculum(result.yaml.replace(/^ {6}- phase: 9[\s\S]*?count: 1\n/m, ""), "draft").tracks
      .oss;
    expect(oss?.phases).toEqual([1, 2]);
    expect(oss?.summary).toBe("Contribute upstream.");
    expect(oss?.targets).toEqual([
      { repo: "foo/foo", name: "Foo", why: "It is good" },
      { repo: "bar/bar", name: "Bar", why: "TODO: fill in" },
    ]);
    expect(oss?.bars[0]).toMatchObject({
      phase: 1,
      title: "TODO: fill in",
      minimum: "2 merged PRs",
      requires: "merged-pr",
      count: 2,
      guidance: ["Start small."],
    });
    expect(oss?.capstone_notes).toEqual({ alpha: "If your capstone is alpha: talk to the alpha people." });
    expect(messages(text, "warning")).toContain("18: not placed: | No repository | here |");
  });

  it("reports an open-source track without a repository, a track it cannot place, and a second practice track", () => {
    const text = [
      "Course",
      "Phase 1 — A (Weeks 1–1)",
      "- Week 1: a.",
      "Track: Open source",
      "Phase 1 (Weeks 1–1) — First",
      "Goal: one PR.",
      "Track: Reading",
      "Just read.",
      "Track: Drills",
      "Months 1–1: Only",
      "- Arrays",
      "Track: More drills",
      "Months 1-1: Again",
      "- Strings",
      "- Target: three a week",
      "Goal: be fast.",
    ].join("\n");
    const result = importPlan(text);
    expect(messages(text, "error")).toContain(
      '4: track "Open source": no target repository (github.com/owner/name) found',
    );
    expect(messages(text, "warning")).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^7: track "Reading" not placed/),
        expect.stringMatching(/^12: track "More drills" not placed/),
      ]),
    );
    expect(result.yaml).toMatch(/problems_per_week: \{ min: 0, max: 0 \} # TODO: fill in: none stated/);
    expect(result.yaml).toMatch(/hours_per_week: \{ min: 0, max: 0 \} # TODO: fill in: hours a week/);
    expect(result.yaml).toMatch(/goal: "TODO: fill in" # TODO: fill in/);
    expect(result.yaml).toMatch(/summary: "TODO: fill in" # TODO: fill in/);
  });
});

describe("resources and code", () => {
  it("marks a resource's missing type or time", () => {
    const result = importPlan(
      "Course\nPhase 1 — A (Weeks 1–1)\n- Week 1: a.\n\nResources\n| Name | Type | When |\n|---|---|---|\n| A book | | |\n",
    );
    expect(result.yaml).toMatch(/^ {4}type: "TODO: fill in" # TODO: fill in$/m);
    expect(parseCurriculum(result.yaml, "d").resources).toEqual([
      { name: "A book", type: "TODO: fill in", when: "TODO: fill in" },
    ]);
  });

  it("restores a name glued to words it uses alone, leaves one glued to an unknown word, and a plural alone", () => {
    const text = [
      "Course",
      "| Phase | Weeks | Focus | Projects |",
      "|---|---|---|---|",
      "| 1 | 1–2 | Start | gizmo |",
      "- Week 1: Start the gizmoskeleton. Then the core of it, and the skeleton.",
      "- Week 2: Finish thecoregizmo work, then xyzgizmo, then gizmos, and my-gizmo-extra.",
    ].join("\n");
    const result = importPlan(text);
    expect(result.yaml).toContain("Start the `gizmo` skeleton");
    expect(result.yaml).toContain("xyzgizmo");
    expect(result.yaml).toContain("gizmos");
    expect(result.yaml).toContain("my-gizmo-extra");
    expect(messages(text, "warning")).toContain(
      '6: "thecoregizmo" looks like inline code glued to a word: left as written',
    );
  });

  it('uses at most MAX_NAMES code names, and says so (the cells and the column heading "what")', () => {
    const cells = Array.from({ length: MAX_NAMES + 5 }, (_, index) => `| name${index}x | cell |`).join("\n");
    const result = importPlan(
      `Course\n| Name | What |\n|---|---|\n${cells}\n\nWeek 1: Start name1xskeleton.\n`,
    );
    expect(result.findings).toContainEqual({
      line: 0,
      severity: "warning",
      message: `${MAX_NAMES + 6} code names defined: only the first ${MAX_NAMES} are used to restore inline code`,
    });
  });

  it("refuses a document over the size limit with an error finding", () => {
    const result = importPlan("x".repeat(1_000_001));
    expect(result.valid).toBe(false);
    expect(result.yaml).toBe("");
    expect(result.findings[0]?.message).toMatch(/at most 1000000 are read/);
  });
});
