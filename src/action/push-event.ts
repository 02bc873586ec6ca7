import { readFileSync } from "node:fs";
import { z } from "zod";
import { UsageError } from "../errors.js";
import type { PushedCommit, PushTarget } from "../progress/push.js";

/**
 * The workflow's event, read from the file the runner names (GITHUB_EVENT_PATH), as
 * `@actions/github`'s `context` would read it, but checked: only what syllabot uses, each field
 * validated, and a broken file is one error naming it. (`context` is built when its module loads,
 * parses the file with a bare JSON.parse whose SyntaxError names no file, and types the payload as
 * `any`: every run of every command would depend on a file only `track` in a project reads.)
 */

const login = z.string().nullish();
const paths = z.array(z.string()).nullish();

const pushedCommit = z.object({
  id: z.string().regex(/^[0-9a-f]{40}$/, "a commit SHA (40 hexadecimal digits)"),
  message: z.string(),
  url: z.string(),
  timestamp: z.string().refine((value) => !Number.isNaN(Date.parse(value)), "a date and time"),
  author: z.object({ username: login, email: z.string().nullish() }),
  committer: z.object({ username: login }),
  added: paths,
  modified: paths,
  removed: paths,
});

const pushPayload = z.object({
  ref: z.string(),
  deleted: z.boolean().nullish(),
  repository: z.object({
    full_name: z.string().regex(/^[^/\s]+\/[^/\s]+$/, "OWNER/NAME"),
    default_branch: z.string().nullish(),
  }),
  commits: z.array(pushedCommit),
});

export interface PushEvent extends PushTarget {
  commits: PushedCommit[];
}

export type WorkflowEvent = { name: "push"; push: PushEvent; path: string } | { name: string; path?: string };

/** The event that started the run; a push's payload is read and validated, other events only named. */
export function readWorkflowEvent(env: NodeJS.ProcessEnv): WorkflowEvent {
  const name = env.GITHUB_EVENT_NAME ?? "";
  if (!name) throw new UsageError("GITHUB_EVENT_NAME is not set: run syllabot in a workflow");
  if (name !== "push") return { name };
  const path = env.GITHUB_EVENT_PATH ?? "";
  if (!path) throw new UsageError("GITHUB_EVENT_PATH is not set: run syllabot in a workflow");
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(
      `the event file ${path} (GITHUB_EVENT_PATH) cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `the event file ${path} (GITHUB_EVENT_PATH) is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = pushPayload.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${issue.path.length > 0 ? issue.path.join(".") : "(the payload)"}: ${issue.message}`,
    );
    throw new UsageError(
      `the event file ${path} (GITHUB_EVENT_PATH) is not a push event's payload:\n${problems.join("\n")}`,
    );
  }
  return { name, push: parsed.data, path };
}
