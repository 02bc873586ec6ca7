import { createHash } from "node:crypto";
import type { components } from "@octokit/openapi-types";
import type { z } from "zod";
import {
  type ActualIssue,
  type ActualLabel,
  type ActualMilestone,
  type Snapshot,
  snapshotSchema,
} from "../model/actual.js";
import { keyOf } from "../model/markers.js";
import type { CommitEvidence } from "../progress/evidence.js";
import type { PullRequestEvidence } from "../progress/oss.js";
import { ANNOTATIONS_PER_REQUEST } from "../text/github-limits.js";
import { GitHubError, github, isStatus, outcomeUnknown, toGitHubError } from "./errors.js";
import { readFileText } from "./file-contents.js";
import type {
  CheckRun,
  EngagedIssue,
  FileCommit,
  IssueComment,
  IssueFields,
  LabelFields,
  MilestoneFields,
  PortfolioGateway,
} from "./gateway.js";
import { clientIdentity } from "./identity.js";
import type { GitHubClient } from "./octokit.js";
import { searchEngagedIssues, searchMergedPullRequests, searchNewcomerIssues } from "./searches.js";

const PAGE = 100;
/** How often a create whose outcome was lost is checked and tried again. */
const CREATE_ATTEMPTS = 3;
/** Creates are never re-sent by the retry plugin: a lost answer is settled by re-reading by key. */
const NO_BLIND_RETRY = { request: { retries: 0 } } as const;
/** How often a commit is retried when the branch moved under it. */
const COMMIT_ATTEMPTS = 5;

export class RestGateway implements PortfolioGateway {
  readonly repo: string;
  private readonly owner: string;
  private readonly name: string;

  private readonly resolveIdentity: () => Promise<string>;

  constructor(
    private readonly client: GitHubClient,
    repo: string,
    options: {
      /** The login the client writes as, when the caller knows it (an app: `slug[bot]`). */
      identity?: () => Promise<string>;
    } = {},
  ) {
    const [owner, name] = repo.split("/");
    if (!owner || !name) throw new Error(`expected a repository as owner/name, got "${repo}"`);
    this.repo = repo;
    this.owner = owner;
    this.name = name;
    this.resolveIdentity = options.identity ?? (() => clientIdentity(client, repo));
  }

  identity(): Promise<string> {
    return this.resolveIdentity();
  }

  private get params() {
    return { owner: this.owner, repo: this.name };
  }

  async readManagedState(managedLabel: string): Promise<Snapshot> {
    const [milestones, labels, issues] = await Promise.all([
      this.list("read milestones", "GET /repos/{owner}/{repo}/milestones", { state: "all" }),
      this.list("read labels", "GET /repos/{owner}/{repo}/labels", {}),
      this.list("read issues", "GET /repos/{owner}/{repo}/issues", { state: "all", labels: managedLabel }),
    ]);
    return this.parse("read the repository's state", snapshotSchema, { milestones, labels, issues });
  }

  async readAllIssues(): Promise<ActualIssue[]> {
    const issues = await this.list("read issues", "GET /repos/{owner}/{repo}/issues", { state: "all" });
    return this.parse("read issues", snapshotSchema, { issues }).issues;
  }

  async createLabel(fields: LabelFields): Promise<ActualLabel> {
    const action = `create label "${fields.name}"`;
    const label = await this.createOnce(
      action,
      () => this.findLabel(fields.name),
      async () => {
        const { data } = await this.client.request("POST /repos/{owner}/{repo}/labels", {
          ...this.params,
          ...fields,
          ...NO_BLIND_RETRY,
        });
        return data;
      },
    );
    // Found rather than made (made meanwhile, or by an earlier attempt): make it what we want.
    const same =
      label.color.toLowerCase() === fields.color && (label.description ?? "") === fields.description;
    return same
      ? label
      : this.updateLabel(label.name, { color: fields.color, description: fields.description });
  }

  async updateLabel(name: string, fields: Partial<LabelFields>): Promise<ActualLabel> {
    const { name: newName, ...rest } = fields;
    return github(this.repo, `update label "${name}"`, async () => {
      const { data } = await this.client.request("PATCH /repos/{owner}/{repo}/labels/{name}", {
        ...this.params,
        name,
        ...(newName !== undefined && newName !== name ? { new_name: newName } : {}),
        ...rest,
      });
      return data;
    });
  }

  async createMilestone(key: string, fields: MilestoneFields): Promise<ActualMilestone> {
    const action = `create milestone ${key}`;
    return this.createOnce(
      action,
      () => this.findMilestone(key, fields.title),
      async () => {
        const { data } = await this.client.request("POST /repos/{owner}/{repo}/milestones", {
          ...this.params,
          ...fields,
          ...NO_BLIND_RETRY,
        });
        return this.parse(action, snapshotSchema, { milestones: [data] }).milestones[0] as ActualMilestone;
      },
    );
  }

  async updateMilestone(number: number, fields: Partial<MilestoneFields>): Promise<ActualMilestone> {
    const action = `update milestone #${number}`;
    return github(this.repo, action, async () => {
      const { data } = await this.client.request(
        "PATCH /repos/{owner}/{repo}/milestones/{milestone_number}",
        {
          ...this.params,
          milestone_number: number,
          ...fields,
        },
      );
      return this.parse(action, snapshotSchema, { milestones: [data] }).milestones[0] as ActualMilestone;
    });
  }

  async createIssue(key: string, fields: Omit<IssueFields, "state" | "state_reason">): Promise<ActualIssue> {
    const action = `create issue ${key}`;
    return this.createOnce(
      action,
      () => this.findRecentIssue(key),
      async () => {
        const { data } = await this.client.request("POST /repos/{owner}/{repo}/issues", {
          ...this.params,
          ...fields,
          ...NO_BLIND_RETRY,
        });
        return this.parse(action, snapshotSchema, { issues: [data] }).issues[0] as ActualIssue;
      },
    );
  }

  async updateIssue(number: number, fields: Partial<IssueFields>): Promise<ActualIssue> {
    const action = `update issue #${number}`;
    return github(this.repo, action, async () => {
      const { data } = await this.client.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
        ...this.params,
        issue_number: number,
        ...fields,
      });
      return this.parse(action, snapshotSchema, { issues: [data] }).issues[0] as ActualIssue;
    });
  }

  async commentOnIssue(number: number, body: string): Promise<void> {
    // A comment whose answer was lost may have been made: look for it before commenting again.
    const normalized = body.replace(/\r\n/g, "\n");
    await this.createOnce(
      `comment on issue #${number}`,
      async () => {
        const self = (await this.identity()).toLowerCase();
        return (await this.listIssueComments(number)).find(
          (comment) =>
            comment.author?.toLowerCase() === self &&
            (comment.body ?? "").replace(/\r\n/g, "\n") === normalized,
        );
      },
      async () => {
        const { data } = await this.client.request(
          "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
          {
            ...this.params,
            issue_number: number,
            body,
            ...NO_BLIND_RETRY,
          },
        );
        return {
          body: data.body ?? null,
          created_at: data.created_at,
          ...(data.user ? { author: data.user.login } : {}),
        };
      },
    );
  }

  async listIssueComments(number: number): Promise<IssueComment[]> {
    const comments = await github(this.repo, `read the comments of issue #${number}`, () =>
      this.client.paginate("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
        ...this.params,
        issue_number: number,
        per_page: PAGE,
      }),
    );
    return comments.map((comment) => ({
      body: comment.body ?? null,
      created_at: comment.created_at,
      ...(comment.user ? { author: comment.user.login } : {}),
    }));
  }

  async readFile(path: string, ref?: string): Promise<string | undefined> {
    const action = `read ${path}${ref ? ` at ${ref.slice(0, 12)}` : ""}`;
    return github(this.repo, action, () =>
      readFileText(this.client, { owner: this.owner, name: this.name, repo: this.repo, action }, path, ref),
    );
  }

  async listCommitsSince(since: string): Promise<CommitEvidence[] | undefined> {
    const commits = await github(this.repo, "list commits", async () => {
      try {
        return await this.client.paginate("GET /repos/{owner}/{repo}/commits", {
          ...this.params,
          since,
          per_page: PAGE,
        });
      } catch (error) {
        // An empty repository has no commits to list; GitHub says 409.
        if (isStatus(error, 409)) return [];
        if (isStatus(error, 404)) return undefined;
        throw error;
      }
    });
    if (commits === undefined) return undefined;
    return commits.map((commit) => commitEvidence(commit, this.repo, since)).reverse();
  }

  async readCommit(sha: string): Promise<CommitEvidence | undefined> {
    return github(this.repo, `read commit ${sha.slice(0, 12)}`, async () => {
      try {
        // Over 300 files, GitHub pages the file list (each page repeats the commit), up to 3,000 files.
        let evidence: CommitEvidence | undefined;
        const files: string[] = [];
        const pages = this.client.paginate.iterator("GET /repos/{owner}/{repo}/commits/{ref}", {
          ...this.params,
          ref: sha,
        });
        for await (const { data } of pages) {
          const commit = data as unknown as ListedCommit;
          evidence ??= commitEvidence(commit, this.repo, commit.commit.author?.date ?? "");
          files.push(...(commit.files ?? []).map((file) => file.filename));
        }
        return evidence ? { ...evidence, files } : undefined;
      } catch (error) {
        if (isStatus(error, 404, 422)) return undefined;
        throw error;
      }
    });
  }

  searchMergedPullRequests(
    login: string,
    repos: readonly string[],
  ): Promise<{ prs: PullRequestEvidence[]; incomplete: boolean }> {
    return searchMergedPullRequests(this.client, this.repo, login, repos);
  }

  searchEngagedIssues(login: string, repos: readonly string[], since: string): Promise<EngagedIssue[]> {
    return searchEngagedIssues(this.client, this.repo, login, repos, since);
  }

  searchNewcomerIssues(
    repos: readonly string[],
    limit: number,
  ): Promise<{ repo: string; number: number; title: string; url: string }[]> {
    return searchNewcomerIssues(this.client, this.repo, repos, limit);
  }

  async listPullRequestFileStats(
    number: number,
  ): Promise<{ filename: string; additions: number; deletions: number }[]> {
    const files = await github(this.repo, `read the files of pull request #${number}`, () =>
      this.client.paginate("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", {
        ...this.params,
        pull_number: number,
        per_page: PAGE,
      }),
    );
    return files.map((file) => ({
      filename: file.filename,
      additions: file.additions,
      deletions: file.deletions,
    }));
  }

  async listPullRequestFiles(
    number: number,
    until?: (paths: readonly string[]) => boolean,
  ): Promise<string[]> {
    const paths: string[] = [];
    await github(this.repo, `list the files of pull request #${number}`, () =>
      this.client.paginate(
        "GET /repos/{owner}/{repo}/pulls/{pull_number}/files",
        { ...this.params, pull_number: number, per_page: PAGE },
        (response, done) => {
          for (const file of response.data) {
            paths.push(file.filename, ...(file.previous_filename ? [file.previous_filename] : []));
          }
          if (until?.(paths)) done();
          return [];
        },
      ),
    );
    return paths;
  }

  async commitFiles(commit: FileCommit): Promise<{ sha: string } | undefined> {
    // What the caller's render throws (a file it will not write over) is its own error, not GitHub's.
    let refused: { error: unknown } | undefined;
    const render: FileCommit["render"] = (current) => {
      try {
        return commit.render(current);
      } catch (error) {
        refused = { error };
        throw error;
      }
    };
    try {
      return await this.commitRendered(commit, render);
    } catch (error) {
      throw refused ? refused.error : error;
    }
  }

  private async commitRendered(
    commit: FileCommit,
    render: FileCommit["render"],
  ): Promise<{ sha: string } | undefined> {
    const action = `commit ${commit.read.length > 0 ? commit.read.join(", ") : "files"}`;
    return github(this.repo, action, async () => {
      const { data: repository } = await this.client.request("GET /repos/{owner}/{repo}", this.params);
      const ref = `heads/${repository.default_branch}`;
      for (let attempt = 1; attempt <= COMMIT_ATTEMPTS; attempt++) {
        const { data: head } = await this.client.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
          ...this.params,
          ref,
        });
        const current = new Map<string, string | undefined>();
        for (const path of commit.read) current.set(path, await this.readFile(path, head.object.sha));
        const rendered = Object.entries(render(current));
        const { data: parent } = await this.client.request(
          "GET /repos/{owner}/{repo}/git/commits/{commit_sha}",
          {
            ...this.params,
            commit_sha: head.object.sha,
          },
        );
        // Files not read are compared by their git blob hash with the tree's: one listing, no reads.
        const unread = rendered.filter(([path]) => !current.has(path));
        const blobs = unread.length > 0 ? await this.treeBlobs(parent.tree.sha) : new Map<string, string>();
        const changed: { path: string; content: string }[] = [];
        for (const [path, content] of rendered) {
          const same = current.has(path)
            ? current.get(path) === content
            : blobs.get(path) === gitBlobSha(content);
          if (!same) changed.push({ path, content });
        }
        if (changed.length === 0) return undefined;
        const { data: tree } = await this.client.request("POST /repos/{owner}/{repo}/git/trees", {
          ...this.params,
          base_tree: parent.tree.sha,
          tree: changed.map((file) => ({
            path: file.path,
            mode: "100644" as const,
            type: "blob" as const,
            content: file.content,
          })),
        });
        const { data: created } = await this.client.request("POST /repos/{owner}/{repo}/git/commits", {
          ...this.params,
          message: commit.message,
          tree: tree.sha,
          parents: [head.object.sha],
          ...(commit.author ? { author: commit.author } : {}),
        });
        try {
          await this.client.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
            ...this.params,
            ref,
            sha: created.sha,
            force: false,
          });
          return { sha: created.sha };
        } catch (error) {
          // The branch moved (someone pushed): start again from its new head, never force.
          if (!isStatus(error, 422, 409)) throw error;
        }
      }
      throw new GitHubError({
        status: 422,
        repo: this.repo,
        action,
        detail: `the branch kept moving; gave up after ${COMMIT_ATTEMPTS} attempts`,
      });
    });
  }

  /** Path -> blob SHA of every file in a tree; a tree too large to list at once is read by folder. */
  private async treeBlobs(treeSha: string, prefix = ""): Promise<Map<string, string>> {
    const { data } = await this.client.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", {
      ...this.params,
      tree_sha: treeSha,
      ...(prefix === "" ? { recursive: "1" } : {}),
    });
    const blobs = new Map<string, string>();
    for (const entry of data.tree) {
      if (!entry.path || !entry.sha) continue;
      const path = `${prefix}${entry.path}`;
      if (entry.type === "blob") blobs.set(path, entry.sha);
      // A recursive listing holds every nested file unless truncated; a folder's listing never does.
      else if (entry.type === "tree" && (data.truncated || prefix !== "")) {
        for (const [inner, sha] of await this.treeBlobs(entry.sha, `${path}/`)) blobs.set(inner, sha);
      }
    }
    return blobs;
  }

  async publishCheckRun(run: CheckRun): Promise<{ id: number }> {
    const action = `publish check run "${run.name}"`;
    const batches: CheckRun["output"]["annotations"][] = [];
    for (let index = 0; index < run.output.annotations.length; index += ANNOTATIONS_PER_REQUEST) {
      batches.push(run.output.annotations.slice(index, index + ANNOTATIONS_PER_REQUEST));
    }
    const [first = [], ...rest] = batches;
    const output = {
      title: run.output.title,
      summary: run.output.summary,
      ...(run.output.text ? { text: run.output.text } : {}),
    };
    return github(this.repo, action, async () => {
      const { data } = await this.client.request("POST /repos/{owner}/{repo}/check-runs", {
        ...this.params,
        name: run.name,
        head_sha: run.head_sha,
        status: rest.length === 0 ? "completed" : "in_progress",
        ...(rest.length === 0 ? { conclusion: run.conclusion } : {}),
        output: { ...output, annotations: first },
      });
      for (const [index, annotations] of rest.entries()) {
        const last = index === rest.length - 1;
        await this.client.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
          ...this.params,
          check_run_id: Number(data.id),
          ...(last ? { conclusion: run.conclusion } : {}),
          output: { ...output, annotations },
        });
      }
      return { id: Number(data.id) };
    });
  }

  /**
   * Create, and when the answer is lost (5xx, timeout, dropped connection), look the object up by
   * key: it exists if the write went through, and only if it is still missing is it created again.
   * A 422 "already exists" (e.g. a milestone title taken) is settled the same way.
   */
  private async createOnce<T>(
    action: string,
    find: () => Promise<T | undefined>,
    create: () => Promise<T>,
  ): Promise<T> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= CREATE_ATTEMPTS; attempt++) {
      try {
        return await create();
      } catch (error) {
        if (error instanceof GitHubError) throw error;
        const alreadyExists =
          isStatus(error, 422) &&
          JSON.stringify((error as { response?: { data?: unknown } }).response?.data ?? "").includes(
            "already_exists",
          );
        if (!outcomeUnknown(error) && !alreadyExists) throw toGitHubError(error, this.repo, action);
        lastError = error;
        const existing = await github(this.repo, `${action} (checking whether it exists)`, find);
        if (existing) return existing;
        if (alreadyExists) break;
      }
    }
    throw toGitHubError(lastError, this.repo, action);
  }

  private async findLabel(name: string): Promise<ActualLabel | undefined> {
    try {
      const { data } = await this.client.request("GET /repos/{owner}/{repo}/labels/{name}", {
        ...this.params,
        name,
      });
      return data;
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  private async findMilestone(key: string, title: string): Promise<ActualMilestone | undefined> {
    const milestones = await this.list("read milestones", "GET /repos/{owner}/{repo}/milestones", {
      state: "all",
    });
    const parsed = this.parse("read milestones", snapshotSchema, { milestones }).milestones;
    return (
      parsed.find((milestone) => keyOf(milestone.description) === key) ??
      parsed.find((milestone) => milestone.title === title)
    );
  }

  /** The newest issues come first: one page finds an issue created moments ago. */
  private async findRecentIssue(key: string): Promise<ActualIssue | undefined> {
    const { data } = await this.client.request("GET /repos/{owner}/{repo}/issues", {
      ...this.params,
      state: "all",
      sort: "created",
      direction: "desc",
      per_page: PAGE,
    });
    const issues = this.parse("read issues", snapshotSchema, { issues: data }).issues;
    // Only an issue this client opened: a stranger may have opened one carrying the same key.
    const self = (await this.identity()).toLowerCase();
    return issues.find(
      (issue) =>
        issue.pull_request === undefined &&
        issue.user?.login.toLowerCase() === self &&
        keyOf(issue.body) === key,
    );
  }

  private async list(action: string, route: string, parameters: Record<string, string>): Promise<unknown[]> {
    return github(this.repo, action, () =>
      this.client.paginate(route as "GET /repos/{owner}/{repo}/labels", {
        ...this.params,
        ...parameters,
        per_page: PAGE,
      }),
    );
  }

  private parse<Schema extends z.ZodType>(action: string, schema: Schema, data: unknown): z.output<Schema> {
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    throw new GitHubError({
      status: undefined,
      repo: this.repo,
      action,
      detail: `unexpected answer from GitHub at ${issue?.path.join(".")}: ${issue?.message}`,
    });
  }
}

type ListedCommit = components["schemas"]["commit"];

/** A commit of the commits API as evidence: who GitHub says wrote and committed it, and whether it verified the signature. */
function commitEvidence(commit: ListedCommit, repo: string, fallbackTime: string): CommitEvidence {
  const login = (user: ListedCommit["author"]) => (user && "login" in user ? user.login : null);
  return {
    sha: commit.sha,
    message: commit.commit.message,
    repo,
    url: commit.html_url,
    timestamp: commit.commit.author?.date ?? commit.commit.committer?.date ?? fallbackTime,
    authorLogin: login(commit.author),
    authorEmail: commit.commit.author?.email ?? null,
    committerLogin: login(commit.committer),
    verified: commit.commit.verification?.verified === true,
  };
}

/** "owner/name" from an API address such as https://api.github.com/repos/owner/name. */
/** The SHA git gives a blob with this text: equal SHAs, equal files. */
function gitBlobSha(text: string): string {
  const bytes = Buffer.from(text, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}
