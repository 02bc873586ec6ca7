import { GitHubError, github, isStatus } from "../errors.js";
import { knownFilesOf } from "../known-files.js";
import type { Repository } from "./context.js";

/** Where a file is read: the repository and the action named in errors. */
interface FileLocation {
  repository: Repository;
  action: string;
}

/** A file's text at a ref (the default branch when absent); see PortfolioGateway.readFile. */
export async function readFile(
  repository: Repository,
  path: string,
  ref?: string,
): Promise<string | undefined> {
  return (await readFileVersion(repository, path, ref))?.text;
}

/**
 * A file's text and blob SHA at a ref (the default branch when absent), or undefined when there is
 * no such file. What is read is remembered (known-files.ts); read at the default branch, as the
 * version last seen at its path.
 */
export function readFileVersion(
  repository: Repository,
  path: string,
  ref?: string,
): Promise<{ text: string; sha: string } | undefined> {
  const action = `read ${path}${ref ? ` at ${ref.slice(0, 12)}` : ""}`;
  return github(repository.repo, action, async () => {
    const version = await readFileText({ repository, action }, path, ref);
    const known = knownFilesOf(repository.client);
    if (version) known.learn(version.text, ref ? undefined : { repo: repository.repo, path }, version.sha);
    else if (!ref) known.forget(repository.repo, path);
    return version;
  });
}

/**
 * A file's text at `ref` (the default branch when absent), or undefined when there is no such file.
 *
 * The contents API sends a file's content inline only up to 1 MiB; a larger one comes back with
 * `content: ""` and `encoding: "none"`, which must never read as an empty file (writing it back
 * would wipe it). Such a file is read whole through the blob API (up to 100 MiB). A file that
 * cannot be read whole throws: it is never taken as absent or empty.
 */
async function readFileText(
  location: FileLocation,
  path: string,
  ref?: string,
): Promise<{ text: string; sha: string } | undefined> {
  let data: Awaited<ReturnType<typeof getContent>>["data"];
  try {
    ({ data } = await getContent(location, path, ref));
  } catch (error) {
    if (isStatus(error, 404)) return undefined;
    throw tooLargeOr(error, location);
  }
  if (Array.isArray(data) || data.type !== "file" || !("content" in data)) {
    throw unreadable(location, "it is not a file");
  }
  if (data.encoding === "base64") {
    const bytes = Buffer.from(data.content, "base64");
    // A size that disagrees with the content means GitHub left some of it out.
    if (bytes.length === data.size) return { text: bytes.toString("utf8"), sha: data.sha };
  } else if (data.encoding !== "none") {
    throw unreadable(
      location,
      `GitHub sent its content encoded as "${data.encoding}", which syllabot cannot read`,
    );
  }
  return { text: await readBlobText(location, data.sha, data.size), sha: data.sha };
}

function getContent({ repository }: FileLocation, path: string, ref: string | undefined) {
  return repository.client.rest.repos.getContent({ ...repository.params, path, ...(ref ? { ref } : {}) });
}

/** A blob's text through the git data API, which serves blobs up to 100 MiB, base64-encoded. */
async function readBlobText(location: FileLocation, sha: string, size: number): Promise<string> {
  let blob: { content: string; encoding: string; size: number | null };
  try {
    ({ data: blob } = await location.repository.client.rest.git.getBlob({
      ...location.repository.params,
      file_sha: sha,
    }));
  } catch (error) {
    throw tooLargeOr(error, location);
  }
  const bytes = blob.encoding === "base64" ? Buffer.from(blob.content, "base64") : undefined;
  if (!bytes || bytes.length !== size) {
    throw unreadable(location, `GitHub sent ${bytes?.length ?? "none"} of its ${size} bytes`);
  }
  return bytes.toString("utf8");
}

/** GitHub's 403 `too_large` (a file over 100 MiB) said in the learner's terms; other errors as they are. */
function tooLargeOr(error: unknown, location: FileLocation): unknown {
  const data = (error as { response?: { data?: { errors?: { code?: string }[] } } }).response?.data;
  if (!isStatus(error, 403) || !data?.errors?.some((entry) => entry.code === "too_large")) return error;
  return unreadable(location, "the file is over 100 MB, which GitHub's API does not serve", 403, error);
}

function unreadable(location: FileLocation, why: string, status?: number, cause?: unknown): GitHubError {
  return new GitHubError({
    status,
    repo: location.repository.repo,
    action: location.action,
    detail: `${why}; syllabot cannot read it, so it leaves it as it is`,
    ...(cause ? { cause } : {}),
  });
}
