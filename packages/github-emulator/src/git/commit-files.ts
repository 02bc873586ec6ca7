import type { GitSignature, RepoRecord } from "../state.js";
import type { Store } from "../store.js";
import { applyTreeChanges, type TreeChange } from "./trees.js";

export interface FileCommit {
  branch: string;
  message: string;
  /** Path -> new content; `null` deletes the path. */
  files: Record<string, string | Buffer | null>;
  author: GitSignature;
  committer?: GitSignature;
  /** Signed with this account's key. */
  signedBy?: string;
}

/**
 * Commits file changes on top of a branch and moves the branch, as a push or the contents API does.
 * A missing branch starts from the default branch; in an empty repository it starts the history.
 */
export function commitFiles(store: Store, repo: RepoRecord, commit: FileCommit): string {
  const objects = store.git(repo);
  const branchRef = `refs/heads/${commit.branch}`;
  const parent = objects.ref(branchRef) ?? objects.ref(`refs/heads/${repo.defaultBranch}`);
  const baseTree = parent ? (objects.commit(parent)?.tree ?? null) : null;
  const changes: TreeChange[] = Object.entries(commit.files).map(([path, content]) => ({
    path,
    mode: "100644",
    type: "blob",
    sha:
      content === null ? null : objects.writeBlob(Buffer.isBuffer(content) ? content : Buffer.from(content)),
  }));
  const sha = objects.writeCommit({
    tree: applyTreeChanges(objects, baseTree, changes),
    parents: parent ? [parent] : [],
    message: commit.message,
    author: commit.author,
    committer: commit.committer ?? commit.author,
    ...(commit.signedBy ? { signedBy: commit.signedBy } : {}),
  });
  objects.setRef(branchRef, sha);
  repo.pushedAt = store.now();
  repo.updatedAt = repo.pushedAt;
  return sha;
}
