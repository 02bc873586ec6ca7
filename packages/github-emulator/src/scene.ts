import { createHash } from "node:crypto";
import { commitFiles } from "./git/commit-files.js";
import { changeState, fieldsOf, recordChanges, recordCreation, recordEvent } from "./issue-events.js";
import { asSubmittedFromWeb } from "./quirks.js";
import { addIssue, resolveLabels } from "./records.js";
import type { DiffStatus, GitSignature, IssueRecord, RepoRecord, StateReason } from "./state.js";
import type { Store } from "./store.js";

/** Scene helpers change the state directly, as things happen on github.com outside the client under test. */

export interface RepoOptions {
  private?: boolean;
  defaultBranch?: string;
  description?: string;
}

/** An author by login (their GitHub identity) or as a raw git identity, which may belong to no account. */
export type CommitAuthor = string | { name: string; email: string };

export interface CommitOptions {
  message: string;
  /** Path -> new content; `null` deletes the file. */
  files: Record<string, string | null>;
  /** Defaults to the default branch; a new branch starts from the default branch. */
  branch?: string;
  author?: CommitAuthor;
  /** The author and committer date; defaults to the emulator's clock. */
  date?: string;
  /**
   * Signed with this account's key: GitHub shows it verified when the committer's email is one of
   * that account's, and `bad_email` otherwise.
   */
  signedBy?: string;
}

export interface IssueOptions {
  title: string;
  body?: string;
  author?: string;
  labels?: string[];
  milestone?: number;
  assignees?: string[];
  state?: "open" | "closed";
  stateReason?: StateReason;
  createdAt?: string;
  closedAt?: string;
}

export interface PullFile {
  filename: string;
  additions: number;
  deletions: number;
  status?: DiffStatus;
  patch?: string;
}

export interface PullRequestOptions {
  title: string;
  author: string;
  body?: string;
  labels?: string[];
  /** `merged` closes it as merged. */
  state?: "open" | "closed" | "merged";
  files?: PullFile[];
  createdAt?: string;
  closedAt?: string;
  mergedAt?: string;
  mergedBy?: string;
  headRef?: string;
  baseRef?: string;
  draft?: boolean;
}

export interface CommentOptions {
  author: string;
  body: string;
  createdAt?: string;
}

export interface WebEdit {
  title?: string;
  body?: string;
  state?: "open" | "closed";
  stateReason?: StateReason;
  labels?: string[];
  /** Who edits; defaults to the repository's owner. */
  by?: string;
}

export function sceneRepo(store: Store, fullName: string): RepoRecord {
  const [owner, name, ...rest] = fullName.split("/");
  if (!owner || !name || rest.length > 0) throw new Error(`"${fullName}" is not an owner/name`);
  const repo = store.findRepo(owner, name);
  if (!repo) throw new Error(`no repository ${fullName} in the emulator`);
  return repo;
}

function sceneIssue(
  store: Store,
  fullName: string,
  number: number,
): { repo: RepoRecord; issue: IssueRecord } {
  const repo = sceneRepo(store, fullName);
  const issue = repo.issues.find((candidate) => candidate.number === number);
  if (!issue) throw new Error(`no issue #${number} in ${fullName}`);
  return { repo, issue };
}

/** A repository with an initial commit (a README) on its default branch. */
export function createRepo(store: Store, fullName: string, options: RepoOptions = {}): RepoRecord {
  const [owner, name, ...rest] = fullName.split("/");
  if (!owner || !name || rest.length > 0) throw new Error(`"${fullName}" is not an owner/name`);
  if (store.findRepo(owner, name)) throw new Error(`repository ${fullName} already exists`);
  const account = store.ensureUser(owner);
  const repo = store.addRepo({
    owner: account.login,
    name,
    private: options.private ?? false,
    description: options.description ?? null,
    defaultBranch: options.defaultBranch ?? "main",
  });
  commitFiles(store, repo, {
    branch: repo.defaultBranch,
    message: "Initial commit",
    files: { "README.md": `# ${name}\n` },
    author: store.signatureOf(account),
  });
  return repo;
}

function signature(
  store: Store,
  author: CommitAuthor | undefined,
  owner: string,
  date: string,
): GitSignature {
  if (typeof author === "object") return { ...author, date };
  return { ...store.signatureOf(store.ensureUser(author ?? owner)), date };
}

export function addCommit(store: Store, fullName: string, options: CommitOptions): string {
  const repo = sceneRepo(store, fullName);
  const date = options.date ?? store.now();
  const author = signature(store, options.author, repo.owner, date);
  return commitFiles(store, repo, {
    branch: options.branch ?? repo.defaultBranch,
    message: options.message,
    files: options.files,
    author,
    ...(options.signedBy ? { signedBy: store.ensureUser(options.signedBy).login } : {}),
  });
}

export function addSceneIssue(store: Store, fullName: string, options: IssueOptions): number {
  const repo = sceneRepo(store, fullName);
  const author = store.ensureUser(options.author ?? repo.owner).login;
  const issue = addIssue(store, repo, {
    author,
    title: options.title,
    body: options.body ?? null,
    labelIds: resolveLabels(store, repo, options.labels ?? []).map((label) => label.id),
    milestone: options.milestone ?? null,
    assignees: (options.assignees ?? []).map((login) => store.ensureUser(login).login),
    ...(options.createdAt ? { createdAt: options.createdAt } : {}),
  });
  recordCreation(store, repo, issue, author);
  if (options.state === "closed") {
    const at = options.closedAt ?? store.now();
    changeState(store, repo, issue, {
      state: "closed",
      actor: author,
      at,
      reason: options.stateReason ?? null,
    });
    issue.updatedAt = issue.closedAt ?? issue.updatedAt;
  }
  return issue.number;
}

const syntheticSha = (seed: string) => createHash("sha1").update(seed).digest("hex");

export function addPullRequest(store: Store, fullName: string, options: PullRequestOptions): number {
  const repo = sceneRepo(store, fullName);
  const objects = store.git(repo);
  const author = store.ensureUser(options.author).login;
  const headRef = options.headRef ?? `${author}-patch-${repo.lastNumber + 1}`;
  const baseRef = options.baseRef ?? repo.defaultBranch;
  const merged = options.state === "merged";
  const pullId = store.nextId();
  const issue = addIssue(store, repo, {
    author,
    title: options.title,
    body: options.body ?? null,
    labelIds: resolveLabels(store, repo, options.labels ?? []).map((label) => label.id),
    ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    pull: {
      id: pullId,
      headRef,
      headSha: objects.ref(`refs/heads/${headRef}`) ?? syntheticSha(`head:${repo.id}:${pullId}`),
      baseRef,
      baseSha: objects.ref(`refs/heads/${baseRef}`) ?? syntheticSha(`base:${repo.id}:${pullId}`),
      draft: options.draft ?? false,
      mergedAt: null,
      mergedBy: null,
      mergeCommitSha: null,
      files: (options.files ?? []).map((file) => ({ ...file, status: file.status ?? "modified" })),
    },
  });
  recordCreation(store, repo, issue, author);
  if (options.state === "closed" || merged) {
    const at = options.mergedAt ?? options.closedAt ?? store.now();
    const closer = store.ensureUser(options.mergedBy ?? repo.owner).login;
    const mergeCommit = merged ? syntheticSha(`merge:${repo.id}:${pullId}`) : undefined;
    // A merge is recorded as `merged` then `closed`, both naming the merge commit.
    if (mergeCommit) recordEvent(store, repo, issue, closer, { event: "merged", commitId: mergeCommit }, at);
    changeState(store, repo, issue, {
      state: "closed",
      actor: closer,
      at,
      ...(mergeCommit ? { commitId: mergeCommit } : {}),
    });
    issue.updatedAt = at;
    if (mergeCommit && issue.pull) {
      issue.pull.mergedAt = at;
      issue.pull.mergedBy = closer;
      issue.pull.mergeCommitSha = mergeCommit;
    }
  }
  return issue.number;
}

export function addComment(store: Store, fullName: string, number: number, options: CommentOptions): number {
  const { repo, issue } = sceneIssue(store, fullName, number);
  const createdAt = options.createdAt ?? store.now();
  const id = store.nextId();
  repo.comments.push({
    id,
    issueNumber: issue.number,
    author: store.ensureUser(options.author).login,
    body: options.body,
    createdAt,
    updatedAt: createdAt,
  });
  if (Date.parse(createdAt) > Date.parse(issue.updatedAt)) issue.updatedAt = createdAt;
  return id;
}

/** An edit made on github.com: a body comes back with CRLF line endings, as the web form submits it. */
export function editIssueOnWeb(store: Store, fullName: string, number: number, edit: WebEdit): void {
  const { repo, issue } = sceneIssue(store, fullName, number);
  const now = store.now();
  const before = fieldsOf(issue);
  const by = store.ensureUser(edit.by ?? repo.owner).login;
  if (edit.title !== undefined) issue.title = edit.title;
  if (edit.body !== undefined) issue.body = asSubmittedFromWeb(edit.body);
  if (edit.labels !== undefined)
    issue.labelIds = resolveLabels(store, repo, edit.labels).map((label) => label.id);
  recordChanges(store, repo, issue, by, before, now);
  if (edit.state !== undefined) {
    changeState(store, repo, issue, {
      state: edit.state,
      actor: by,
      at: now,
      reason: edit.stateReason ?? null,
    });
  }
  issue.updatedAt = now;
}
