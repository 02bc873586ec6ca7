import { Temporal } from "../calendar.js";
import { attributedByFiles } from "../config/project-location.js";
import type { PortfolioGateway } from "../github/gateway.js";
import type { PlanContext } from "../model/context.js";
import { mightClaim } from "../progress/commit-grammar.js";
import { type CommitEvidence, evidenceVerdict, isSyllabotsCommit } from "../progress/evidence.js";
import { emptyLedger, type Ledger, type LedgerSeen } from "../progress/ledger.js";
import { isArchived } from "../progress/ledger-archive.js";
import { trackedRepositories } from "../progress/portfolios.js";
import type { HistoryInput } from "./reads.js";

/**
 * Commits pushed with author dates older than the newest one seen still reach the listing when they
 * are at most this old; older stragglers are the app's (it sees every push) or `rebuild`'s.
 */
export const RELISTING_MARGIN = { days: 7 } as const;

export interface ProjectHistory {
  commits: CommitEvidence[];
  /** Repositories that do not exist (yet) or that the token cannot see. */
  unreadable: string[];
  /** The newest commit listed per repository. */
  seen: Record<string, LedgerSeen>;
}

/**
 * Every project repository's commits since the program's start, or since a little before the newest
 * one seen there; repositories not visible are named. In a repository whose commits are told apart
 * by the files they touch (several projects, or a project's folder), each of the learner's commits
 * not yet recorded is read once more, for its files; those already recorded are left out.
 */
export async function projectHistory(
  input: HistoryInput,
  stored: Ledger = emptyLedger(),
  formerRepos: readonly string[] = [],
): Promise<ProjectHistory> {
  const { calendar, config } = input.context;
  const { lastSeen } = stored;
  const start = calendar.start.toZonedDateTime({ timeZone: calendar.timeZone }).toInstant();
  const history: ProjectHistory = { commits: [], unreadable: [], seen: {} };
  for (const repo of [...trackedRepositories(config), ...formerRepos]) {
    const cursor = lastSeen[repo];
    const resumeAt = cursor
      ? Temporal.Instant.from(cursor.timestamp)
          .toZonedDateTimeISO("UTC")
          .subtract(RELISTING_MARGIN)
          .toInstant()
      : start;
    const since = Temporal.Instant.compare(resumeAt, start) > 0 ? resumeAt : start;
    const gateway = input.gatewayFor(repo);
    const all = await gateway.listCommitsSince(since.toString());
    if (!all) {
      history.unreadable.push(repo);
      continue;
    }
    // syllabot's own commits (in a portfolio that is also a project repository) are not even the
    // newest commit seen: the ledger would change, and commit again, at every run.
    const listed = all.filter((commit) => !isSyllabotsCommit(commit));
    history.commits.push(
      ...(attributedByFiles(config.projects, repo)
        ? await withFiles(listed, gateway, stored, config)
        : listed),
    );
    const newest = newestCommit(listed);
    if (newest)
      history.seen[repo] = { sha: newest.sha, timestamp: Temporal.Instant.from(newest.timestamp).toString() };
  }
  return history;
}

/**
 * The learner's new commits as the single-commit API tells them, with the files they touched (at
 * most 3,000, GitHub's limit); commits already recorded are left out, others' are kept as listed.
 */
async function withFiles(
  listed: readonly CommitEvidence[],
  gateway: PortfolioGateway,
  stored: Ledger,
  config: PlanContext["config"],
): Promise<CommitEvidence[]> {
  const read: CommitEvidence[] = [];
  for (const commit of listed) {
    const known =
      stored.commits[commit.sha] !== undefined ||
      isArchived(stored.archive, { sha: commit.sha, timestamp: commit.timestamp });
    if (known) continue;
    if (!evidenceVerdict(commit, config).counts) {
      read.push(commit);
      continue;
    }
    const full = await gateway.readCommit(commit.sha);
    read.push(full ? { ...full, repo: commit.repo } : commit);
  }
  return read;
}

function newestCommit(commits: readonly CommitEvidence[]): CommitEvidence | undefined {
  let newest: CommitEvidence | undefined;
  for (const commit of commits) {
    const order = newest === undefined ? 1 : Date.parse(commit.timestamp) - Date.parse(newest.timestamp);
    if (order > 0 || (order === 0 && newest !== undefined && commit.sha > newest.sha)) newest = commit;
  }
  return newest;
}

/** At most this many commits of one push are read again for their signatures. */
const VERIFIED_READS_PER_PUSH = 20;

/** The commits that claim something, as the commits API tells them (with verification); the rest as pushed. */
export async function withVerification(
  commits: readonly CommitEvidence[],
  gateway: PortfolioGateway,
): Promise<CommitEvidence[]> {
  let reads = 0;
  const read: CommitEvidence[] = [];
  for (const commit of commits) {
    if (!mightClaim(commit.message) || reads >= VERIFIED_READS_PER_PUSH) {
      read.push(commit);
      continue;
    }
    reads++;
    const listed = await gateway.readCommit(commit.sha);
    read.push(listed ? { ...listed, repo: commit.repo } : commit);
  }
  return read;
}
