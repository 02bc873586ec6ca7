import type { TreeEntry, TreeEntryType } from "../state.js";
import type { GitObjects } from "./objects.js";

/** One path to set or remove in a tree; `sha: null` removes the path. */
export interface TreeChange {
  path: string;
  mode: string;
  type: TreeEntryType;
  sha: string | null;
}

export interface PathEntry {
  path: string;
  entry: TreeEntry;
}

export const TREE_MODE = "040000";

interface PendingChange {
  segments: string[];
  change: TreeChange;
}

/**
 * Writes the tree that results from applying `changes` to `base` (or to an empty tree), creating
 * and removing intermediate trees as git does: a directory left empty disappears.
 */
export function applyTreeChanges(
  objects: GitObjects,
  base: string | null,
  changes: readonly TreeChange[],
): string {
  const pending = changes.map((change) => ({ segments: change.path.split("/"), change }));
  return rewrite(objects, base, pending) ?? objects.writeTree([]);
}

function rewrite(objects: GitObjects, base: string | null, changes: readonly PendingChange[]): string | null {
  const entries = new Map(
    (base ? (objects.tree(base)?.entries ?? []) : []).map((entry) => [entry.name, entry]),
  );
  const deeper = new Map<string, PendingChange[]>();
  for (const { segments, change } of changes) {
    const [name, ...rest] = segments;
    if (name === undefined) continue;
    if (rest.length === 0) {
      if (change.sha === null) entries.delete(name);
      else entries.set(name, { name, mode: change.mode, type: change.type, sha: change.sha });
    } else {
      deeper.set(name, [...(deeper.get(name) ?? []), { segments: rest, change }]);
    }
  }
  for (const [name, subChanges] of deeper) {
    const existing = entries.get(name);
    const subtree = rewrite(objects, existing?.type === "tree" ? existing.sha : null, subChanges);
    if (subtree === null) entries.delete(name);
    else entries.set(name, { name, mode: TREE_MODE, type: "tree", sha: subtree });
  }
  return entries.size === 0 ? null : objects.writeTree([...entries.values()]);
}

/** The entry at `path` (slash-separated) under tree `treeSha`; the empty path is the tree itself. */
export function entryAt(objects: GitObjects, treeSha: string, path: string): TreeEntry | undefined {
  let current: TreeEntry = { name: "", mode: TREE_MODE, type: "tree", sha: treeSha };
  for (const segment of path.split("/").filter((part) => part !== "")) {
    if (current.type !== "tree") return undefined;
    const next = objects.tree(current.sha)?.entries.find((entry) => entry.name === segment);
    if (!next) return undefined;
    current = next;
  }
  return current;
}

/** Every entry under a tree, depth first in git's order; with `recursive: false`, only the top level. */
export function listTree(objects: GitObjects, treeSha: string, recursive: boolean, prefix = ""): PathEntry[] {
  const out: PathEntry[] = [];
  for (const entry of objects.tree(treeSha)?.entries ?? []) {
    const path = `${prefix}${entry.name}`;
    out.push({ path, entry });
    if (recursive && entry.type === "tree") out.push(...listTree(objects, entry.sha, true, `${path}/`));
  }
  return out;
}

/** Files (blobs and submodules) under a tree, by path. */
export function filesOf(objects: GitObjects, treeSha: string | null): Map<string, TreeEntry> {
  if (treeSha === null) return new Map();
  return new Map(
    listTree(objects, treeSha, true)
      .filter(({ entry }) => entry.type !== "tree")
      .map(({ path, entry }) => [path, entry]),
  );
}
