import fc from "fast-check";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import type { ActualIssue, ActualMilestone } from "../../src/model/actual.js";
import { keys } from "../../src/model/context.js";
import { keyMarker } from "../../src/model/markers.js";
import { emptyLedger } from "../../src/progress/ledger.js";
import { ledgerBars } from "../../src/progress/oss.js";
import { progressReport } from "../../src/progress/report.js";
import type { ProgressReport } from "../../src/progress/report-types.js";
import { foldLine, icsText, renderCalendar } from "../../src/render/calendar-ics.js";
import { managedBody } from "../../src/render/managed-body.js";
import { plainText } from "../../src/text/markdown.js";
import { runs } from "../helpers/depth.js";
import { date, exampleContext } from "../helpers/setup.js";

const context = exampleContext();
const REPO = "octocat/portfolio";
const ISSUES_URL = "https://github.com/octocat/portfolio/issues";

/** Weeks 1–3 have issues (sync made them); the rest have none yet. */
const issues: ActualIssue[] = [1, 2, 3].map((week) => ({
  number: 100 + week,
  title: `Week ${week}`,
  body: managedBody(keys.week(context, week), `Week ${week}`),
  state: "open",
  labels: [],
  milestone: null,
  created_at: "2026-03-01T00:00:00Z",
  html_url: `${ISSUES_URL}/${100 + week}`,
}));
/** Phases 1–5 as milestones 11–15, found by their keys. */
const milestones: ActualMilestone[] = [1, 2, 3, 4, 5].map((phase) => ({
  number: 10 + phase,
  title: `Phase ${phase}`,
  description: `${keyMarker(keys.phase(phase))}\nabout phase ${phase}`,
  state: "open",
  due_on: null,
  created_at: "2026-03-01T00:00:00Z",
}));

function reportOn(today: string): ProgressReport {
  return progressReport({
    context,
    issues,
    ledger: emptyLedger(),
    bars: ledgerBars(context, emptyLedger(), date(today)),
    today: date(today),
    installedOn: date("2026-03-02"),
  });
}

const parse = (text: string) => new ICAL.Component(ICAL.parse(text));
const events = (text: string) =>
  parse(text)
    .getAllSubcomponents("vevent")
    .map((vevent) => {
      const event = new ICAL.Event(vevent);
      return {
        uid: event.uid,
        summary: event.summary,
        description: event.description,
        start: event.startDate.toString(),
        end: event.endDate.toString(),
        allDay: event.startDate.isDate && event.endDate.isDate,
        url: String(vevent.getFirstPropertyValue("url")),
        stamp: String(vevent.getFirstPropertyValue("dtstamp")),
      };
    });
const byUid = (text: string) => new Map(events(text).map((event) => [event.uid, event]));

describe("the calendar feed", () => {
  const feed = renderCalendar({ context, repo: REPO, report: reportOn("2026-03-18"), milestones });

  it("has each week as an all-day span, its last day included, linking its issue", () => {
    const found = byUid(feed);
    const week1 = found.get("week-01@octocat/portfolio.syllabot");
    expect(week1).toMatchObject({
      summary: "Week 1: Book chapters 1–4 + rustlings variables/functions/if",
      start: "2026-03-02",
      // DTEND of an all-day event is exclusive: the Monday after the week's Sunday.
      end: "2026-03-09",
      allDay: true,
      url: `${ISSUES_URL}/101`,
    });
    expect(week1?.description).toBe(`Phase 1: Language Foundations\nThe week's issue: ${ISSUES_URL}/101`);
    // No issue yet: its phase's milestone; without the milestones, the issues searched by the week's key.
    const week5 = found.get("week-05@octocat/portfolio.syllabot");
    const milestone = "https://github.com/octocat/portfolio/milestone/11";
    expect(week5).toMatchObject({ start: "2026-03-30", end: "2026-04-06", allDay: true, url: milestone });
    expect(week5?.description).toBe(`Phase 1: Language Foundations\nThe phase's milestone: ${milestone}`);
    const unlinked = byUid(renderCalendar({ context, repo: REPO, report: reportOn("2026-03-18") }));
    const search = `${ISSUES_URL}?q=is%3Aissue%20%22syllabot%3Akey%3Dweek-05%22`;
    expect(unlinked.get("week-05@octocat/portfolio.syllabot")?.url).toBe(search);
    expect(unlinked.get("week-05@octocat/portfolio.syllabot")?.description).toContain(search);
    expect(found.get("week-52@octocat/portfolio.syllabot")).toMatchObject({
      start: "2027-02-22",
      end: "2027-03-01",
    });
  });

  it("has each phase's last day, linking its milestone", () => {
    const found = byUid(feed);
    expect(found.get("phase-1-due@octocat/portfolio.syllabot")).toMatchObject({
      summary: "Phase 1 due: Language Foundations",
      start: "2026-04-12",
      end: "2026-04-13",
      allDay: true,
      url: "https://github.com/octocat/portfolio/milestone/11",
    });
    expect(found.get("phase-5-due@octocat/portfolio.syllabot")).toMatchObject({
      start: "2027-02-28",
      url: "https://github.com/octocat/portfolio/milestone/15",
    });
    // Without the milestones read, the milestones page.
    const unlinked = byUid(renderCalendar({ context, repo: REPO, report: reportOn("2026-03-18") }));
    expect(unlinked.get("phase-1-due@octocat/portfolio.syllabot")?.url).toBe(
      "https://github.com/octocat/portfolio/milestones",
    );
  });

  it("has each day a reminder of an unmet bar may come, at the configured lead days, and none once it is met", () => {
    const reminders = events(feed).filter((event) => event.uid.startsWith("reminder-"));
    // Phases 3, 4 and 5 have bars; lead days 21, 7 and 2 before the phase's last day (phase 4: Sun 6 Dec 2026).
    expect(reminders.map((event) => event.uid.replace(/@.*/, ""))).toEqual(
      [3, 4, 5].flatMap((phase) => [21, 7, 2].map((days) => `reminder-phase-${phase}-lead-${days}`)),
    );
    const phase4 = byUid(feed).get("reminder-phase-4-lead-21@octocat/portfolio.syllabot");
    expect(phase4).toMatchObject({ start: "2026-11-15", end: "2026-11-16", allDay: true });
    expect(phase4?.summary).toMatch(/^Reminder: .+ \(phase 4\), 21 days left$/);
    expect(phase4?.url).toBe("https://github.com/octocat/portfolio/milestone/14");

    const report = reportOn("2026-03-18");
    const met = {
      ...report,
      bars: report.bars.map((bar) => (bar.phase === 4 ? { ...bar, state: "met" as const } : bar)),
    };
    const uids = events(renderCalendar({ context, repo: REPO, report: met, milestones })).map(
      (event) => event.uid,
    );
    expect(uids.filter((uid) => uid.startsWith("reminder-phase-4-"))).toEqual([]);
    expect(uids.filter((uid) => uid.startsWith("reminder-phase-5-"))).toHaveLength(3);

    // Lead days as configured: one day before the last.
    const oneDay = { ...context, config: { ...context.config, reminders: { lead_days: [1] } } };
    const single = events(renderCalendar({ context: oneDay, repo: REPO, report, milestones })).filter(
      (event) => event.uid.startsWith("reminder-phase-4-"),
    );
    expect(single).toMatchObject([{ start: "2026-12-05", summary: expect.stringMatching(/, 1 day left$/) }]);
  });

  it("names the calendar and the learner's time zone, and every UID is unique", () => {
    const calendar = parse(feed);
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//syllabot//calendar feed//EN");
    expect(calendar.getFirstPropertyValue("x-wr-timezone")).toBe("Asia/Kolkata");
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe(
      "The Rust Learning Program: octocat/portfolio",
    );
    const all = events(feed);
    expect(all).toHaveLength(52 + 5 + 9);
    expect(new Set(all.map((event) => event.uid)).size).toBe(all.length);
  });

  it("is the same text on any day while the plan, the issues and the bars stay: its stamp is the program's start", () => {
    const later = renderCalendar({ context, repo: REPO, report: reportOn("2026-09-01"), milestones });
    expect(later).toBe(feed);
    expect(new Set(events(feed).map((event) => event.stamp))).toEqual(new Set(["2026-03-02T00:00:00Z"]));
    // The repository as spelled another way keeps every UID: a subscribed calendar updates, not duplicates.
    const respelled = renderCalendar({ context, repo: "OctoCat/Portfolio", report: reportOn("2026-03-18") });
    expect(events(respelled).map((event) => event.uid)).toEqual(events(feed).map((event) => event.uid));
  });

  it("ends every line with CRLF and folds none longer than 75 octets", () => {
    expect(feed.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(feed.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = feed.slice(0, -2).split("\r\n");
    for (const line of lines) expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
    // Long descriptions were folded, not cut: a continuation line starts with a space.
    expect(lines.some((line) => line.startsWith(" "))).toBe(true);
  });

  it("refuses an issue address that is not a plain web address, for the phase's milestone", () => {
    const report = reportOn("2026-03-18");
    const odd = {
      ...report,
      weeks: report.weeks.map((week) =>
        week.week === 1 ? { ...week, url: "https://github.com/x\r\nBEGIN:VEVENT" } : week,
      ),
    };
    const text = renderCalendar({ context, repo: REPO, report: odd, milestones });
    expect(text).not.toContain("x\r\nBEGIN");
    expect(byUid(text).get("week-01@octocat/portfolio.syllabot")?.url).toBe(
      "https://github.com/octocat/portfolio/milestone/11",
    );
  });
});

describe("TEXT values and folding", () => {
  it("escapes backslashes, semicolons, commas and line breaks, and drops other controls", () => {
    expect(icsText("a,b;c\\d\ne\r\nf\rg\th\u0007i")).toBe("a\\,b\\;c\\\\d\\ne\\nf\\ng\th" + "i");
    // A lone surrogate is not UTF-8: written as U+FFFD, as an encoder would, so folding counts it right.
    expect(icsText("a\uD800b\uDC00")).toBe("a\uFFFDb\uFFFD");
  });

  it("folds at 75 octets between code points, a continuation's space counted", () => {
    const ascii = `SUMMARY:${"x".repeat(200)}`;
    const folded = foldLine(ascii).split("\r\n");
    expect(folded.map((part) => part.length)).toEqual([75, 75, 60]);
    expect(folded.map((part, index) => (index === 0 ? part : part.slice(1))).join("")).toBe(ascii);

    const emoji = `SUMMARY:${"🦀é".repeat(40)}`;
    const parts = foldLine(emoji).split("\r\n");
    for (const part of parts) {
      expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
      // No part starts or ends inside a character: each encodes and decodes to itself.
      expect(Buffer.from(part, "utf8").toString("utf8")).toBe(part);
      expect(part).not.toMatch(/^ ?[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
    expect(parts.map((part, index) => (index === 0 ? part : part.slice(1))).join("")).toBe(emoji);
  });

  /** Text a title may hold: commas, semicolons, backslashes, quotes, emoji, accents, line breaks, tabs. */
  const titleText = fc.string({
    unit: fc.oneof(
      fc.constantFrom(",", ";", "\\", "\\n", ":", '"', "\n", "\r\n", "\t", " ", "🦀", "👩‍💻", "é", "中", "`"),
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 3 }),
    ),
    maxLength: 300,
  });

  it("round-trips any text through a parser: a DESCRIPTION comes back as written, line breaks as LF", () => {
    fc.assert(
      fc.property(titleText, (text) => {
        const value = text.replace(/\r\n?/g, "\n");
        const calendar = [
          "BEGIN:VCALENDAR",
          "VERSION:2.0",
          "PRODID:-//test//EN",
          "BEGIN:VEVENT",
          "UID:x",
          "DTSTAMP:20260302T000000Z",
          "DTSTART;VALUE=DATE:20260302",
          `DESCRIPTION:${icsText(text)}`,
          "END:VEVENT",
          "END:VCALENDAR",
        ]
          .map(foldLine)
          .join("\r\n");
        const [vevent] = parse(`${calendar}\r\n`).getAllSubcomponents("vevent");
        expect(vevent?.getFirstPropertyValue("description")).toBe(value);
      }),
      { numRuns: runs(300) },
    );
  });

  it("round-trips any curriculum title into its week's SUMMARY, the feed's lines folded whatever its length", () => {
    const report = reportOn("2026-03-18");
    fc.assert(
      fc.property(titleText, titleText, (week, phase) => {
        const edited = {
          ...report,
          weeks: report.weeks.map((entry) => (entry.week === 1 ? { ...entry, title: week } : entry)),
          phases: report.phases.map((entry) => (entry.number === 1 ? { ...entry, title: phase } : entry)),
        };
        const text = renderCalendar({ context, repo: REPO, report: edited, milestones });
        for (const line of text.slice(0, -2).split("\r\n")) {
          expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
        }
        const found = byUid(text);
        expect(found.get("week-01@octocat/portfolio.syllabot")).toMatchObject({
          summary: `Week 1: ${plainText(week)}`,
          description: `Phase 1: ${plainText(phase)}\nThe week's issue: ${ISSUES_URL}/101`,
          start: "2026-03-02",
          end: "2026-03-09",
        });
        expect(found.get("phase-1-due@octocat/portfolio.syllabot")?.summary).toBe(
          `Phase 1 due: ${plainText(phase)}`,
        );
        expect(found.size).toBe(52 + 5 + 9);
      }),
      { numRuns: runs(100) },
    );
  });
});
