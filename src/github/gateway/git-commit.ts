import { createHash } from "node:crypto";
import { GitHubError, github, isStatus } from "../errors.js";
import type { FileCommit } from "../gateway.js";
import { readFile } from "./contents.js";
import type { Repository } from "./context.js";

/** How often a commit is retried when the branch moved under it. */
const COMMIT_ATTEMPTS = 5;

/**
 * Files committed to the default branch in one commit (Git Data API), the branch moved only as a
 * fast-forward; when it moved meanwhile, re-read, re-render and try again. No change, no commit.
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
    return await commitRendered(repository, commit, render);
  } catch (error) {
    throw refused ? refused.error : error;
  }
}

async function commitRendered(
  repository: Repository,
  commit: FileCommit,
  render: FileCommit["render"],
): Promise<{ sha: string } | undefined> {
  const { client, params } = repository;
  const action = `commit ${commit.read.length > 0 ? commit.read.join(", ") : "files"}`;
  return github(repository.repo, action, async () => {
    const { data: repo } = await client.rest.repos.get({ ...params });
    const ref = `heads/${repo.default_branch}`;
    for (let attempt = 1; attempt <= COMMIT_ATTEMPTS; attempt++) {
      const { data: head } = await client.rest.git.getRef({ ...params, ref });
      const current = new Map<string, string | undefined>();
      for (const path of commit.read) current.set(path, await readFile(repository, path, head.object.sha));
      const rendered = Object.entries(render(current));
      const { data: parent } = await client.rest.git.getCommit({ ...params, commit_sha: head.object.sha });
      // Files not read are compared by their git blob hash with the tree's: one listing, no reads.
      const unread = rendered.filter(([path]) => !current.has(path));
      const blobs =
        unread.length > 0 ? await treeBlobs(repository, parent.tree.sha) : new Map<string, string>();
      const changed: { path: string; content: string }[] = [];
      for (const [path, content] of rendered) {
        const same = current.has(path)
          ? current.get(path) === content
          : blobs.get(path) === gitBlobSha(content);
        if (!same) changed.push({ path, content });
      }
      if (changed.length === 0) return undefined;
      const { data: tree } = await client.rest.git.createTree({
        ...params,
        base_tree: parent.tree.sha,
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
        tree: tree.sha,
        parents: [head.object.sha],
        ...(commit.author ? { author: commit.author } : {}),
      });
      try {
        await client.rest.git.updateRef({ ...params, ref, sha: created.sha, force: false });
        return { sha: created.sha };
      } catch (error) {
        // The branch moved (someone pushed): start again from its new head, never force.
        if (!isStatus(error, 422, 409)) throw error;
      }
    }
    throw new GitHubError({
      status: 422,
      repo: repository.repo,
      action,
      detail: `the branch kept moving; gave up after ${COMMIT_ATTEMPTS} attempts`,
    });
  });
}

/** Path -> blob SHA of every file in a tree; a tree too large to list at once is read by folder. */
async function treeBlobs(repository: Repository, treeSha: string, prefix = ""): Promise<Map<string, string>> {
  const { client, params } = repository;
  const { data } = await client.rest.git.getTree({
    ...params,
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
      for (const [inner, sha] of await treeBlobs(repository, entry.sha, `${path}/`)) blobs.set(inner, sha);
    }
  }
  return blobs;
}

/** The SHA git gives a blob with this text: equal SHAs, equal files. */
function gitBlobSha(text: string): string {
  const bytes = Buffer.from(text, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}
