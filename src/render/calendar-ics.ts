import { Temporal } from "../calendar.js";
import type { ActualMilestone } from "../model/actual.js";
import { keys, type PlanContext } from "../model/context.js";
import { keyOf } from "../model/markers.js";
import type { ProgressReport } from "../progress/report-types.js";
import { thresholdsOf } from "../remind/policy.js";
import { plainText } from "../text/markdown.js";
import { terminalSafe } from "../text/terminal.js";

/**
 * The program as an iCalendar feed (RFC 5545) that a calendar app subscribes to: each week as an
 * all-day span, each phase's last day, and each day a reminder of an unmet open-source bar may
 * come. Every event is all-day, and all-day dates are floating: a date in the learner's calendar
 * whatever zone the app is in, as the program's days are dates in the learner's time zone
 * (X-WR-TIMEZONE names it for the apps that show it). There is no timed event, so no VTIMEZONE.
 *
 * The text is a function of the plan and the issues' addresses only, never of the clock, so that a
 * refresh commits it only when the plan changes.
 */

export interface CalendarInput {
  context: PlanContext;
  /** The portfolio repository, "owner/name": the UIDs' domain and the links' base. */
  repo: string;
  /** The progress report: the weeks with their issues' addresses, the phases, the bars. */
  report: ProgressReport;
  /** The milestones as read: a phase's deadline links to its milestone. */
  milestones?: readonly ActualMilestone[];
}

interface FeedEvent {
  uid: string;
  first: Temporal.PlainDate;
  /** The event's last day, included. */
  last: Temporal.PlainDate;
  summary: string;
  description: string;
  url: string;
}

export function renderCalendar(input: CalendarInput): string {
  const { context, report } = input;
  // GitHub's names are case-insensitive: a repository spelled differently keeps its events' UIDs.
  const domain = `${input.repo.toLowerCase()}.syllabot`;
  const repoUrl = `${context.serverUrl}/${input.repo}`;
  const milestoneUrls = milestonePages(input.milestones ?? [], repoUrl);
  const milestoneUrl = (phase: number) => milestoneUrls.get(keys.phase(phase)) ?? `${repoUrl}/milestones`;
  const phaseTitle = (phase: number) =>
    plainText(report.phases.find((candidate) => candidate.number === phase)?.title ?? "");

  const weeks = report.weeks.map((week): FeedEvent => {
    const key = keys.week(context, week.week);
    // Without an issue (not made yet, or a week skipped before the installation): its phase's
    // milestone, or failing that the issues searched for the week's key.
    const issueUrl = safeUrl(week.url);
    const phaseMilestone = milestoneUrls.get(keys.phase(week.phase));
    const url = issueUrl ?? phaseMilestone ?? issueSearch(repoUrl, key);
    return {
      uid: `${key}@${domain}`,
      first: Temporal.PlainDate.from(week.first),
      last: Temporal.PlainDate.from(week.last),
      summary: `Week ${week.week}: ${plainText(week.title)}`,
      description: [
        `Phase ${week.phase}: ${phaseTitle(week.phase)}`,
        issueUrl
          ? `The week's issue: ${url}`
          : phaseMilestone
            ? `The phase's milestone: ${url}`
            : `The week's issue, searched by its key: ${url}`,
      ].join("\n"),
      url,
    };
  });
  const deadlines = report.phases.map((phase): FeedEvent => {
    const last = Temporal.PlainDate.from(phase.due);
    const url = milestoneUrl(phase.number);
    return {
      uid: `${keys.phase(phase.number)}-due@${domain}`,
      first: last,
      last,
      summary: `Phase ${phase.number} due: ${plainText(phase.title)}`,
      description: [
        `The last day of phase ${phase.number} (weeks ${phase.firstWeek}–${phase.lastWeek}), its milestone's due date.`,
        `Milestone: ${url}`,
      ].join("\n"),
      url,
    };
  });
  // A reminder comes only while a bar is unmet: a met bar's days leave the calendar.
  const reminders = report.bars
    .filter((bar) => bar.state !== "met")
    .flatMap((bar) =>
      thresholdsOf(context, bar.phase)
        .filter((threshold) => threshold.id !== "missed")
        .map((threshold): FeedEvent => {
          const days = Number(threshold.id.slice("lead-".length));
          const url = milestoneUrl(bar.phase);
          return {
            uid: `reminder-phase-${bar.phase}-${threshold.id}@${domain}`,
            first: threshold.on,
            last: threshold.on,
            summary: `Reminder: ${plainText(bar.title)} (phase ${bar.phase}), ${days} ${days === 1 ? "day" : "days"} left`,
            description: [
              `If the bar is still unmet on this day, syllabot opens a reminder issue (or comments on it).`,
              `What meets it: ${plainText(bar.minimum)}`,
              `Milestone: ${url}`,
            ].join("\n"),
            url,
          };
        }),
    );

  // DTSTAMP is required in every event; "now" would change the text on every run and commit it
  // each time. The program's start is fixed by the config, and a subscribed calendar updates an
  // event by its UID whatever its stamp.
  const stamp = `${compactDate(context.calendar.start)}T000000Z`;
  const name = `${plainText(context.curriculum.title)}: ${input.repo}`;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//syllabot//calendar feed//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `NAME:${icsText(name)}`,
    `X-WR-CALNAME:${icsText(name)}`,
    `X-WR-TIMEZONE:${icsText(context.calendar.timeZone)}`,
    // RFC 7986 and its older spelling: how often a subscribed app should fetch the feed again.
    "REFRESH-INTERVAL;VALUE=DURATION:PT12H",
    "X-PUBLISHED-TTL:PT12H",
    ...[...weeks, ...deadlines, ...reminders].flatMap((event) => [
      "BEGIN:VEVENT",
      `UID:${icsText(event.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDate(event.first)}`,
      // All-day DTEND is exclusive: the day after the last.
      `DTEND;VALUE=DATE:${compactDate(event.last.add({ days: 1 }))}`,
      `SUMMARY:${icsText(event.summary)}`,
      `DESCRIPTION:${icsText(event.description)}`,
      `URL:${event.url}`,
      // A week-long span is a plan, not a meeting: it does not make the learner busy.
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    ]),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n").concat("\r\n");
}

/**
 * A TEXT value (RFC 5545 §3.3.11): backslashes, semicolons and commas escaped, line breaks as `\n`.
 * Control characters other than the tab are not allowed in TEXT and are dropped, and a lone
 * surrogate becomes U+FFFD, as UTF-8 would write it.
 */
export function icsText(value: string): string {
  return terminalSafe(wellFormed(value), { multiline: true })
    .replace(/[\\;,]/g, (char) => `\\${char}`)
    .replace(/\n/g, "\\n");
}

/**
 * A content line folded at 75 octets (RFC 5545 §3.1): CRLF and a space before each further part,
 * the space counting in its part's 75. Cut between code points, never inside a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let part = "";
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = utf8Length(char);
    if (octets + size > limit) {
      parts.push(part);
      part = "";
      octets = 0;
      limit = 74;
    }
    part += char;
    octets += size;
  }
  parts.push(part);
  return parts.join("\r\n ");
}

function utf8Length(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code < 0x10000) return 3;
  return 4;
}

function wellFormed(value: string): string {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

function compactDate(date: Temporal.PlainDate): string {
  return date.toString().replace(/-/g, "");
}

/** A phase milestone's page by key, from the milestones syllabot marked. */
function milestonePages(milestones: readonly ActualMilestone[], repoUrl: string): Map<string, string> {
  const pages = new Map<string, string>();
  for (const milestone of milestones) {
    const key = keyOf(milestone.description);
    if (key !== undefined && !pages.has(key)) pages.set(key, `${repoUrl}/milestone/${milestone.number}`);
  }
  return pages;
}

/** The repository's issues searched for a week's key: where its issue is once sync made it. */
function issueSearch(repoUrl: string, key: string): string {
  return `${repoUrl}/issues?q=${encodeURIComponent(`is:issue "syllabot:key=${key}"`)}`;
}

/** An issue's address as a URI value: only a plain http(s) address, which needs no escaping. */
function safeUrl(url: string | undefined): string | undefined {
  return url !== undefined && /^https?:\/\/[!#-;=?-[\]_a-z~%]+$/i.test(url) ? url : undefined;
}
