import { type Temporal, weekSpan } from "../calendar.js";
import type { PlanContext } from "../model/context.js";
import { dsaTargetFor } from "../progress/dsa.js";
import type { Fates, WeekFate } from "./fates.js";
import { clamp, pad, range, round5 } from "./numbers.js";
import type { Random } from "./random.js";
import { type ProjectSpan, type Session, SessionWriter } from "./session-content.js";
import type { DemoVocabulary } from "./vocabulary.js";

type PlainDate = Temporal.PlainDate;

/** The latest a commit is made, in minutes after local midnight: the day never spills into the next. */
const LAST_MINUTE = 23 * 60 + 40;

/**
 * The learner's sessions week by week: DSA problems in line with the week's target, weekday evenings
 * and weekend sessions of study or project work around the course's weekly hours, a chore or two,
 * and the commit that closes the week (on its last days, later, or never, as its fate says).
 */
export class WeekPlanner {
  readonly sessions: Session[] = [];
  /** The local date of the commit that closes each closed week. */
  readonly closedOn = new Map<number, PlainDate>();
  private readonly writer: SessionWriter;
  /** The middle of the course's weekly hours, over the 9 hours the learner's habits are drawn for. */
  private readonly hoursScale: number;

  constructor(
    private readonly context: PlanContext,
    private readonly random: Random,
    private readonly words: DemoVocabulary,
    private readonly projects: readonly ProjectSpan[],
    private readonly fates: Fates,
  ) {
    this.writer = new SessionWriter(random, words);
    const weekly = context.curriculum.time_budget.weekly_hours;
    this.hoursScale = (weekly.min + weekly.max) / 2 / 9;
  }

  plan(week: number): void {
    const { random, context } = this;
    const span = weekSpan(context.calendar, week);
    const days = range(0, 6).map((offset) => span.first.add({ days: offset }));
    const weekdays = days.filter((day) => day.dayOfWeek <= 5);
    const weekend = days.filter((day) => day.dayOfWeek > 5);
    const fate = this.fates.fate(week);
    const phase = phaseNumber(context, week);
    const slump = fate === "late" && (this.fates.delays.get(week) ?? 0) >= 3;
    // Hours drawn for a 9-hour week (the middle of 8–10), scaled to the course's weekly budget.
    const hours =
      this.hoursScale *
      (fate === "overdue"
        ? 3.5 + random.float() * 1.5
        : slump
          ? 5.5 + random.float() * 2
          : clamp(8.7 + (phase === 1 ? 0.5 : 0) + random.bump() * 1.4, 6.2, 10.8));
    // DSA comes first: its minutes come out of the week's budget.
    const budget =
      Math.round((hours * 60) / 5) * 5 -
      this.dsaSessions(week, fate === "overdue" || slump, span, weekdays, weekend);

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
          ? this.writer.projectWork(project, week, slot.date)
          : this.writer.studyWork(phase, week, slot.date)),
        minutes,
        problems: [],
        weeks: [],
        projects: [],
        logged: true,
      };
    });
    this.sessions.push(...planned);

    this.choreSessions(week, repo, days);
    this.closingCommit(week, fate, closing, planned, span, repo, phase);
  }

  /** DSA problems in line with the week's target, short in a bad week; answers the minutes they take. */
  private dsaSessions(
    week: number,
    short: boolean,
    span: { first: PlainDate },
    weekdays: readonly PlainDate[],
    weekend: readonly PlainDate[],
  ): number {
    const { random, context } = this;
    let spent = 0;
    const target = dsaTargetFor(context, week);
    if (target && context.config.dsa) {
      const wanted = short
        ? Math.max(0, target.min - 1)
        : random.int(target.min, target.max + (random.chance(0.2) ? 1 : 0));
      const stage = context.curriculum.tracks.dsa?.stages.indexOf(target.stage) ?? 0;
      const problemDays = random.shuffle(weekdays).slice(0, Math.min(wanted, weekdays.length));
      for (let index = 0; index < wanted; index++) {
        const day = problemDays[index % Math.max(1, problemDays.length)] ?? span.first;
        const problem = this.writer.nextProblem(stage);
        const minutes = round5(stage >= 2 ? random.int(40, 75) : random.int(25, 55));
        spent += minutes;
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
    return spent;
  }

  /** A chore or two that logs nothing. */
  private choreSessions(week: number, repo: string, days: readonly PlainDate[]): void {
    const { random } = this;
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
  }

  /** The commit that closes the week: the last session of its closing day, or a catch-up after it. */
  private closingCommit(
    week: number,
    fate: WeekFate,
    closing: PlainDate | undefined,
    planned: readonly Session[],
    span: { last: PlainDate },
    repo: string,
    phase: number,
  ): void {
    const { random } = this;
    const projectEnding = this.projects.filter((candidate) => candidate.to === week).map((p) => p.slug);
    if (fate === "on-time" && closing) {
      const last = planned
        .filter((session) => session.date.equals(closing))
        .sort((a, b) => a.minute - b.minute)
        .at(-1);
      if (!last) throw new Error(`week ${week}: no session on its closing day`);
      const earlier = this.fates.together.get(week);
      this.claim(last, earlier === undefined ? [week] : [earlier, week], projectEnding);
    } else if (fate === "late") {
      if (this.fates.together.has(week + 1)) return;
      const day = span.last.add({ days: this.fates.delays.get(week) ?? 1 });
      const minutes = round5(random.int(20, 45));
      const catchUp: Session = {
        date: day,
        minute: random.int(20 * 60, 22 * 60 + 30),
        repo,
        subject: `catch up: ${this.writer.topic(phase)}`,
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

  /** An on-time week's closing day: its last day, or one or two days before. */
  private closingDay(last: PlainDate): PlainDate {
    const roll = this.random.float();
    return last.subtract({ days: roll < 0.6 ? 0 : roll < 0.9 ? 1 : 2 });
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

  private claim(session: Session, weeks: number[], projects: string[]): void {
    for (const week of weeks) this.closedOn.set(week, session.date);
    this.writer.claim(session, weeks, projects);
  }
}

function phaseNumber(context: PlanContext, week: number): number {
  return (
    context.curriculum.phases.find((phase) => phase.weeks.from <= week && week <= phase.weeks.to)?.number ?? 1
  );
}
