import type { ActualIssue, ActualLabel, ActualMilestone, Snapshot } from "../model/actual.js";
import { snapshotSchema } from "../model/actual.js";
import type { CommitEvidence } from "../progress/evidence.js";
import type { PullRequestEvidence } from "../progress/oss.js";
import { publishCheckRun } from "./gateway/checks.js";
import { listCommitsSince, readCommit } from "./gateway/commits.js";
import { readFile } from "./gateway/contents.js";
import { parseAnswer, type Repository } from "./gateway/context.js";
import { commitFiles } from "./gateway/git-commit.js";
import {
  addSubIssue,
  commentOnIssue,
  createIssue,
  listIssueComments,
  listIssues,
  listSubIssueIds,
  updateIssue,
} from "./gateway/issues.js";
import {
  createLabel,
  createMilestone,
  listLabels,
  listMilestones,
  updateLabel,
  updateMilestone,
} from "./gateway/labels-milestones.js";
import { listPullRequestFileStats, listPullRequestFiles } from "./gateway/pulls.js";
import { searchEngagedIssues, searchMergedPullRequests, searchNewcomerIssues } from "./gateway/search.js";
import type {
  CheckRun,
  EngagedIssue,
  FileCommit,
  IssueComment,
  IssueFields,
  LabelFields,
  MilestoneFields,
  PortfolioGateway,
  SnapshotKind,
} from "./gateway.js";
import { clientIdentity } from "./identity.js";
import type { GitHubClient } from "./octokit.js";

/**
 * The portfolio gateway over GitHub's REST API, on syllabot's client or Probot's. Each resource's
 * requests live in their own module under ./gateway/; this class only binds them to one repository.
 */
export class RestGateway implements PortfolioGateway {
  readonly repo: string;
  private readonly repository: Repository;
  private readonly resolveIdentity: () => Promise<string>;

  constructor(
    client: GitHubClient,
    repo: string,
    options: {
      /** The login the client writes as, when the caller knows it (an app: `slug[bot]`). */
      identity?: () => Promise<string>;
    } = {},
  ) {
    const [owner, name] = repo.split("/");
    if (!owner || !name) throw new Error(`expected a repository as owner/name, got "${repo}"`);
    this.repo = repo;
    this.resolveIdentity = options.identity ?? (() => clientIdentity(client, repo));
    this.repository = { client, repo, params: { owner, repo: name }, identity: () => this.identity() };
  }

  identity(): Promise<string> {
    return this.resolveIdentity();
  }

  async readManagedState(
    managedLabel: string,
    kinds: readonly SnapshotKind[] = ["milestones", "labels", "issues"],
  ): Promise<Snapshot> {
    const none = Promise.resolve([]);
    const [milestones, labels, issues] = await Promise.all([
      kinds.includes("milestones") ? listMilestones(this.repository) : none,
      kinds.includes("labels") ? listLabels(this.repository) : none,
      kinds.includes("issues") ? listIssues(this.repository, managedLabel) : none,
    ]);
    const state = { milestones, labels, issues };
    return parseAnswer(this.repository, "read the repository's state", snapshotSchema, state);
  }

  async readAllIssues(): Promise<ActualIssue[]> {
    const issues = await listIssues(this.repository);
    return parseAnswer(this.repository, "read issues", snapshotSchema, { issues }).issues;
  }

  createLabel(fields: LabelFields): Promise<ActualLabel> {
    return createLabel(this.repository, fields);
  }

  updateLabel(name: string, fields: Partial<LabelFields>): Promise<ActualLabel> {
    return updateLabel(this.repository, name, fields);
  }

  createMilestone(key: string, fields: MilestoneFields): Promise<ActualMilestone> {
    return createMilestone(this.repository, key, fields);
  }

  updateMilestone(number: number, fields: Partial<MilestoneFields>): Promise<ActualMilestone> {
    return updateMilestone(this.repository, number, fields);
  }

  createIssue(key: string, fields: Omit<IssueFields, "state" | "state_reason">): Promise<ActualIssue> {
    return createIssue(this.repository, key, fields);
  }

  updateIssue(number: number, fields: Partial<IssueFields>): Promise<ActualIssue> {
    return updateIssue(this.repository, number, fields);
  }

  commentOnIssue(number: number, body: string): Promise<void> {
    return commentOnIssue(this.repository, number, body);
  }

  listIssueComments(number: number): Promise<IssueComment[]> {
    return listIssueComments(this.repository, number);
  }

  listSubIssueIds(number: number): Promise<number[]> {
    return listSubIssueIds(this.repository, number);
  }

  addSubIssue(parent: number, subIssueId: number): Promise<void> {
    return addSubIssue(this.repository, parent, subIssueId);
  }

  readFile(path: string, ref?: string): Promise<string | undefined> {
    return readFile(this.repository, path, ref);
  }

  listCommitsSince(since: string): Promise<CommitEvidence[] | undefined> {
    return listCommitsSince(this.repository, since);
  }

  readCommit(sha: string): Promise<CommitEvidence | undefined> {
    return readCommit(this.repository, sha);
  }

  searchMergedPullRequests(
    login: string,
    repos: readonly string[],
  ): Promise<{ prs: PullRequestEvidence[]; incomplete: boolean }> {
    return searchMergedPullRequests(this.repository, login, repos);
  }

  searchEngagedIssues(login: string, repos: readonly string[], since: string): Promise<EngagedIssue[]> {
    return searchEngagedIssues(this.repository, login, repos, since);
  }

  searchNewcomerIssues(
    repos: readonly string[],
    limit: number,
  ): Promise<{ repo: string; number: number; title: string; url: string }[]> {
    return searchNewcomerIssues(this.repository, repos, limit);
  }

  listPullRequestFileStats(
    number: number,
  ): Promise<{ filename: string; additions: number; deletions: number }[]> {
    return listPullRequestFileStats(this.repository, number);
  }

  listPullRequestFiles(number: number, until?: (paths: readonly string[]) => boolean): Promise<string[]> {
    return listPullRequestFiles(this.repository, number, until);
  }

  commitFiles(commit: FileCommit): Promise<{ sha: string } | undefined> {
    return commitFiles(this.repository, commit);
  }

  publishCheckRun(run: CheckRun): Promise<{ id: number }> {
    return publishCheckRun(this.repository, run);
  }
}
