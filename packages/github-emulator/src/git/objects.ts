import { createHash } from "node:crypto";
import type { GitBlob, GitCommit, GitObject, GitRecord, GitSignature, GitTree, TreeEntry } from "../state.js";

/** The object id git gives `payload` stored as `type`: SHA-1 of `"<type> <length>\0<payload>"`. */
export function hashObject(type: GitObject["type"], payload: Buffer): string {
  return createHash("sha1")
    .update(Buffer.concat([Buffer.from(`${type} ${payload.length}\0`), payload]))
    .digest("hex");
}

/** Git orders a tree's entries bytewise by name, comparing a subtree's name as if it ended in `/`. */
export function sortTreeEntries(entries: readonly TreeEntry[]): TreeEntry[] {
  const key = (entry: TreeEntry) => Buffer.from(entry.type === "tree" ? `${entry.name}/` : entry.name);
  return [...entries].sort((left, right) => Buffer.compare(key(left), key(right)));
}

function serializeTree(entries: readonly TreeEntry[]): Buffer {
  return Buffer.concat(
    entries.flatMap((entry) => [
      // The API shows trees as 040000; git writes 40000.
      Buffer.from(`${entry.mode.replace(/^0+/, "")} ${entry.name}\0`),
      Buffer.from(entry.sha, "hex"),
    ]),
  );
}

function signatureLine(role: string, signature: GitSignature): string {
  const seconds = Math.floor(Date.parse(signature.date) / 1000);
  return `${role} ${signature.name} <${signature.email}> ${seconds} +0000\n`;
}

function serializeCommit(commit: Omit<GitCommit, "type">): Buffer {
  const lines = [
    `tree ${commit.tree}\n`,
    ...commit.parents.map((parent) => `parent ${parent}\n`),
    signatureLine("author", commit.author),
    signatureLine("committer", commit.committer),
    ...(commit.signedBy ? [`gpgsig ${pgpSignature(commit.signedBy).replace(/\n/g, "\n ")}\n`] : []),
    "\n",
    commit.message,
  ];
  return Buffer.from(lines.join(""));
}

/** A stand-in for an ASCII-armoured signature by `login`'s key: the emulator checks no cryptography. */
export function pgpSignature(login: string): string {
  const body = Buffer.from(`signed by ${login}`).toString("base64");
  return `-----BEGIN PGP SIGNATURE-----\n\n${body}\n-----END PGP SIGNATURE-----`;
}

/** The object store of one repository. Objects are immutable and named by their hash. */
export class GitObjects {
  constructor(private readonly git: GitRecord) {}

  get(sha: string): GitObject | undefined {
    return Object.hasOwn(this.git.objects, sha) ? this.git.objects[sha] : undefined;
  }

  blob(sha: string): GitBlob | undefined {
    const object = this.get(sha);
    return object?.type === "blob" ? object : undefined;
  }

  /** A blob's length in bytes, from its base64 text without decoding it; 0 for no blob. */
  blobSize(sha: string): number {
    const base64 = this.blob(sha)?.content ?? "";
    const padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
    return (base64.length / 4) * 3 - padding;
  }

  tree(sha: string): GitTree | undefined {
    const object = this.get(sha);
    return object?.type === "tree" ? object : undefined;
  }

  commit(sha: string): GitCommit | undefined {
    const object = this.get(sha);
    return object?.type === "commit" ? object : undefined;
  }

  writeBlob(bytes: Buffer): string {
    const sha = hashObject("blob", bytes);
    this.git.objects[sha] = { type: "blob", content: bytes.toString("base64") };
    return sha;
  }

  writeTree(entries: readonly TreeEntry[]): string {
    const sorted = sortTreeEntries(entries);
    const sha = hashObject("tree", serializeTree(sorted));
    this.git.objects[sha] = { type: "tree", entries: sorted };
    return sha;
  }

  writeCommit(commit: Omit<GitCommit, "type">): string {
    const sha = hashObject("commit", serializeCommit(commit));
    this.git.objects[sha] = { type: "commit", ...commit };
    return sha;
  }

  /** Resolves a branch name, a full or short ref, or a commit SHA to a commit SHA. */
  resolveCommitish(commitish: string): string | undefined {
    const refs = this.git.refs;
    for (const name of [
      commitish,
      `refs/heads/${commitish}`,
      `refs/tags/${commitish}`,
      `refs/${commitish}`,
    ]) {
      const target = Object.hasOwn(refs, name) ? refs[name] : undefined;
      if (target !== undefined) return target;
    }
    if (/^[0-9a-f]{40}$/.test(commitish) && this.commit(commitish)) return commitish;
    if (/^[0-9a-f]{7,39}$/.test(commitish)) {
      const matches = Object.keys(this.git.objects).filter(
        (sha) => sha.startsWith(commitish) && this.commit(sha) !== undefined,
      );
      if (matches.length === 1) return matches[0];
    }
    return undefined;
  }

  ref(name: string): string | undefined {
    return Object.hasOwn(this.git.refs, name) ? this.git.refs[name] : undefined;
  }

  setRef(name: string, sha: string): void {
    this.git.refs[name] = sha;
  }

  deleteRef(name: string): void {
    delete this.git.refs[name];
  }

  refNames(): string[] {
    return Object.keys(this.git.refs).sort();
  }

  get isEmpty(): boolean {
    return Object.keys(this.git.refs).length === 0;
  }
}
