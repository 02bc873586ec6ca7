import { z } from "zod";
import { canonicalTimeZone, parsePlainDate } from "../calendar.js";
import { DEFAULT_CURRICULUM_ID } from "../curriculum/builtin.js";

const login = z.string().regex(
  // Legacy accounts may hold a double or trailing hyphen, so only the first character is stricter.
  /^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/,
  "expected a GitHub login: letters, digits and hyphens, at most 39 characters",
);

const repo = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/, 'expected a repository as "owner/name"');

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,38}$/, "expected a project slug (lowercase, digits, hyphens)");

const date = z.string().transform((value, context) => {
  const parsed = parsePlainDate(value);
  if (!parsed) {
    context.addIssue({
      code: "custom",
      message: `"${value}" is not a date (expected YYYY-MM-DD, e.g. 2026-03-02)`,
    });
    return z.NEVER;
  }
  return parsed;
});

const timeZone = z.string().transform((value, context) => {
  const canonical = canonicalTimeZone(value);
  if (!canonical) {
    context.addIssue({
      code: "custom",
      message: `unknown time zone "${value}" (expected an IANA name such as Europe/Berlin or Asia/Kolkata)`,
    });
    return z.NEVER;
  }
  return canonical;
});

/** Repositories whose pull requests and issues count: each is part of a search query on every run. */
export const MAX_OSS_REPOS = 100;

export const BACKFILL_POLICIES = ["close", "open", "skip"] as const;

export const configSchema = z.strictObject({
  learner: login.describe("GitHub login whose commits, pull requests and issue comments count"),
  emails: z
    .array(z.email("expected an email address"))
    .default([])
    .describe("Commit author emails that also count as the learner"),
  start: date.meta({
    description: "First day of week 1 (YYYY-MM-DD, any weekday)",
    format: "date",
    examples: ["2026-03-02"],
  }),
  timezone: timeZone.meta({
    description: "IANA time zone; weeks and deadlines are days in this zone",
    examples: ["Asia/Kolkata", "Europe/Berlin"],
  }),
  curriculum: z
    .string()
    .min(1)
    .default(DEFAULT_CURRICULUM_ID)
    .describe("A built-in curriculum id, or a path to a curriculum YAML file in this repository"),
  capstone: slug
    .optional()
    .describe(
      "The chosen option of the curriculum's choice group (e.g. docforge | formulaengine | ruleforge)",
    ),
  projects: z
    .record(slug, repo)
    .default({})
    .describe("Project slug -> repository (owner/name); projects left out are not tracked"),
  dsa: repo.optional().describe("Repository where DSA solutions are committed"),
  oss: z
    .strictObject({
      repos: z
        .array(repo)
        .min(1)
        .max(MAX_OSS_REPOS, `at most ${MAX_OSS_REPOS} repositories: each is searched on every run`)
        .optional(),
      substantive_min_lines: z.number().int().nonnegative().default(20),
      verdicts: z
        .record(
          z
            .string()
            .regex(
              /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}#[1-9]\d*$/,
              'expected a pull request as "owner/name#number"',
            ),
          z.enum(["substantive", "not-substantive"]),
        )
        .default({}),
    })
    .prefault({}),
  reminders: z
    .strictObject({
      lead_days: z
        .array(z.number().int().positive().max(366))
        .default([21, 7, 2])
        .transform((days) => [...new Set(days)].sort((a, b) => b - a)),
    })
    .prefault({}),
  readme: z
    .string()
    .min(1)
    .default("README.md")
    .describe("The file whose region between syllabot's markers is regenerated"),
  commit: z
    .strictObject({
      message: z
        .string()
        .trim()
        .min(1, "must not be empty")
        .max(200)
        .default("docs: refresh progress (syllabot)")
        .describe("Message of the commits that refresh the README, pictures and ledger"),
      author: z
        .strictObject({ name: z.string().trim().min(1), email: z.email("expected an email address") })
        .optional()
        .describe("Author of those commits (default: the app or token's identity)"),
    })
    .prefault({}),
  labels: z
    .strictObject({
      prefix: z
        .string()
        .regex(
          /^[^\s,:][^,:]{0,19}$/,
          "expected a label prefix of at most 20 characters, without commas or colons",
        )
        .default("syllabot"),
    })
    .prefault({}),
  issues_ahead: z
    .union([z.literal("all"), z.number().int().nonnegative()])
    .default("all")
    .describe(
      "Create week and project issues only up to this many weeks ahead of the current week (all: every week at once)",
    ),
  backfill: z
    .enum(BACKFILL_POLICIES)
    .default("close")
    .describe("Weeks that ended before installation: created closed, created open, or not created"),
});

export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;
export type BackfillPolicy = Config["backfill"];
