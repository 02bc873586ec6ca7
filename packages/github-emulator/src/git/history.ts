import type { GitCommit } from "../state.js";
import type { GitObjects } from "./objects.js";

export interface CommitWithSha {
  sha: string;
  commit: GitCommit;
}

/** Whether `ancestor` is `descendant` or reachable from it through parents. */
export function isAncestor(objects: GitObjects, ancestor: string, descendant: string): boolean {
  const seen = new Set<string>();
  const queue = [descendant];
  for (let sha = queue.pop(); sha !== undefined; sha = queue.pop()) {
    if (sha === ancestor) return true;
    if (seen.has(sha)) continue;
    seen.add(sha);
    queue.push(...(objects.commit(sha)?.parents ?? []));
  }
  return false;
}

/** Commits reachable from `head`, newest committer date first (ties: the order they were reached), as `git log` lists them. */
export function history(objects: GitObjects, head: string): CommitWithSha[] {
  const seen = new Set<string>();
  const out: CommitWithSha[] = [];
  const queue = [head];
  for (let sha = queue.shift(); sha !== undefined; sha = queue.shift()) {
    if (seen.has(sha)) continue;
    seen.add(sha);
    const commit = objects.commit(sha);
    if (!commit) continue;
    out.push({ sha, commit });
    queue.push(...commit.parents);
  }
  const order = new Map(out.map(({ sha }, index) => [sha, index]));
  return out.sort(
    (left, right) =>
      Date.parse(right.commit.committer.date) - Date.parse(left.commit.committer.date) ||
      (order.get(left.sha) ?? 0) - (order.get(right.sha) ?? 0),
  );
}
