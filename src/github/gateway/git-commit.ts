import { GitHubError, github, isStatus } from "../errors.js";
import type { FileCommit } from "../gateway.js";
import { gitBlobSha, knownFilesOf } from "../known-files.js";
import { readFile, readFileVersion } from "./contents.js";
import type { Repository } from "./context.js";

/** How often a commit is retried when the branch moved under it. */
const COMMIT_ATTEMPTS = 5;
/** The largest file written through the contents API; a larger one goes through the Git Data API. */
const ONE_FILE_LIMIT = 1024 * 1024;

/**
 * Files committed to the default branch in one commit, never over a change made meanwhile: one
 * file through the contents API (which refuses a write against a blob that is no longer there),
 * several through the Git Data API (the branch moved only as a fast-forward). When the file or the
 * branch moved, re-read, re-render and try again. No change, no commit.
 */
export async function commitFiles(
  repository: Repository,
  commit: FileCommit,
): Promise<{ sha: string } | undefined> {
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
    return commit.read.length === 1
      ? await commitOneFile(repository, commit, render)
      : await commitRendered(repository, commit, render);
  } catch (error) {
    throw refused ? refused.error : error;
  }
}

/**
 * A commit that reads and writes one file goes through the contents API: one request when the
 * file's blob is known (it was read or written before), two when it must be read first. GitHub
 * refuses the write (409) when the file moved since; it is then read again and re-rendered.
 */
async function commitOneFile(
  repository: Repository,
  commit: FileCommit,
  render: FileCommit["render"],
): Promise<{ sha: string } | undefined> {
  const { client, params, repo } = repository;
  const path = commit.read[0] as string;
  const known = knownFilesOf(client);
  type Version = { text: string; sha: string } | undefined;
  // What the file was when last seen (maybe stale), or what was just read (current).
  const seen = known.latest(repo, path);
  let next: { version: Version; fresh: boolean } | undefined = seen && { version: seen, fresh: false };
  for (let attempt = 1; attempt <= COMMIT_ATTEMPTS; attempt++) {
    const { version: current, fresh } = next ?? {
      version: await readFileVersion(repository, path),
      fresh: true,
    };
    next = undefined;
    const rendered = render(new Map([[path, current?.text]]));
    const paths = Object.keys(rendered);
    const content = rendered[path];
    // Another file to write, or a file too large for the contents API: the Git Data API's way.
    if (
      paths.some((other) => other !== path) ||
      (content !== undefined && Buffer.byteLength(content) > ONE_FILE_LIMIT)
    )
      return commitRendered(repository, commit, render);
    if (content === undefined || content === current?.text) {
      // Unchanged from what was last seen is not unchanged from the branch: look before saying so.
      if (!fresh) continue;
      return undefined;
    }
    try {
      const { data } = await github(repo, `commit ${path}`, () =>
        client.rest.repos.createOrUpdateFileContents({
          ...params,
          path,
          message: commit.message,
          content: Buffer.from(content, "utf8").toString("base64"),
          ...(current ? { sha: current.sha } : {}),
          ...(commit.author ? { author: commit.author } : {}),
          // A 409 says the file moved: it is read again below rather than the same write resent.
          request: { retries: 0 },
        }),
      );
      known.learn(content, { repo, path }, data.content?.sha ?? undefined);
      if (data.commit.sha) return { sha: data.commit.sha };
      throw new GitHubError({
        status: undefined,
        repo,
        action: `commit ${path}`,
        detail: "GitHub named no commit",
      });
    } catch (error) {
      // 409: the file is not at the SHA sent; 422: it was created or deleted meanwhile; 5xx: the
      // write may or may not have been done. Each time: read the file again and start over.
      const status = (error as { status?: number }).status ?? 0;
      if (!isStatus(error, 409, 422) && status < 500) throw error;
      known.forget(repo, path);
      if (status >= 500) continue;
      const now = await readFileVersion(repository, path);
      // Refused though the file did not move: a protection rule will refuse again; a conflict
      // with another write to the repository at that moment may pass the next time.
      if (now?.sha === current?.sha && refusedForGood(error)) throw error;
      next = { version: now, fresh: true };
    }
  }
  throw new GitHubError({
    status: 409,
    repo,
    action: `commit ${path}`,
    detail: `the file kept changing; gave up after ${COMMIT_ATTEMPTS} attempts`,
  });
}

async function commitRendered(
  repository: Repository,
  commit: FileCommit,
  render: FileCommit["render"],
): Promise<{ sha: string } | undefined> {
  const { client, params } = repository;
  const known = knownFilesOf(client);
  const action = `commit ${commit.read.length > 0 ? commit.read.join(", ") : "files"}`;
  return github(repository.repo, action, async () => {
    // The default branch as last seen, else asked; a branch renamed since is asked again.
    const askBranch = async () => {
      const { data: repo } = await client.rest.repos.get({ ...params });
      known.learnDefaultBranch(repository.repo, repo.default_branch);
      return repo.default_branch;
    };
    let remembered = known.defaultBranch(repository.repo);
    let ref = `heads/${remembered ?? (await askBranch())}`;
    // The head read after a refused ref update, to start the next attempt from.
    let moved: { object: { sha: string } } | undefined;
    for (let attempt = 1; attempt <= COMMIT_ATTEMPTS; attempt++) {
      let head: { object: { sha: string } };
      try {
        ({ data: head } = moved ? { data: moved } : await client.rest.git.getRef({ ...params, ref }));
        moved = undefined;
      } catch (error) {
        if (!(remembered && isStatus(error, 404))) throw error;
        remembered = undefined;
        ref = `heads/${await askBranch()}`;
        ({ data: head } = await client.rest.git.getRef({ ...params, ref }));
      }
      // One listing of the head's tree: a file whose blob is known needs no read, and files not
      // read are compared by their git blob hash.
      const tree = await treeBlobs(repository, head.object.sha);
      const current = new Map<string, string | undefined>();
      for (const path of commit.read) {
        const sha = tree.blobs.get(path);
        const text = sha === undefined ? undefined : known.text(sha);
        current.set(path, text ?? (await readFile(repository, path, head.object.sha)));
      }
      const rendered = Object.entries(render(current));
      const changed: { path: string; content: string }[] = [];
      for (const [path, content] of rendered) {
        const same = current.has(path)
          ? current.get(path) === content
          : tree.blobs.get(path) === gitBlobSha(content);
        if (!same) changed.push({ path, content });
      }
      if (changed.length === 0) return undefined;
      const { data: written } = await client.rest.git.createTree({
        ...params,
        base_tree: tree.sha,
        tree: changed.map((file) => ({
          path: file.path,
          mode: "100644" as const,
          type: "blob" as const,
          content: file.content,
        })),
      });
      const { data: created } = await client.rest.git.createCommit({
        ...params,
        message: commit.message,
        tree: written.sha,
        parents: [head.object.sha],
        ...(commit.author ? { author: commit.author } : {}),
      });
      try {
        await client.rest.git.updateRef({ ...params, ref, sha: created.sha, force: false });
      } catch (error) {
        // The branch moved (someone pushed): start again from its new head, never force. A branch
        // that did not move and a protection rule refusing will not pass: said now. GitHub's
        // transient "Reference update failed" is tried again.
        if (!isStatus(error, 422, 409)) throw error;
        ({ data: moved } = await client.rest.git.getRef({ ...params, ref }));
        if (moved.object.sha === head.object.sha && refusedForGood(error)) throw error;
        continue;
      }
      for (const [path, content] of rendered) known.learn(content, { repo: repository.repo, path });
      for (const [path, text] of current) {
        if (text !== undefined && !changed.some((file) => file.path === path))
          known.learn(text, { repo: repository.repo, path }, tree.blobs.get(path));
      }
      return { sha: created.sha };
    }
    throw new GitHubError({
      status: 422,
      repo: repository.repo,
      action,
      detail: `the branch kept moving; gave up after ${COMMIT_ATTEMPTS} attempts`,
    });
  });
}

/**
 * Path -> blob SHA of every file in a tree, given as a tree or a commit SHA (GitHub lists a commit's
 * tree), and the tree's own SHA; a tree too large to list at once is read by folder.
 */
async function treeBlobs(
  repository: Repository,
  treeish: string,
  prefix = "",
): Promise<{ sha: string; blobs: Map<string, string> }> {
  const { client, params } = repository;
  const { data } = await client.rest.git.getTree({
    ...params,
    tree_sha: treeish,
    ...(prefix === "" ? { recursive: "1" } : {}),
  });
  const blobs = new Map<string, string>();
  for (const entry of data.tree) {
    if (!entry.path || !entry.sha) continue;
    const path = `${prefix}${entry.path}`;
    if (entry.type === "blob") blobs.set(path, entry.sha);
    // A recursive listing holds every nested file unless truncated; a folder's listing never does.
    else if (entry.type === "tree" && (data.truncated || prefix !== "")) {
      for (const [inner, sha] of (await treeBlobs(repository, entry.sha, `${path}/`)).blobs)
        blobs.set(inner, sha);
    }
  }
  return { sha: data.sha, blobs };
}

/**
 * A refusal that will repeat whatever is retried: a branch protection or repository rule (GitHub:
 * "Protected branch update failed", "Changes must be made through a pull request", "Repository
 * rule violations found"), as opposed to a write that met another one.
 */
function refusedForGood(error: unknown): boolean {
  return /protected branch|pull request|rule violation/i.test(String((error as Error).message ?? error));
}
