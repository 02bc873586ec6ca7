import { Temporal, weekSpan } from "../calendar.js";
import type { PlanContext } from "../model/context.js";
import { parseCommitMessage } from "../progress/commit-grammar.js";
import type { Fates } from "./fates.js";
import { localInstant } from "./instant.js";
import { range } from "./numbers.js";
import type { Random } from "./random.js";
import type { Session } from "./session-content.js";
import type { CommitIntent, DemoDay, DemoEngagement, DemoPullRequest, DemoWeek, DemoYear } from "./year.js";

type PlainDate = Temporal.PlainDate;

/**
 * The planned year as days: each commit's message put together (and parsed back with the real
 * grammar, which must read what it was meant to claim), pull requests and comments placed on their
 * local day, and each week's figures.
 */
export function assembleYear(
  context: PlanContext,
  random: Random,
  seed: number,
  total: number,
  planned: { sessions: readonly Session[]; closedOn: ReadonlyMap<number, PlainDate>; fates: Fates },
  pulls: readonly DemoPullRequest[],
  engagements: readonly DemoEngagement[],
): Omit<DemoYear, "lastNumbers"> {
  const { sessions, closedOn, fates } = planned;
  const instant = (date: PlainDate, minute: number) => localInstant(date, minute, context.calendar.timeZone);
  const first = context.calendar.start;
  const last = weekSpan(context.calendar, total).last;
  const byDay = new Map<string, DemoDay>();
  for (let day = first; Temporal.PlainDate.compare(day, last) <= 0; day = day.add({ days: 1 })) {
    byDay.set(day.toString(), { date: day.toString(), commits: [], pulls: [], engagements: [] });
  }
  const dayOf = (date: PlainDate) => {
    const found = byDay.get(date.toString());
    if (!found) throw new Error(`the demo year has an event on ${date}, outside the program`);
    return found;
  };
  const program = {
    totalWeeks: total,
    projectSlugs: new Set(context.curriculum.projects.map((project) => project.slug)),
  };
  // Commits of one day and repository at distinct minutes, in time order.
  const ordered = [...sessions].sort(
    (a, b) => Temporal.PlainDate.compare(a.date, b.date) || a.minute - b.minute,
  );
  const taken = new Set<string>();
  for (const session of ordered) {
    let minute = session.minute;
    while (taken.has(`${session.date}@${minute}`)) minute++;
    taken.add(`${session.date}@${minute}`);
    const trailers = [
      ...session.problems.map((problem) => `Problem: ${problem}`),
      ...(session.logged ? [`Time: ${duration(session.minutes, random)}`] : []),
    ];
    const trailerBlock = [...session.body.filter((line) => /^(Week|Project):/.test(line)), ...trailers];
    const prose = session.body.filter((line) => !/^(Week|Project):/.test(line));
    const message = [session.subject, ...(prose.length ? ["", ...prose] : [])]
      .concat(trailerBlock.length ? ["", ...trailerBlock] : [])
      .join("\n");
    const intent: CommitIntent = {
      weeks: [...session.weeks].sort((a, b) => a - b),
      projects: session.projects,
      minutes: session.logged ? session.minutes : 0,
      problems: session.problems,
    };
    const parsed = parseCommitMessage(message, program);
    if (
      JSON.stringify([parsed.weeks, parsed.projects, parsed.minutes, parsed.problems]) !==
        JSON.stringify([intent.weeks, intent.projects, intent.minutes, intent.problems]) ||
      parsed.rejected.length > 0
    ) {
      throw new Error(`demo commit "${message}" does not say what it means`);
    }
    dayOf(session.date).commits.push({
      repo: session.repo,
      at: instant(session.date, minute),
      message,
      files: session.files,
      intent,
    });
  }
  const localDay = (instant: string) =>
    Temporal.Instant.from(instant).toZonedDateTimeISO(context.calendar.timeZone).toPlainDate();
  for (const pull of pulls) dayOf(localDay(pull.mergedAt)).pulls.push(pull);
  for (const engagement of engagements) dayOf(localDay(engagement.comment.at)).engagements.push(engagement);

  const days = [...byDay.values()];
  const weeks: DemoWeek[] = range(1, total).map((week) => {
    const span = weekSpan(context.calendar, week);
    const own = days
      .filter((day) => {
        const date = Temporal.PlainDate.from(day.date);
        return (
          Temporal.PlainDate.compare(date, span.first) >= 0 &&
          Temporal.PlainDate.compare(date, span.last) <= 0
        );
      })
      .flatMap((day) => day.commits);
    const closed = closedOn.get(week);
    return {
      week,
      fate: fates.fate(week),
      ...(closed ? { closedOn: closed.toString() } : {}),
      minutes: own.reduce((sum, commit) => sum + commit.intent.minutes, 0),
      problems: own.reduce((sum, commit) => sum + commit.intent.problems.length, 0),
    };
  });
  return { seed: seed, days, weeks };
}

/** A duration as people write it in a `Time:` trailer: 45m, 2h, 1h30m, 90m, 1h 15m. */
function duration(minutes: number, random: Random): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${minutes}m`;
  if (rest === 0) return `${hours}h`;
  if (rest === 30 && random.chance(0.3)) return `${hours}.5h`;
  const form = random.int(0, 5);
  return form === 0 ? `${minutes}m` : form === 1 ? `${hours}h ${rest}m` : `${hours}h${rest}m`;
}
