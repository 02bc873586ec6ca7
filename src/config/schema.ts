import { z } from "zod";
import { canonicalTimeZone, parsePlainDate } from "../calendar.js";
import { DEFAULT_CURRICULUM_ID } from "../curriculum/builtin.js";
import { describe } from "../yaml/validate.js";
import type { ProjectLocation } from "./project-location.js";
import {
  curriculumPathProblem,
  MAX_REPOSITORY_PATH_LENGTH,
  normalizedFolder,
  projectFolderProblem,
  readmePathProblem,
} from "./repository-path.js";

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

/** A path in the repository, checked by `problem`, which says why a value is refused. */
function repositoryPath(problem: (value: string) => string | undefined) {
  return (
    z
      .string()
      .check((context) => {
        const message = problem(context.value);
        if (message) context.issues.push({ code: "custom", message, input: context.value });
      })
      // For editors: the part of the rules a JSON Schema can say.
      .meta({ minLength: 1, maxLength: MAX_REPOSITORY_PATH_LENGTH })
  );
}

/**
 * Where a project lives: "owner/name" for a whole repository, or `{repo, path}` for a folder of
 * one (several projects in one repository). Either way the config holds a `ProjectLocation`.
 */
const projectLocation = z
  .union(
    [
      repo.describe("The project's repository (owner/name): all of it is the project's"),
      z
        .strictObject({
          repo: repo.describe("The repository (owner/name) holding the project"),
          path: repositoryPath(projectFolderProblem)
            .optional()
            .describe(
              "The project's folder, from the repository's root (e.g. services/api): commits count for the project when they change a file in it. Left out: the whole repository",
            ),
        })
        .describe(
          "A project that is a folder of a repository, e.g. {repo: octocat/monorepo, path: services/api}",
        ),
    ],
    {
      // Neither a text nor a mapping: say what either form is (each form says what is wrong in it).
      error: (issue) =>
        typeof issue.input === "string" ||
        (typeof issue.input === "object" && issue.input !== null && !Array.isArray(issue.input))
          ? undefined
          : 'expected a repository as "owner/name", or {repo: owner/name, path: folder}',
    },
  )
  .transform(
    (value): ProjectLocation =>
      typeof value === "string"
        ? { repo: value }
        : { repo: value.repo, ...(value.path === undefined ? {} : { path: normalizedFolder(value.path) }) },
  );

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

/**
 * What one config may ask for: far above any learner's need, low enough that a config (a
 * stranger's, in a pull request) cannot make syllabot do unbounded work. The file's own cap
 * (MAX_CONFIG_BYTES) bounds the work of reading it; these bound the work it asks for.
 */
export const CONFIG_LIMITS = {
  emails: 20,
  projects: 100,
  workRepos: 100,
  choices: 100,
  verdicts: 1000,
  leadDays: 10,
  issuesAhead: 1000,
  substantiveMinLines: 100_000,
  authorName: 100,
} as const;

/** A record of at most `max` entries, said so in the JSON Schema too. */
function bounded<T extends z.ZodRecord>(record: T, max: number, what: string): T {
  return record
    .refine((value) => Object.keys(value).length <= max, `at most ${max} ${what}`)
    .meta({ maxProperties: max });
}

export const configSchema = z.strictObject({
  learner: login.describe("GitHub login whose commits, pull requests and issue comments count"),
  emails: z
    .array(z.email("expected an email address"))
    .max(CONFIG_LIMITS.emails, `at most ${CONFIG_LIMITS.emails} emails`)
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
  curriculum: repositoryPath(curriculumPathProblem)
    .default(DEFAULT_CURRICULUM_ID)
    .describe(
      "A built-in curriculum id, or the path of a curriculum YAML file from this repository's root (the folder holding .github/)",
    ),
  capstone: slug
    .optional()
    .describe(
      "The chosen option of the curriculum's choice group (e.g. docforge | formulaengine | ruleforge)",
    ),
  choices: bounded(z.record(slug, slug), CONFIG_LIMITS.choices, "choices")
    .default({})
    .describe(
      "Choice group -> the chosen option (a project slug), for a curriculum with several choice groups, e.g. {capstone: formulaengine, elective: cli}",
    ),
  projects: bounded(z.record(slug, projectLocation), CONFIG_LIMITS.projects, "projects")
    .default({})
    .describe(
      "Project slug -> repository (owner/name), or {repo, path} for a project that is a folder of a repository; projects left out are not tracked",
    ),
  trusted_authors: z
    .array(
      z
        .string()
        .regex(
          /^[A-Za-z0-9][A-Za-z0-9-]{0,38}(\[bot\])?$/,
          "expected a GitHub login, or an app's bot such as github-actions[bot]",
        ),
    )
    .max(20)
    .default([])
    .describe(
      "Accounts besides the learner and syllabot's own whose syllabot markers in issues and comments count, e.g. the identity an earlier setup wrote as (github-actions[bot] when moving from the Action to the app)",
    ),
  trusted_repos: z
    .array(repo)
    .max(100)
    .default([])
    .describe(
      "Repositories the learner does not own (an organization's, a friend's) whose commits count when they carry the learner's login or email, as in the learner's own; elsewhere only commits GitHub verified as signed by the learner count",
    ),
  dsa: repo.optional().describe("Repository where DSA solutions are committed"),
  work_repos: z
    .array(repo)
    .max(CONFIG_LIMITS.workRepos, `at most ${CONFIG_LIMITS.workRepos} repositories`)
    .default([])
    .describe(
      "Repositories besides the projects' whose commits count as the learner's work: they close weeks (`closes week 3`) and log hours. A course without projects names here where its work is committed",
    ),
  oss: z
    .strictObject({
      repos: z
        .array(repo)
        .min(1, "must list at least 1 repository; leave it out to search the curriculum's targets")
        .max(MAX_OSS_REPOS, `at most ${MAX_OSS_REPOS} repositories: each is searched on every run`)
        .optional()
        .describe(
          "Repositories (owner/name) whose pull requests and issues count for the open-source track (default: the curriculum's targets)",
        ),
      substantive_min_lines: z
        .number()
        .int()
        .nonnegative()
        .max(CONFIG_LIMITS.substantiveMinLines)
        .default(20)
        .describe("Changed lines of code (not docs or tests) that make a merged pull request substantive"),
      verdicts: bounded(
        z.record(
          z
            .string()
            .regex(
              /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}#[1-9]\d*$/,
              'expected a pull request as "owner/name#number"',
            ),
          z.enum(["substantive", "not-substantive"]),
        ),
        CONFIG_LIMITS.verdicts,
        "verdicts",
      )
        .default({})
        .describe(
          'Your verdict on a pull request ("owner/name#number": substantive | not-substantive), which wins over the line count',
        ),
    })
    .prefault({})
    .describe("The open-source track: where contributions count and what is substantive"),
  reminders: z
    .strictObject({
      lead_days: z
        .array(z.number().int().positive().max(366))
        .max(CONFIG_LIMITS.leadDays, `at most ${CONFIG_LIMITS.leadDays} lead days`)
        .default([21, 7, 2])
        .transform((days) => [...new Set(days)].sort((a, b) => b - a))
        .describe(
          "Days before a phase's last day on which an open-source bar not yet met opens or updates a reminder issue",
        ),
    })
    .prefault({})
    .describe("Reminders of the open-source bars"),
  readme: repositoryPath(readmePathProblem)
    .default("README.md")
    .describe(
      "The Markdown file (.md, from the repository's root; not in .git or .syllabot/) whose region between syllabot's markers is regenerated",
    ),
  commit: z
    .strictObject({
      message: z
        .string()
        .trim()
        .min(1, "must not be empty")
        .max(200)
        .default("docs: refresh progress (syllabot)")
        .describe("Message of the commits that refresh the README, pictures, ledger and calendar"),
      author: z
        .strictObject({
          name: z.string().trim().min(1).max(CONFIG_LIMITS.authorName).describe("The author's name"),
          email: z.email("expected an email address").describe("The author's email address"),
        })
        .optional()
        .describe("Author of those commits (default: the app or token's identity)"),
    })
    .prefault({})
    .describe("The commits syllabot makes to refresh the README"),
  labels: z
    .strictObject({
      prefix: z
        .string()
        .regex(
          /^[^\s,:][^,:]{0,19}$/,
          "expected a label prefix of at most 20 characters, without commas or colons",
        )
        .default("syllabot")
        .describe(
          'Prefix of the labels syllabot manages: "<prefix>", "<prefix>:week", "<prefix>:phase-3", …',
        ),
    })
    .prefault({})
    .describe("The labels syllabot manages"),
  issues_ahead: z
    .union([z.literal("all"), z.number().int().nonnegative().max(CONFIG_LIMITS.issuesAhead)], {
      error: (issue) =>
        `expected "all" or a number of weeks (0 to ${CONFIG_LIMITS.issuesAhead}), got ${describe(issue.input)}`,
    })
    .default("all")
    .describe(
      "Create week and project issues only up to this many weeks ahead of the current week (all: every week at once)",
    ),
  sub_issues: z
    .boolean()
    .default(true)
    .describe(
      "Make each project's week issues sub-issues of its project issue, so GitHub shows the project's progress (false: leave them unlinked)",
    ),
  backfill: z
    .enum(BACKFILL_POLICIES)
    .default("close")
    .describe("Weeks that ended before installation: created closed, created open, or not created"),
});

export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;
export type BackfillPolicy = Config["backfill"];
