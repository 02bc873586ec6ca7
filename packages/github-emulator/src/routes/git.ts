import { apiError, conflict, invalidRequest, notFound } from "../errors.js";
import { isAncestor } from "../git/history.js";
import type { GitObjects } from "../git/objects.js";
import { applyTreeChanges, type TreeChange } from "../git/trees.js";
import { BLOB_MAX_BYTES } from "../limits.js";
import { paginate } from "../pagination.js";
import { presentBlob, presentGitCommit, presentRef, presentTree } from "../present/git.js";
import { parseTimestamp, timestamp } from "../quirks.js";
import { type ApiRequest, created, ok, param, type RouteDefinition } from "../route.js";
import type { GitSignature, RepoRecord, TreeEntryType } from "../state.js";
import { blobTooLarge, rawBlob } from "./blobs.js";
import { repoOf } from "./repos.js";

const MODES: Record<string, TreeEntryType> = {
  "100644": "blob",
  "100755": "blob",
  "120000": "blob",
  "040000": "tree",
  "160000": "commit",
};

const unprocessable = (message: string) => apiError(422, message);

/** The repository and its objects; GitHub refuses git data writes to a repository without commits. */
function writableGit(request: ApiRequest): { repo: RepoRecord; objects: GitObjects } {
  const repo = repoOf(request);
  const objects = request.context.store.git(repo);
  if (objects.isEmpty) throw conflict("Git Repository is empty.");
  return { repo, objects };
}

function treeChanges(request: ApiRequest, objects: GitObjects): TreeChange[] {
  const items = request.body.array("tree");
  if (items === undefined) throw invalidRequest(`"tree" wasn't supplied.`);
  return items.map((item, index) => {
    if (typeof item !== "object" || item === null)
      throw invalidRequest(`For 'items', tree[${index}] is not an object.`);
    const { path, mode, type, sha, content } = item as Record<string, unknown>;
    if (typeof path !== "string" || path === "")
      throw invalidRequest(`"path" wasn't supplied (tree[${index}]).`);
    if (typeof mode !== "string" || MODES[mode] === undefined)
      throw unprocessable(`tree.mode ${String(mode)} is not valid`);
    const kind = MODES[mode] ?? "blob";
    if (type !== undefined && type !== kind)
      throw unprocessable(`tree.type ${String(type)} does not match mode ${mode}`);
    if (typeof content === "string") {
      if (sha !== undefined) throw unprocessable("Must supply either tree.sha or tree.content, not both");
      return { path, mode, type: kind, sha: objects.writeBlob(Buffer.from(content)) };
    }
    if (sha === null) return { path, mode, type: kind, sha: null };
    if (typeof sha !== "string") throw unprocessable("Must supply either tree.sha or tree.content");
    const object = objects.get(sha);
    if (kind !== "commit" && object?.type !== kind)
      throw unprocessable(`tree.sha ${sha} is not a valid ${kind}`);
    return { path, mode, type: kind, sha };
  });
}

/** An `author` or `committer` of a git or contents write; its date defaults to now. */
export function gitSignature(request: ApiRequest, field: string): GitSignature | undefined {
  const value = request.body.object(field);
  if (value === undefined) return undefined;
  const { name, email, date } = value;
  if (typeof name !== "string" || typeof email !== "string") {
    throw invalidRequest(`For 'properties/${field}', name and email are required.`);
  }
  const when = typeof date === "string" ? parseTimestamp(date) : undefined;
  if (typeof date === "string" && when === undefined)
    throw unprocessable(`${field}.date is not a valid date`);
  return { name, email, date: timestamp(new Date(when ?? request.context.store.nowMs())) };
}

/** The repository's objects for a ref read; an empty repository answers 409, as GitHub does. */
function readableGit(request: ApiRequest, repo: RepoRecord): GitObjects {
  const objects = request.context.store.git(repo);
  if (objects.isEmpty) throw conflict("Git Repository is empty.");
  return objects;
}

function refName(request: ApiRequest): string {
  return `refs/${param(request, "*").replace(/^refs\//, "")}`;
}

export const gitRoutes: RouteDefinition[] = [
  {
    method: "POST",
    path: "/repos/:owner/:repo/git/blobs",
    operationId: "git/create-blob",
    createsContent: true,
    handle(request) {
      const { repo, objects } = writableGit(request);
      const content = request.body.requiredString("content");
      const encoding = request.body.string("encoding") ?? "utf-8";
      if (encoding !== "utf-8" && encoding !== "utf8" && encoding !== "base64") {
        throw unprocessable(`encoding must be "utf-8" or "base64"`);
      }
      const sha = objects.writeBlob(Buffer.from(content, encoding === "base64" ? "base64" : "utf8"));
      const url = `${request.context.urls.repo(repo)}/git/blobs/${sha}`;
      return created({ url, sha }, url);
    },
  },
  {
    method: "GET",
    path: "/repos/:owner/:repo/git/blobs/:file_sha",
    operationId: "git/get-blob",
    handle(request) {
      const repo = repoOf(request);
      const sha = param(request, "file_sha");
      const objects = request.context.store.git(repo);
      const blob = objects.blob(sha);
      if (!blob) throw notFound();
      if (objects.blobSize(sha) > BLOB_MAX_BYTES) throw blobTooLarge("git/blobs#get-a-blob");
      if (request.mediaType === "raw") return rawBlob(objects, sha);
      return ok(presentBlob(repo, sha, blob.content, request.context.urls));
    },
  },
  {
    method: "POST",
    path: "/repos/:owner/:repo/git/trees",
    operationId: "git/create-tree",
    createsContent: true,
    handle(request) {
      const { repo, objects } = writableGit(request);
      const base = request.body.string("base_tree");
      if (base !== undefined && !objects.tree(base))
        throw unprocessable(`base_tree ${base} is not a valid tree`);
      const sha = applyTreeChanges(objects, base ?? null, treeChanges(request, objects));
      const presented = presentTree(repo, objects, sha, false, request.context.urls);
      return created(presented, presented.url ?? "");
    },
  },
  {
    method: "GET",
    path: "/repos/:owner/:repo/git/trees/:tree_sha",
    operationId: "git/get-tree",
    handle(request) {
      const repo = repoOf(request);
      const objects = request.context.store.git(repo);
      const asked = param(request, "tree_sha");
      const commit = objects.resolveCommitish(asked);
      const sha = objects.tree(asked)
        ? asked
        : commit === undefined
          ? undefined
          : objects.commit(commit)?.tree;
      if (sha === undefined) throw notFound();
      const recursive = !["", "0", "false", null].includes(request.query.get("recursive"));
      return ok(presentTree(repo, objects, sha, recursive, request.context.urls));
    },
  },
  {
    method: "POST",
    path: "/repos/:owner/:repo/git/commits",
    operationId: "git/create-commit",
    createsContent: true,
    handle(request) {
      const { store, urls } = request.context;
      const { repo, objects } = writableGit(request);
      const message = request.body.requiredString("message");
      const tree = request.body.requiredString("tree");
      if (!objects.tree(tree)) throw unprocessable("Tree SHA does not exist");
      const parents = request.body.stringArray("parents") ?? [];
      for (const parent of parents) {
        if (!objects.commit(parent))
          throw unprocessable("Parent SHA does not exist or is not a commit object");
      }
      const author = gitSignature(request, "author") ?? store.signatureOf(request.actor);
      const committer = gitSignature(request, "committer") ?? author;
      const commit = { tree, parents, message, author, committer };
      const sha = objects.writeCommit(commit);
      const presented = presentGitCommit(repo, sha, { type: "commit", ...commit }, urls);
      return created(presented, presented.url);
    },
  },
  {
    method: "GET",
    path: "/repos/:owner/:repo/git/commits/:commit_sha",
    operationId: "git/get-commit",
    handle(request) {
      const repo = repoOf(request);
      const sha = param(request, "commit_sha");
      const commit = request.context.store.git(repo).commit(sha);
      if (!commit) throw notFound();
      return ok(presentGitCommit(repo, sha, commit, request.context.urls));
    },
  },
  {
    method: "GET",
    path: "/repos/:owner/:repo/git/ref/*",
    operationId: "git/get-ref",
    handle(request) {
      const repo = repoOf(request);
      const objects = request.context.store.git(repo);
      if (objects.isEmpty) throw conflict("Git Repository is empty.");
      const name = refName(request);
      const sha = objects.ref(name);
      if (sha === undefined) throw notFound();
      return ok(presentRef(repo, name, sha, request.context.urls));
    },
  },
  {
    method: "GET",
    path: "/repos/:owner/:repo/git/matching-refs/*",
    operationId: "git/list-matching-refs",
    handle(request) {
      const repo = repoOf(request);
      const objects = request.context.store.git(repo);
      if (objects.isEmpty) throw conflict("Git Repository is empty.");
      const prefix = refName(request);
      const refs = objects.refNames().filter((name) => name.startsWith(prefix));
      return ok(refs.map((name) => presentRef(repo, name, objects.ref(name) ?? "", request.context.urls)));
    },
  },
  {
    // Not in GitHub's description any more, but api.github.com still answers it: every ref.
    method: "GET",
    path: "/repos/:owner/:repo/git/refs",
    operationId: "git/list-refs",
    handle(request) {
      const repo = repoOf(request);
      const objects = readableGit(request, repo);
      const page = paginate(request, objects.refNames());
      return ok(
        page.items.map((name) => presentRef(repo, name, objects.ref(name) ?? "", request.context.urls)),
        page.headers,
      );
    },
  },
  {
    // The legacy form of get-ref and matching-refs that api.github.com still answers: the ref
    // itself when it exists, else the refs it is a prefix of (`heads/feat` for `heads/feature-a`
    // and `heads/feature-b`) as an array, else 404.
    method: "GET",
    path: "/repos/:owner/:repo/git/refs/*",
    operationId: "git/list-refs",
    handle(request) {
      const repo = repoOf(request);
      const objects = readableGit(request, repo);
      const name = refName(request);
      const { urls } = request.context;
      const exact = objects.ref(name);
      if (exact !== undefined) return ok(presentRef(repo, name, exact, urls));
      const matching = objects.refNames().filter((candidate) => candidate.startsWith(name));
      if (matching.length === 0) throw notFound();
      return ok(matching.map((candidate) => presentRef(repo, candidate, objects.ref(candidate) ?? "", urls)));
    },
  },
  {
    method: "DELETE",
    path: "/repos/:owner/:repo/git/refs/*",
    operationId: "git/delete-ref",
    handle(request) {
      const { repo, objects } = writableGit(request);
      const name = refName(request);
      if (objects.ref(name) === undefined) throw unprocessable("Reference does not exist");
      objects.deleteRef(name);
      repo.pushedAt = request.context.store.now();
      return { status: 204, body: undefined };
    },
  },
  {
    method: "POST",
    path: "/repos/:owner/:repo/git/refs",
    operationId: "git/create-ref",
    createsContent: true,
    handle(request) {
      const { repo, objects } = writableGit(request);
      const name = request.body.requiredString("ref");
      const sha = request.body.requiredString("sha");
      if (!/^refs\/[^/]+\/.+/.test(name)) {
        throw unprocessable("Reference name must start with 'refs/' and contain at least two slashes.");
      }
      if (objects.ref(name) !== undefined) throw unprocessable("Reference already exists");
      if (!objects.commit(sha)) throw unprocessable("Object does not exist");
      objects.setRef(name, sha);
      repo.pushedAt = request.context.store.now();
      const presented = presentRef(repo, name, sha, request.context.urls);
      return created(presented, presented.url);
    },
  },
  {
    method: "PATCH",
    path: "/repos/:owner/:repo/git/refs/*",
    operationId: "git/update-ref",
    createsContent: true,
    handle(request) {
      const { repo, objects } = writableGit(request);
      const name = refName(request);
      const sha = request.body.requiredString("sha");
      const force = request.body.boolean("force") ?? false;
      const current = objects.ref(name);
      if (current === undefined) throw unprocessable("Reference does not exist");
      if (!objects.commit(sha)) throw unprocessable("Object does not exist");
      // An injected stale sha acts out another writer moving the ref between the client's read and write.
      if (request.fault === "stale-sha") throw unprocessable("Reference update failed");
      if (!force && !isAncestor(objects, current, sha)) throw unprocessable("Update is not a fast forward");
      objects.setRef(name, sha);
      repo.pushedAt = request.context.store.now();
      return ok(presentRef(repo, name, sha, request.context.urls));
    },
  },
];
