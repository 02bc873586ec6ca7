import type { Temporal } from "temporal-polyfill";
import { canonicalTimeZone } from "../calendar.js";
import { configSchema } from "../config/schema.js";
import type { Curriculum } from "../curriculum/load.js";

/**
 * Each answer checked as the config's schema checks that key, so `init` refuses at once what
 * `syllabot validate` would refuse later. Each returns the problem, or undefined.
 */
const fields = configSchema.shape;

function problemOf(
  schema: { safeParse(value: unknown): { success: boolean; error?: unknown } },
  value: unknown,
) {
  const result = schema.safeParse(value);
  if (result.success) return undefined;
  const issues = (result.error as { issues?: { message: string }[] }).issues ?? [];
  return issues[0]?.message ?? "not valid";
}

export const answerProblem = {
  learner: (value: string) => problemOf(fields.learner, value),
  email: (value: string) => problemOf(fields.emails, [value]),
  start: (value: string) => problemOf(fields.start, value),
  timezone: (value: string) => problemOf(fields.timezone, value),
  repository: (value: string) => problemOf(fields.dsa, value),
  owner: (value: string) => problemOf(fields.learner, value),
  option: (value: string, options: readonly string[]) =>
    options.includes(value) ? undefined : `expected one of ${options.join(" | ")}`,
} as const;

/** The Monday on or after `today`: a course usually starts on a week's first day. */
export function nextMonday(today: Temporal.PlainDate): Temporal.PlainDate {
  return today.add({ days: (8 - today.dayOfWeek) % 7 });
}

/** The system's zone as the config spells zones, or UTC when the system names none syllabot knows. */
export function defaultTimeZone(systemZone: string | undefined): string {
  return (systemZone && canonicalTimeZone(systemZone)) || "UTC";
}

/**
 * The account a clone's `origin` belongs to, when it is on GitHub (https, ssh or scp-like URLs);
 * the portfolio's owner is the learner in nearly every case.
 */
export function ownerFromRemote(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const match =
    /^(?:https?:\/\/(?:[^@/]+@)?github\.com\/|(?:ssh:\/\/)?git@github\.com[:/])([^/]+)\/[^/]+?(?:\.git)?\/?$/.exec(
      url.trim(),
    );
  const owner = match?.[1];
  return owner !== undefined && answerProblem.owner(owner) === undefined ? owner : undefined;
}

/** Each planned project in a repository of its own, named by its slug, under `owner`. */
export function defaultProjects(curriculum: Curriculum, owner: string): Record<string, string> {
  return Object.fromEntries(curriculum.projects.map((project) => [project.slug, `${owner}/${project.slug}`]));
}
