import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkConfig, parseConfig } from "../../src/config/load.js";
import { loadBuiltinCurriculum } from "../../src/curriculum/builtin.js";
import { planContext } from "../../src/model/context.js";
import { codeLines, engagementByPhase, ossBars, type PullRequestEvidence } from "../../src/progress/oss.js";
import { date, EXAMPLE_CONFIG, exampleContext, miniContext } from "../helpers/setup.js";

const TODAY = date("2026-11-24"); // phase 4 ends on Sunday 6 December: 12 days left
const pr = (
  number: number,
  mergedAt: string,
  files: PullRequestEvidence["files"],
  labels: string[] = [],
): PullRequestEvidence => ({
  repo: "tikv/tikv",
  number,
  title: `PR ${number}`,
  url: `https://github.com/tikv/tikv/pull/${number}`,
  mergedAt,
  labels,
  files,
});
const code = (lines: number) => [{ filename: "src/raft/log.rs", additions: lines, deletions: 0 }];
const docs = [
  { filename: "docs/guide.md", additions: 200, deletions: 10 },
  { filename: "tests/raft_test.rs", additions: 80, deletions: 0 },
];

function contextWithVerdicts(verdicts: string) {
  const text = readFileSync(EXAMPLE_CONFIG, "utf8").replace("  verdicts: {}", `  verdicts: ${verdicts}`);
  const curriculum = loadBuiltinCurriculum("rust-systems-1y");
  return planContext(checkConfig(parseConfig(text, "syllabot.yml"), curriculum), curriculum);
}

const states = (bars: ReturnType<typeof ossBars>) =>
  Object.fromEntries(bars.map((bar) => [bar.bar.phase, bar.state]));

describe("OSS bars", () => {
  it("counts a PR merged before phase 3 for phase 3, and reports a bar with less than the first lead left as at risk", () => {
    const bars = ossBars(exampleContext(), [pr(1, "2026-05-01T10:00:00Z", docs)], new Map(), TODAY);
    expect(states(bars)).toEqual({ 3: "met", 4: "at-risk", 5: "unmet" });
    expect(bars[0]?.counting[0]?.reason).toBe("merged before phase 3, so it counts there");
    expect(bars[1]?.daysLeft).toBe(12);
    expect(bars[0]?.ended).toBe(true);
  });

  it("does not meet phase 4 with a docs-and-tests PR, and says why", () => {
    const bars = ossBars(exampleContext(), [pr(2, "2026-10-01T10:00:00Z", docs)], new Map(), TODAY);
    expect(bars[1]?.state).toBe("at-risk");
    expect(bars[1]?.counting[0]?.reason).toBe(
      "merged in phase 4; substantive: no, it changes only docs or tests",
    );
  });

  it("meets phase 4 with enough code, or with the learner's verdict in the config", () => {
    expect(
      states(ossBars(exampleContext(), [pr(3, "2026-10-01T10:00:00Z", code(20))], new Map(), TODAY))[4],
    ).toBe("met");
    expect(
      states(ossBars(exampleContext(), [pr(4, "2026-10-01T10:00:00Z", code(19))], new Map(), TODAY))[4],
    ).toBe("at-risk");
    const withVerdict = ossBars(
      contextWithVerdicts('{"tikv/tikv#5": substantive}'),
      [pr(5, "2026-10-01T10:00:00Z", docs)],
      new Map(),
      TODAY,
    );
    expect(withVerdict[1]?.state).toBe("met");
    expect(withVerdict[1]?.counting[0]?.reason).toContain("your verdict in the config: substantive");
  });

  it("counts a spam- or invalid-labelled PR for nothing", () => {
    const bars = ossBars(
      exampleContext(),
      [pr(6, "2026-10-01T10:00:00Z", code(500), ["Spam"])],
      new Map(),
      TODAY,
    );
    expect(bars.flatMap((bar) => bar.counting)).toEqual([]);
    expect(states(bars)[4]).toBe("at-risk");
  });

  it("meets phase 5 with a PR or with engagement, and judges merge dates in the learner's zone", () => {
    expect(states(ossBars(exampleContext(), [], new Map([[5, 2]]), TODAY))[5]).toBe("met");
    // 19:00 UTC on Sunday 6 December is already Monday 7 December in Kolkata: phase 5.
    const bars = ossBars(exampleContext(), [pr(7, "2026-12-06T19:00:00Z", code(5))], new Map(), TODAY);
    expect(states(bars)[5]).toBe("met");
  });

  it("counts an issue once per phase however often the learner engaged with it, and only in a bar's phase", () => {
    const counts = engagementByPhase(exampleContext(), [
      // Opened and commented in phase 5: one issue.
      ["2026-12-10T10:00:00Z", "2026-12-20T10:00:00Z"],
      // Phase 2 has no engagement bar; phase 5 does.
      ["2026-05-01T10:00:00Z", "2027-01-04T10:00:00Z"],
      // Phase 1 only.
      ["2026-03-05T10:00:00Z"],
    ]);
    expect([...counts]).toEqual([[5, 2]]);
  });

  it("has no bars for a curriculum without an OSS track", () => {
    expect(
      ossBars(miniContext("learner: octocat\nstart: 2026-01-05\ntimezone: UTC\n"), [], new Map(), TODAY),
    ).toEqual([]);
  });

  it("counts changed code lines outside docs and tests", () => {
    expect(
      codeLines([
        { filename: "src/lib.rs", additions: 10, deletions: 5 },
        { filename: "README.md", additions: 50, deletions: 0 },
        { filename: "src/lib_test.rs", additions: 30, deletions: 0 },
        { filename: "benches/raft.rs", additions: 7, deletions: 0 },
      ]),
    ).toBe(15);
  });
});
