import { redactSecrets } from "../text/redact.js";
import { connectionFailure, describeConnectionFailure } from "./connection-failure.js";

/**
 * A failed GitHub request, in the learner's terms: what was being done, where, and what GitHub said.
 * What the server said is foreign text that may echo the request's headers: it is redacted.
 */
export class GitHubError extends Error {
  override readonly name = "GitHubError";
  readonly status: number | undefined;
  readonly repo: string;
  readonly action: string;

  constructor(options: {
    status: number | undefined;
    repo: string;
    action: string;
    detail: string;
    cause?: unknown;
  }) {
    const status = options.status === undefined ? "" : ` (HTTP ${options.status})`;
    super(redactSecrets(`GitHub: ${options.action} in ${options.repo} failed${status}: ${options.detail}`), {
      cause: options.cause,
    });
    this.status = options.status;
    this.repo = options.repo;
    this.action = options.action;
  }
}

interface RequestErrorLike {
  status?: number;
  message?: string;
  request?: { url?: string };
  response?: { data?: unknown; headers?: Record<string, string | undefined> };
}

/** Whether a failed write may still have happened (the answer was lost), so it must not be repeated blindly. */
export function outcomeUnknown(error: unknown): boolean {
  const status = (error as RequestErrorLike).status;
  return status === undefined || status >= 500;
}

export function isStatus(error: unknown, ...statuses: number[]): boolean {
  return statuses.includes((error as RequestErrorLike).status ?? -1);
}

/** Run one GitHub call; an Octokit error becomes a GitHubError naming the repo and the action. */
export async function github<T>(repo: string, action: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof GitHubError) throw error;
    throw toGitHubError(error, repo, action);
  }
}

export function toGitHubError(error: unknown, repo: string, action: string): GitHubError {
  const { status, request, response, message } = error as RequestErrorLike;
  // No HTTP answer at all: Octokit's "500" is made up; say what failed instead.
  const failure = connectionFailure(error);
  if (failure) {
    const detail = describeConnectionFailure(failure, request?.url);
    return new GitHubError({ status: undefined, repo, action, detail, cause: error });
  }
  return new GitHubError({
    status,
    repo,
    action,
    detail: explain(status, response?.data, message),
    cause: error,
  });
}

function explain(status: number | undefined, data: unknown, fallback: string | undefined): string {
  const body = (data ?? {}) as {
    message?: string;
    errors?: { field?: string; code?: string; message?: string }[];
  };
  const said = body.message ?? fallback ?? "unknown error";
  const details = (body.errors ?? [])
    .map((entry) => entry.message ?? [entry.field, entry.code].filter(Boolean).join(" "))
    .filter(Boolean);
  const text = details.length > 0 ? `${said}: ${details.join("; ")}` : said;
  switch (status) {
    case 401:
      return `${text} (the token is missing, wrong or expired)`;
    case 403:
      return `${text} (the token lacks a permission: syllabot needs Issues read and write, and Contents read and write)`;
    case 404:
      return `${text} (the repository does not exist, or the token cannot see it)`;
    case undefined:
      return `${text} (the server could not be reached or did not answer)`;
    default:
      return text;
  }
}
