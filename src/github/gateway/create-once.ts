import { GitHubError, github, isStatus, outcomeUnknown, toGitHubError } from "../errors.js";
import type { Repository } from "./context.js";

/** How often a create whose outcome was lost is checked and tried again. */
const CREATE_ATTEMPTS = 3;

/** Creates are never re-sent by the retry plugin: a lost answer is settled by re-reading by key. */
export const NO_BLIND_RETRY = { request: { retries: 0 } } as const;

/**
 * Create, and when the answer is lost (5xx, timeout, dropped connection), look the object up by
 * key: it exists if the write went through, and only if it is still missing is it created again.
 * A 422 "already exists" (e.g. a milestone title taken) is settled the same way.
 */
export async function createOnce<T>(
  repository: Repository,
  action: string,
  find: () => Promise<T | undefined>,
  create: () => Promise<T>,
): Promise<T> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= CREATE_ATTEMPTS; attempt++) {
    try {
      return await create();
    } catch (error) {
      if (error instanceof GitHubError) throw error;
      const alreadyExists =
        isStatus(error, 422) &&
        JSON.stringify((error as { response?: { data?: unknown } }).response?.data ?? "").includes(
          "already_exists",
        );
      if (!outcomeUnknown(error) && !alreadyExists) throw toGitHubError(error, repository.repo, action);
      lastError = error;
      const existing = await github(repository.repo, `${action} (checking whether it exists)`, find);
      if (existing) return existing;
      if (alreadyExists) break;
    }
  }
  throw toGitHubError(lastError, repository.repo, action);
}
