import type { Permissions } from "./permissions.js";

/**
 * The emulator's whole state: plain JSON, so that it can be saved, reloaded and compared.
 * Records keep what GitHub stores; every derived field (URLs, counts, embedded objects) is computed
 * when a response is presented, so it can never go stale.
 */
export interface EmulatorState {
  version: 1;
  /** The last id handed out; ids are unique across all kinds, as GitHub's are in practice. */
  lastId: number;
  users: UserRecord[];
  repos: RepoRecord[];
  /**
   * Installations of the app added with `addInstallation`; absent in states saved before there
   * were any. The default installation (`app.installationId` on the emulator's own account) is
   * not stored: it follows the emulator's options.
   */
  installations?: InstallationRecord[];
}

/** The GitHub App installed on one account, for all its repositories or a selection of them. */
export interface InstallationRecord {
  id: number;
  /** The login of the user or organization the app is installed on. */
  account: string;
  repositorySelection: "all" | "selected";
  /** The selected repositories' ids; empty when the selection is "all". */
  repositoryIds: number[];
  permissions: Permissions;
  events: string[];
  createdAt: string;
}

/** A token's reach: the installation it was minted for, perhaps narrowed to some of its repositories. */
export interface InstallationScope {
  installation: InstallationRecord;
  /** The repositories named when the token was minted; undefined when it has all of the installation's. */
  repositoryIds: readonly number[] | undefined;
}

export type UserType = "User" | "Organization" | "Bot";

export interface UserRecord {
  id: number;
  login: string;
  type: UserType;
  name: string | null;
  /** Commit author emails that GitHub attributes to this account. */
  emails: string[];
  createdAt: string;
  /** An organization's members (logins); absent for users and in states saved before membership. */
  members?: string[];
}

export interface RepoRecord {
  id: number;
  owner: string;
  name: string;
  private: boolean;
  description: string | null;
  homepage: string | null;
  defaultBranch: string;
  createdAt: string;
  updatedAt: string;
  pushedAt: string;
  /** Issues and pull requests share this number sequence. */
  lastNumber: number;
  lastMilestoneNumber: number;
  labels: LabelRecord[];
  milestones: MilestoneRecord[];
  issues: IssueRecord[];
  comments: CommentRecord[];
  git: GitRecord;
  /** Absent in states saved before check runs were emulated. */
  checkRuns?: CheckRunRecord[];
  /** What happened to issues and pull requests, oldest first; absent in states saved before. */
  events?: IssueEventRecord[];
  /** Commit statuses, oldest first; absent in states saved before they were emulated. */
  statuses?: CommitStatusRecord[];
  /** Settings changed with `PATCH /repos/{owner}/{repo}`; absent ones have GitHub's defaults. */
  settings?: RepoSettings;
  /** Names the repository had before a rename: GitHub redirects requests to them. */
  formerNames?: string[];
}

export type IssueEventKind =
  | "closed"
  | "merged"
  | "reopened"
  | "labeled"
  | "unlabeled"
  | "milestoned"
  | "demilestoned"
  | "renamed"
  | "assigned"
  | "unassigned";

/** An issue event as GitHub keeps it: the label or milestone by name, as it was when it happened. */
export interface IssueEventRecord {
  id: number;
  issueNumber: number;
  event: IssueEventKind;
  actor: string;
  createdAt: string;
  label?: { name: string; color: string };
  milestone?: { title: string };
  rename?: { from: string; to: string };
  assignee?: string;
  stateReason?: StateReason | null;
  /** The commit that closed or merged it, for `commit_id`. */
  commitId?: string;
}

export interface CommitStatusRecord {
  id: number;
  sha: string;
  state: "error" | "failure" | "pending" | "success";
  context: string;
  description: string | null;
  targetUrl: string | null;
  creator: string;
  createdAt: string;
  updatedAt: string;
}

/** The repository settings `PATCH /repos/{owner}/{repo}` changes, by their API names. */
export interface RepoSettings {
  has_issues?: boolean;
  has_projects?: boolean;
  has_wiki?: boolean;
  is_template?: boolean;
  archived?: boolean;
  allow_squash_merge?: boolean;
  allow_merge_commit?: boolean;
  allow_rebase_merge?: boolean;
  allow_auto_merge?: boolean;
  delete_branch_on_merge?: boolean;
  allow_update_branch?: boolean;
  use_squash_pr_title_as_default?: boolean;
  squash_merge_commit_title?: "PR_TITLE" | "COMMIT_OR_PR_TITLE";
  squash_merge_commit_message?: "PR_BODY" | "COMMIT_MESSAGES" | "BLANK";
  merge_commit_title?: "PR_TITLE" | "MERGE_MESSAGE";
  merge_commit_message?: "PR_BODY" | "PR_TITLE" | "BLANK";
  allow_forking?: boolean;
  web_commit_signoff_required?: boolean;
}

export interface CheckAnnotationRecord {
  path: string;
  start_line: number;
  end_line: number;
  start_column: number | null;
  end_column: number | null;
  annotation_level: "notice" | "warning" | "failure";
  title: string | null;
  message: string;
  raw_details: string | null;
}

export interface CheckRunRecord {
  id: number;
  name: string;
  headSha: string;
  status: "queued" | "in_progress" | "completed";
  conclusion: string | null;
  startedAt: string;
  completedAt: string | null;
  detailsUrl: string | null;
  externalId: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: CheckAnnotationRecord[];
}

export interface LabelRecord {
  id: number;
  name: string;
  color: string;
  description: string | null;
  /** One of the labels GitHub gave the repository when it was created; absent (false) otherwise. */
  default?: boolean;
}

export interface MilestoneRecord {
  id: number;
  number: number;
  title: string;
  description: string | null;
  state: "open" | "closed";
  /** The US Pacific date GitHub keeps of the `due_on` it was sent (`YYYY-MM-DD`). */
  dueDate: string | null;
  creator: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export type StateReason = "completed" | "not_planned" | "reopened" | "duplicate";

export interface IssueRecord {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  stateReason: StateReason | null;
  author: string;
  labelIds: number[];
  milestone: number | null;
  assignees: string[];
  locked: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedBy: string | null;
  /** Present when this number is a pull request. */
  pull: PullRecord | null;
  /** The ids of its sub-issues, in their order; absent in states saved before. */
  subIssueIds?: number[];
}

export type DiffStatus = "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged";

export interface PullRecord {
  id: number;
  headRef: string;
  headSha: string;
  baseRef: string;
  baseSha: string;
  draft: boolean;
  mergedAt: string | null;
  mergedBy: string | null;
  mergeCommitSha: string | null;
  files: PullFileRecord[];
}

export interface PullFileRecord {
  filename: string;
  status: DiffStatus;
  additions: number;
  deletions: number;
  patch?: string;
  previousFilename?: string;
}

export interface CommentRecord {
  id: number;
  issueNumber: number;
  author: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface GitRecord {
  /** Objects by SHA-1, hashed as git hashes them. */
  objects: Record<string, GitObject>;
  /** Full ref name (`refs/heads/main`) -> commit SHA. */
  refs: Record<string, string>;
}

export type GitObject = GitBlob | GitTree | GitCommit;

export interface GitBlob {
  type: "blob";
  /** The raw bytes, base64-encoded. */
  content: string;
}

export type TreeEntryType = "blob" | "tree" | "commit";

export interface TreeEntry {
  name: string;
  /** As the API shows it: `100644`, `100755`, `040000`, `160000` or `120000`. */
  mode: string;
  type: TreeEntryType;
  sha: string;
}

export interface GitTree {
  type: "tree";
  entries: TreeEntry[];
}

export interface GitSignature {
  name: string;
  email: string;
  /** UTC, `YYYY-MM-DDTHH:MM:SSZ`. */
  date: string;
}

export interface GitCommit {
  type: "commit";
  tree: string;
  parents: string[];
  message: string;
  author: GitSignature;
  committer: GitSignature;
  /** The account whose key signed the commit (a `gpgsig` header), when it is signed. */
  signedBy?: string;
}

export function emptyState(): EmulatorState {
  return { version: 1, lastId: 0, users: [], repos: [] };
}
