import type { DiffStatus } from "../state.js";
import type { GitObjects } from "./objects.js";
import { filesOf } from "./trees.js";

export interface FileDiff {
  filename: string;
  status: DiffStatus;
  /** The blob after the change, or before it for a removed file. */
  sha: string;
  additions: number;
  deletions: number;
}

/** Files that differ between two trees, by path, with line counts as GitHub reports them. */
export function diffTrees(objects: GitObjects, before: string | null, after: string): FileDiff[] {
  const old = filesOf(objects, before);
  const current = filesOf(objects, after);
  const text = (sha: string | undefined) =>
    sha === undefined ? "" : Buffer.from(objects.blob(sha)?.content ?? "", "base64").toString("utf8");
  const diffs: FileDiff[] = [];
  for (const filename of [...new Set([...old.keys(), ...current.keys()])].sort()) {
    const was = old.get(filename);
    const now = current.get(filename);
    if (was?.sha === now?.sha) continue;
    const status: DiffStatus = !was ? "added" : !now ? "removed" : "modified";
    const counts = lineChanges(text(was?.sha), text(now?.sha));
    diffs.push({ filename, status, sha: (now ?? was)?.sha ?? "", ...counts });
  }
  return diffs;
}

/** Splits text into lines; a last line without a newline differs from the same line with one, as in git. */
function linesOf(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  else lines[lines.length - 1] += "\\ No newline at end of file";
  return lines;
}

/** Beyond this many cells the exact diff costs too much memory; counts are then a multiset estimate. */
const MAX_DIFF_CELLS = 4_000_000;

/** Lines added and removed between two texts: the complement of their longest common subsequence. */
export function lineChanges(before: string, after: string): { additions: number; deletions: number } {
  let old = linesOf(before);
  let current = linesOf(after);
  let start = 0;
  while (start < old.length && start < current.length && old[start] === current[start]) start++;
  let endOld = old.length;
  let endCurrent = current.length;
  while (endOld > start && endCurrent > start && old[endOld - 1] === current[endCurrent - 1]) {
    endOld--;
    endCurrent--;
  }
  old = old.slice(start, endOld);
  current = current.slice(start, endCurrent);
  const common =
    old.length * current.length <= MAX_DIFF_CELLS ? commonLength(old, current) : sharedCount(old, current);
  return { additions: current.length - common, deletions: old.length - common };
}

function commonLength(left: readonly string[], right: readonly string[]): number {
  let previous = new Int32Array(right.length + 1);
  let row = new Int32Array(right.length + 1);
  for (const line of left) {
    for (let column = 1; column <= right.length; column++) {
      row[column] =
        line === right[column - 1]
          ? (previous[column - 1] ?? 0) + 1
          : Math.max(previous[column] ?? 0, row[column - 1] ?? 0);
    }
    [previous, row] = [row, previous];
  }
  return previous[right.length] ?? 0;
}

function sharedCount(left: readonly string[], right: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const line of left) counts.set(line, (counts.get(line) ?? 0) + 1);
  let shared = 0;
  for (const line of right) {
    const available = counts.get(line) ?? 0;
    if (available > 0) {
      shared++;
      counts.set(line, available - 1);
    }
  }
  return shared;
}
