import type { BodyReader } from "./body.js";
import type { FaultKind } from "./faults.js";
import type { InstallationScope, UserRecord } from "./state.js";
import type { Store } from "./store.js";
import type { Urls } from "./urls.js";

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** What a handler sees of the world. */
export interface EmulatorContext {
  store: Store;
  urls: Urls;
  /** The login the emulator's own token acts as; the default installation is on this account. */
  login: string;
  /** The GitHub App the emulator plays, for the app endpoints. */
  app: AppIdentity;
}

export interface AppIdentity {
  id: number;
  slug: string;
  /** The default installation, on the emulator's own account; `addInstallation` adds others. */
  installationId: number;
}

export interface ApiRequest {
  method: HttpMethod;
  params: Record<string, string>;
  query: URLSearchParams;
  body: BodyReader;
  /** The account the token acts as: the user, or the app's bot for an installation token. */
  actor: UserRecord;
  /** True when no credential was sent (only routes whose `auth` is `optional` get this far without one). */
  anonymous?: boolean;
  /** For an installation token, the installation it was minted for and its reach; undefined for the emulator's own token. */
  installation: InstallationScope | undefined;
  /** The full request URL, for `Link` headers. */
  url: URL;
  context: EmulatorContext;
  /** A fault the handler itself must act out (an incomplete search, a stale sha), if one was injected. */
  fault: FaultKind | undefined;
  /** The custom media type the `Accept` header asked for (`application/vnd.github.raw+json`: raw). */
  mediaType: MediaType;
}

/** GitHub's custom media types that change what an endpoint answers; `json` is the default. */
export type MediaType = "json" | "raw" | "html" | "object";

/** The custom media type an `Accept` header names, as GitHub reads it (`v3.` and `+json` optional). */
export function mediaTypeOf(accept: string | undefined): MediaType {
  const named = /application\/vnd\.github(?:\.v3)?\.(raw|html|object)(?:\+json)?\b/.exec(accept ?? "");
  return (named?.[1] as MediaType | undefined) ?? "json";
}

/**
 * The `content-type` of a raw or HTML answer: GitHub names the media type asked for, with `v3.`
 * when the request said it (`application/vnd.github.v3.raw; charset=utf-8`), never `+json`.
 */
export function bytesContentType(format: "raw" | "html", accept: string | undefined): string {
  const versioned = /application\/vnd\.github\.v3\./.test(accept ?? "");
  return `application/vnd.github${versioned ? ".v3" : ""}.${format}; charset=utf-8`;
}

export interface ApiReply {
  status: number;
  /** Serialized as JSON; `undefined` sends no body. */
  body: unknown;
  headers?: Record<string, string>;
  /** Bytes sent as they are instead of a JSON body (the raw media type). */
  raw?: Buffer;
  /** What `raw` holds: a file's bytes (the default) or the HTML GitHub renders of it. */
  rawFormat?: "raw" | "html";
}

/** Who may call a route: tokens acting as a user or installation, or an app's JWT. */
/** `optional`: GitHub answers without a credential too (a wrong one is still refused). */
export type RouteAuth = "token" | "app-jwt" | "optional";

export interface RouteDefinition {
  method: HttpMethod;
  /** A find-my-way template, e.g. `/repos/:owner/:repo/issues`. */
  path: string;
  /** GitHub's operationId, e.g. `issues/create`. */
  operationId: string;
  /** Writes that create content fall under GitHub's secondary limit on content creation. */
  createsContent?: boolean;
  /** The primary rate-limit bucket; search has its own. */
  resource?: "core" | "search";
  /** `false` for `GET /rate_limit`, which GitHub neither counts nor refuses when a bucket is spent. */
  rateLimited?: false;
  auth?: RouteAuth;
  /** The body may be a bare JSON array or string (the issue labels endpoints take `["bug"]` for `{labels: ["bug"]}`). */
  bareBody?: boolean;
  /** A POST that reads (a GraphQL query): not a write in the log, the counts or the faults. */
  readOnly?: boolean;
  handle(request: ApiRequest): ApiReply;
}

export const ok = (body: unknown, headers?: Record<string, string>): ApiReply => ({
  status: 200,
  body,
  ...(headers ? { headers } : {}),
});

/** 201 with `Location`, as GitHub answers a create. */
export const created = (body: unknown, location: string): ApiReply => ({
  status: 201,
  body,
  headers: { location },
});

/** Path parameters are always present when the route matched; this keeps `noUncheckedIndexedAccess` honest. */
export function param(request: ApiRequest, name: string): string {
  const value = request.params[name];
  if (value === undefined) throw new Error(`route has no parameter ${name}`);
  return value;
}
