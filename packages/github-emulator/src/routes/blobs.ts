import { ApiError, REST_DOCS } from "../errors.js";
import type { GitObjects } from "../git/objects.js";
import type { ApiReply } from "../route.js";

/** A blob's bytes as the raw media type sends them. */
export function rawBlob(objects: GitObjects, sha: string): ApiReply {
  return { status: 200, body: undefined, raw: Buffer.from(objects.blob(sha)?.content ?? "", "base64") };
}

/** GitHub's refusal to serve a file over 100 MiB, through the contents API and the blob API alike. */
export function blobTooLarge(docs: string): ApiError {
  return new ApiError(403, {
    message:
      "This API returns blobs up to 100 MB in size. The requested blob is too large to fetch via the API.",
    errors: [{ resource: "Blob", field: "data", code: "too_large" }],
    documentation_url: `${REST_DOCS}/${docs}`,
    status: "403",
  });
}
