import fc from "fast-check";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { ProgressReport, WeekStatus } from "../../src/progress/report-types.js";
import {
  escapeXml,
  PALETTES,
  PICTURES,
  type PictureName,
  pictureAlt,
  renderPicture,
  renderPictures,
  type Theme,
} from "../../src/render/pictures.js";
import { buildReport, RUST_PHASES, reportAt, type Stage } from "./report-fixtures.js";

const STAGES: Stage[] = ["start", "middle", "finished"];
const THEMES: Theme[] = ["light", "dark"];
const STATUSES: WeekStatus[] = ["done", "late", "overdue", "current", "upcoming", "skipped"];
const HOSTILE = `</svg><script>alert(1)</script> & @octocat "x" 'y' &amp;`;

interface Element {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: Element[];
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
});

type Node = Record<string, unknown> & { ":@"?: Record<string, string> };

function toElements(nodes: Node[]): Element[] {
  return nodes.flatMap((node) => {
    const name = Object.keys(node).find((key) => key !== ":@");
    if (name === undefined || name === "#text") return [];
    const children = node[name] as Node[];
    const text = children.map((child) => (typeof child["#text"] === "string" ? child["#text"] : "")).join("");
    return [{ name, attrs: node[":@"] ?? {}, text, children: toElements(children) }];
  });
}

/** The root `<svg>`, parsed. */
function parse(svg: string): Element {
  const root = toElements(parser.parse(svg) as Node[]);
  expect(root).toHaveLength(1);
  return root[0] as Element;
}

function descendants(element: Element): Element[] {
  return element.children.flatMap((child) => [child, ...descendants(child)]);
}

function wellFormed(svg: string): void {
  expect(XMLValidator.validate(svg)).toBe(true);
}

function textOf(svg: string, name: "title" | "desc"): string {
  return parse(svg).children.find((child) => child.name === name)?.text ?? "";
}

function cells(svg: string): Element[] {
  return descendants(parse(svg)).filter((el) => el.name === "rect" && el.attrs["data-week"] !== undefined);
}

describe("every picture", () => {
  for (const stage of STAGES) {
    for (const name of PICTURES) {
      for (const theme of THEMES) {
        it(`${stage} ${name} ${theme}: well-formed, titled, described, and as in its snapshot`, async () => {
          const svg = renderPicture(name, reportAt(stage), theme);
          wellFormed(svg);
          const root = parse(svg);
          expect(root.name).toBe("svg");
          expect(root.attrs.xmlns).toBe("http://www.w3.org/2000/svg");
          expect(root.attrs.role).toBe("img");
          const ids = (root.attrs["aria-labelledby"] ?? "").split(" ");
          const title = root.children.find((child) => child.name === "title");
          const desc = root.children.find((child) => child.name === "desc");
          expect(ids).toEqual([title?.attrs.id, desc?.attrs.id]);
          expect(title?.text.trim()).not.toBe("");
          expect(desc?.text.trim()).not.toBe("");
          expect(root.attrs.viewBox).toBe(`0 0 ${root.attrs.width} ${root.attrs.height}`);
          // Nothing GitHub's image proxy would refuse or a viewer could not render.
          expect(svg).not.toMatch(/<script|<foreignObject|<style|@import|url\(|href=/i);
          // No float noise: coordinates keep at most two decimals.
          expect(svg).not.toMatch(/\d\.\d{3,}/);
          await expect(svg).toMatchFileSnapshot(`./__snapshots__/pictures/${stage}-${name}-${theme}.svg`);
        });
      }
    }
  }

  it("renders all three pictures in both themes, under their file names, the same bytes every time", () => {
    const report = reportAt("middle");
    const files = renderPictures(report);
    expect(Object.keys(files).sort()).toEqual(
      PICTURES.flatMap((name) => THEMES.map((theme) => `${name}-${theme}.svg`)).sort(),
    );
    expect(renderPictures(structuredClone(report))).toEqual(files);
    expect(files["hours-dark.svg"]).toBe(renderPicture("hours", report, "dark"));
  });
});

describe("descriptions and alt text state the figures", () => {
  it("the week strip: weeks done, late, overdue and where today is", () => {
    const svg = renderPicture("weeks", reportAt("middle"), "light");
    expect(textOf(svg, "desc")).toBe(
      "35 of 52 weeks done (2 late), 3 overdue; today (26 Nov 2026) is in week 39 of 52, Phase 4.",
    );
    expect(textOf(svg, "title")).toBe("Weeks: The Rust Learning Program (@octocat)");
    // The caption shows the same sentence to sighted readers.
    expect(
      descendants(parse(svg)).some((el) => el.name === "text" && el.text.startsWith("35 of 52 weeks done")),
    ).toBe(true);
  });

  it("before the program and after it, the caption says so and no week is marked as today", () => {
    const before = renderPicture("weeks", buildReport({ today: "2026-02-20" }), "light");
    expect(textOf(before, "desc")).toContain(
      "today (20 Feb 2026) is before week 1; the program starts on 2 Mar 2026",
    );
    const after = renderPicture("weeks", reportAt("finished"), "light");
    expect(textOf(after, "desc")).toBe(
      "51 of 52 weeks done (4 late), 1 overdue; today (10 Mar 2027) is after the program, which ended on 28 Feb 2027.",
    );
    for (const svg of [before, after]) expect(svg).not.toContain("data-today");
  });

  it("phases: how many are done, and the current phase's weeks and due date", () => {
    expect(textOf(renderPicture("phases", reportAt("middle"), "dark"), "desc")).toBe(
      "3 of 5 phases done, 1 in progress, 0 overdue, 1 upcoming; 35 of 52 weeks done in all; " +
        "Phase 4 (Performance & Finance) has 7 of 12 weeks done, due 6 Dec 2026.",
    );
  });

  it("hours: the total, the weekly average against the budget, and this week so far", () => {
    const report = reportAt("middle");
    const ended = report.weeks.filter((week) => week.week < 39);
    const average = ended.reduce((sum, week) => sum + week.minutes, 0) / ended.length / 60;
    const desc = textOf(renderPicture("hours", report, "light"), "desc");
    expect(desc).toContain(
      `${average.toFixed(1)} h a week on average over 38 finished weeks against a budget of 8–10 h`,
    );
    expect(desc).toContain("2.5 h so far in week 39");
    expect(textOf(renderPicture("hours", buildReport({ today: "2026-02-20" }), "light"), "desc")).toBe(
      "No hours logged yet: the program starts on 2 Mar 2026; the budget is 8–10 h a week.",
    );
  });

  it("alt text is one plain sentence per picture, with its figures", () => {
    const report = reportAt("middle");
    for (const name of PICTURES) {
      const alt = pictureAlt(name, report);
      expect(alt).toMatch(/^[A-Z][^\n]*\.$/);
      expect(alt).not.toMatch(/\.\s/);
      expect(alt).toMatch(/\d/);
    }
    expect(pictureAlt("weeks", report)).toBe(
      "Week by week: 35 of 52 weeks done (2 late), 3 overdue; today (26 Nov 2026) is in week 39 of 52, Phase 4.",
    );
  });
});

describe("hostile text from the curriculum or the learner", () => {
  const report = buildReport({
    today: "2026-06-10",
    learner: HOSTILE,
    curriculumTitle: HOSTILE,
    phases: RUST_PHASES.map((phase) => ({ ...phase, title: HOSTILE })),
    weekTitle: () => HOSTILE,
  });

  for (const name of PICTURES) {
    it(`${name}: stays well-formed, with no script element and the text shown literally`, () => {
      for (const theme of THEMES) {
        const svg = renderPicture(name, report, theme);
        wellFormed(svg);
        const elements = [parse(svg), ...descendants(parse(svg))];
        expect(elements.map((el) => el.name.toLowerCase())).not.toContain("script");
        expect(elements.filter((el) => el.name === "svg")).toHaveLength(1);
        // Parsed back, the text is exactly what the data said: escaped once, not twice, not lost.
        expect(textOf(svg, "title")).toContain(HOSTILE);
      }
    });
  }

  it("escapeXml escapes the five XML characters and drops ones XML cannot carry", () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;",
    );
    expect(escapeXml("&amp;")).toBe("&amp;amp;");
    expect(escapeXml("a\u0000b\u001bc\ud800d")).toBe("abcd");
    expect(escapeXml("emoji 🦀 stays")).toBe("emoji 🦀 stays");
  });
});

describe("the week strip", () => {
  for (const theme of THEMES) {
    it(`${theme}: colours each week by its status`, () => {
      const report = reportAt("middle");
      const palette = PALETTES[theme];
      const drawn = cells(renderPicture("weeks", report, theme));
      expect(drawn.map((cell) => Number(cell.attrs["data-week"]))).toEqual(
        report.weeks.map((week) => week.week),
      );
      for (const status of STATUSES) {
        const expected = report.weeks.filter((week) => week.status === status).length;
        expect(drawn.filter((cell) => cell.attrs.fill === palette.status[status])).toHaveLength(expected);
      }
    });
  }

  it("rings today's week, and the ring surrounds that week's cell", () => {
    const svg = renderPicture("weeks", reportAt("middle"), "light");
    const ring = descendants(parse(svg)).find((el) => el.attrs["data-today"] !== undefined);
    const cell = cells(svg).find((c) => c.attrs["data-week"] === "39");
    expect(ring?.attrs["data-today"]).toBe("39");
    const box = (el: Element | undefined) =>
      ["x", "y", "width", "height"].map((key) => Number(el?.attrs[key])) as [number, number, number, number];
    const [rx, ry, rw, rh] = box(ring);
    const [cx, cy, cw, ch] = box(cell);
    expect(rx).toBeLessThan(cx);
    expect(ry).toBeLessThan(cy);
    expect(rx + rw).toBeGreaterThan(cx + cw);
    expect(ry + rh).toBeGreaterThan(cy + ch);
  });

  it("draws one boundary per phase, just left of the phase's first week, and names the phase", () => {
    const report = reportAt("middle");
    const svg = renderPicture("weeks", report, "dark");
    const elements = descendants(parse(svg));
    const lines = elements.filter((el) => el.attrs["data-phase"] !== undefined);
    expect(lines.map((line) => Number(line.attrs["data-phase"]))).toEqual(report.phases.map((p) => p.number));
    for (const phase of report.phases) {
      const line = lines.find((l) => l.attrs["data-phase"] === String(phase.number));
      const first = cells(svg).find((c) => c.attrs["data-week"] === String(phase.firstWeek));
      const gap = Number(first?.attrs.x) - Number(line?.attrs.x1);
      expect(gap).toBeGreaterThan(0);
      expect(gap).toBeLessThan(3);
      expect(elements.some((el) => el.name === "text" && el.text.startsWith(`Phase ${phase.number}`))).toBe(
        true,
      );
    }
  });

  it("the legend names every status a week has, with its count, and today while the program runs", () => {
    const svg = renderPicture("weeks", reportAt("middle"), "light");
    const texts = descendants(parse(svg)).map((el) => el.text);
    for (const label of [
      "Done on time (33)",
      "Done late (2)",
      "Overdue (3)",
      "Current (1)",
      "Upcoming (13)",
      "Today",
    ]) {
      expect(texts).toContain(label);
    }
    expect(texts).not.toContain("Skipped (0)");
    const finished = descendants(parse(renderPicture("weeks", reportAt("finished"), "light"))).map(
      (el) => el.text,
    );
    expect(finished.filter((text) => /^(Current|Upcoming|Today)/.test(text ?? ""))).toEqual([]);
    const hours = descendants(parse(renderPicture("hours", reportAt("finished"), "light"))).map(
      (el) => el.text,
    );
    expect(hours).not.toContain("This week so far");
    const during = descendants(parse(renderPicture("hours", reportAt("middle"), "light"))).map(
      (el) => el.text,
    );
    expect(during).toContain("This week so far");
  });

  for (const totalWeeks of [1, 7, 26, 27, 200]) {
    it(`draws every week of a ${totalWeeks}-week program inside the picture`, () => {
      const report = buildReport({
        today: "2026-03-10",
        totalWeeks,
        phases: [
          {
            title: "Only phase with a rather long title that will not fit",
            firstWeek: 1,
            lastWeek: totalWeeks,
          },
        ],
        minutes: (week) => (week <= 2 ? 500 : 0),
      });
      for (const name of PICTURES) {
        const svg = renderPicture(name, report, "light");
        wellFormed(svg);
        const root = parse(svg);
        const [width, height] = [Number(root.attrs.width), Number(root.attrs.height)];
        for (const el of descendants(root).filter((e) => e.name === "rect" || e.name === "text")) {
          expect(Number(el.attrs.x ?? 0)).toBeGreaterThanOrEqual(0);
          expect(Number(el.attrs.x ?? 0) + Number(el.attrs.width ?? 0)).toBeLessThanOrEqual(width);
          expect(Number(el.attrs.y ?? 0) + Number(el.attrs.height ?? 0)).toBeLessThanOrEqual(height);
        }
        if (name === "weeks") expect(cells(svg)).toHaveLength(totalWeeks);
      }
    });
  }
});

describe("the phase bars", () => {
  it("one bar per phase, filled in proportion to its weeks done, labelled with fraction, due date and status", () => {
    const report = reportAt("middle");
    const svg = renderPicture("phases", report, "light");
    const elements = descendants(parse(svg));
    const texts = elements.filter((el) => el.name === "text").map((el) => el.text);
    for (const phase of report.phases) {
      expect(texts).toContain(`Phase ${phase.number} · ${phase.title}`);
      const fill = elements.find((el) => el.attrs["data-phase"] === String(phase.number));
      expect(Number(fill?.attrs.width ?? 0)).toBeCloseTo((752 * phase.weeksDone) / phase.weeksTotal, 1);
    }
    expect(texts).toContain("7 of 12 weeks · due 6 Dec 2026 · in progress");
    expect(texts).toContain("0 of 12 weeks · due 28 Feb 2027 · upcoming");
  });

  it("cuts a long title with an ellipsis so it never runs into the figures", () => {
    const long =
      "A very long phase title that goes on and on about everything the learner will study this year";
    const report = buildReport({
      today: "2026-03-04",
      phases: RUST_PHASES.map((phase) => ({ ...phase, title: long })),
    });
    const label = descendants(parse(renderPicture("phases", report, "light"))).find((el) =>
      el.text.startsWith("Phase 1 · "),
    );
    expect(label?.text.endsWith("…")).toBe(true);
    expect(label?.text.length).toBeLessThan(`Phase 1 · ${long}`.length);
  });
});

describe("the hours chart", () => {
  it("one bar per week up to today, the current week drawn pale, and the budget band", () => {
    const report = reportAt("middle");
    const svg = renderPicture("hours", report, "dark");
    const elements = descendants(parse(svg));
    const bars = elements.filter((el) => el.name === "rect" && el.attrs["data-week"] !== undefined);
    expect(bars.map((bar) => Number(bar.attrs["data-week"]))).toEqual(
      report.weeks.filter((week) => week.week <= 39 && week.minutes > 0).map((week) => week.week),
    );
    expect(
      bars.filter((bar) => bar.attrs["fill-opacity"] !== undefined).map((bar) => bar.attrs["data-week"]),
    ).toEqual(["39"]);
    // Heights in proportion to hours: 9 h is 1.5 times 6 h.
    const height = (week: number) =>
      Number(bars.find((bar) => bar.attrs["data-week"] === String(week))?.attrs.height);
    const minutes = (week: number) => report.weeks[week - 1]?.minutes ?? 0;
    expect(height(1) / height(2)).toBeCloseTo(minutes(1) / minutes(2), 1);
    expect(elements.some((el) => el.attrs["data-budget"] === "8–10 h")).toBe(true);
    expect(elements.map((el) => el.text)).toEqual(
      expect.arrayContaining(["0 h", "8 h", "Budget 8–10 h a week", "week"]),
    );
  });
});

describe("themes", () => {
  /** The drawing with its colours taken out. */
  const shapes = (svg: string) =>
    svg.replace(/ (fill|stroke)="#[0-9a-f]{6}"/g, "").replace(/(light|dark)-(title|desc)/g, "$2");

  for (const name of PICTURES) {
    it(`${name}: light and dark draw the same shapes in different colours`, () => {
      const report = reportAt("middle");
      const [light, dark] = THEMES.map((theme) => renderPicture(name, report, theme)) as [string, string];
      expect(light).not.toBe(dark);
      expect(shapes(light)).toBe(shapes(dark));
    });
  }

  const luminance = (hex: string) => {
    const [r, g, b] = linear(hex);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a: string, b: string) => {
    const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (high + 0.05) / (low + 0.05);
  };

  for (const theme of THEMES) {
    it(`${theme}: text has 4.5:1 contrast and every status colour 3:1 against the background`, () => {
      const palette = PALETTES[theme];
      expect(contrast(palette.text, palette.background)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(palette.muted, palette.background)).toBeGreaterThanOrEqual(4.5);
      // `upcoming` is a pale cell on purpose; its outline carries the contrast.
      for (const colour of [
        ...STATUSES.filter((s) => s !== "upcoming").map((s) => palette.status[s]),
        palette.upcomingStroke,
        palette.bar,
      ]) {
        expect(contrast(colour, palette.background), colour).toBeGreaterThanOrEqual(3);
      }
    });

    it(`${theme}: status colours stay apart for protan, deutan and tritan vision`, () => {
      const palette = PALETTES[theme];
      const coloured = STATUSES.filter((s) => s !== "upcoming");
      for (const [kind, matrix] of Object.entries(CVD)) {
        for (const [i, a] of coloured.entries()) {
          for (const b of coloured.slice(i + 1)) {
            const distance = oklabDistance(
              simulate(palette.status[a], matrix),
              simulate(palette.status[b], matrix),
            );
            expect(distance, `${kind} ${a}/${b}`).toBeGreaterThan(0.07);
          }
        }
      }
    });
  }
});

describe("any report", () => {
  const statusArb = fc.constantFrom(...STATUSES);
  const textArb = fc.oneof(
    fc.string(),
    fc.string({ unit: "binary" }),
    fc.constantFrom(HOSTILE, "", " ", "&amp;"),
  );

  it("gives well-formed SVG for every picture and theme", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.array(statusArb, { minLength: 200, maxLength: 200 }),
        fc.array(fc.nat({ max: 3000 }), { minLength: 200, maxLength: 200 }),
        fc.array(textArb, { minLength: 3, maxLength: 3 }),
        fc.integer({ min: -30, max: 1500 }),
        fc.record({ min: fc.nat({ max: 40 }), max: fc.nat({ max: 40 }) }),
        (totalWeeks, statuses, minutes, [title, phaseTitle, learner], dayOffset, budget) => {
          const split = Math.ceil(totalWeeks / 2);
          const report: ProgressReport = buildReport({
            today: new Date(Date.UTC(2026, 2, 2 + dayOffset)).toISOString().slice(0, 10),
            totalWeeks,
            learner: learner ?? "",
            curriculumTitle: title ?? "",
            budget,
            phases: [
              { title: phaseTitle ?? "", firstWeek: 1, lastWeek: split },
              { title: `${phaseTitle}!`, firstWeek: split + 1, lastWeek: totalWeeks },
            ].filter((phase) => phase.firstWeek <= phase.lastWeek),
            status: (week) => statuses[week - 1],
            minutes: (week) => minutes[week - 1] ?? 0,
            weekTitle: () => title ?? "",
          });
          for (const name of PICTURES as readonly PictureName[]) {
            for (const theme of THEMES) {
              const svg = renderPicture(name, report, theme);
              expect(XMLValidator.validate(svg)).toBe(true);
              expect(svg).not.toMatch(/NaN|Infinity|undefined/);
              expect(svg).not.toMatch(/\d\.\d{3,}/);
            }
            expect(pictureAlt(name, report)).not.toMatch(/NaN|Infinity|undefined/);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

// Colour-vision deficiency simulation (Machado, Oliveira & Fernandes 2009, full severity) in
// linear RGB, compared in OKLab, where a distance of about 0.02 is just noticeable.
const CVD: Record<string, number[][]> = {
  protan: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deutan: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritan: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

function linear(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return [r, g, b];
}

function simulate(hex: string, matrix: number[][]): number[] {
  const rgb = linear(hex);
  return matrix.map((row) =>
    Math.min(
      1,
      Math.max(
        0,
        row.reduce((sum, weight, i) => sum + weight * (rgb[i] ?? 0), 0),
      ),
    ),
  );
}

function oklabDistance(a: number[], b: number[]): number {
  const lab = ([r = 0, g = 0, b = 0]: number[]) => {
    const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
    const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
    const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
    return [
      0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
      1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
      0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
    ];
  };
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(...p.map((v, i) => v - (q[i] ?? 0)));
}
