import type { CommitEvidence } from "./evidence.js";

/** A commit as a `push` event lists it (the app's webhook and the Action's event file alike). */
export interface PushedCommit {
  id: string;
  message: string;
  url: string;
  timestamp: string;
  author: { username?: string | null; email?: string | null };
  committer: { username?: string | null };
  added?: readonly string[] | null;
  modified?: readonly string[] | null;
  removed?: readonly string[] | null;
}

/** What a `push` event says about where it went. */
export interface PushTarget {
  ref: string;
  deleted?: boolean | null;
  repository: { full_name: string; default_branch?: string | null };
}

/**
 * The paths a pushed commit touched. GitHub lists at most 3,000 files of a commit here, as the
 * commits API does: past that, attribution to a project's folder reads the files listed, as a
 * re-read would.
 */
export function pushedFiles(commit: PushedCommit): string[] {
  return [...(commit.added ?? []), ...(commit.modified ?? []), ...(commit.removed ?? [])];
}

/** A push's commits as evidence; whether each counts is judged later, by where it was pushed. */
export function pushEvidence(repo: string, commits: readonly PushedCommit[]): CommitEvidence[] {
  return commits.map((commit) => ({
    sha: commit.id,
    message: commit.message,
    repo,
    url: commit.url,
    timestamp: commit.timestamp,
    authorLogin: commit.author.username ?? null,
    authorEmail: commit.author.email ?? null,
    committerLogin: commit.committer.username ?? null,
    files: pushedFiles(commit),
  }));
}

/**
 * Why a push tracks nothing, or undefined when it is a push to the default branch: a deleted
 * branch, a tag, another branch (its commits count when they reach the default branch).
 */
export function untrackedPush(push: PushTarget): string | undefined {
  const { ref, repository } = push;
  if (push.deleted) return `the push deleted ${ref}`;
  if (ref.startsWith("refs/tags/")) return `the push is of the tag ${ref.slice("refs/tags/".length)}`;
  const branch = repository.default_branch;
  if (!branch) return `the event does not name ${repository.full_name}'s default branch`;
  if (ref !== `refs/heads/${branch}`)
    return `the push is to ${ref.replace(/^refs\/heads\//, "")}, not to the default branch ${branch} (its commits count when they reach ${branch})`;
  return undefined;
}
