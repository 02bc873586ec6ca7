import { createHash } from "node:crypto";

/** The SHA git gives a blob with this text: equal SHAs, equal files. */
export function gitBlobSha(text: string): string {
  const bytes = Buffer.from(text, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

/** Bytes of blob text one store keeps; the least recently used go first. */
const DEFAULT_LIMIT_BYTES = 2 * 1024 * 1024;
/** A blob larger than this is never kept: one file must not push out all the others. */
const LARGEST_KEPT_BYTES = 512 * 1024;
/** Paths whose last known blob one store remembers. */
const PATH_LIMIT = 500;

/**
 * What syllabot last knew of files, so that it need not read them again. A blob's text never
 * changes, so a tree listing naming a known blob SHA needs no read of that file, however the file
 * came to be there. And the blob SHA last seen at a path lets a one-file write (the contents API)
 * go without reading the file first: if the file moved since, GitHub refuses the write (409) and
 * the caller reads and tries again. Nothing here is trusted to be current; only blob texts are
 * facts. Bounded in bytes and paths, so a process serving many installations stays small.
 */
export class KnownFiles {
  private readonly blobs = new Map<string, string>();
  private readonly paths = new Map<string, string>();
  private readonly branches = new Map<string, string>();
  private bytes = 0;

  constructor(private readonly limitBytes = DEFAULT_LIMIT_BYTES) {}

  /** The text of the blob with this SHA, when known. */
  text(sha: string): string | undefined {
    const text = this.blobs.get(sha);
    if (text === undefined) return undefined;
    this.blobs.delete(sha);
    this.blobs.set(sha, text);
    return text;
  }

  /** The blob last seen at `path` in `repo`, with its text, when both are still known. */
  latest(repo: string, path: string): { sha: string; text: string } | undefined {
    const sha = this.paths.get(pathKey(repo, path));
    if (sha === undefined) return undefined;
    const text = this.text(sha);
    return text === undefined ? undefined : { sha, text };
  }

  /** A file as read or written: its blob's text, and (with a path) that it was last seen there. */
  learn(text: string, where?: { repo: string; path: string }, sha = gitBlobSha(text)): string {
    if (where) {
      const key = pathKey(where.repo, where.path);
      this.paths.delete(key);
      this.paths.set(key, sha);
      if (this.paths.size > PATH_LIMIT) this.paths.delete(this.paths.keys().next().value as string);
    }
    const size = Buffer.byteLength(text, "utf8");
    if (size > LARGEST_KEPT_BYTES || this.blobs.has(sha)) return sha;
    this.blobs.set(sha, text);
    this.bytes += size;
    for (const [oldest, oldText] of this.blobs) {
      if (this.bytes <= this.limitBytes) break;
      this.blobs.delete(oldest);
      this.bytes -= Buffer.byteLength(oldText, "utf8");
    }
    return sha;
  }

  /** The default branch `repo` had when last seen: a commit's ref, without asking each time. */
  defaultBranch(repo: string): string | undefined {
    return this.branches.get(repo.toLowerCase());
  }

  learnDefaultBranch(repo: string, branch: string | undefined): void {
    if (branch === undefined) this.branches.delete(repo.toLowerCase());
    else this.branches.set(repo.toLowerCase(), branch);
    if (this.branches.size > PATH_LIMIT) this.branches.delete(this.branches.keys().next().value as string);
  }

  /** The file at `path` is not what was last seen there (a write was refused, it was deleted). */
  forget(repo: string, path: string): void {
    this.paths.delete(pathKey(repo, path));
  }
}

const pathKey = (repo: string, path: string) => `${repo.toLowerCase()}\0${path}`;

const perClient = new WeakMap<object, KnownFiles>();

/**
 * The store a client carries (Probot's clients get their installation's, see probot-octokit.ts),
 * else one kept for that client object.
 */
export function knownFilesOf(client: object): KnownFiles {
  const carried = (client as { knownFiles?: unknown }).knownFiles;
  if (carried instanceof KnownFiles) return carried;
  let store = perClient.get(client);
  if (!store) {
    store = new KnownFiles();
    perClient.set(client, store);
  }
  return store;
}

/** An Octokit plugin: the client carries the store handed in (`knownFiles`), else a new one. */
export function knownFilesPlugin(_octokit: unknown, options: object = {}) {
  const handed = (options as { knownFiles?: unknown }).knownFiles;
  return { knownFiles: handed instanceof KnownFiles ? handed : new KnownFiles() };
}
