import type { Permissions } from "./permissions.js";
import type { EmulatorContext } from "./route.js";
import type { InstallationRecord, InstallationScope, RepoRecord, UserType } from "./state.js";

/** What the emulated app may do: what syllabot's app.yml asks for. */
export const APP_PERMISSIONS: Permissions = {
  checks: "write",
  contents: "write",
  issues: "write",
  metadata: "read",
  pull_requests: "read",
};

/** The webhook events the emulated app subscribes to. */
export const APP_EVENTS: readonly string[] = ["issues", "issue_comment", "push", "pull_request"];

/** What the installation functions need of the emulator. */
export type InstallationHost = Pick<EmulatorContext, "store" | "login" | "app">;

const sameName = (left: string, right: string) => left.toLowerCase() === right.toLowerCase();

/** The installation the emulator always has: the app on its own account, for all repositories. */
function defaultInstallation({ store, login, app }: InstallationHost): InstallationRecord {
  return {
    id: app.installationId,
    account: login,
    repositorySelection: "all",
    repositoryIds: [],
    permissions: APP_PERMISSIONS,
    events: [...APP_EVENTS],
    createdAt: store.user(login).createdAt,
  };
}

/** Every installation of the app, by id. */
export function listInstallations(host: InstallationHost): InstallationRecord[] {
  return [defaultInstallation(host), ...(host.store.state.installations ?? [])].sort(
    (left, right) => left.id - right.id,
  );
}

export function findInstallation(host: InstallationHost, id: number): InstallationRecord | undefined {
  return listInstallations(host).find((installation) => installation.id === id);
}

/** Whether the installation covers the repository: all of its account's, or one of those selected. */
export function covers(installation: InstallationRecord, repo: RepoRecord): boolean {
  if (!sameName(repo.owner, installation.account)) return false;
  return installation.repositorySelection === "all" || installation.repositoryIds.includes(repo.id);
}

/** Whether a token of this scope acts on the repository as its installation (reads and writes). */
export function reaches(scope: InstallationScope, repo: RepoRecord): boolean {
  return covers(scope.installation, repo) && (scope.repositoryIds?.includes(repo.id) ?? true);
}

/**
 * Whether the repository exists for the token: the emulator's own token sees everything; an
 * installation token sees what it reaches and, as on github.com, any public repository (read only).
 */
export function sees(scope: InstallationScope | undefined, repo: RepoRecord): boolean {
  return scope === undefined || !repo.private || reaches(scope, repo);
}

/** The installation covering a repository, if the app is installed where it lives. */
export function installationCovering(
  host: InstallationHost,
  repo: RepoRecord,
): InstallationRecord | undefined {
  return listInstallations(host).find((installation) => covers(installation, repo));
}

export interface InstallationOptions {
  /** The user or organization the app is installed on; created if missing. */
  account: string;
  /** The account's type: created so if missing (default `User`); an existing account must have it. */
  accountType?: Exclude<UserType, "Bot">;
  /** `all` (default: every repository of the account, including later ones) or full names of the account's repositories. */
  repositories?: "all" | readonly string[];
  /** Default: the app's permissions (`APP_PERMISSIONS`). */
  permissions?: Permissions;
  /** Default: the app's events. */
  events?: readonly string[];
}

/**
 * Installs the app on another account, as its owner would on github.com; returns the new
 * installation's id (one more than the highest so far, so ids follow the order of calls).
 */
export function addInstallation(host: InstallationHost, options: InstallationOptions): number {
  const { store } = host;
  const account = store.ensureUser(options.account, options.accountType ?? "User");
  if (options.accountType !== undefined && account.type !== options.accountType) {
    throw new Error(`${account.login} is an account of type ${account.type}, not ${options.accountType}`);
  }
  if (account.type === "Bot") throw new Error(`${account.login} is a bot: the app cannot be installed on it`);
  const existing = listInstallations(host).find((installation) =>
    sameName(installation.account, account.login),
  );
  if (existing) {
    throw new Error(`the app is already installed on ${account.login} (installation ${existing.id})`);
  }
  const selected = options.repositories ?? "all";
  const repositoryIds =
    selected === "all"
      ? []
      : selected.map((fullName) => {
          const [owner, name, ...rest] = fullName.split("/");
          if (!owner || !name || rest.length > 0) throw new Error(`"${fullName}" is not an owner/name`);
          if (!sameName(owner, account.login)) {
            throw new Error(
              `${fullName} is not a repository of ${account.login}, where the app is installed`,
            );
          }
          const repo = store.findRepo(owner, name);
          if (!repo) throw new Error(`no repository ${fullName} in the emulator`);
          return repo.id;
        });
  const installations = listInstallations(host);
  const id = Math.max(...installations.map((installation) => installation.id)) + 1;
  const now = store.now();
  store.state.installations ??= [];
  store.state.installations.push({
    id,
    account: account.login,
    repositorySelection: selected === "all" ? "all" : "selected",
    repositoryIds: [...new Set(repositoryIds)],
    permissions: { ...(options.permissions ?? APP_PERMISSIONS) },
    events: [...(options.events ?? APP_EVENTS)],
    createdAt: now,
  });
  return id;
}

const RANK: Readonly<Record<string, number>> = { read: 1, write: 2, admin: 3 };

/**
 * Whether a token may be minted with `requested`: no permission beyond the installation's.
 * Metadata read is every installation's.
 */
export function grants(installation: InstallationRecord, requested: Record<string, unknown>): boolean {
  const granted: Record<string, string | undefined> = { metadata: "read", ...installation.permissions };
  return Object.entries(requested).every(([name, level]) => {
    const wanted = typeof level === "string" ? RANK[level] : undefined;
    const has = RANK[granted[name] ?? ""];
    return wanted !== undefined && has !== undefined && wanted <= has;
  });
}
