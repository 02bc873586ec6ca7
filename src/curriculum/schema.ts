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
  .strictObject({ min: z.number().nonnegative(), max: z.number().nonnegative() })
  .refine((range) => range.min <= range.max, {
    error: (issue) => {
      const range = issue.input as { min: number; max: number };
      return `min (${range.min}) is more than max (${range.max})`;
    },
  });

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
  title: text,
  detail: text.optional(),
  chapters: text.optional(),
  when: text.optional(),
  url: z.url().optional(),
});

const phase = z.strictObject({
  number: z.number().int().positive(),
  title: text.max(100, "keep a phase's title under 100 characters: it becomes a milestone title"),
  long_title: text.optional(),
  weeks: weekRange,
  objective: text,
  study_material: z.array(studyItem).default([]),
  concepts: texts.default([]),
  checks: texts.default([]),
  notes: texts.default([]),
});

const week = z.strictObject({
  weeks: weekRange,
  phase: z.number().int().positive(),
  title: text.max(120, "keep a week's title under 120 characters: it becomes an issue title"),
  /** Only for weeks that depend on a choice (a capstone option): the option's project slug. */
  option: slug.optional(),
  weekday: texts.min(1, "a week needs at least one weekday item"),
  weekend: texts.default([]),
});

const project = z.strictObject({
  slug,
  title: text.max(60, "keep a project's title under 60 characters: it becomes an issue title"),
  tagline: text.max(120, "keep a tagline under 120 characters: it is part of an issue title").optional(),
  phase: z.number().int().positive(),
  weeks: weekRange,
  summary: text,
  description: text.optional(),
  commands: texts.default([]),
  checks: texts.min(1, "a project needs at least one check: what done means"),
  concepts: texts.default([]),
  study_material: z.array(studyItem).default([]),
  /** Projects sharing a choice group are alternatives: the learner picks one (e.g. `capstone`). */
  choice: slug.optional(),
  label: text.optional(),
  replaces: z.array(z.strictObject({ slug, reason: text })).default([]),
  notes: texts.default([]),
});

const dsaStage = z.strictObject({
  months: monthRange,
  title: text,
  phases: z.array(z.number().int().positive()).default([]),
  topics: texts.min(1),
  notes: texts.default([]),
  problems_per_week: hoursRange,
});

export const OSS_REQUIREMENTS = ["merged-pr", "substantive-pr", "pr-or-engagement"] as const;

const ossBar = z.strictObject({
  phase: z.number().int().positive(),
  title: text,
  goal: text,
  minimum: text,
  requires: z.enum(OSS_REQUIREMENTS),
  count: z.number().int().positive().default(1),
  guidance: texts.default([]),
});

const tracks = z.strictObject({
  dsa: z
    .strictObject({
      title: text,
      summary: text,
      hours_per_week: hoursRange,
      stages: z.array(dsaStage).min(1),
      goal: text,
    })
    .optional(),
  oss: z
    .strictObject({
      title: text,
      phases: z.array(z.number().int().positive()).default([]),
      summary: text,
      targets: z
        .array(z.strictObject({ repo: repoName, name: text, why: text }))
        .min(1)
        .max(
          MAX_OSS_TARGETS,
          `at most ${MAX_OSS_TARGETS} target repositories: each is searched on every run`,
        ),
      bars: z.array(ossBar).default([]),
      capstone_notes: z.record(slug, text).default({}),
    })
    .optional(),
});

export const curriculumSchema = z.strictObject({
  id: slug,
  title: text,
  subtitle: text.optional(),
  prepared_for: text.optional(),
  edition: text.optional(),
  rationale: z
    .strictObject({ title: text, intro: text, points: texts.default([]), closing: text.optional() })
    .optional(),
  time_budget: z.strictObject({
    weekly_hours: hoursRange,
    total_hours: hoursRange.optional(),
    schedule: z.array(z.strictObject({ days: text, hours: text, notes: text.optional() })).default([]),
    split: z
      .strictObject({
        weekday: z.strictObject({ hours: hoursRange, work: texts }),
        weekend: z.strictObject({ hours: hoursRange, work: texts }),
      })
      .optional(),
    pacing_note: text.optional(),
  }),
  phases: z.array(phase).min(1, "a curriculum needs at least one phase"),
  weeks: z.array(week).min(1, "a curriculum needs at least one week"),
  projects: z.array(project).default([]),
  tracks: tracks.default({}),
  ai_rules: z
    .strictObject({ allowed: texts.default([]), not_allowed: texts.default([]), heuristic: text.optional() })
    .optional(),
  resources: z
    .array(z.strictObject({ name: text, type: text, when: text, url: z.url().optional() }))
    .default([]),
  outcomes: texts.default([]),
  closing: text.optional(),
});

export type CurriculumInput = z.input<typeof curriculumSchema>;
export type ParsedCurriculum = z.output<typeof curriculumSchema>;
export type Phase = ParsedCurriculum["phases"][number];
export type WeekEntry = ParsedCurriculum["weeks"][number];
export type Project = ParsedCurriculum["projects"][number];
export type OssBar = NonNullable<ParsedCurriculum["tracks"]["oss"]>["bars"][number];
export type DsaStage = NonNullable<ParsedCurriculum["tracks"]["dsa"]>["stages"][number];
