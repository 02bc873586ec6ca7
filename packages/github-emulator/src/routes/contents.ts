import { conflict, invalidRequest, notFound } from "../errors.js";
import { commitFiles } from "../git/commit-files.js";
import { entryAt, listTree } from "../git/trees.js";
import { BLOB_MAX_BYTES, CONTENTS_INLINE_MAX_BYTES } from "../limits.js";
import { presentContentFile, presentContentItem, presentFileCommit } from "../present/git.js";
import { renderFileHtml } from "../render-html.js";
import { type ApiReply, type ApiRequest, ok, type RouteDefinition } from "../route.js";
import { blobTooLarge, rawBlob } from "./blobs.js";
import { gitSignature } from "./git.js";
import { repoOf } from "./repos.js";

const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}[\r\n]*$/;

/** The path inside the repository; empty for its root (`/contents/` or `/contents`). */
function contentPath(request: ApiRequest): string {
  return (request.params["*"] ?? "").replace(/^\/+|\/+$/g, "");
}

function getContent(request: ApiRequest): ApiReply {
  const { store, urls } = request.context;
  const repo = repoOf(request);
  const objects = store.git(repo);
  if (objects.isEmpty) throw notFound("This repository is empty.");
  const ref = request.query.get("ref") ?? repo.defaultBranch;
  const commitSha = objects.resolveCommitish(ref);
  const commit = commitSha === undefined ? undefined : objects.commit(commitSha);
  if (!commit) throw notFound(`No commit found for the ref ${ref}`);
  const path = contentPath(request);
  const entry = entryAt(objects, commit.tree, path);
  if (!entry) throw notFound();
  if (entry.type === "tree") {
    const prefix = path === "" ? "" : `${path}/`;
    const entries = listTree(objects, entry.sha, false).map((child) =>
      presentContentItem(repo, objects, `${prefix}${child.path}`, child.entry, ref, urls),
    );
    // Only the object media type changes a directory's answer: raw and HTML are for files.
    if (request.mediaType !== "object") return ok(entries);
    return ok({ ...presentContentItem(repo, objects, path, entry, ref, urls), entries });
  }
  if (entry.type === "commit") return ok(presentContentItem(repo, objects, path, entry, ref, urls));
  const size = objects.blobSize(entry.sha);
  if (size > BLOB_MAX_BYTES) throw blobTooLarge("repos/contents#get-repository-content");
  if (request.mediaType === "raw") return rawBlob(objects, entry.sha);
  if (request.mediaType === "html") {
    const bytes = Buffer.from(objects.blob(entry.sha)?.content ?? "", "base64");
    return { status: 200, body: undefined, raw: Buffer.from(renderFileHtml(path, bytes)), rawFormat: "html" };
  }
  const inline = size <= CONTENTS_INLINE_MAX_BYTES;
  return ok(presentContentFile(repo, objects, path, entry, ref, urls, inline));
}

export const contentRoutes: RouteDefinition[] = [
  // The root: Octokit expands `contents/{path}` with an empty path to `contents`, and GitHub serves it.
  {
    method: "GET",
    path: "/repos/:owner/:repo/contents",
    operationId: "repos/get-content",
    handle: getContent,
  },
  {
    method: "GET",
    path: "/repos/:owner/:repo/contents/*",
    operationId: "repos/get-content",
    handle: getContent,
  },
  {
    method: "PUT",
    path: "/repos/:owner/:repo/contents/*",
    operationId: "repos/create-or-update-file-contents",
    createsContent: true,
    handle(request) {
      const { store, urls } = request.context;
      const repo = repoOf(request);
      const objects = store.git(repo);
      const path = contentPath(request);
      if (path === "") throw invalidRequest(`"path" wasn't supplied.`);
      const message = request.body.requiredString("message");
      const content = request.body.requiredString("content");
      if (!BASE64.test(content)) throw invalidRequest("content is not valid Base64");
      const sha = request.body.string("sha");
      const branch = request.body.string("branch") ?? repo.defaultBranch;
      const head = objects.ref(`refs/heads/${branch}`);
      if (head === undefined && !objects.isEmpty) throw notFound(`Branch ${branch} not found`);
      const existing =
        head === undefined ? undefined : entryAt(objects, objects.commit(head)?.tree ?? "", path);
      if (existing?.type === "tree") throw invalidRequest(`"${path}" is a directory.`);
      if (existing && sha === undefined) throw invalidRequest(`"sha" wasn't supplied.`);
      // An injected stale sha acts out a concurrent write that moved the file since the client read it.
      if (request.fault === "stale-sha" || (existing && sha !== existing.sha)) {
        throw conflict(`${path} does not match ${sha ?? ""}`.trimEnd());
      }
      const committer = gitSignature(request, "committer") ?? store.signatureOf(request.actor);
      const commitSha = commitFiles(store, repo, {
        branch,
        message,
        files: { [path]: Buffer.from(content, "base64") },
        author: gitSignature(request, "author") ?? committer,
        committer,
      });
      const commit = objects.commit(commitSha);
      const tree = commit?.tree;
      const entry = tree === undefined ? undefined : entryAt(objects, tree, path);
      if (!commit || !entry) throw new Error(`commit ${commitSha} lost ${path}`);
      const body = presentFileCommit(repo, objects, { path, entry, branch }, commitSha, commit, urls);
      return { status: existing ? 200 : 201, body };
    },
  },
];
