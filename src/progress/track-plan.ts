import type { ActualIssue } from "../model/actual.js";
import type { PlanContext } from "../model/context.js";
import type { Operation } from "../model/operations.js";
import { type CommitClaims, mightClaim } from "./commit-grammar.js";
import {
  type CommitEvidence,
  claimedKeys,
  claimsOf,
  closingComment,
  closingDecision,
  evidenceVerdict,
  pastClosings,
} from "./evidence.js";
import { type LedgerCommit, ledgerEntry } from "./ledger.js";

/** Something a commit claimed that cannot be honoured, and why. */
export interface Rejection {
  sha: string;
  text: string;
  reason: string;
}

export interface Claim {
  commit: CommitEvidence;
  claimed: CommitClaims;
  /** The managed issues it says it finishes. */
  keys: string[];
}

export interface ClaimsRead {
  /** The commits that count, oldest first, with what they claim. */
  claims: Claim[];
  /** What the ledger records of them, by sha. */
  entries: Record<string, LedgerCommit>;
  rejected: Rejection[];
}

/** What commits claim: only the learner's count, read oldest first. */
export function readClaims(commits: readonly CommitEvidence[], context: PlanContext): ClaimsRead {
  const rejected: Rejection[] = [];
  const counted = commits
    .filter((commit) => {
      const verdict = evidenceVerdict(commit, context.config);
      if (!verdict.counts && verdict.unproven && mightClaim(commit.message))
        rejected.push({ sha: commit.sha, text: commit.repo, reason: verdict.unproven });
      return verdict.counts;
    })
    .sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
  const entries: Record<string, LedgerCommit> = {};
  const claims = counted.map((commit) => {
    const claimed = claimsOf(commit, context.curriculum);
    rejected.push(...claimed.rejected.map((rejection) => ({ sha: commit.sha, ...rejection })));
    entries[commit.sha] = ledgerEntry(commit, claimed, context);
    return { commit, claimed, keys: claimedKeys(claimed, context) };
  });
  return { claims, entries, rejected };
}

/** A commit worth a ledger write of its own: it finishes something, logs time or solves a DSA problem. */
export function worthRecording(claims: CommitClaims): boolean {
  return claims.weeks.length + claims.projects.length + claims.problems.length > 0 || claims.minutes > 0;
}

export interface Closing {
  key: string;
  number: number;
  sha: string;
  /** Closed by this commit, or (already closed) given the link to it. */
  outcome: "closed" | "annotated";
  /** The group of its operations (see `Operation.group`). */
  group: string;
}

/**
 * The week and project issues the claims finish: each closed, then given a comment linking its
 * commit, once, whatever the order or repetition of deliveries. `comments` holds the trusted
 * comments of every claimed issue. Later claims see what earlier ones would do.
 */
export function planClosings(
  claims: readonly Claim[],
  issues: ReadonlyMap<string, ActualIssue>,
  comments: ReadonlyMap<number, readonly { body?: string | null; created_at: string }[]>,
): { operations: Operation[]; closings: Closing[]; rejected: Rejection[] } {
  const operations: Operation[] = [];
  const closings: Closing[] = [];
  const rejected: Rejection[] = [];
  const states = new Map<number, string>();
  const known = new Map<number, { body?: string | null; created_at: string }[]>();
  for (const { commit, keys } of claims) {
    for (const key of keys) {
      const issue = issues.get(key);
      if (!issue) {
        rejected.push({ sha: commit.sha, text: key, reason: "no issue for it in the portfolio yet" });
        continue;
      }
      const past = known.get(issue.number) ?? [...(comments.get(issue.number) ?? [])];
      known.set(issue.number, past);
      const state = states.get(issue.number) ?? issue.state;
      const decision = closingDecision({ state }, pastClosings(past), commit);
      if (decision === "none") continue;
      const group = `${key}@${commit.sha}`;
      const described = { kind: "issue", key, title: issue.title, number: issue.number, group } as const;
      if (decision === "close") {
        // Closed first: a crash before the comment leaves a closed issue, which the next delivery links.
        operations.push({
          ...described,
          op: "close",
          fields: { state: "closed", state_reason: "completed" },
          reason: `finished by ${commit.sha.slice(0, 7)}`,
        });
        states.set(issue.number, "closed");
      }
      const body = closingComment(commit);
      operations.push({ ...described, op: "comment", fields: { body } });
      past.push({ body, created_at: commit.timestamp });
      closings.push({
        key,
        number: issue.number,
        sha: commit.sha,
        outcome: decision === "close" ? "closed" : "annotated",
        group,
      });
    }
  }
  return { operations, closings, rejected };
}
