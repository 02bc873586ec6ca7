import type { ActualIssue, ActualLabel, ActualMilestone, Snapshot } from "../model/actual.js";
import type { CheckRun, IssueFields, LabelFields, MilestoneFields } from "../model/operations.js";
import type { CommitEvidence } from "../progress/evidence.js";
import type { PullRequestEvidence } from "../progress/oss.js";

export type {
  CheckAnnotation,
  CheckRun,
  IssueFields,
  LabelFields,
  MilestoneFields,
} from "../model/operations.js";

/** The listings of a repository's managed state. */
export type SnapshotKind = "milestones" | "labels" | "issues";

export interface IssueComment {
  body?: string | null;
  created_at: string;
  /** The commenter's login; undefined for a deleted account. */
  author?: string;
}

export interface EngagedIssue {
  repo: string;
  number: number;
  title: string;
  url: string;
  /** The login of who opened it. */
  author?: string;
  createdAt: string;
  updatedAt: string;
  comments: number;
}

export interface FileCommit {
  message: string;
  /** The commit's author; GitHub uses the token's identity when omitted. */
  author?: { name: string; email: string };
  /** Files whose current text `render` needs, read at the branch's head. */
  read: readonly string[];
  /**
   * The files to write, from the current text of those read (undefined when absent). Called again
   * after the branch moved; a file whose text is what the branch holds is no change.
   */
  render(current: ReadonlyMap<string, string | undefined>): Readonly<Record<string, string>>;
}

/**
 * The one door to GitHub for a portfolio repository. The REST implementation talks to GitHub (or
 * GitHub Enterprise Server, or the emulator); tests may hold any other implementation.
 * Creates are idempotent by key: a create whose answer was lost is never simply repeated.
 */
export interface PortfolioGateway {
  /** "owner/name" */
  readonly repo: string;
  /**
   * The login syllabot writes as (a user, or an app's `slug[bot]`): its own markers are trusted.
   * Read once per client and kept.
   */
  identity(): Promise<string>;
  /**
   * Milestones, labels, and the issues carrying the managed label: one listing per kind; with
   * `kinds`, only those (the others empty), so that a use case pays only for what it reads.
   */
  readManagedState(managedLabel: string, kinds?: readonly SnapshotKind[]): Promise<Snapshot>;
  /** Every issue, labelled or not: to find managed issues whose label the learner removed. */
  readAllIssues(): Promise<ActualIssue[]>;
  createLabel(fields: LabelFields): Promise<ActualLabel>;
  updateLabel(name: string, fields: Partial<LabelFields>): Promise<ActualLabel>;
  createMilestone(key: string, fields: MilestoneFields): Promise<ActualMilestone>;
  updateMilestone(number: number, fields: Partial<MilestoneFields>): Promise<ActualMilestone>;
  createIssue(key: string, fields: Omit<IssueFields, "state" | "state_reason">): Promise<ActualIssue>;
  updateIssue(number: number, fields: Partial<IssueFields>): Promise<ActualIssue>;
  commentOnIssue(number: number, body: string): Promise<void>;
  /** The ids of an issue's sub-issues. */
  listSubIssueIds(number: number): Promise<number[]>;
  /** Make an issue (named by its id) a sub-issue of another; GitHub refuses one that has a parent (422). */
  addSubIssue(parent: number, subIssueId: number): Promise<void>;
  listIssueComments(number: number): Promise<IssueComment[]>;
  /**
   * A file's text at a ref (default branch when omitted), whole whatever its size, or undefined
   * when there is none. Throws when GitHub will not serve it whole (over 100 MB): never "" for a
   * file that has content, so a file that was not read is never written over.
   */
  readFile(path: string, ref?: string): Promise<string | undefined>;
  /**
   * Commits on the default branch since an instant, oldest first, as evidence; undefined when the
   * repository does not exist or the token cannot see it (a project not started, a private repo).
   */
  listCommitsSince(since: string): Promise<CommitEvidence[] | undefined>;
  /** One commit as the commits API tells it (with its signature's verification); undefined when unknown. */
  readCommit(sha: string): Promise<CommitEvidence | undefined>;
  /**
   * The learner's merged pull requests in the target repositories: one search for all of them,
   * 100 a page. `incomplete` when GitHub's search said its results were incomplete.
   */
  searchMergedPullRequests(
    login: string,
    repos: readonly string[],
  ): Promise<{ prs: PullRequestEvidence[]; incomplete: boolean }>;
  /**
   * Issues (not pull requests) in the target repositories that the learner took part in, updated
   * since a date: one search (`involves:`), 100 a page. Which of them the learner opened or
   * commented on, and when, is for the caller to read.
   */
  searchEngagedIssues(login: string, repos: readonly string[], since: string): Promise<EngagedIssue[]>;
  /**
   * Open, unassigned issues labelled `good first issue` or `help wanted` in the target
   * repositories, most recently updated first: one search request, at most `limit` of them.
   */
  searchNewcomerIssues(
    repos: readonly string[],
    limit: number,
  ): Promise<{ repo: string; number: number; title: string; url: string }[]>;
  /** Each file a pull request changes, with its added and deleted lines. */
  listPullRequestFileStats(
    number: number,
  ): Promise<{ filename: string; additions: number; deletions: number }[]>;
  /**
   * The paths a pull request changes (renames: both names), at most GitHub's 3,000; with `until`,
   * no page is read after the first whose paths so far satisfy it.
   */
  listPullRequestFiles(number: number, until?: (paths: readonly string[]) => boolean): Promise<string[]>;
  /**
   * Commit files to the default branch in one commit (one file: the contents API; several: the Git
   * Data API), never over a change made meanwhile: when the file or the branch moved, re-read,
   * recompute and retry. No change, no commit.
   */
  commitFiles(commit: FileCommit): Promise<{ sha: string } | undefined>;
  /** Create a completed check run; annotations beyond GitHub's 50 a request go in follow-up updates. */
  publishCheckRun(run: CheckRun): Promise<{ id: number }>;
}
