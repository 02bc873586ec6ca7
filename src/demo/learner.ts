import { spanOfWeeks, Temporal, weekSpan } from "../calendar.js";
import { plannedProjects } from "../curriculum/load.js";
import type { PlanContext } from "../model/context.js";
import { parseCommitMessage } from "../progress/commit-grammar.js";
import { dsaTargetFor } from "../progress/dsa.js";
import { ossTargets } from "../progress/oss.js";
import {
  ENGAGEMENT,
  GENERIC_ISSUE_NUMBER,
  GENERIC_PULLS,
  ISSUE_NUMBERS,
  PROBLEMS,
  PULLS,
  type PullFileStat,
  type PullKind,
} from "./catalog.js";
import { type DemoVocabulary, demoVocabulary } from "./vocabulary.js";

/**
 * The demo learner's year as data: every commit (repository, instant, message, files), merged pull
 * request and issue comment, day by day, from the program and a seed alone. Pure and deterministic:
 * the same context and seed give the same year, whatever the machine, clock or time zone.
 *
 * The learner is believable rather than perfect: around the course's weekly hours most weeks, weeks mostly closed on
 * their last days, a slump of late weeks (in a course of 12 weeks or more), a week never closed, and,
 * only when the course has those tracks, DSA problems in line with its targets and the OSS track's
 * pull requests and issue comment in their phases (the substantive pull request late in its phase,
 * after syllabot's first reminder). The words come from the course (vocabulary.ts).
 */

/** A seeded PRNG (mulberry32): 32-bit state, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  float(): number {
    return this.next();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError("pick from an empty list");
    return item;
  }

  /** Roughly normal around 0, within ±1.5 (the sum of three uniforms). */
  bump(): number {
    return this.next() + this.next() + this.next() - 1.5;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let index = copy.length - 1; index > 0; index--) {
      const other = Math.floor(this.next() * (index + 1));
      [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
    }
    return copy;
  }
}

/** What a commit message is written to claim; the tests parse every message back and compare. */
export interface CommitIntent {
  weeks: number[];
  projects: string[];
  minutes: number;
  problems: string[];
}

export interface DemoCommit {
  repo: string;
  /** The author date, an instant (`2026-03-02T14:40:00Z`). */
  at: string;
  message: string;
  files: Record<string, string>;
  intent: CommitIntent;
}

export interface DemoPullRequest {
  repo: string;
  kind: PullKind;
  title: string;
  body: string;
  labels: string[];
  files: PullFileStat[];
  createdAt: string;
  mergedAt: string;
}

/** An issue someone else opened in a target repository, and the learner's comment on it. */
export interface DemoEngagement {
  repo: string;
  issue: { title: string; body: string; author: string; createdAt: string };
  comment: { body: string; at: string };
}

export interface DemoDay {
  /** The learner's local date. */
  date: string;
  /** In time order. */
  commits: DemoCommit[];
  pulls: DemoPullRequest[];
  engagements: DemoEngagement[];
}

/** on-time: closed by its last day; late: closed after it; overdue: never closed. */
export type WeekFate = "on-time" | "late" | "overdue";

export interface DemoWeek {
  week: number;
  fate: WeekFate;
  /** The local date of the commit that closes it. */
  closedOn?: string;
  /** Minutes logged by commits made during the week (a late closing counts in the week it is made). */
  minutes: number;
  /** DSA problems solved during the week. */
  problems: number;
}

export interface DemoYear {
  seed: number;
  /** Every day of the program, in order. */
  days: DemoDay[];
  weeks: DemoWeek[];
  /** The number of the last issue or pull request in each target repository when the year begins. */
  lastNumbers: Record<string, number>;
}

type PlainDate = Temporal.PlainDate;

interface Session {
  date: PlainDate;
  /** Minutes after local midnight at which the commit is made. */
  minute: number;
  repo: string;
  subject: string;
  body: string[];
  files: Record<string, string>;
  minutes: number;
  problems: string[];
  weeks: number[];
  projects: string[];
  /** Untimed chores log no `Time:` trailer. */
  logged: boolean;
}

interface ProjectSpan {
  slug: string;
  repo: string;
  /** The project's folder, when it is a folder of a repository shared with others. */
  folder?: string;
  from: number;
  to: number;
}

/** The latest a commit is made, in minutes after local midnight: the day never spills into the next. */
const LAST_MINUTE = 23 * 60 + 40;

export function simulateYear(context: PlanContext, seed: number): DemoYear {
  return new YearBuilder(context, seed).build();
}

class YearBuilder {
  private readonly random: Random;
  private readonly total: number;
  private readonly projects: ProjectSpan[];
  private readonly fates = new Map<number, WeekFate>();
  /** Weeks closed late and when (days after their last day); a week closed with the next is in `together`. */
  private readonly delays = new Map<number, number>();
  private readonly together = new Map<number, number>();
  private readonly sessions: Session[] = [];
  private readonly problemCursor: number[] = [];
  private readonly featureCursor = new Map<string, number>();
  private readonly closedOn = new Map<number, PlainDate>();
  private readonly words: DemoVocabulary;
  /** The middle of the course's weekly hours, over the 9 hours the learner's habits are drawn for. */
  private readonly hoursScale: number;

  constructor(
    private readonly context: PlanContext,
    private readonly seed: number,
  ) {
    this.random = new Random(seed);
    this.words = demoVocabulary(context.curriculum);
    const weekly = context.curriculum.time_budget.weekly_hours;
    this.hoursScale = (weekly.min + weekly.max) / 2 / 9;
    this.total = context.curriculum.totalWeeks;
    this.projects = plannedProjects(context.curriculum, context.chosen).flatMap((project) => {
      const location = context.config.projects[project.slug];
      if (!location) return [];
      const { repo, path } = location;
      return [
        {
          slug: project.slug,
          repo,
          ...(path ? { folder: path } : {}),
          from: project.weeks.from,
          to: project.weeks.to,
        },
      ];
    });
  }

  build(): DemoYear {
    this.chooseFates();
    for (let week = 1; week <= this.total; week++) this.planWeek(week);
    const { pulls, engagements, lastNumbers } = this.ossYear();
    return { ...this.assemble(pulls, engagements), lastNumbers };
  }

  // --- Which weeks go wrong -------------------------------------------------------------------

  private chooseFates(): void {
    const { random, total } = this;
    const projectEnds = new Set(this.projects.map((project) => project.to));
    // Late or overdue weeks leave the first two and the last two alone: the year starts keen and
    // finishes inside the program.
    const free = (week: number) => week >= 3 && week <= total - 2 && !this.fates.has(week);
    const late = (week: number, days: number) => {
      this.fates.set(week, "late");
      this.delays.set(week, days);
    };
    // A slump: three weeks in the middle of the year, the middle one given up.
    if (total >= 12) {
      const starts = range(Math.floor(total * 0.36), Math.floor(total * 0.6) - 2);
      const givenUp = starts.filter((week) => !projectEnds.has(week + 1));
      const start = random.pick(givenUp.length > 0 ? givenUp : starts);
      late(start, random.int(3, 6));
      if (projectEnds.has(start + 1)) late(start + 1, random.int(2, 4));
      else this.fates.set(start + 1, "overdue");
      late(start + 2, random.int(1, 4));
    }
    // One more week never closed, away from the slump and from a project's last week.
    const lonely = random
      .shuffle(range(Math.floor(total * 0.15), total - 3))
      .find(
        (week) =>
          free(week) && !projectEnds.has(week) && !this.fates.has(week - 1) && !this.fates.has(week + 1),
      );
    if (lonely !== undefined) this.fates.set(lonely, "overdue");
    // A few weeks finished a little late, none next to another; the first together with the next week.
    const wanted = random.int(2, 4);
    let chosen = 0;
    for (const week of random.shuffle(range(3, total - 2))) {
      if (chosen === wanted) break;
      if (!free(week) || this.fates.has(week + 1) || this.fates.has(week - 1)) continue;
      if (chosen === 0 && week + 1 <= total - 2 && !projectEnds.has(week)) {
        this.fates.set(week, "late");
        this.fates.set(week + 1, "on-time");
        this.together.set(week + 1, week);
      } else late(week, random.int(1, 4));
      chosen++;
    }
  }

  private fate(week: number): WeekFate {
    return this.fates.get(week) ?? "on-time";
  }

  // --- One week of sessions -------------------------------------------------------------------

  private planWeek(week: number): void {
    const { random, context } = this;
    const span = weekSpan(context.calendar, week);
    const days = range(0, 6).map((offset) => span.first.add({ days: offset }));
    const weekdays = days.filter((day) => day.dayOfWeek <= 5);
    const weekend = days.filter((day) => day.dayOfWeek > 5);
    const fate = this.fate(week);
    const phase = phaseNumber(context, week);
    const slump = fate === "late" && (this.delays.get(week) ?? 0) >= 3;
    // Hours drawn for a 9-hour week (the middle of 8–10), scaled to the course's weekly budget.
    const hours =
      this.hoursScale *
      (fate === "overdue"
        ? 3.5 + random.float() * 1.5
        : slump
          ? 5.5 + random.float() * 2
          : clamp(8.7 + (phase === 1 ? 0.5 : 0) + random.bump() * 1.4, 6.2, 10.8));
    let budget = Math.round((hours * 60) / 5) * 5;

    // DSA: in line with the week's target, short in a bad week.
    const target = dsaTargetFor(context, week);
    if (target && context.config.dsa) {
      const wanted =
        fate === "overdue" || slump
          ? Math.max(0, target.min - 1)
          : random.int(target.min, target.max + (random.chance(0.2) ? 1 : 0));
      const stage = context.curriculum.tracks.dsa?.stages.indexOf(target.stage) ?? 0;
      const problemDays = random.shuffle(weekdays).slice(0, Math.min(wanted, weekdays.length));
      for (let index = 0; index < wanted; index++) {
        const day = problemDays[index % Math.max(1, problemDays.length)] ?? span.first;
        const problem = this.nextProblem(stage);
        const minutes = round5(stage >= 2 ? random.int(40, 75) : random.int(25, 55));
        budget -= minutes;
        // Later stages redo problems in the course's language, when it has one for them.
        const language =
          stage >= 2 || (stage === 1 && random.chance(0.4)) ? this.words.practiceLanguage : undefined;
        const file = language ? language.file(problem) : `python/${problem}.py`;
        const morning = random.chance(0.6);
        this.sessions.push({
          date: index < problemDays.length ? day : (weekend[0] ?? day),
          minute: morning ? random.int(6 * 60 + 30, 7 * 60 + 45) : random.int(21 * 60 + 30, 23 * 60),
          repo: context.config.dsa,
          subject: `dsa: ${problem}${language ? ` in ${language.name}` : ""}`,
          body: [],
          files: { [file]: `# ${problem}\n# solved in week ${week}\n` },
          minutes,
          problems: [problem],
          weeks: [],
          projects: [],
          logged: true,
        });
      }
    }

    // Study: weekday evenings (reading, exercises) and longer weekend sessions (the project).
    const repo = this.repoFor(week);
    const project = this.projectIn(week);
    const eveningCount = fate === "overdue" ? random.int(1, 2) : random.int(2, 4);
    const weekendCount = fate === "overdue" ? 1 : random.int(1, 3);
    const evenings = random.shuffle(weekdays).slice(0, eveningCount);
    const weekendDays = random.shuffle(weekend);
    const slots: { date: PlainDate; weight: number; weekend: boolean; afternoon: boolean }[] = [
      ...evenings.map((date) => ({
        date,
        weight: 1 + random.float() * 0.6,
        weekend: false,
        afternoon: false,
      })),
      ...range(0, weekendCount - 1).map((index) => ({
        date: weekendDays[index % Math.max(1, weekendDays.length)] ?? span.last,
        weight: 2 + random.float(),
        weekend: true,
        afternoon: index < weekendDays.length,
      })),
    ];
    // An on-time week is closed on its last day or just before: that day needs a session.
    const closing = fate === "on-time" ? this.closingDay(span.last) : undefined;
    if (closing && !slots.some((slot) => slot.date.equals(closing))) {
      slots.push({ date: closing, weight: 1.8, weekend: closing.dayOfWeek > 5, afternoon: false });
    }
    const study = Math.max(30 * slots.length, budget);
    const weights = slots.reduce((sum, slot) => sum + slot.weight, 0);
    const planned: Session[] = slots.map((slot) => {
      const minutes = Math.max(20, round5((study * slot.weight) / weights));
      const start = slot.afternoon
        ? random.int(10 * 60, 15 * 60)
        : slot.weekend
          ? random.int(17 * 60, 20 * 60)
          : random.int(19 * 60, 21 * 60 + 30);
      const onProject = project !== undefined && (slot.weekend || random.chance(0.35));
      return {
        date: slot.date,
        minute: Math.min(LAST_MINUTE, start + minutes),
        repo,
        ...(onProject && project
          ? this.projectWork(project, week, slot.date)
          : this.studyWork(phase, week, slot.date)),
        minutes,
        problems: [],
        weeks: [],
        projects: [],
        logged: true,
      };
    });
    this.sessions.push(...planned);

    // A chore or two that logs nothing.
    for (let index = random.int(0, 2); index > 0; index--) {
      const chore = random.pick(this.words.chores);
      this.sessions.push({
        date: random.pick(days),
        minute: random.int(12 * 60, 23 * 60),
        repo,
        subject: chore,
        body: [],
        files: { [`notes/chores-${week}-${index}.md`]: `${chore}\n` },
        minutes: 0,
        problems: [],
        weeks: [],
        projects: [],
        logged: false,
      });
    }

    // The week's closing commit.
    const projectEnding = this.projects.filter((candidate) => candidate.to === week).map((p) => p.slug);
    if (fate === "on-time" && closing) {
      const last = planned
        .filter((session) => session.date.equals(closing))
        .sort((a, b) => a.minute - b.minute)
        .at(-1);
      if (!last) throw new Error(`week ${week}: no session on its closing day`);
      const earlier = this.together.get(week);
      this.claim(last, earlier === undefined ? [week] : [earlier, week], projectEnding);
    } else if (fate === "late") {
      if (this.together.has(week + 1)) return;
      const day = span.last.add({ days: this.delays.get(week) ?? 1 });
      const minutes = round5(random.int(20, 45));
      const catchUp: Session = {
        date: day,
        minute: random.int(20 * 60, 22 * 60 + 30),
        repo,
        subject: `catch up: ${this.topic(phase)}`,
        body: [],
        files: { [`notes/week-${pad(week)}-catch-up.md`]: `Catching up on week ${week}.\n` },
        minutes,
        problems: [],
        weeks: [],
        projects: [],
        logged: true,
      };
      this.claim(catchUp, [week], projectEnding);
      this.sessions.push(catchUp);
    }
  }

  private closingDay(last: PlainDate): PlainDate {
    const roll = this.random.float();
    return last.subtract({ days: roll < 0.6 ? 0 : roll < 0.9 ? 1 : 2 });
  }

  /** Word the commit so that it finishes `weeks` (and projects), in one of the grammar's forms. */
  private claim(session: Session, weeks: number[], projects: string[]): void {
    const { random } = this;
    session.weeks = weeks;
    session.projects = projects;
    for (const week of weeks) this.closedOn.set(week, session.date);
    if (weeks.length > 1) {
      session.body.push(`finished weeks ${weeks.slice(0, -1).join(", ")} and ${weeks.at(-1)}`);
    } else {
      const week = weeks[0] ?? 1;
      const form = random.int(0, 4);
      if (form === 0) session.body.push(`closes week ${week}`);
      else if (form === 1) session.subject = `week ${week} done: ${session.subject}`;
      else if (form === 2) session.body.push(`Week: ${week}`);
      else if (form === 3) session.subject = `${session.subject}, completes w${week}`;
      else session.subject = `done week ${pad(week)}: ${session.subject}`;
    }
    for (const slug of projects) {
      const form = random.int(0, 2);
      if (form === 0) session.body.push(`closes project ${slug}`);
      else if (form === 1) session.body.push(`finished with project ${slug}`);
      else session.body.push(`completes project ${slug}`);
    }
  }

  private projectIn(week: number): ProjectSpan | undefined {
    return this.projects.find((project) => project.from <= week && week <= project.to);
  }

  /** Where the week's study goes: its project, else the last one (follow-ups), else the first one. */
  private repoFor(week: number): string {
    const current = this.projectIn(week);
    if (current) return current.repo;
    const before = this.projects.filter((project) => project.to < week).sort((a, b) => b.to - a.to)[0];
    const first = [...this.projects].sort((a, b) => a.from - b.from)[0];
    return (before ?? first)?.repo ?? this.context.config.dsa ?? `${this.context.config.learner}/notes`;
  }

  private projectWork(project: ProjectSpan, week: number, date: PlainDate) {
    const features = this.words.features(project.slug);
    const index = this.featureCursor.get(project.slug) ?? 0;
    this.featureCursor.set(project.slug, index + 1);
    const feature = features[index % features.length] ?? "work";
    const file = `${project.folder ? `${project.folder}/` : ""}src/${slugify(feature) || "work"}.${this.words.sourceExtension}`;
    return {
      subject: `${project.slug}: ${feature}${index >= features.length ? " (polish)" : ""}`,
      body: [] as string[],
      files: { [file]: `// ${feature}\n// week ${week}, ${date.toString()}\n` },
    };
  }

  private studyWork(phase: number, week: number, date: PlainDate) {
    const topic = this.topic(phase);
    const kind = this.random.pick(this.words.studyKinds(phase));
    const path =
      kind === "notes"
        ? `notes/week-${pad(week)}.md`
        : `exercises/week-${pad(week)}/${slugify(topic)}.${this.words.sourceExtension}`;
    return {
      subject: `${kind}: ${topic}`,
      body: [] as string[],
      files: { [path]: `${topic}\n${date.toString()}\n` },
    };
  }

  private topic(phase: number): string {
    return this.random.pick(this.words.topics(phase));
  }

  private nextProblem(stage: number): string {
    for (let offset = 0; offset < PROBLEMS.length; offset++) {
      const pool = Math.min(stage, PROBLEMS.length - 1) + offset;
      const list = PROBLEMS[pool % PROBLEMS.length] ?? [];
      const cursor = this.problemCursor[pool % PROBLEMS.length] ?? 0;
      if (cursor < list.length) {
        this.problemCursor[pool % PROBLEMS.length] = cursor + 1;
        return list[cursor] ?? "two-sum";
      }
    }
    const used = this.problemCursor.reduce((sum, count) => sum + count, 0);
    this.problemCursor[0] = (this.problemCursor[0] ?? 0) + 1;
    return `${PROBLEMS[0]?.[used % (PROBLEMS[0]?.length ?? 1)] ?? "two-sum"}-again-${used}`;
  }

  // --- Open source -----------------------------------------------------------------------------

  private ossYear(): {
    pulls: DemoPullRequest[];
    engagements: DemoEngagement[];
    lastNumbers: Record<string, number>;
  } {
    const { context, random } = this;
    const repos = ossTargets(context);
    const lastNumbers = Object.fromEntries(
      repos.map((repo) => [repo, (ISSUE_NUMBERS[repo] ?? GENERIC_ISSUE_NUMBER) + random.int(0, 400)]),
    );
    const targets = random.shuffle(repos);
    const bars = context.curriculum.tracks.oss?.bars ?? [];
    const pulls: DemoPullRequest[] = [];
    const engagements: DemoEngagement[] = [];
    if (targets.length === 0) return { pulls, engagements, lastNumbers };
    const phaseWeeks = (number: number) =>
      context.curriculum.phases.find((phase) => phase.number === number)?.weeks ?? {
        from: 1,
        to: this.total,
      };
    const pull = (kind: PullKind, repo: string, week: number) =>
      pullOn(kind, repo, weekSpan(context.calendar, week).first.add({ days: random.int(0, 4) }), 4, 15);
    const pullOn = (kind: PullKind, repo: string, day: PlainDate, minReview: number, maxReview: number) => {
      const template = (PULLS[repo] ?? GENERIC_PULLS)[kind];
      const mergedAt = this.instant(day, random.int(14 * 60, 21 * 60));
      const opened = day.subtract({ days: random.int(minReview, maxReview) });
      pulls.push({
        repo,
        kind,
        ...template,
        labels: [...template.labels],
        files: template.files.map((file) => ({ ...file })),
        createdAt: this.instant(opened, random.int(20 * 60, 22 * 60)),
        mergedAt,
      });
    };
    for (const bar of bars) {
      const weeks = phaseWeeks(bar.phase);
      const length = weeks.to - weeks.from + 1;
      const at = (from: number, to: number) =>
        Math.min(weeks.to, weeks.from + random.int(Math.floor(length * from), Math.floor(length * to)));
      if (bar.requires === "merged-pr") pull("first", targets[0] ?? "", at(0.3, 0.8));
      else if (bar.requires === "substantive-pr") {
        pull("docs", targets[1 % targets.length] ?? "", at(0.05, 0.25));
        // The substantive one is long in review (three to six weeks) and merged in the phase's last
        // weeks, after the first reminder that the bar is unmet (and before its last two days).
        const { first, last } = spanOfWeeks(context.calendar, weeks.from, weeks.to);
        const lead = Math.max(0, ...context.config.reminders.lead_days);
        const span = first.until(last, { largestUnit: "days" }).days;
        const earliest = Math.max(0, span - lead + 1);
        const latest = Math.max(earliest, span - 3);
        const day = first.add({ days: random.int(earliest, latest) });
        pullOn("substantive", targets[2 % targets.length] ?? "", day, 21, 42);
      } else {
        const repo = targets[0] ?? "";
        const day = weekSpan(context.calendar, at(0.15, 0.5)).first.add({ days: random.int(0, 6) });
        engagements.push({
          repo,
          issue: {
            title: ENGAGEMENT.title,
            body: ENGAGEMENT.body,
            author: ENGAGEMENT.author,
            createdAt: this.instant(day.subtract({ days: random.int(1, 5) }), random.int(9 * 60, 18 * 60)),
          },
          comment: { body: ENGAGEMENT.comment, at: this.instant(day, random.int(20 * 60, 22 * 60)) },
        });
      }
    }
    return { pulls, engagements, lastNumbers };
  }

  // --- Putting it together -------------------------------------------------------------------

  private instant(date: PlainDate, minute: number): string {
    return date
      .toPlainDateTime({ hour: Math.floor(minute / 60), minute: minute % 60 })
      .toZonedDateTime(this.context.calendar.timeZone)
      .toInstant()
      .toString();
  }

  private assemble(pulls: DemoPullRequest[], engagements: DemoEngagement[]): Omit<DemoYear, "lastNumbers"> {
    const { context } = this;
    const first = context.calendar.start;
    const last = weekSpan(context.calendar, this.total).last;
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
      totalWeeks: this.total,
      projectSlugs: new Set(context.curriculum.projects.map((project) => project.slug)),
    };
    // Commits of one day and repository at distinct minutes, in time order.
    const ordered = [...this.sessions].sort(
      (a, b) => Temporal.PlainDate.compare(a.date, b.date) || a.minute - b.minute,
    );
    const taken = new Set<string>();
    for (const session of ordered) {
      let minute = session.minute;
      while (taken.has(`${session.date}@${minute}`)) minute++;
      taken.add(`${session.date}@${minute}`);
      const trailers = [
        ...session.problems.map((problem) => `Problem: ${problem}`),
        ...(session.logged ? [`Time: ${duration(session.minutes, this.random)}`] : []),
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
        at: this.instant(session.date, minute),
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
    const weeks: DemoWeek[] = range(1, this.total).map((week) => {
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
      const closed = this.closedOn.get(week);
      return {
        week,
        fate: this.fate(week),
        ...(closed ? { closedOn: closed.toString() } : {}),
        minutes: own.reduce((sum, commit) => sum + commit.intent.minutes, 0),
        problems: own.reduce((sum, commit) => sum + commit.intent.problems.length, 0),
      };
    });
    return { seed: this.seed, days, weeks };
  }
}

function phaseNumber(context: PlanContext, week: number): number {
  return (
    context.curriculum.phases.find((phase) => phase.weeks.from <= week && week <= phase.weeks.to)?.number ?? 1
  );
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

function range(from: number, to: number): number[] {
  return to < from ? [] : Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function round5(minutes: number): number {
  return Math.max(5, Math.round(minutes / 5) * 5);
}

function pad(week: number): string {
  return String(week).padStart(2, "0");
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}
