import { randomToken, Tokens } from "./auth.js";
import { Dispatcher } from "./dispatch.js";
import { Faults } from "./faults.js";
import {
  addInstallation,
  type InstallationHost,
  type InstallationOptions,
  listInstallations,
} from "./installations.js";
import { type LimitOptions, rateLimits } from "./limits.js";
import { countRequests, type RequestCounts, type RequestRecord } from "./log.js";
import type { AppIdentity, EmulatorContext } from "./route.js";
import { allRoutes, routeTable } from "./routes/index.js";
import { metaRoutes } from "./routes/meta.js";
import {
  addComment,
  addCommit,
  addPullRequest,
  addSceneIssue,
  type CommentOptions,
  type CommitOptions,
  createRepo,
  editIssueOnWeb,
  type IssueOptions,
  type PullRequestOptions,
  type RepoOptions,
  type WebEdit,
} from "./scene.js";
import { LoopbackServer } from "./server.js";
import { type EmulatorState, emptyState, type UserRecord } from "./state.js";
import { Store } from "./store.js";
import { Urls } from "./urls.js";

export interface EmulatorOptions {
  /** Default 0: any free port. The emulator always binds 127.0.0.1. */
  port?: number;
  /** The token requests must carry (`Authorization: token X` or `Bearer X`); default a random `ghs_…`. */
  token?: string;
  /** Start from a saved state (see `snapshot()`). */
  state?: EmulatorState;
  /** The authenticated user's login; default `octocat`. */
  login?: string;
  limits?: LimitOptions;
  /** The clock of timestamps and rate windows; default the wall clock. */
  now?: () => Date;
  /**
   * The web root of `html_url`s; default the origin each request reached the emulator at (without
   * GitHub Enterprise Server's `/api/v3`), the web address that syllabot derives for an API it does
   * not know (src/github/web-url.ts), so that links agree by default.
   */
  webUrl?: string;
  /**
   * The GitHub App the app endpoints play; default id 1, slug `syllabot`, installed (installation
   * 1) on `login`'s account for all repositories. `addInstallation` installs it elsewhere.
   */
  app?: Partial<AppIdentity>;
}

function loadState(state: EmulatorState | undefined): EmulatorState {
  if (state === undefined) return emptyState();
  if (state.version !== 1 || !Array.isArray(state.repos) || !Array.isArray(state.users)) {
    throw new Error(`unsupported emulator state (version ${String(state.version)})`);
  }
  return structuredClone(state);
}

/** A stateful GitHub REST API on loopback, for tests, demos and benchmarks. */
export class Emulator {
  readonly log: RequestRecord[] = [];
  /** Failures of the emulator itself (answered 500); a test that sees one has found an emulator bug. */
  readonly internalErrors: Error[] = [];
  readonly faults = new Faults();
  private readonly closeListeners: ((state: EmulatorState) => void | Promise<void>)[] = [];
  private server: LoopbackServer | undefined;
  private closed: Promise<void> | undefined;

  private constructor(
    private readonly host: InstallationHost,
    readonly token: string,
  ) {}

  private get store(): Store {
    return this.host.store;
  }

  static async start(options: EmulatorOptions = {}): Promise<Emulator> {
    const store = new Store(loadState(options.state), options.now ?? (() => new Date()));
    const login = store.ensureUser(options.login ?? "octocat").login;
    const app: AppIdentity = { id: 1, slug: "syllabot", installationId: 1, ...options.app };
    const host: InstallationHost = { store, login, app };
    const ids = listInstallations(host).map((installation) => installation.id);
    if (new Set(ids).size < ids.length) {
      throw new Error(`the saved state already has an installation ${app.installationId}`);
    }
    const tokens = new Tokens(options.token ?? randomToken("ghs"));
    const emulator = new Emulator(host, tokens.userToken);
    const limits = rateLimits(options.limits);
    const routes = routeTable([
      ...allRoutes((now, grant) => tokens.mintInstallationToken(now, grant)),
      ...metaRoutes(limits),
    ]);
    let dispatcher: Dispatcher | undefined;
    emulator.server = await LoopbackServer.listen(options.port ?? 0, () => {
      if (!dispatcher) throw new Error("emulator received a request before it was ready");
      return dispatcher;
    });
    const context: EmulatorContext = {
      store,
      urls: new Urls(emulator.url, options.webUrl ?? emulator.url),
      login,
      app,
    };
    dispatcher = new Dispatcher({
      routes,
      context,
      tokens,
      limits,
      faults: emulator.faults,
      bot: (): UserRecord => store.ensureUser(`${app.slug}[bot]`, "Bot"),
      log: emulator.log,
      internalErrors: emulator.internalErrors,
      webUrl: options.webUrl,
    });
    return emulator;
  }

  /** The API root, e.g. `http://127.0.0.1:4321`: paths are those of api.github.com. */
  get url(): string {
    if (!this.server) throw new Error("emulator not started");
    return this.server.url;
  }

  /** Stops serving, then hands the final state to listeners registered with `onClose`. Idempotent. */
  close(): Promise<void> {
    this.closed ??= (async () => {
      await this.server?.close();
      const state = this.snapshot();
      for (const listener of this.closeListeners) await listener(state);
    })();
    return this.closed;
  }

  onClose(listener: (state: EmulatorState) => void | Promise<void>): void {
    this.closeListeners.push(listener);
  }

  clearLog(): void {
    this.log.length = 0;
  }

  counts(): RequestCounts {
    return countRequests(this.log);
  }

  /** The whole state, as plain JSON. */
  snapshot(): EmulatorState {
    return structuredClone(this.store.state);
  }

  /**
   * Adds or updates an account: its display name, the commit emails GitHub attributes to it, and
   * for an organization its members (accounts created if missing; added to those it has).
   */
  addUser(
    login: string,
    options: { name?: string; emails?: string[]; type?: "User" | "Organization"; members?: string[] } = {},
  ): void {
    const user = this.store.ensureUser(login, options.type ?? "User");
    if (options.name !== undefined) user.name = options.name;
    if (options.emails) user.emails = [...new Set([...user.emails, ...options.emails])];
    if (options.members) {
      const members = options.members.map((member) => this.store.ensureUser(member).login);
      user.members = [...new Set([...(user.members ?? []), ...members])];
    }
  }

  /**
   * Installs the app on another account (created if missing), for all its repositories (those
   * created later too) or the named ones; returns the installation's id. Its tokens reach only
   * those repositories: another account's private repository answers 404, a public one may be
   * read but not written, as on github.com.
   */
  addInstallation(options: InstallationOptions): number {
    return addInstallation(this.host, options);
  }

  /** A repository with an initial commit on its default branch. */
  createRepo(fullName: string, options?: RepoOptions): void {
    createRepo(this.store, fullName, options);
  }

  /** Pushes a commit to a branch (created from the default branch if missing); returns its SHA. */
  addCommit(fullName: string, options: CommitOptions): string {
    return addCommit(this.store, fullName, options);
  }

  /** An issue opened (and perhaps closed) by someone on github.com; returns its number. */
  addIssue(fullName: string, options: IssueOptions): number {
    return addSceneIssue(this.store, fullName, options);
  }

  /** A pull request, open, closed or merged, with its changed files; returns its number. */
  addPullRequest(fullName: string, options: PullRequestOptions): number {
    return addPullRequest(this.store, fullName, options);
  }

  /** A comment by someone on github.com; returns its id. */
  addComment(fullName: string, issueNumber: number, options: CommentOptions): number {
    return addComment(this.store, fullName, issueNumber, options);
  }

  /** Edits an issue as a person on github.com would; a body is stored with CRLF line endings. */
  editIssueOnWeb(fullName: string, issueNumber: number, edit: WebEdit): void {
    editIssueOnWeb(this.store, fullName, issueNumber, edit);
  }

  editIssueBodyOnWeb(fullName: string, issueNumber: number, body: string): void {
    editIssueOnWeb(this.store, fullName, issueNumber, { body });
  }
}
