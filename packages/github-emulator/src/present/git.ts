import type { components } from "@octokit/openapi-types";
import type { FileDiff } from "../git/diff.js";
import type { GitObjects } from "../git/objects.js";
import { pgpSignature } from "../git/objects.js";
import { listTree } from "../git/trees.js";
import type { GitCommit, RepoRecord, TreeEntry } from "../state.js";
import type { Store } from "../store.js";
import type { Urls } from "../urls.js";
import { presentUser } from "./users.js";

type Schemas = components["schemas"];

const UNSIGNED: Schemas["verification"] = {
  verified: false,
  reason: "unsigned",
  signature: null,
  payload: null,
  verified_at: null,
};

/** What GitHub says of a commit's signature: valid when the signer's account holds the committer's email. */
export function verificationOf(commit: GitCommit, store: Store): Schemas["verification"] {
  if (!commit.signedBy) return UNSIGNED;
  const signer = store.user(commit.signedBy);
  const email = commit.committer.email.toLowerCase();
  const verified = signer.emails.some((candidate) => candidate.toLowerCase() === email);
  const signature = pgpSignature(commit.signedBy);
  return {
    verified,
    reason: verified ? "valid" : "bad_email",
    signature,
    payload: `tree ${commit.tree}\n`,
    verified_at: verified ? commit.committer.date : null,
  };
}

const shaNode = (prefix: string, sha: string) => `${prefix}_${Buffer.from(sha, "hex").toString("base64url")}`;

/** Base64 as GitHub sends file content: wrapped every 60 characters, each line ending in a newline. */
export function wrappedBase64(base64: string): string {
  return base64.replace(/.{1,60}/g, "$&\n");
}

export function presentBlob(repo: RepoRecord, sha: string, content: string, urls: Urls): Schemas["blob"] {
  return {
    sha,
    node_id: shaNode("B", sha),
    size: Buffer.from(content, "base64").length,
    url: `${urls.repo(repo)}/git/blobs/${sha}`,
    content: wrappedBase64(content),
    encoding: "base64",
  };
}

export function presentTree(
  repo: RepoRecord,
  objects: GitObjects,
  sha: string,
  recursive: boolean,
  urls: Urls,
): Schemas["git-tree"] {
  const api = urls.repo(repo);
  return {
    sha,
    url: `${api}/git/trees/${sha}`,
    truncated: false,
    tree: listTree(objects, sha, recursive).map(({ path, entry }) => ({
      path,
      mode: entry.mode,
      type: entry.type,
      sha: entry.sha,
      ...(entry.type === "blob" ? { size: objects.blobSize(entry.sha) } : {}),
      ...(entry.type === "commit" ? {} : { url: `${api}/git/${entry.type}s/${entry.sha}` }),
    })),
  };
}

export function presentGitCommit(
  repo: RepoRecord,
  sha: string,
  commit: GitCommit,
  urls: Urls,
): Schemas["git-commit"] {
  const api = urls.repo(repo);
  return {
    sha,
    node_id: shaNode("C", sha),
    url: `${api}/git/commits/${sha}`,
    html_url: `${urls.repoWeb(repo)}/commit/${sha}`,
    author: commit.author,
    committer: commit.committer,
    message: commit.message,
    tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
    parents: commit.parents.map((parent) => ({
      sha: parent,
      url: `${api}/git/commits/${parent}`,
      html_url: `${urls.repoWeb(repo)}/commit/${parent}`,
    })),
    verification: UNSIGNED,
  };
}

export function presentRef(repo: RepoRecord, name: string, sha: string, urls: Urls): Schemas["git-ref"] {
  const api = urls.repo(repo);
  return {
    ref: name,
    node_id: `REF_${Buffer.from(`${repo.id}:${name}`).toString("base64url")}`,
    url: `${api}/git/${name}`,
    object: { type: "commit", sha, url: `${api}/git/commits/${sha}` },
  };
}

/** A commit as the commits API shows it: with the GitHub accounts its emails belong to. */
export function presentRestCommit(
  repo: RepoRecord,
  sha: string,
  commit: GitCommit,
  store: Store,
  urls: Urls,
  diffs?: readonly FileDiff[],
  /** Every file the commit changed, for its stats, when `diffs` is one page of them. */
  allDiffs: readonly FileDiff[] | undefined = diffs,
): Schemas["commit"] {
  const api = urls.repo(repo);
  // An email no account holds is sent as null, not `{}` (the description allows both; GitHub sends null).
  const account = (email: string) => {
    const user = store.userByEmail(email);
    return user ? presentUser(user, urls) : null;
  };
  const presented: Schemas["commit"] = {
    sha,
    node_id: shaNode("C", sha),
    url: `${api}/commits/${sha}`,
    html_url: `${urls.repoWeb(repo)}/commit/${sha}`,
    comments_url: `${api}/commits/${sha}/comments`,
    commit: {
      url: `${api}/git/commits/${sha}`,
      author: commit.author,
      committer: commit.committer,
      message: commit.message,
      comment_count: 0,
      tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
      verification: verificationOf(commit, store),
    },
    author: account(commit.author.email),
    committer: account(commit.committer.email),
    parents: commit.parents.map((parent) => ({
      sha: parent,
      url: `${api}/commits/${parent}`,
      html_url: `${urls.repoWeb(repo)}/commit/${parent}`,
    })),
  };
  if (diffs && allDiffs) {
    const additions = allDiffs.reduce((sum, diff) => sum + diff.additions, 0);
    const deletions = allDiffs.reduce((sum, diff) => sum + diff.deletions, 0);
    presented.stats = { additions, deletions, total: additions + deletions };
    presented.files = diffs.map((diff) => presentDiffEntry(repo, sha, diff, urls));
  }
  return presented;
}

export function presentDiffEntry(
  repo: RepoRecord,
  ref: string,
  diff: Omit<FileDiff, "sha"> & { sha: string | null; patch?: string; previousFilename?: string },
  urls: Urls,
): Schemas["diff-entry"] {
  const path = diff.filename.split("/").map(encodeURIComponent).join("/");
  return {
    sha: diff.sha,
    filename: diff.filename,
    status: diff.status,
    additions: diff.additions,
    deletions: diff.deletions,
    changes: diff.additions + diff.deletions,
    blob_url: `${urls.repoWeb(repo)}/blob/${ref}/${path}`,
    raw_url: `${urls.repoWeb(repo)}/raw/${ref}/${path}`,
    contents_url: `${urls.repo(repo)}/contents/${path}?ref=${ref}`,
    ...(diff.patch === undefined ? {} : { patch: diff.patch }),
    ...(diff.previousFilename === undefined ? {} : { previous_filename: diff.previousFilename }),
  };
}

type ContentItem = Schemas["content-directory"][number];

/** A directory listing item of the contents API (no `content`). */
export function presentContentItem(
  repo: RepoRecord,
  objects: GitObjects,
  path: string,
  entry: TreeEntry,
  ref: string,
  urls: Urls,
): ContentItem {
  const encoded = path.split("/").map(encodeURIComponent).join("/");
  const api = urls.repo(repo);
  const type = entry.type === "tree" ? "dir" : entry.type === "commit" ? "submodule" : "file";
  const self = `${api}/contents/${encoded}?ref=${encodeURIComponent(ref)}`;
  const git = entry.type === "commit" ? null : `${api}/git/${entry.type}s/${entry.sha}`;
  const html = `${urls.repoWeb(repo)}/${type === "dir" ? "tree" : "blob"}/${ref}/${encoded}`;
  const size = entry.type === "blob" ? objects.blobSize(entry.sha) : 0;
  return {
    type,
    size,
    name: path.split("/").at(-1) ?? path,
    path,
    sha: entry.sha,
    url: self,
    git_url: git,
    html_url: html,
    download_url:
      type === "file"
        ? `https://raw.githubusercontent.com/${repo.owner}/${repo.name}/${ref}/${encoded}`
        : null,
    _links: { self, git, html },
  };
}

export function presentContentFile(
  repo: RepoRecord,
  objects: GitObjects,
  path: string,
  entry: TreeEntry,
  ref: string,
  urls: Urls,
  inline = true,
): Schemas["content-file"] {
  const item = presentContentItem(repo, objects, path, entry, ref, urls);
  // Over the contents API's inline limit GitHub sends no content, and says so by the encoding.
  return {
    ...item,
    type: "file",
    content: inline ? wrappedBase64(objects.blob(entry.sha)?.content ?? "") : "",
    encoding: inline ? "base64" : "none",
  };
}

/** The answer to a contents write: the file as written and the commit made. */
export function presentFileCommit(
  repo: RepoRecord,
  objects: GitObjects,
  file: { path: string; entry: TreeEntry; branch: string },
  commitSha: string,
  commit: GitCommit,
  urls: Urls,
): Schemas["file-commit"] {
  const item = presentContentItem(repo, objects, file.path, file.entry, file.branch, urls);
  const git = `${urls.repo(repo)}/git/blobs/${file.entry.sha}`;
  return {
    content: {
      ...item,
      git_url: git,
      html_url: item.html_url ?? undefined,
      download_url: item.download_url ?? undefined,
      _links: { self: item._links.self, git, html: item._links.html ?? undefined },
    },
    commit: presentGitCommit(repo, commitSha, commit, urls),
  };
}
