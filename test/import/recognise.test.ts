import { describe, expect, it } from "vitest";
import { logicalLines } from "../../src/import/lines.js";
import { recognise } from "../../src/import/recognise.js";

/** The recognisers on a short document, without code names: what each block gathers. */
const read = (text: string, names: string[] = []) =>
  recognise(
    logicalLines(text, () => false),
    new Set(names),
  );

describe("recognise: labels", () => {
  it("takes a rule of thumb's value as the AI heuristic, and reports one without a value as not placed", () => {
    const recognised = read("# Plan\n\nRule of thumb: ask before you paste.\n\nRule of thumb:\n");
    expect(recognised.ai.heuristic).toBe("Ask before you paste.");
    expect(recognised.findings).toContainEqual({
      line: 5,
      severity: "warning",
      message: "not placed: Rule of thumb:",
    });
  });

  it("reads a Target line under a track's stage as its weekly target, and the parenthesis as a note", () => {
    const recognised = read(
      "# Plan\n\nParallel Track: Practice (Months 1–6)\n\nMonths 1–3: Foundations\n\nTarget: 5–8 problems a week (speed)\n",
    );
    expect(recognised.tracks[0]?.stages[0]).toMatchObject({
      title: "Foundations",
      target: { min: 5, max: 8 },
      notes: ["5–8 problems per week: speed"],
    });
  });

  it("takes a track's goal from the line under a Goal heading", () => {
    const recognised = read("# Plan\n\n## Open source track\n\n### Goal\nOne merged pull request.\n");
    expect(recognised.tracks[0]?.goal).toBe("One merged pull request.");
  });

  it("gives a project the value of its summary label", () => {
    const recognised = read(
      "# Plan\n\n## Phase 1 — Basics (Weeks 1–4)\n\nProject: tool — A tool\n\nWhat it is: a small tool.\n",
    );
    expect(recognised.projects[0]?.summary).toBe("a small tool.");
  });
});

describe("recognise: loose lines", () => {
  it("keeps a sentence opening with Note under a phase that has its objective", () => {
    const recognised = read(
      "# Plan\n\n## Phase 1 — Basics (Weeks 1–4)\n\nObjective: learn.\n\nNote that week 2 is short.\n",
    );
    expect(recognised.phases[0]?.notes).toEqual(["Note that week 2 is short."]);
  });

  it("reads done-when and ticked items under a project, outside any section, as its checks", () => {
    const recognised = read(
      "# Plan\n\n## Phase 1 — Basics (Weeks 1–4)\n\nProject: tool — A tool\n\n- Done when: it builds\n- ✓ tests pass\n",
    );
    expect(recognised.projects[0]?.checks).toEqual(["it builds", "tests pass"]);
  });
});
