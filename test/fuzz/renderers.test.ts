import fc from "fast-check";
import { XMLValidator } from "fast-xml-parser";
import ICAL from "ical.js";
import { marked } from "marked";
import { describe, expect, it } from "vitest";
import { ossBars } from "../../src/progress/oss.js";
import type { ProgressReport } from "../../src/progress/report-types.js";
import type { DueReminder } from "../../src/remind/policy.js";
import { metComment, reminderComment, reminderIssue, type Suggestion } from "../../src/remind/text.js";
import { renderCalendar } from "../../src/render/calendar-ics.js";
import { renderPictures } from "../../src/render/pictures.js";
import { REGION_END, REGION_START, renderProgressRegion, replaceRegion } from "../../src/render/readme.js";
import { plainText } from "../../src/text/markdown.js";
import { date, exampleContext } from "../helpers/setup.js";
import { buildReport, reportAt, type Stage } from "../render/report-fixtures.js";

/**
 * The renderers with hostile text in every text field a report, a bar or a suggestion has: the
 * README region, the SVG pictures and the reminder texts stay well-formed (the SVG parses as XML,
 * the README's markers stay where they are), run no script, link no `javascript:` address and
 * mention nobody: no `@` directly followed by a login character anywhere GitHub would link it.
 */

const HANG_GUARD_MS = 120_000;
/** SYLLABOT_FUZZ_SCALE=20 runs each property twenty times as long, for a deeper search by hand. */
const runs = (count: number) => Math.round(count * Number(process.env.SYLLABOT_FUZZ_SCALE ?? 1));

/** Markup, link, mention and marker tricks, and characters XML or Markdown cannot take as they are. */
const HOSTILE = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//x.example/x.js>",
  "</svg><script>alert(1)</script>",
  "]]><script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<a href=javascript:alert(1)>x</a>",
  '" onload="alert(1)',
  "' onmouseover='alert(1)",
  "[x](javascript:alert(1))",
  "[x]( javascript:alert(1) )",
  "[x](JaVaScRiPt:alert(1))",
  "[x](jav&#x61;script:alert(1))",
  "[x](java&#09;script:alert(1))",
  "[x](<javascript:alert(1)>)",
  "![x](javascript:alert(1))",
  "<javascript:alert(1)>",
  "[a]: javascript:alert(1)",
  "[a]",
  "[a][]",
  "javascript:alert(1)",
  "https://x.example/a) [y](javascript:alert(2)",
  "@octocat",
  "@@octocat",
  "(@octocat)",
  "&#64;octocat",
  "&#x40;octocat",
  "&commat;octocat",
  "`@octocat`",
  "`",
  "``",
  "\\",
  "#12",
  "GH-12",
  "**bold**",
  "_x_",
  "~~x~~",
  "|",
  "\\|",
  "<!--",
  "-->",
  REGION_START,
  REGION_END,
  "`<!-- syllabot:end -->`",
  "<![CDATA[",
  "&",
  "&amp;",
  "&#0;",
  "<",
  ">",
  '"',
  "'",
  "\n",
  "\r\n",
  "\n\n- [ ] ",
  "\n# heading",
  "\u0000",
  "\u0008",
  "\u001b[31m",
  "\uD800",
  "\uDFFF",
  "\uFFFE",
  "\uFFFF",
  "\u2028",
  "\u202E",
  "\u200B",
  "😀",
  "é",
];

const hostile = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .array(fc.constantFrom(...HOSTILE), { minLength: 1, maxLength: 6 })
      .map((parts) => parts.join(" ")),
  },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 5 })), { maxLength: 10 })
      .map((parts) => parts.join("")),
  },
);

// ---------------------------------------------------------------------------------------------------
// What the output must not do.

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  commat: "@",
  colon: ":",
  tab: "\t",
  newline: "\n",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code =
        name[1]?.toLowerCase() === "x" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\uFFFD";
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Every attribute of every tag, as a browser reads them (escaped text is no tag; a quoted value holds anything). */
function attributesOf(html: string): { name: string; value: string }[] {
  const tags =
    html.match(/<[A-Za-z][\w:-]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g) ??
    [];
  return tags.flatMap((tag) =>
    [...tag.matchAll(/\s([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)].map((match) => ({
      name: String(match[1]).toLowerCase(),
      value: decodeEntities(match[2] ?? match[3] ?? match[4] ?? ""),
    })),
  );
}

/** Every address an attribute points to. */
function addresses(html: string): string[] {
  return attributesOf(html)
    .filter((attribute) => /^(?:href|src|srcset|action|formaction|xlink:href)$/.test(attribute.name))
    .map((attribute) => attribute.value);
}

/** `javascript:` however it is spelled: browsers drop controls, tabs, newlines and spaces in a scheme. */
function isScriptAddress(address: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers strip these from URLs.
  return /^(?:javascript|vbscript):/i.test(address.replace(/[\u0000-\u0020\u007f-\u009f]/g, ""));
}

/** The text GitHub shows of rendered Markdown, outside code, links and tags: where it links mentions. */
function linkableText(html: string): string {
  return decodeEntities(
    html
      .replace(/<pre[\s\S]*?<\/pre>/gi, " ")
      .replace(/<code[\s\S]*?<\/code>/gi, " ")
      .replace(/<a\b[\s\S]*?<\/a>/gi, " ")
      .replace(/<!--[\s\S]*?-->/g, " ")
      .replace(/<[^>]*>/g, " "),
  );
}

/** Markdown as GitHub renders it: no script, no script address, no live mention. */
function expectInertMarkdown(markdown: string, allowedMention?: string): void {
  const html = marked.parse(markdown, { async: false, gfm: true });
  expect(html).not.toMatch(/<script/i);
  expect(attributesOf(html).filter((attribute) => attribute.name.startsWith("on"))).toEqual([]);
  for (const address of addresses(html)) expect(isScriptAddress(address), address).toBe(false);
  let text = linkableText(html);
  if (allowedMention) text = text.replace(`@${allowedMention}`, "");
  expect(text.match(/.{0,40}@[A-Za-z0-9].{0,20}/s)?.[0]).toBeUndefined();
}

/** The elements and attributes the pictures are drawn with (from the untouched fixtures). */
function vocabulary(svg: string): { elements: Set<string>; attributes: Set<string> } {
  return {
    elements: new Set([...svg.matchAll(/<([A-Za-z][\w:-]*)/g)].map((match) => String(match[1]))),
    attributes: new Set([...svg.matchAll(/\s([A-Za-z_:][\w:.-]*)="/g)].map((match) => String(match[1]))),
  };
}

const STAGES: Stage[] = ["start", "middle", "finished"];
const BASELINE = (() => {
  const elements = new Set<string>();
  const attributes = new Set<string>();
  for (const stage of STAGES) {
    for (const svg of Object.values(renderPictures(reportAt(stage)))) {
      const found = vocabulary(svg);
      for (const name of found.elements) elements.add(name);
      for (const name of found.attributes) attributes.add(name);
    }
  }
  return { elements, attributes };
})();

function expectSafeSvg(svg: string): void {
  expect(XMLValidator.validate(svg)).toBe(true);
  expect(svg).not.toMatch(/<script/i);
  expect(svg).not.toMatch(/<foreignObject/i);
  const found = vocabulary(svg);
  for (const name of found.elements) expect(BASELINE.elements, name).toContain(name);
  for (const name of found.attributes) expect(BASELINE.attributes, name).toContain(name);
  for (const address of addresses(svg)) expect(isScriptAddress(address)).toBe(false);
}

// ---------------------------------------------------------------------------------------------------
// Reports with hostile text in every text field.

const texts = (count: number) => fc.array(hostile, { minLength: count, maxLength: count });

const hostileReport = fc
  .record({
    stage: fc.constantFrom<Stage>(...STAGES),
    learner: hostile,
    curriculum: hostile,
    timeZone: hostile,
    phases: texts(5),
    weeks: texts(52),
    urls: texts(4),
    plan: texts(4),
    projects: texts(32),
    bars: texts(8),
    pulls: texts(12),
    stage_: hostile,
  })
  .map((t): ProgressReport => {
    const base = reportAt(t.stage);
    const pick = (list: string[], index: number) => list[index % list.length] ?? "";
    const pull = (index: number) => ({
      repo: pick(t.pulls, index),
      number: 4000 + index,
      title: pick(t.pulls, index + 1),
      url: pick(t.pulls, index + 2),
      mergedOn: "2026-07-01",
      counts: index % 2 === 0,
      reason: pick(t.pulls, index + 3),
    });
    return {
      ...base,
      learner: t.learner,
      curriculum: { ...base.curriculum, title: t.curriculum },
      timeZone: t.timeZone,
      weeks: base.weeks.map((week, index) => ({
        ...week,
        title: pick(t.weeks, index),
        url: index % 2 === 0 ? pick(t.urls, index) : week.url,
      })),
      phases: base.phases.map((phase, index) => ({ ...phase, title: pick(t.phases, index) })),
      ...(base.thisWeek
        ? {
            thisWeek: {
              ...base.thisWeek,
              title: pick(t.plan, 0),
              url: pick(t.urls, 1),
              weekday: [pick(t.plan, 1), pick(t.plan, 2)],
              weekend: [pick(t.plan, 3)],
            },
          }
        : {}),
      projects: base.projects.map((project, index) => ({
        ...project,
        slug: pick(t.projects, index * 4),
        title: pick(t.projects, index * 4 + 1),
        repo: pick(t.projects, index * 4 + 2),
        repoUrl:
          index % 2 === 0 ? pick(t.projects, index * 4 + 3) : `https://github.com/${pick(t.projects, index)}`,
      })),
      bars: base.bars.map((bar, index) => ({
        ...bar,
        title: pick(t.bars, index * 2),
        minimum: pick(t.bars, index * 2 + 1),
        pulls: [pull(index * 3), pull(index * 3 + 1)],
      })),
      ...(base.dsa ? { dsa: { ...base.dsa, stage: t.stage_ } } : {}),
    };
  });

/** The cases the fuzzing found, kept as examples: each once made the output unsafe or broke its markers. */
const FOUND = [
  { field: "phase title", text: "[x](javascript:alert(1))" },
  { field: "phase title", text: "![x](javascript:alert(1))" },
  { field: "weekday item", text: "[x](jav&#x61;script:alert(1))" },
  { field: "weekday item", text: "]([x](javascript:alert(1))" },
  { field: "bar minimum", text: "[x]( JaVaScRiPt:alert(1) )" },
  { field: "weekday item", text: "&#64;octocat and &commat;hubot" },
  { field: "bar minimum", text: "\\`@octocat`" },
  { field: "phase title", text: "`|<script>alert(1)</script>`" },
  { field: "phase title", text: "closures `|x| x + 1` | and a pipe" },
  { field: "weekday item", text: "`<!-- syllabot:end -->` and `<!-- syllabot:key=week-01 -->`" },
  { field: "phase title", text: "two\n\n- [ ] (@octocat) lines" },
  { field: "project address", text: "https://github.com/x|@@octocat/y" },
  { field: "project address", text: "https://github.com/\u001b|(@octocat) y" },
];

/** The cells of each body row of the table whose header has `heading`. */
function rowsOf(html: string, heading: string): string[][] {
  const table = (html.match(/<table>[\s\S]*?<\/table>/g) ?? []).find((candidate) =>
    candidate.includes(`>${heading}<`),
  );
  const body = table?.split("<tbody>")[1] ?? "";
  return (body.match(/<tr>[\s\S]*?<\/tr>/g) ?? []).map((row) =>
    [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => String(cell[1])),
  );
}

describe("the README region on the cases fuzzing found", () => {
  it.each(FOUND)("keeps $field $text inert, in one table cell, markers intact", ({ field, text }) => {
    const base = reportAt("start");
    const report: ProgressReport = {
      ...base,
      phases: base.phases.map((phase) => (field === "phase title" ? { ...phase, title: text } : phase)),
      ...(base.thisWeek && field === "weekday item"
        ? { thisWeek: { ...base.thisWeek, weekday: [text, "[a]"] } }
        : {}),
      bars: base.bars.map((bar) => ({
        ...bar,
        ...(field === "bar minimum" ? { minimum: text } : {}),
      })),
      projects: base.projects.map((project, index) =>
        field === "project address" && index === 0 ? { ...project, repoUrl: text } : project,
      ),
    };
    const region = renderProgressRegion(report, ".syllabot");
    expectInertMarkdown(region);
    expect(region).not.toContain(REGION_END);
    expect(region).not.toContain("<!-- syllabot:key=");
    // Each row of each table keeps its cells in their columns: nothing split a cell.
    const html = marked.parse(region, { async: false, gfm: true });
    const phases = rowsOf(html, "Weeks done");
    expect(phases).toHaveLength(5);
    for (const cells of phases) {
      expect(cells[1]).toMatch(/^\d+ \/ \d+$/);
      expect(cells[3]).toMatch(/^(upcoming|in progress|done|overdue)$/);
    }
    const bars = rowsOf(html, "What it asks");
    expect(bars).toHaveLength(3);
    for (const cells of bars) expect(cells[3]).toMatch(/^\w{3} \d+ \w{3} \d{4}$/);
    const projects = rowsOf(html, "Repository");
    expect(projects).toHaveLength(8);
    for (const cells of projects) expect(cells[2]).toMatch(/^\d+$/);
  });
});

describe("the README region with hostile text everywhere", () => {
  it(
    "renders inert Markdown, and keeps the region's markers where they are",
    () => {
      fc.assert(
        fc.property(hostileReport, (report) => {
          const region = renderProgressRegion(report, ".syllabot");
          expectInertMarkdown(region);
          // The region can be found and replaced again: no marker inside it, byte-stable.
          expect(region).not.toContain(REGION_START);
          expect(region).not.toContain(REGION_END);
          const readme = replaceRegion("# Me\n\nmine\n", region);
          expect(replaceRegion(readme, region)).toBe(readme);
          expect(readme.split(REGION_END)).toHaveLength(2);
        }),
        { numRuns: runs(150) },
      );
    },
    HANG_GUARD_MS,
  );
});

describe("the calendar feed with hostile text everywhere", () => {
  const context = exampleContext();
  const wellFormed = (text: string) =>
    text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  it(
    "parses, one event per week, deadline and reminder day, each title as written, every line folded, every link a web address",
    () => {
      fc.assert(
        fc.property(hostileReport, (report) => {
          const text = renderCalendar({ context, repo: "octocat/portfolio", report });
          expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
          for (const line of text.slice(0, -2).split("\r\n")) {
            expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
          }
          const vevents = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent");
          const unmet = report.bars.filter((bar) => bar.state !== "met").length;
          expect(vevents).toHaveLength(52 + 5 + unmet * context.config.reminders.lead_days.length);
          expect(text.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(vevents.length);
          const summaries = new Map(
            vevents.map((vevent) => [
              String(vevent.getFirstPropertyValue("uid")).replace(/@.*/, ""),
              String(vevent.getFirstPropertyValue("summary")),
            ]),
          );
          for (const week of report.weeks) {
            const key = `week-${String(week.week).padStart(2, "0")}`;
            expect(summaries.get(key)).toBe(wellFormed(`Week ${week.week}: ${plainText(week.title)}`));
          }
          for (const vevent of vevents) {
            expect(String(vevent.getFirstPropertyValue("url"))).toMatch(/^https:\/\/github\.com\/\S+$/);
          }
        }),
        { numRuns: runs(40) },
      );
    },
    HANG_GUARD_MS,
  );
});

describe("the pictures with hostile text everywhere", () => {
  it(
    "are well-formed SVG drawn with the usual elements and attributes, and nothing that runs",
    () => {
      fc.assert(
        fc.property(hostileReport, (report) => {
          for (const svg of Object.values(renderPictures(report))) expectSafeSvg(svg);
        }),
        { numRuns: runs(60) },
      );
    },
    HANG_GUARD_MS,
  );

  it(
    "survives a report of the builder's other shapes with hostile titles",
    () => {
      fc.assert(
        fc.property(hostile, hostile, fc.integer({ min: 1, max: 60 }), (title, learner, totalWeeks) => {
          const report = buildReport({
            today: "2026-06-10",
            totalWeeks,
            phases: [{ title, firstWeek: 1, lastWeek: totalWeeks }],
            learner,
            curriculumTitle: title,
            weekTitle: () => title,
          });
          for (const svg of Object.values(renderPictures(report))) expectSafeSvg(svg);
          expectInertMarkdown(renderProgressRegion(report, ".syllabot"));
        }),
        { numRuns: runs(40) },
      );
    },
    HANG_GUARD_MS,
  );
});

// ---------------------------------------------------------------------------------------------------
// Reminder texts: bars and pull requests with hostile text.

const context = exampleContext();
const today = date("2026-11-24");
const bars = ossBars(context, [], new Map(), today);

const hostileReminder = fc
  .record({
    phase: fc.constantFrom(3, 4, 5),
    threshold: fc.constantFrom("lead-21", "lead-7", "missed"),
    goal: hostile,
    minimum: hostile,
    title: hostile,
    guidance: fc.array(hostile, { maxLength: 3 }),
    pulls: fc.array(fc.record({ repo: hostile, title: hostile, url: hostile, reason: hostile }), {
      maxLength: 3,
    }),
    suggestions: fc.array(fc.record({ repo: hostile, title: hostile, url: hostile }), { maxLength: 3 }),
    engagement: fc.nat({ max: 3 }),
    substantive: fc.boolean(),
  })
  .map((t) => {
    const status = bars.find((bar) => bar.bar.phase === t.phase) ?? bars[0];
    if (!status) throw new Error("the example has no open-source bar");
    const bar = { ...status.bar, goal: t.goal, minimum: t.minimum, title: t.title, guidance: t.guidance };
    const counting = t.pulls.map((pull, index) => ({
      pr: {
        repo: pull.repo,
        number: index + 1,
        title: pull.title,
        url: pull.url,
        mergedAt: "2026-10-01T10:00:00Z",
        labels: [],
      },
      phase: t.phase,
      substantive: t.substantive,
      reason: pull.reason,
    }));
    const reminder: DueReminder = {
      phase: t.phase,
      threshold: { id: t.threshold as DueReminder["threshold"]["id"], on: today },
      bar: { ...status, bar, counting, engagement: t.engagement },
    };
    const suggestions: Suggestion[] = t.suggestions.map((suggestion, index) => ({
      ...suggestion,
      number: index + 1,
    }));
    return { reminder, suggestions };
  });

describe("the reminder texts on the cases fuzzing found", () => {
  it("defuses a link reference definition in a guidance line, which opens a block quote", () => {
    const status = bars.find((bar) => bar.bar.phase === 4);
    if (!status) throw new Error("the example has no bar for phase 4");
    const reminder: DueReminder = {
      phase: 4,
      threshold: { id: "lead-21", on: today },
      bar: {
        ...status,
        bar: {
          ...status.bar,
          goal: "See [a].",
          guidance: ["[a]: javascript:alert(1)", "[a] [b]", "[b]: <javascript:x>"],
        },
      },
    };
    const issue = reminderIssue(context, reminder, []);
    expectInertMarkdown(issue.body);
    expect(marked.parse(issue.body, { async: false, gfm: true })).not.toContain("<a ");
  });
});

describe("the reminder texts with hostile text everywhere", () => {
  it(
    "render inert Markdown: the learner is the one mention, in the threshold's comment only",
    () => {
      fc.assert(
        fc.property(hostileReminder, ({ reminder, suggestions }) => {
          const issue = reminderIssue(context, reminder, suggestions);
          expectInertMarkdown(issue.body);
          expect(issue.title.length).toBeLessThanOrEqual(120);
          expect(issue.title).not.toContain("`");
          // The managed region holds the content: one key, one start and one end marker.
          expect(issue.body.match(/<!-- syllabot:(start|end) -->/g)).toEqual([
            "<!-- syllabot:start -->",
            "<!-- syllabot:end -->",
          ]);
          const comment = reminderComment(context, reminder);
          expect(comment.startsWith(`@${context.config.learner} `)).toBe(true);
          expectInertMarkdown(comment, context.config.learner);
          expectInertMarkdown(metComment(reminder.bar));
        }),
        { numRuns: runs(150) },
      );
    },
    HANG_GUARD_MS,
  );
});
