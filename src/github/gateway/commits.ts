import type { components } from "@octokit/openapi-types";
import type { CommitEvidence } from "../../progress/evidence.js";
import { GitHubError, github, isStatus } from "../errors.js";
import { PAGE, type Repository } from "./context.js";

type ListedCommit = components["schemas"]["commit"];

/** Commits on the default branch since an instant, oldest first; undefined when the repository cannot be seen. */
export async function listCommitsSince(
  repository: Repository,
  since: string,
): Promise<CommitEvidence[] | undefined> {
  const { client, params } = repository;
  const commits = await github(repository.repo, "list commits", async () => {
    try {
      return await client.paginate(client.rest.repos.listCommits, { ...params, since, per_page: PAGE });
    } catch (error) {
      // An empty repository has no commits to list; GitHub says 409.
      if (isStatus(error, 409)) return [];
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  });
  if (commits === undefined) return undefined;
  return commits.map((commit) => commitEvidence(commit, repository.repo, since)).reverse();
}

/** One commit with every file it changes; undefined when GitHub does not know it. */
export function readCommit(repository: Repository, sha: string): Promise<CommitEvidence | undefined> {
  const { client, params } = repository;
  return github(repository.repo, `read commit ${sha.slice(0, 12)}`, async () => {
    try {
      // Over 300 files, GitHub pages the file list (each page repeats the commit), up to 3,000 files.
      let evidence: CommitEvidence | undefined;
      const files: string[] = [];
      const pages = client.paginate.iterator(client.rest.repos.getCommit, { ...params, ref: sha });
      for await (const { data: commit } of pages) {
        if (!isWholeCommit(commit)) throw notACommit(repository, sha);
        evidence ??= commitEvidence(commit, repository.repo, commit.commit.author?.date ?? "");
        files.push(...(commit.files ?? []).map((file) => file.filename));
      }
      return evidence ? { ...evidence, files } : undefined;
    } catch (error) {
      if (isStatus(error, 404, 422)) return undefined;
      throw error;
    }
  });
}

/**
 * The pagination plugin types each page of an endpoint by its list (here, the commit's files); a
 * commit's pages are each the whole commit, with a slice of its files.
 */
function isWholeCommit(page: object): page is ListedCommit {
  return "sha" in page && "commit" in page;
}

function notACommit(repository: Repository, sha: string): GitHubError {
  return new GitHubError({
    status: undefined,
    repo: repository.repo,
    action: `read commit ${sha.slice(0, 12)}`,
    detail: "unexpected answer from GitHub: a page of the commit is not a commit",
  });
}

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
