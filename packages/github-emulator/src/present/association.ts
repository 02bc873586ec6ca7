import type { components } from "@octokit/openapi-types";
import { history } from "../git/history.js";
import type { RepoRecord, UserRecord } from "../state.js";
import type { Store } from "../store.js";

type AuthorAssociation = components["schemas"]["author-association"];

/** The author emails of a repository's default branch, kept until the branch moves. */
const authorEmails = new WeakMap<RepoRecord, { head: string; emails: Set<string> }>();

function emailsOf(store: Store, repo: RepoRecord): Set<string> {
  const objects = store.git(repo);
  const head = objects.ref(`refs/heads/${repo.defaultBranch}`);
  if (head === undefined) return new Set();
  const cached = authorEmails.get(repo);
  if (cached?.head === head) return cached.emails;
  const emails = new Set(history(objects, head).map(({ commit }) => commit.author.email.toLowerCase()));
  authorEmails.set(repo, { head, emails });
  return emails;
}

/** Whether a commit on the repository's default branch is attributed to the account (its emails or noreply address). */
function committedTo(store: Store, repo: RepoRecord, user: UserRecord): boolean {
  const emails = emailsOf(store, repo);
  if (user.emails.some((email) => emails.has(email.toLowerCase()))) return true;
  const noreply = new RegExp(
    `^(?:\\d+\\+)?${escapeRegExp(user.login.toLowerCase())}@users\\.noreply\\.github\\.com$`,
  );
  for (const email of emails) if (noreply.test(email)) return true;
  return false;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function contributed(store: Store, repo: RepoRecord, user: UserRecord): boolean {
  const same = (login: string) => login.toLowerCase() === user.login.toLowerCase();
  return (
    repo.issues.some((issue) => issue.pull?.mergedAt && same(issue.author)) || committedTo(store, repo, user)
  );
}

/**
 * How GitHub labels an author's relation to a repository, from what the emulator knows: OWNER (the
 * repository's account), MEMBER (of the owning organization), CONTRIBUTOR (a commit on the default
 * branch, or a merged pull request), FIRST_TIME_CONTRIBUTOR (a pull request here, nothing merged
 * yet, but contributions elsewhere), FIRST_TIMER (the same, with no contribution anywhere), else
 * NONE. Collaborators are not modelled.
 */
export function authorAssociation(store: Store, repo: RepoRecord, login: string): AuthorAssociation {
  const same = (other: string) => other.toLowerCase() === login.toLowerCase();
  if (same(repo.owner)) return "OWNER";
  if (store.findUser(repo.owner)?.members?.some(same)) return "MEMBER";
  const user = store.findUser(login);
  if (!user) return "NONE";
  if (contributed(store, repo, user)) return "CONTRIBUTOR";
  if (!repo.issues.some((issue) => issue.pull && same(issue.author))) return "NONE";
  const elsewhere = store.state.repos.some((other) => other !== repo && contributed(store, other, user));
  return elsewhere ? "FIRST_TIME_CONTRIBUTOR" : "FIRST_TIMER";
}
