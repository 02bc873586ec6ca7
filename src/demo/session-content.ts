import type { Temporal } from "../calendar.js";
import { PROBLEMS } from "./catalog.js";
import { pad } from "./numbers.js";
import type { Random } from "./random.js";
import type { DemoVocabulary } from "./vocabulary.js";

type PlainDate = Temporal.PlainDate;

/** One commit the learner will make, before its message is put together. */
export interface Session {
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

export interface ProjectSpan {
  slug: string;
  repo: string;
  /** The project's folder, when it is a folder of a repository shared with others. */
  folder?: string;
  from: number;
  to: number;
}

/**
 * What the learner's commits say and touch: the next DSA problem, the project's next step, the
 * evening's topic, and the words that claim a week or project in one of the grammar's forms.
 */
export class SessionWriter {
  private readonly problemCursor: number[] = [];
  private readonly featureCursor = new Map<string, number>();

  constructor(
    private readonly random: Random,
    private readonly words: DemoVocabulary,
  ) {}

  /** Word the commit so that it finishes `weeks` (and projects), in one of the grammar's forms. */
  claim(session: Session, weeks: number[], projects: string[]): void {
    const { random } = this;
    session.weeks = weeks;
    session.projects = projects;
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

  projectWork(project: ProjectSpan, week: number, date: PlainDate) {
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

  studyWork(phase: number, week: number, date: PlainDate) {
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

  topic(phase: number): string {
    return this.random.pick(this.words.topics(phase));
  }

  nextProblem(stage: number): string {
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
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}
