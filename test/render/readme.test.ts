import fc from "fast-check";
import { marked } from "marked";
import { describe, expect, it } from "vitest";
import type { ProgressReport } from "../../src/progress/report-types.js";
import {
  link,
  pictureLocation,
  REGION_END,
  REGION_START,
  renderProgressFiles,
  renderProgressRegion,
  replaceRegion,
} from "../../src/render/readme.js";
import { reportAt, type Stage } from "./report-fixtures.js";

const HOSTILE =
  "[click](javascript:alert(1)) <img src=x onerror=alert(1)> </svg><script>x</script> @octocat | #12 **bold**";

function withUserText(report: ProgressReport): ProgressReport {
  return {
    ...report,
    projects: [
      {
        slug: "csvq",
        title: "csvq",
        phase: 1,
        firstWeek: 4,
        lastWeek: 6,
        repo: "octocat/csvq",
        repoUrl: "https://github.com/octocat/csvq",
        commits: 12,
        lastActivity: "2026-04-10",
        status: "done",
      },
    ],
    bars: [
      {
        phase: 3,
        title: "First merged PR",
        minimum: "One merged PR of any size",
        requires: "merged-pr",
        count: 1,
        state: "met",
        ended: false,
        daysLeft: 20,
        due: "2026-09-13",
        pulls: [
          {
            repo: "tikv/tikv",
            number: 12,
            title: HOSTILE,
            url: "https://github.com/tikv/tikv/pull/12) [x](javascript:alert(2)",
            mergedOn: "2026-07-01",
            counts: true,
            reason: "merged in phase 3",
          },
        ],
        engagement: 0,
      },
    ],
  };
}

describe("the README region", () => {
  for (const stage of ["start", "middle", "finished"] as Stage[]) {
    it(`renders deterministically at the ${stage} of the program`, async () => {
      const region = renderProgressRegion(reportAt(stage), ".syllabot");
      expect(renderProgressRegion(reportAt(stage), ".syllabot")).toBe(region);
      await expect(region).toMatchFileSnapshot(`./__snapshots__/readme/${stage}.md`);
    });
  }

  it("shows pace, phases and the pictures in both themes", () => {
    const region = renderProgressRegion(reportAt("middle"), ".syllabot");
    expect(region).toMatch(/\*\*Pace:\*\* \d+ of 52 weeks done/);
    expect(region).toContain(
      '<source media="(prefers-color-scheme: dark)" srcset=".syllabot/weeks-dark.svg">',
    );
    expect(region).toContain('src=".syllabot/hours-light.svg"');
    expect(region).toMatch(/<img alt="Week by week: [^"]+"/);
    expect(region).toContain("| Phase | Weeks done | Due | Status |");
  });

  it("makes user text inert: no HTML, no live link, no mention, no broken table", () => {
    const region = renderProgressRegion(withUserText(reportAt("middle")), ".syllabot");
    const html = marked.parse(region, { async: false, gfm: true });
    expect(html).not.toMatch(/<img[^>]*onerror/i);
    expect(html).not.toContain("<script");
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).not.toContain("<strong>bold</strong>");
    // GitHub links @name only when it follows no other character; a zero-width space stops it.
    expect(region).toContain("@\u200Boctocat");
    expect(region).toContain("#\u200B12");
    // The PR's link text stays inside one list item, with the reason after it.
    const item = html.split("\n").find((line) => line.includes("tikv/tikv#"));
    expect(item).toContain("merged in phase 3");
    expect(item).toMatch(/href="https:\/\/github\.com\/tikv\/tikv\/pull\/12%29%20%5Bx%5D/);
    // The projects table keeps its five columns.
    const row = region.split("\n").find((line) => line.startsWith("| csvq |"));
    expect(row?.split(/(?<!\\)\|/).length).toBe(7);
  });

  it("links only http(s) addresses", () => {
    expect(link("x", "javascript:alert(1)")).toBe("x");
    expect(link("a]b", "https://example.com/a b")).toBe("[a\\]b](https://example.com/a%20b)");
  });

  it("puts the pictures in .syllabot/ at the root and links them from the README's folder", () => {
    expect(pictureLocation("README.md")).toEqual({ directory: ".syllabot", linkPrefix: ".syllabot" });
    expect(pictureLocation("docs/progress/README.md").linkPrefix).toBe("../../.syllabot");
    const files = renderProgressFiles(reportAt("start"), "docs/README.md", undefined);
    expect(Object.keys(files).sort()).toEqual([
      ".syllabot/hours-dark.svg",
      ".syllabot/hours-light.svg",
      ".syllabot/phases-dark.svg",
      ".syllabot/phases-light.svg",
      ".syllabot/weeks-dark.svg",
      ".syllabot/weeks-light.svg",
      "docs/README.md",
    ]);
    expect(files["docs/README.md"]).toContain('srcset="../.syllabot/weeks-dark.svg"');
  });
});

describe("replacing the region", () => {
  const text = fc.string({ unit: fc.constantFrom("a", " ", "\n", "\r\n", "<!--", "-->", "é", "`") });

  it("keeps every byte outside the markers, whatever surrounds them", () => {
    fc.assert(
      fc.property(text, text, fc.string(), (above, below, region) => {
        // The markers stand on lines of their own, as syllabot writes them.
        const readme = `${above}\n${REGION_START}\nold\n${REGION_END}\n${below}`;
        const next = replaceRegion(readme, `${region}\n`);
        expect(next.startsWith(`${above}\n${REGION_START}`)).toBe(true);
        expect(next.endsWith(`${REGION_END}\n${below}`)).toBe(true);
        // Idempotent: the same region again is the same file.
        expect(replaceRegion(next, `${region}\n`)).toBe(next);
      }),
    );
  });

  it("adds the region at the end when the README has none, and creates the README when absent", () => {
    expect(replaceRegion(undefined, "x\n")).toBe(`${REGION_START}\nx\n${REGION_END}\n`);
    expect(replaceRegion("# Me\n", "x\n")).toBe(`# Me\n\n${REGION_START}\nx\n${REGION_END}\n`);
    expect(replaceRegion("# Me", "x\n")).toBe(`# Me\n\n${REGION_START}\nx\n${REGION_END}\n`);
  });

  it("keeps a learner's line that quotes the markers inline, CRLF file included", () => {
    const note =
      "Tip: syllabot rewrites what is between `<!-- syllabot:start -->` and `<!-- syllabot:end -->`.";
    for (const newline of ["\n", "\r\n"]) {
      const readme = [`# Me`, note, REGION_START, "old", `${REGION_END}`, "bye", ""].join(newline);
      expect(replaceRegion(readme, "new\n")).toBe(
        [`# Me`, note, REGION_START, "new", `${REGION_END}`, "bye", ""].join(newline),
      );
    }
  });

  it("treats a stray marker as the learner's text", () => {
    const readme = `${REGION_END} is how it ends; ${REGION_START} too\n`;
    const once = replaceRegion(readme, "x\n");
    expect(once.startsWith(readme)).toBe(true);
    expect(replaceRegion(once, "y\n")).toBe(once.replace("\nx\n", "\ny\n"));
  });
});
