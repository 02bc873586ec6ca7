import type { components } from "@octokit/openapi-types";

type ValidationErrorItem = NonNullable<components["schemas"]["validation-error"]["errors"]>[number];

export const REST_DOCS = "https://docs.github.com/rest";
export const SECONDARY_LIMIT_DOCS =
  "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits";
export const PRIMARY_LIMIT_DOCS =
  "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limit";
export const SECONDARY_LIMIT_MESSAGE =
  "You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later.";

/** A response GitHub answers with an error status; handlers throw it, the server sends it. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) {
    super(`${status} ${String(body.message)}`);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

/** GitHub's usual error body: a message, a documentation link and the status as a string. */
export function apiError(status: number, message: string, headers: Record<string, string> = {}): ApiError {
  return new ApiError(status, { message, documentation_url: REST_DOCS, status: String(status) }, headers);
}

export const notFound = (message = "Not Found") => apiError(404, message);
export const badCredentials = () => apiError(401, "Bad credentials");
/** GitHub's 401 when no credential was sent at all (a wrong one is "Bad credentials"). */
export const requiresAuthentication = () => apiError(401, "Requires authentication");
export const conflict = (message: string) => apiError(409, message);

/** 422 with GitHub's `errors` list, e.g. `{resource: "Label", code: "already_exists", field: "name"}`. */
export function validationFailed(errors: ValidationErrorItem[], message = "Validation Failed"): ApiError {
  return new ApiError(422, { message, errors, documentation_url: REST_DOCS, status: "422" });
}

export const alreadyExists = (resource: string, field: string) =>
  validationFailed([{ resource, code: "already_exists", field }]);

/** The offending value as GitHub echoes it: scalars as sent, anything else as JSON text. */
function echoed(value: unknown): string | number | null {
  return typeof value === "string" || typeof value === "number" || value === null
    ? value
    : JSON.stringify(value);
}

export const invalidField = (resource: string, field: string, value?: unknown) =>
  validationFailed([
    value === undefined
      ? { resource, code: "invalid", field }
      : { resource, code: "invalid", field, value: echoed(value) },
  ]);

/**
 * GitHub's answer to a text over its limit, e.g. `body is too long (maximum is 65536 characters)`.
 * GitHub counts characters as Ruby does (code points).
 */
export const tooLong = (resource: string, field: string, maximum: number) =>
  validationFailed([
    { resource, code: "custom", field, message: `${field} is too long (maximum is ${maximum} characters)` },
  ]);

/** Code points, as GitHub counts a text's characters; a surrogate pair is one. */
export function characterCount(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0xdc00 || code > 0xdfff || index === 0) count += 1;
    else {
      const previous = text.charCodeAt(index - 1);
      if (previous < 0xd800 || previous > 0xdbff) count += 1;
    }
  }
  return count;
}

/** 422 unless `text` (when given) is at most `maximum` characters. */
export function checkLength(resource: string, field: string, text: unknown, maximum: number): void {
  if (typeof text === "string" && text.length > maximum && characterCount(text) > maximum) {
    throw tooLong(resource, field, maximum);
  }
}

export const missingField = (resource: string, field: string) =>
  validationFailed([{ resource, code: "missing_field", field }]);

/** 422 without an `errors` list: the request itself does not fit the endpoint's schema. */
export const invalidRequest = (detail: string) => apiError(422, `Invalid request.\n\n${detail}`);

export const secondaryRateLimited = (retryAfterSeconds: number) =>
  new ApiError(
    403,
    { message: SECONDARY_LIMIT_MESSAGE, documentation_url: SECONDARY_LIMIT_DOCS, status: "403" },
    { "retry-after": String(retryAfterSeconds) },
  );
