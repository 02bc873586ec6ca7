import { z } from "zod";
import { describe } from "../yaml/validate.js";

/** Markdown text written by the curriculum's author. */
const text = z.string().trim().min(1, "must not be empty");
const texts = z.array(text);

const RANGE = /^\s*(\d{1,4})\s*[-–]\s*(\d{1,4})\s*$/;

/** Weeks in a curriculum: about 19 years. More is a mistake, and would cost every check that walks the weeks. */
export const MAX_WEEKS = 1_000;
/** Open-source repositories the OSS track targets: each is part of a search query on every run. */
export const MAX_OSS_TARGETS = 100;

/** `5` or `"11-13"` (ASCII hyphen or en dash), normalized to an inclusive range, ending at most at `max`. */
function rangeUpTo(max: number, unit: string) {
  return z
    .union(
      [
        z.number().int().positive(),
        z.string().regex(RANGE, { error: (issue) => rangeMessage(unit, issue.input) }),
      ],
      { error: (issue) => rangeMessage(unit, issue.input) },
    )
    .transform((value, context) => {
      const [, from = "", to = ""] = typeof value === "number" ? [] : (RANGE.exec(value) ?? []);
      const range =
        typeof value === "number" ? { from: value, to: value } : { from: Number(from), to: Number(to) };
      if (range.from < 1 || range.to < range.from) {
        context.addIssue({
          code: "custom",
          message: `"${value}" is not an ascending range of positive numbers`,
        });
        return z.NEVER;
      }
      if (range.to > max) {
        context.addIssue({
          code: "custom",
          message: `${unit} ${range.to} is past ${unit} ${max}: at most ${max} are accepted`,
        });
        return z.NEVER;
      }
      return range;
    });
}

/** What a range accepts, and, for a list of consecutive numbers (`[5, 6, 7]`), the range that says it. */
function rangeMessage(unit: string, input: unknown): string {
  const expected = `expected a ${unit} number such as 5, or a range of ${unit}s such as "5-7"`;
  if (!Array.isArray(input)) return `${expected}; got ${describe(input)}`;
  const consecutive =
    input.length > 0 &&
    input.every((item, index) => Number.isInteger(item) && item === (input[0] as number) + index);
  return consecutive
    ? `${expected}; got a list (write [${input.join(", ")}] as "${input[0]}-${input[input.length - 1]}")`
    : `${expected}; got a list`;
}

/** A range of months (of the DSA track's stages): only the weeks bound how long a curriculum is. */
const monthRange = rangeUpTo(Number.MAX_SAFE_INTEGER, "month");
/** A range of weeks: a curriculum has at most MAX_WEEKS of them. */
const weekRange = rangeUpTo(MAX_WEEKS, "week");
export type Range = z.output<typeof weekRange>;

const hoursRange = z
  .strictObject({
    min: z.number().nonnegative().describe("The least, 0 or more"),
    max: z.number().nonnegative().describe("The most, at least min"),
  })
  .refine((range) => range.min <= range.max, {
    error: (issue) => {
      const range = issue.input as { min: number; max: number };
      return `min (${range.min}) is more than max (${range.max})`;
    },
  });

/** What the curriculum calls a block of the week; week issues head its work with it. */
const timeBlockLabel = text
  .max(40, "keep a time block's name under 40 characters: it heads a section of each week's issue")
  .optional()
  .describe(
    'What the course calls this block of the week, e.g. "Weekday evenings"; it heads that part of each week\'s plan, with the hours. Unnamed, the blocks are headed "Weekdays" and "Weekend"',
  );

const slug = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,38}$/,
    "expected a slug: lowercase letters, digits and hyphens, at most 39 characters",
  );

const repoName = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/, 'expected a repository as "owner/name"');

const studyItem = z.strictObject({
  title: text.describe("The book, course or talk (Markdown)"),
  detail: text.optional().describe("What to read or watch in it, shown after the title"),
  chapters: text.optional().describe('The chapters to read, shown as "chapters …", e.g. 1-6'),
  when: text.optional().describe("When to study it, e.g. alongside week 3"),
  url: z.url().optional().describe("A link to it"),
});
const studyMaterial = z
  .array(studyItem)
  .default([])
  .describe("Books, courses and talks, listed in the project's issue as Study material");

const phase = z.strictObject({
  number: z
    .number()
    .int()
    .positive()
    .describe("The phase's number (1, 2, …): weeks, projects and bars name it"),
  title: text
    .max(100, "keep a phase's title under 100 characters: it becomes a milestone title")
    .describe("Short title; the milestone is titled after it"),
  long_title: text.optional().describe("A longer title, for reading (syllabot does not show it)"),
  weeks: weekRange.describe(
    'The weeks the phase spans: a number or a range such as "1-8"; phases cover every week once, in order',
  ),
  objective: text.describe("What the phase is for: its milestone's description"),
  study_material: z
    .array(studyItem)
    .default([])
    .describe("Books, courses and talks for the phase (for readers of the file; syllabot does not show it)"),
  concepts: texts.default([]).describe("Concepts the phase teaches, listed in each of its week issues"),
  checks: texts
    .default([])
    .describe("Questions to answer at the phase's end (for readers of the file; syllabot does not show it)"),
  notes: texts.default([]).describe("Further notes (for readers of the file; syllabot does not show it)"),
});

const week = z.strictObject({
  weeks: weekRange.describe(
    'The week this entry plans, or a range such as "11-13" planned alike (one issue per week)',
  ),
  phase: z.number().int().positive().describe("The phase the weeks belong to; they lie inside its weeks"),
  title: text
    .max(120, "keep a week's title under 120 characters: it becomes an issue title")
    .describe("The week issue's title (Markdown code spans allowed)"),
  /** Only for weeks that depend on a choice (a capstone option): the option's project slug. */
  option: slug
    .optional()
    .describe(
      "Only for weeks that depend on a choice: the slug of the option (a project with `choice`) this entry is for; every option of the group plans these weeks",
    ),
  weekday: texts
    .min(1, "a week needs at least one weekday item")
    .describe("The work of the week's weekdays, a checklist in the week issue"),
  weekend: texts.default([]).describe("The work of the weekend, a second checklist"),
});

const project = z.strictObject({
  slug: slug.describe(
    "The project's id: the config maps it to a repository (projects: {slug: owner/name}), and commits close it with it",
  ),
  title: text
    .max(60, "keep a project's title under 60 characters: it becomes an issue title")
    .describe('The project\'s name: its issue is titled "Project <title>: <tagline>"'),
  tagline: text
    .max(120, "keep a tagline under 120 characters: it is part of an issue title")
    .optional()
    .describe("What the project is, in a few words: follows the title in the issue title and opens its body"),
  phase: z.number().int().positive().describe("The phase the project belongs to"),
  weeks: weekRange.describe('The weeks it is built in: a number or a range such as "5-7", inside its phase'),
  summary: text.describe("One paragraph: what to build"),
  description: text.optional().describe("More detail, after the summary"),
  commands: texts.default([]).describe("Example commands of the finished tool, shown as a shell block"),
  checks: texts
    .min(1, "a project needs at least one check: what done means")
    .describe("What done means: the issue's Done when checklist"),
  concepts: texts.default([]).describe("Concepts the project practises"),
  study_material: studyMaterial,
  /** Projects sharing a choice group are alternatives: the learner picks one (e.g. `capstone`). */
  choice: slug
    .optional()
    .describe(
      "A choice group (e.g. capstone): projects sharing it are alternatives, and the learner's config picks one",
    ),
  label: text
    .optional()
    .describe('How the issue names this alternative of its choice group, e.g. "Option A"'),
  replaces: z
    .array(
      z.strictObject({
        slug: slug.describe("The slug the earlier project had (no longer a project of this curriculum)"),
        reason: text.describe("Why it was replaced"),
      }),
    )
    .default([])
    .describe("Projects of an earlier edition this one replaces, listed in its issue with the reason"),
  notes: texts.default([]).describe("Further notes, listed in its issue"),
});

const dsaStage = z.strictObject({
  months: monthRange.describe(
    'Months of the course this stage covers, e.g. "1-3"; stages follow on from month 1',
  ),
  title: text.describe("The stage's name"),
  phases: z
    .array(z.number().int().positive())
    .default([])
    .describe("The phases the stage runs alongside, for reading"),
  topics: texts.min(1).describe("Topics to drill in this stage"),
  notes: texts.default([]).describe("Further notes"),
  problems_per_week: hoursRange.describe(
    "Problems to solve per week: the target the progress README measures",
  ),
});

export const OSS_REQUIREMENTS = ["merged-pr", "substantive-pr", "pr-or-engagement"] as const;

const ossBar = z.strictObject({
  phase: z
    .number()
    .int()
    .positive()
    .describe("The phase whose end is the bar's deadline (one bar per phase)"),
  title: text.describe("The bar's name"),
  goal: text.describe("What to aim for, in the reminder issue"),
  minimum: text.describe(
    "What meets the bar, in one line: the README's Open-source bars table and the reminder",
  ),
  requires: z
    .enum(OSS_REQUIREMENTS)
    .describe(
      "What counts: merged-pr (merged pull requests), substantive-pr (merged pull requests that change code, at least the config's substantive_min_lines), pr-or-engagement (merged pull requests, or issues opened or commented on)",
    ),
  count: z.number().int().positive().default(1).describe("How many of them meet the bar"),
  guidance: texts.default([]).describe("Advice listed in the reminder issue"),
});

const tracks = z.strictObject({
  dsa: z
    .strictObject({
      title: text.describe("The track's name"),
      summary: text.describe("What the track is"),
      hours_per_week: hoursRange.describe("Hours per week it takes, within the weekly budget"),
      stages: z.array(dsaStage).min(1).describe("Stages by month range, from month 1 on"),
      goal: text.describe("Where the track leads"),
    })
    .optional()
    .describe("Data structures and algorithms practice, counted from commits to the config's dsa repository"),
  oss: z
    .strictObject({
      title: text.describe("The track's name"),
      phases: z
        .array(z.number().int().positive())
        .default([])
        .describe("The phases the track runs in, for reading"),
      summary: text.describe("What the track is"),
      targets: z
        .array(
          z.strictObject({
            repo: repoName.describe("owner/name"),
            name: text.describe("The project's name"),
            why: text.describe("Why it is a good target"),
          }),
        )
        .min(1)
        .max(MAX_OSS_TARGETS, `at most ${MAX_OSS_TARGETS} target repositories: each is searched on every run`)
        .describe("Repositories whose pull requests and issues count (a config's oss.repos replaces them)"),
      bars: z
        .array(ossBar)
        .default([])
        .describe("Minimum bars, one per phase at most, each due at its phase's end"),
      capstone_notes: z
        .record(slug, text)
        .default({})
        .describe("Per option of a choice group (its project slug): how the track relates to it"),
    })
    .optional()
    .describe(
      "Open-source contributions: pull requests and issues in target repositories, measured against bars per phase",
    ),
});

/** Text kept with the curriculum for its readers: syllabot validates it but does not show it. */
const forReading = (what: string) => `${what} (for readers of the file; syllabot does not show it)`;

const hoursPart = z.strictObject({
  label: timeBlockLabel,
  hours: hoursRange.describe("Hours a week, shown in the heading of the week issues' checklist"),
  work: texts.describe(forReading("The kinds of work done then")),
});

export const curriculumSchema = z.strictObject({
  id: slug.describe("The curriculum's id, lowercase with hyphens, e.g. go-web-10w"),
  title: text.describe("The course's name, heading its plan and progress README"),
  subtitle: text.optional().describe(forReading("A subtitle")),
  prepared_for: text.optional().describe(forReading("Whom the curriculum was written for")),
  edition: text.optional().describe(forReading("The edition, e.g. March 2026")),
  rationale: z
    .strictObject({
      title: text.describe("Its heading"),
      intro: text.describe("Its first paragraph"),
      points: texts.default([]).describe("Its points"),
      closing: text.optional().describe("Its last paragraph"),
    })
    .optional()
    .describe(forReading("Why this course")),
  time_budget: z
    .strictObject({
      weekly_hours: hoursRange.describe(
        "Hours a week the course expects: the progress README compares logged hours with it",
      ),
      total_hours: hoursRange.optional().describe(forReading("Hours over the whole course")),
      schedule: z
        .array(
          z.strictObject({
            days: text.describe("Which days, e.g. Monday–Friday"),
            hours: text.describe("How long, e.g. ~1 hr/day"),
            notes: text.optional().describe("What they are for"),
          }),
        )
        .default([])
        .describe(forReading("A weekly schedule")),
      split: z
        .strictObject({
          weekday: hoursPart.describe("The weekday part of the week"),
          weekend: hoursPart.describe("The weekend part of the week"),
        })
        .optional()
        .describe(
          "How the week's hours divide between weekdays and the weekend: the week issues' checklists show the hours",
        ),
      pacing_note: text.optional().describe(forReading("Advice on pace")),
    })
    .describe("How much time the course asks for"),
  phases: z
    .array(phase)
    .min(1, "a curriculum needs at least one phase")
    .describe("The course's phases, each a milestone: together they cover weeks 1 to the last, in order"),
  weeks: z
    .array(week)
    .min(1, "a curriculum needs at least one week")
    .describe(
      "The plan of each week, each an issue: every week planned exactly once (for each option of a choice)",
    ),
  projects: z
    .array(project)
    .default([])
    .describe("Projects to build, each an issue, tracked by commits to the repository the config maps it to"),
  tracks: tracks
    .default({})
    .describe(
      "Optional tracks alongside the weeks: dsa (practice problems) and oss (open-source contributions)",
    ),
  ai_rules: z
    .strictObject({
      allowed: texts.default([]).describe("Uses of AI that are fine"),
      not_allowed: texts.default([]).describe("Uses of AI that defeat the purpose"),
      heuristic: text.optional().describe("A rule of thumb"),
    })
    .optional()
    .describe(forReading("Rules for using AI assistants")),
  resources: z
    .array(
      z.strictObject({
        name: text.describe("The resource's name"),
        type: text.describe("What kind of resource, e.g. Book"),
        when: text.describe("When to use it"),
        url: z.url().optional().describe("A link to it"),
      }),
    )
    .default([])
    .describe(forReading("Books, sites and tools for the whole course")),
  outcomes: texts.default([]).describe(forReading("What the learner can do at the end")),
  closing: text.optional().describe(forReading("A closing word")),
});

export type CurriculumInput = z.input<typeof curriculumSchema>;
export type ParsedCurriculum = z.output<typeof curriculumSchema>;
export type Phase = ParsedCurriculum["phases"][number];
export type WeekEntry = ParsedCurriculum["weeks"][number];
export type Project = ParsedCurriculum["projects"][number];
export type OssBar = NonNullable<ParsedCurriculum["tracks"]["oss"]>["bars"][number];
export type DsaStage = NonNullable<ParsedCurriculum["tracks"]["dsa"]>["stages"][number];
