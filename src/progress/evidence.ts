import type { Config } from "../config/schema.js";
import type { Curriculum } from "../curriculum/load.js";
import { keys, type PlanContext } from "../model/context.js";
import { fitLine, fitText, GITHUB_LIMITS } from "../text/github-limits.js";
import { escapeMarkdownInline, inlineCode } from "../text/markdown.js";
import { type CommitClaims, parseCommitMessage } from "./commit-grammar.js";

/** A commit as syllabot needs it, from a push payload or the commits API alike. */
export interface CommitEvidence {
  sha: string;
  message: string;
  /** "owner/name" of the repository it was pushed to. */
  repo: string;
  url: string;
  /** ISO timestamp of the commit. */
  timestamp: string;
  /** The account GitHub attributes the author's email to: anyone who can push can claim it. */
  authorLogin?: string | null;
  authorEmail?: string | null;
  /** The account GitHub attributes the committer's email to. */
  committerLogin?: string | null;
  /** GitHub verified the commit's signature as the committer's; undefined when not known (a push payload). */
  verified?: boolean;
  /**
   * Paths it added, modified or removed (a push payload and the single-commit API list them, at
   * most 3,000); undefined when not known (a commit listing).
   */
  files?: readonly string[];
}

/**
 * The trailer syllabot ends each of its own commits with. Its commits are never evidence, whoever
 * their author (`commit.author` may well be the learner): a portfolio that is also a project
 * repository would otherwise count each README refresh as the learner's work, and commit again at
 * every run to record it. Anyone can write the trailer, but it only ever removes evidence, of the
 * commit that carries it.
 */
export const OWN_COMMIT_TRAILER = "Syllabot-Commit";

/** What syllabot commits: README refreshes, and ledger updates of their own. */
export type OwnCommitKind = "refresh" | "ledger";

/** The message of a commit syllabot makes: the message, then its trailer. */
export function ownCommitMessage(message: string, kind: OwnCommitKind): string {
  return `${message.trimEnd()}\n\n${OWN_COMMIT_TRAILER}: ${kind}`;
}

/** The messages syllabot's commits had before they carried the trailer (only syllabot wrote them). */
const UNMARKED_OWN_MESSAGES = new Set(["docs: refresh progress (syllabot)", "syllabot: record progress"]);

export function isSyllabotsCommit(commit: Pick<CommitEvidence, "message">): boolean {
  return (
    /^[ \t]*syllabot-commit[ \t]*:/im.test(commit.message) || UNMARKED_OWN_MESSAGES.has(commit.message.trim())
  );
}

/** Whether the commit says the learner wrote it: by GitHub login, or by one of the configured emails. */
export function isLearnersCommit(
  commit: CommitEvidence,
  config: Pick<Config, "learner" | "emails">,
): boolean {
  if (sameLogin(commit.authorLogin, config.learner)) return true;
  const email = commit.authorEmail?.toLowerCase();
  return email !== undefined && config.emails.some((candidate) => candidate.toLowerCase() === email);
}

const sameLogin = (login: string | null | undefined, other: string) =>
  typeof login === "string" && login.toLowerCase() === other.toLowerCase();

/**
 * Whether a commit is evidence of the learner's work. An author's name, email and even the login
 * GitHub derives from that email are claims anyone who can push may write, so where a commit is
 * matters:
 * - in a repository the learner owns (or one the config vouches for in `trusted_repos`), only the
 *   learner and those they let push can put it there: the learner's login or email is enough;
 * - anywhere else, it counts only when GitHub verified its signature as the learner's (signed by a
 *   key on the learner's account, the learner as committer).
 * A commit that is not the learner's at all (syllabot's own included) is simply not theirs; one
 * that claims to be theirs without such proof is `unproven`, with the reason.
 */
export function evidenceVerdict(
  commit: CommitEvidence,
  config: Pick<Config, "learner" | "emails" | "trusted_repos">,
): { counts: boolean; unproven?: string } {
  if (isSyllabotsCommit(commit) || !isLearnersCommit(commit, config)) return { counts: false };
  const owner = commit.repo.split("/")[0] ?? "";
  const vouched = config.trusted_repos.some((repo) => repo.toLowerCase() === commit.repo.toLowerCase());
  if (sameLogin(owner, config.learner) || vouched) return { counts: true };
  if (commit.verified === true && sameLogin(commit.committerLogin, config.learner)) return { counts: true };
  return {
    counts: false,
    unproven: `${commit.repo} is not the learner's repository and GitHub has not verified this commit's signature as theirs: not counted (list the repository in trusted_repos if only people you trust push there)`,
  };
}

export function claimsOf(commit: CommitEvidence, curriculum: Curriculum): CommitClaims {
  return parseCommitMessage(commit.message, {
    totalWeeks: curriculum.totalWeeks,
    projectSlugs: new Set(curriculum.projects.map((project) => project.slug)),
  });
}

/** The managed issues a commit says it finishes, by key. */
export function claimedKeys(claims: CommitClaims, context: PlanContext): string[] {
  return [
    ...claims.weeks.map((week) => keys.week(context, week)),
    ...claims.projects.map((slug) => keys.project(slug)),
  ];
}

const CLOSED_BY = /<!-- syllabot:closed-by=([0-9a-f]{7,64}) -->/;

/** A commit subject in a closing comment is cut to what a reader takes in at a glance. */
export const MAX_SUBJECT_CHARACTERS = 200;

/** The first line of a commit message, cut to `MAX_SUBJECT_CHARACTERS`: a subject may be megabytes long. */
export function commitSubject(message: string): string {
  const end = message.search(/\r?\n/);
  return fitLine(end === -1 ? message : message.slice(0, end), MAX_SUBJECT_CHARACTERS);
}

export function closingComment(commit: CommitEvidence): string {
  return fitText(
    [
      `<!-- syllabot:closed-by=${commit.sha} -->`,
      `Closed by [${inlineCode(commit.sha.slice(0, 7))}](${commit.url}) in ${escapeMarkdownInline(commit.repo)}: ${escapeMarkdownInline(commitSubject(commit.message))}`,
    ].join("\n"),
    GITHUB_LIMITS.commentBody,
  );
}

export interface PastClosing {
  sha: string;
  /** When syllabot commented. */
  at: string;
}

/** The closings syllabot recorded on an issue, read from its comments. */
export function pastClosings(
  comments: readonly { body?: string | null; created_at: string }[],
): PastClosing[] {
  return comments.flatMap((comment) => {
    const sha = CLOSED_BY.exec(comment.body ?? "")?.[1];
    return sha ? [{ sha, at: comment.created_at }] : [];
  });
}

/**
 * What a commit does to an issue it names:
 * - "close": the issue is open, this commit never closed it, and it is newer than syllabot's last
 *   closing (so a week the learner reopened is not closed again by an older commit arriving late);
 * - "annotate": the issue is closed and links no commit yet (closed by hand, or a crash came
 *   between closing and commenting): add the link, leave the state;
 * - "none": otherwise. Seeing the same commit again never does anything twice.
 */
export function closingDecision(
  issue: { state: string },
  closings: readonly PastClosing[],
  commit: CommitEvidence,
): "close" | "annotate" | "none" {
  const seen = closings.some(
    (closing) => commit.sha.startsWith(closing.sha) || closing.sha.startsWith(commit.sha),
  );
  if (issue.state !== "open") return closings.length === 0 ? "annotate" : "none";
  if (seen) return "none";
  const latest = closings.map((closing) => Date.parse(closing.at)).sort((a, b) => b - a)[0];
  return latest === undefined || Date.parse(commit.timestamp) > latest ? "close" : "none";
}
