import { GitHubError } from "../../src/github/errors.js";
import type {
  CheckRun,
  FileCommit,
  IssueComment,
  IssueFields,
  LabelFields,
  MilestoneFields,
  PortfolioGateway,
  SnapshotKind,
} from "../../src/github/gateway.js";
import type { ActualIssue, ActualLabel, ActualMilestone, Snapshot } from "../../src/model/actual.js";
import { labelNamesOf } from "../../src/model/actual.js";
import type { PlanContext } from "../../src/model/context.js";
import type { CommitEvidence } from "../../src/progress/evidence.js";
import { sync } from "../../src/use-cases/index.js";

/** One write as the gateway received it. */
export interface RecordedWrite {
  method: string;
  target: string | number;
  fields?: unknown;
}

/**
 * A portfolio held in memory, for use-case tests: it answers reads from its state, records every
 * write, and can refuse writes about chosen issues as GitHub does (422). No HTTP, no emulator.
 */
export class MemoryGateway implements PortfolioGateway {
  readonly writes: RecordedWrite[] = [];
  reads = 0;
  readonly labels: ActualLabel[] = [];
  readonly milestones: ActualMilestone[] = [];
  readonly issues: ActualIssue[] = [];
  readonly comments = new Map<number, IssueComment[]>();
  readonly files = new Map<string, string>();
  commits: CommitEvidence[] = [];
  /** Issues whose writes GitHub refuses. */
  readonly refusing = new Set<number>();
  /** Sub-issue ids by the parent's number, in order. */
  readonly subIssues = new Map<number, number[]>();
  /**
   * Whether listed issues carry `sub_issues_summary` and `parent_issue_url` as GitHub's do; off,
   * to plan as with a GitHub that sends neither.
   */
  linkFields = true;
  private nextNumber = 1;
  private nextCommit = 1;

  constructor(
    readonly repo: string,
    private readonly self = "syllabot[bot]",
    private readonly now = "2026-04-13T04:00:00Z",
  ) {}

  async identity() {
    return this.self;
  }
  async readManagedState(
    managedLabel: string,
    kinds: readonly SnapshotKind[] = ["milestones", "labels", "issues"],
  ): Promise<Snapshot> {
    this.reads++;
    const issues = this.issues.filter((issue) => labelNamesOf(issue).includes(managedLabel));
    return structuredClone({
      milestones: kinds.includes("milestones") ? this.milestones : [],
      labels: kinds.includes("labels") ? this.labels : [],
      issues: kinds.includes("issues") ? this.listed(issues) : [],
    });
  }
  async readAllIssues() {
    this.reads++;
    return structuredClone(this.listed(this.issues));
  }
  async createLabel(fields: LabelFields) {
    this.writes.push({ method: "createLabel", target: fields.name, fields });
    this.labels.push({ ...fields });
    return { ...fields };
  }
  async updateLabel(name: string, fields: Partial<LabelFields>) {
    this.writes.push({ method: "updateLabel", target: name, fields });
    const label = this.labels.find((candidate) => candidate.name === name);
    if (!label) throw this.refusal(404, name);
    return Object.assign(label, fields);
  }
  async createMilestone(_key: string, fields: MilestoneFields) {
    this.writes.push({ method: "createMilestone", target: fields.title, fields });
    const milestone = { ...fields, number: this.nextNumber++, created_at: this.now };
    this.milestones.push(milestone);
    return milestone;
  }
  async updateMilestone(number: number, fields: Partial<MilestoneFields>) {
    this.writes.push({ method: "updateMilestone", target: number, fields });
    const milestone = this.milestones.find((candidate) => candidate.number === number);
    if (!milestone) throw this.refusal(404, String(number));
    return Object.assign(milestone, fields);
  }
  async createIssue(_key: string, fields: Omit<IssueFields, "state" | "state_reason">) {
    this.writes.push({ method: "createIssue", target: fields.title, fields });
    const { milestone, assignees: _assignees, ...rest } = fields;
    const number = this.nextNumber++;
    const issue: ActualIssue = {
      ...rest,
      id: 1000 + number,
      number,
      state: "open",
      state_reason: null,
      milestone: milestone === null ? null : { number: milestone },
      created_at: this.now,
      user: { login: this.self },
    };
    this.issues.push(issue);
    return structuredClone(issue);
  }
  async updateIssue(number: number, fields: Partial<IssueFields>) {
    this.writes.push({ method: "updateIssue", target: number, fields });
    const issue = this.issue(number);
    const { milestone, assignees: _assignees, ...rest } = fields;
    Object.assign(
      issue,
      rest,
      milestone === undefined ? {} : { milestone: milestone === null ? null : { number: milestone } },
    );
    return structuredClone(issue);
  }
  async commentOnIssue(number: number, body: string) {
    this.writes.push({ method: "commentOnIssue", target: number, fields: { body } });
    this.issue(number);
    const list = this.comments.get(number) ?? [];
    list.push({ body, created_at: this.now, author: this.self });
    this.comments.set(number, list);
  }
  async listIssueComments(number: number) {
    this.reads++;
    return structuredClone(this.comments.get(number) ?? []);
  }
  async listSubIssueIds(number: number) {
    this.reads++;
    this.issue(number);
    return [...(this.subIssues.get(number) ?? [])];
  }
  async addSubIssue(parent: number, subIssueId: number) {
    this.writes.push({ method: "addSubIssue", target: parent, fields: { sub_issue_id: subIssueId } });
    this.issue(parent);
    const child = this.issues.find((candidate) => candidate.id === subIssueId);
    if (!child || child.number === parent || this.parentOf(subIssueId) !== undefined)
      throw this.refusal(422, `sub-issue ${subIssueId} of issue #${parent}`);
    this.subIssues.set(parent, [...(this.subIssues.get(parent) ?? []), subIssueId]);
  }
  async readFile(path: string) {
    this.reads++;
    return this.files.get(path);
  }
  async listCommitsSince(since: string) {
    this.reads++;
    return this.commits.filter((commit) => Date.parse(commit.timestamp) >= Date.parse(since));
  }
  async readCommit(sha: string) {
    this.reads++;
    return this.commits.find((commit) => commit.sha === sha);
  }
  async searchMergedPullRequests() {
    this.reads++;
    return { prs: [], incomplete: false };
  }
  async searchEngagedIssues() {
    this.reads++;
    return [];
  }
  async searchNewcomerIssues() {
    this.reads++;
    return [];
  }
  async listPullRequestFileStats() {
    return [];
  }
  async listPullRequestFiles() {
    return [];
  }
  async commitFiles(commit: FileCommit) {
    const current = new Map(commit.read.map((path) => [path, this.files.get(path)]));
    const changed = Object.entries(commit.render(current)).filter(
      ([path, text]) => this.files.get(path) !== text,
    );
    if (changed.length === 0) return undefined;
    this.writes.push({
      method: "commitFiles",
      target: commit.message,
      fields: changed.map(([path]) => path),
    });
    for (const [path, text] of changed) this.files.set(path, text);
    return { sha: `c${this.nextCommit++}` };
  }
  async publishCheckRun(run: CheckRun) {
    this.writes.push({ method: "publishCheckRun", target: run.head_sha, fields: run });
    return { id: this.nextCommit++ };
  }

  private parentOf(id: number): number | undefined {
    for (const [parent, ids] of this.subIssues) if (ids.includes(id)) return parent;
    return undefined;
  }

  /**
   * Issues as listed: each with its milestone embedded in full, as GitHub lists them, and with
   * GitHub's sub-issue fields when `linkFields`.
   */
  private listed(stored: readonly ActualIssue[]): ActualIssue[] {
    const issues = stored.map((issue) => ({
      ...issue,
      milestone:
        issue.milestone === null
          ? null
          : (this.milestones.find((milestone) => milestone.number === issue.milestone?.number) ??
            issue.milestone),
    }));
    if (!this.linkFields)
      return issues.map(({ sub_issues_summary: _s, parent_issue_url: _p, ...issue }) => issue);
    return issues.map((issue) => {
      const parent = issue.id === undefined ? undefined : this.parentOf(issue.id);
      return {
        ...issue,
        sub_issues_summary: { total: this.subIssues.get(issue.number)?.length ?? 0 },
        parent_issue_url:
          parent === undefined ? null : `https://api.github.com/repos/${this.repo}/issues/${parent}`,
      };
    });
  }

  private issue(number: number): ActualIssue {
    const issue = this.issues.find((candidate) => candidate.number === number);
    if (!issue || this.refusing.has(number)) throw this.refusal(issue ? 422 : 404, `issue #${number}`);
    return issue;
  }

  private refusal(status: number, what: string): GitHubError {
    return new GitHubError({ status, repo: this.repo, action: `write ${what}`, detail: "Validation Failed" });
  }
}

/** The example learner's portfolio in memory, synced on the program's first day, its writes cleared. */
export async function syncedPortfolio(context: PlanContext): Promise<MemoryGateway> {
  const gateway = new MemoryGateway("octocat/portfolio", "syllabot[bot]", "2026-03-02T04:00:00Z");
  await sync({ gateway, context, today: context.calendar.start });
  gateway.writes.length = 0;
  return gateway;
}
