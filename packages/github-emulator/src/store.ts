import { notFound } from "./errors.js";
import { GitObjects } from "./git/objects.js";
import { DEFAULT_LABELS, timestamp } from "./quirks.js";
import type { EmulatorState, GitSignature, IssueRecord, RepoRecord, UserRecord, UserType } from "./state.js";

const sameName = (left: string, right: string) => left.toLowerCase() === right.toLowerCase();

/** The state plus the clock: lookups as GitHub does them (owner, repo and login case-insensitively), and ids. */
export class Store {
  constructor(
    readonly state: EmulatorState,
    private readonly clock: () => Date,
  ) {}

  /** The current time as GitHub writes timestamps. */
  now(): string {
    return timestamp(this.clock());
  }

  nowMs(): number {
    return this.clock().getTime();
  }

  nextId(): number {
    this.state.lastId += 1;
    return this.state.lastId;
  }

  findUser(login: string): UserRecord | undefined {
    return this.state.users.find((user) => sameName(user.login, login));
  }

  /** The account named `login`, created on first mention (scenes name their users as they go). */
  ensureUser(login: string, type: UserType = "User"): UserRecord {
    const existing = this.findUser(login);
    if (existing) return existing;
    const user: UserRecord = {
      id: this.nextId(),
      login,
      type,
      name: null,
      emails: [],
      createdAt: this.now(),
    };
    this.state.users.push(user);
    return user;
  }

  /** The account GitHub attributes a commit email to: a verified email or a noreply address. */
  userByEmail(email: string): UserRecord | undefined {
    const address = email.toLowerCase();
    const noreply = /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/.exec(address);
    return this.state.users.find(
      (user) =>
        user.emails.some((known) => known.toLowerCase() === address) ||
        (noreply !== null && user.login.toLowerCase() === noreply[1]),
    );
  }

  /** The git identity GitHub writes for an account's web and API commits. */
  signatureOf(user: UserRecord): GitSignature {
    return {
      name: user.name ?? user.login,
      email: user.emails[0] ?? `${user.id}+${user.login}@users.noreply.github.com`,
      date: this.now(),
    };
  }

  findRepo(owner: string, name: string): RepoRecord | undefined {
    return this.state.repos.find((repo) => sameName(repo.owner, owner) && sameName(repo.name, name));
  }

  /** The repository, or GitHub's 404. */
  repo(owner: string, name: string): RepoRecord {
    const repo = this.findRepo(owner, name);
    if (!repo) throw notFound();
    return repo;
  }

  addRepo(init: {
    owner: string;
    name: string;
    private?: boolean;
    description?: string | null;
    homepage?: string | null;
    defaultBranch?: string;
  }): RepoRecord {
    const now = this.now();
    const repo: RepoRecord = {
      id: this.nextId(),
      owner: init.owner,
      name: init.name,
      private: init.private ?? false,
      description: init.description ?? null,
      homepage: init.homepage ?? null,
      defaultBranch: init.defaultBranch ?? "main",
      createdAt: now,
      updatedAt: now,
      pushedAt: now,
      lastNumber: 0,
      lastMilestoneNumber: 0,
      // GitHub gives every new repository its default labels, whichever way it is created.
      labels: DEFAULT_LABELS.map((label) => ({ id: this.nextId(), ...label, default: true })),
      milestones: [],
      issues: [],
      comments: [],
      git: { objects: {}, refs: {} },
    };
    this.state.repos.push(repo);
    return repo;
  }

  git(repo: RepoRecord): GitObjects {
    return new GitObjects(repo.git);
  }

  /** Issue or pull request `number`, or GitHub's 404. */
  issue(repo: RepoRecord, number: number): IssueRecord {
    const issue = repo.issues.find((candidate) => candidate.number === number);
    if (!issue) throw notFound();
    return issue;
  }

  /** The account behind a stored login; logins in records always name existing accounts. */
  user(login: string): UserRecord {
    const user = this.findUser(login);
    if (!user) throw new Error(`emulator state names unknown user ${login}`);
    return user;
  }
}
