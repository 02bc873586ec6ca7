import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkConfig, parseConfig } from "../../src/config/load.js";
import { parseCurriculum } from "../../src/curriculum/load.js";
import { planContext } from "../../src/model/context.js";
import { renderWeekIssue } from "../../src/render/issue-bodies.js";
import { repoPath } from "../helpers/setup.js";

const GUIDE = readFileSync(repoPath("docs/curriculum-guide.md"), "utf8");

/** The fenced YAML block right after `<!-- curriculum-guide:<name> -->`. */
function block(name: string): string {
  const found = new RegExp(`<!-- curriculum-guide:${name} -->\\n\`\`\`yaml\\n([\\s\\S]*?)\\n\`\`\`\\n`).exec(
    GUIDE,
  );
  if (!found?.[1]) throw new Error(`docs/curriculum-guide.md has no ${name} block`);
  return `${found[1]}\n`;
}

describe("docs/curriculum-guide.md", () => {
  it("holds a complete example that syllabot's loader accepts, with every part the guide explains", () => {
    const curriculum = parseCurriculum(block("example"), "docs/curriculum-guide.md");
    expect(curriculum.totalWeeks).toBe(6);
    expect([...curriculum.choices]).toEqual([["final", ["shortener", "pastebin"]]]);
    const linkcheck = curriculum.projects.find((project) => project.slug === "linkcheck");
    expect(linkcheck?.tagline).toBeTruthy();
    expect(linkcheck?.replaces).toHaveLength(1);
    expect(curriculum.projects.filter((project) => project.label)).toHaveLength(2);
    expect(curriculum.tracks.oss?.bars[0]).toMatchObject({ requires: "merged-pr", count: 1 });
    expect(curriculum.tracks.oss?.bars[0]?.goal).toBeTruthy();
    expect(curriculum.tracks.oss?.bars[0]?.minimum).toBeTruthy();
  });

  it("pairs it with the guide's config, which picks the option of the choice group", () => {
    const curriculum = parseCurriculum(block("example"), "docs/curriculum-guide.md");
    const config = checkConfig(parseConfig(block("config"), "syllabot.yml"), curriculum);
    expect(planContext(config, curriculum).chosen).toEqual(new Set(["shortener"]));
  });

  it("names its time blocks, which head the week issues' checklists", () => {
    const curriculum = parseCurriculum(block("example"), "docs/curriculum-guide.md");
    const config = checkConfig(parseConfig(block("config"), "syllabot.yml"), curriculum);
    const week = renderWeekIssue(planContext(config, curriculum), 1).body;
    expect(week).toContain("Weekday lunch breaks");
    expect(week).toContain("Saturday morning");
    expect(week).not.toContain("Weekday evenings");
  });

  it("is linked from the README", () => {
    expect(readFileSync(repoPath("README.md"), "utf8")).toContain("](docs/curriculum-guide.md)");
  });
});
