import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { refuseWriteToArchived } from "./archived.js";
import type { Tokens } from "./auth.js";
import { BodyReader } from "./body.js";
import {
  ApiError,
  apiError,
  badCredentials,
  notFound,
  PRIMARY_LIMIT_DOCS,
  requiresAuthentication,
  secondaryRateLimited,
} from "./errors.js";
import type { FaultKind, Faults } from "./faults.js";
import { type GithubOperation, githubOperation } from "./github-routes.js";
import { findInstallation, reaches } from "./installations.js";
import { anonymousLimits, type RateLimits } from "./limits.js";
import type { RequestRecord } from "./log.js";
import { permits } from "./permissions.js";
import { renameRedirect, routablePath } from "./renames.js";
import {
  type ApiReply,
  bytesContentType,
  type EmulatorContext,
  type HttpMethod,
  mediaTypeOf,
  type RouteDefinition,
} from "./route.js";
import type { RouteTable } from "./routes/index.js";
import type { InstallationScope, UserRecord } from "./state.js";
import { type PublicBase, Urls } from "./urls.js";

export interface IncomingApiRequest {
  method: string;
  /** The path as sent (percent-encoded), without the query. */
  path: string;
  /** The request URL as the client sent it, on its public base (see `publicBase`). */
  url: URL;
  base: PublicBase;
  headers: IncomingHttpHeaders;
  bodyText: string;
}

export interface Outcome {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer | undefined;
  /** Destroy the connection instead of answering. */
  drop: boolean;
}

const WRITE_METHODS = new Set(["POST", "PATCH", "PUT", "DELETE"]);

export interface DispatcherParts {
  routes: RouteTable;
  context: EmulatorContext;
  tokens: Tokens;
  limits: RateLimits;
  faults: Faults;
  /** The bot an installation token acts as. */
  bot: () => UserRecord;
  log: RequestRecord[];
  /** Handler failures that are the emulator's own bugs: answered 500 and kept here for tests to see. */
  internalErrors: Error[];
  /** The told web root of `html_url`s; otherwise each request's own origin. */
  webUrl: string | undefined;
}

/** GitHub's refusal of an installation token's request beyond its permissions or repositories. */
function notAccessibleByIntegration(route: RouteDefinition): ApiError {
  return new ApiError(403, {
    message: "Resource not accessible by integration",
    documentation_url: `https://docs.github.com/rest/${route.operationId.split("/")[0]}`,
    status: "403",
  });
}

/**
 * A route GitHub has and the emulator does not: not GitHub's 404, which a client reads as a missing
 * object, but a 501 that says what is missing, so that a client's log shows it.
 */
function notImplemented(method: string, operation: GithubOperation): ApiError {
  return new ApiError(501, {
    message: `Not implemented by the GitHub emulator: ${method} ${operation.template}`,
    documentation_url: operation.documentationUrl,
    status: "501",
  });
}

/** A weak validator of a response body, as GitHub sends in `ETag`. */
function etagOf(body: string | Buffer): string {
  return `W/"${createHash("sha256").update(body).digest("hex")}"`;
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}

function parseBody(text: string, route: RouteDefinition): BodyReader {
  if (text.trim() === "") return new BodyReader({});
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) throw apiError(400, "Problems parsing JSON");
    throw error;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    if (route.bareBody) return new BodyReader({}, parsed);
    throw apiError(400, "Body should be a JSON object");
  }
  return new BodyReader(parsed as Record<string, unknown>);
}

function jsonOrText(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) return text;
    throw error;
  }
}

interface Handled {
  reply: ApiReply;
  cost: 0 | 1;
  fault: FaultKind | undefined;
  /** No credential was sent: the answer's `x-ratelimit-*` are an anonymous caller's. */
  anonymous?: boolean;
}

type Matched = ReturnType<RouteTable>;

/** The emulator's request pipeline: auth, routing, faults, limits, the handler, conditional GETs, the log. */
export class Dispatcher {
  private requestCount = 0;

  constructor(private readonly parts: DispatcherParts) {}

  handle(incoming: IncomingApiRequest): Outcome {
    const method = incoming.method.toUpperCase();
    const matched = this.parts.routes(method, routablePath(this.parts.context.store, incoming.path));
    const unimplemented = matched ? undefined : githubOperation(method, incoming.path);
    const record: RequestRecord = {
      method,
      path: incoming.path,
      route: matched?.route.path ?? null,
      operationId: matched?.route.operationId ?? unimplemented?.operationId ?? null,
      query: Object.fromEntries(incoming.url.searchParams),
      status: 0,
      requestBody: jsonOrText(incoming.bodyText),
      responseBody: undefined,
      responseHeaders: {},
      // A GraphQL query is sent with POST but writes nothing.
      write: WRITE_METHODS.has(method) && matched?.route.readOnly !== true,
      rateLimitCost: 0,
      dropped: false,
    };
    this.parts.log.push(record);
    if (this.parts.faults.crashed) {
      Object.assign(record, { fault: "crash", dropped: true });
      return { status: 0, headers: {}, body: undefined, drop: true };
    }
    const now = this.parts.context.store.nowMs();
    const handled = this.run(incoming, record, matched, unimplemented, now);
    return this.respond(incoming, record, matched, handled, now);
  }

  /** Everything up to the handler's reply; any refusal along the way is the reply. */
  private run(
    incoming: IncomingApiRequest,
    record: RequestRecord,
    matched: Matched,
    unimplemented: GithubOperation | undefined,
    now: number,
  ): Handled {
    const { context, limits, faults } = this.parts;
    const route = matched?.route;
    const limit = this.limitFor(matched);
    const handled: Handled = { reply: { status: 500, body: undefined }, cost: 0, fault: undefined };
    try {
      const { actor, installation, anonymous } = this.authenticate(
        incoming.headers.authorization,
        record.method,
        matched,
        now,
      );
      // Anonymous requests count against the caller's address on GitHub (60 an hour), which the
      // emulator does not track: they cost nothing here.
      const metered = route?.rateLimited !== false && !anonymous;
      if (anonymous) handled.anonymous = true;
      if (metered && limits.enabled && limit.exhausted(now)) {
        throw new ApiError(403, {
          message: `API rate limit exceeded for user ID ${actor.id}.`,
          documentation_url: PRIMARY_LIMIT_DOCS,
          status: "403",
        });
      }
      handled.cost = metered ? 1 : 0;
      const moved = renameRedirect(
        context.store,
        incoming.base.api,
        record.method,
        incoming.path,
        incoming.url.search,
      );
      if (moved) throw moved;
      if (!route || !matched) throw unimplemented ? notImplemented(record.method, unimplemented) : notFound();
      refuseWriteToArchived(context.store, route, matched.params, record.write);
      handled.fault = faults.pick({
        method: record.method,
        operationId: route.operationId,
        write: record.write,
      });
      if (handled.fault === "server-error") {
        const status = faults.serverErrorStatus();
        throw apiError(status, status === 502 ? "Server Error" : "Internal Server Error");
      }
      if (handled.fault === "secondary-rate-limit") throw secondaryRateLimited(faults.retryAfterSeconds);
      if (route.createsContent && record.write && limits.enabled) {
        const retryAfter = limits.content.retryAfter(now);
        if (retryAfter !== undefined) throw secondaryRateLimited(retryAfter);
      }
      handled.reply = route.handle({
        method: record.method as HttpMethod,
        params: matched.params,
        query: incoming.url.searchParams,
        body: parseBody(incoming.bodyText, route),
        actor,
        installation,
        ...(anonymous ? { anonymous } : {}),
        url: incoming.url,
        // URLs in the answer lead back the way the client came (scheme, host, /api/v3 prefix).
        context: { ...context, urls: new Urls(incoming.base.api, this.parts.webUrl ?? incoming.base.origin) },
        fault: handled.fault,
        mediaType: mediaTypeOf(incoming.headers.accept),
      });
    } catch (error) {
      handled.reply = this.errorReply(error);
    }
    return handled;
  }

  /** Serializes the reply, answers conditional GETs, counts the request and records it. */
  private respond(
    incoming: IncomingApiRequest,
    record: RequestRecord,
    matched: Matched,
    { reply, cost, fault, anonymous }: Handled,
    now: number,
  ): Outcome {
    const { limits, faults } = this.parts;
    const limit = this.limitFor(matched);
    let body: string | Buffer | undefined =
      reply.raw ?? (reply.body === undefined ? undefined : JSON.stringify(reply.body));
    let status = reply.status;
    const headers: Record<string, string> = { ...reply.headers };
    // GitHub tags every successful answer with a body, a create's or an update's too.
    if (status >= 200 && status < 300 && body !== undefined) headers.etag = etagOf(body);
    if (record.method === "GET" && status === 200 && headers.etag !== undefined) {
      const ifNoneMatch = incoming.headers["if-none-match"];
      if (matchesEtag(Array.isArray(ifNoneMatch) ? ifNoneMatch.join(",") : ifNoneMatch, headers.etag)) {
        // GitHub does not count a conditional request answered 304 against the rate limit.
        status = 304;
        body = undefined;
        cost = 0;
      }
    }
    if (cost === 1) limit.take(now);
    this.requestCount += 1;
    const format = reply.raw ? (reply.rawFormat ?? "raw") : undefined;
    // GitHub echoes the media type asked for, also when the answer stays JSON (a directory asked raw).
    const asked = mediaTypeOf(incoming.headers.accept);
    Object.assign(headers, anonymous ? anonymousLimits().core.headers(now) : limit.headers(now), {
      "x-github-request-id": `EMU0:${this.requestCount.toString(16).toUpperCase().padStart(6, "0")}`,
      "x-github-media-type": format
        ? `github.v3; param=${format}`
        : `github.v3; ${asked === "json" ? "" : `param=${asked}; `}format=json`,
    });
    if (body !== undefined)
      headers["content-type"] = format
        ? bytesContentType(format, incoming.headers.accept)
        : "application/json; charset=utf-8";
    if (record.write && status >= 200 && status < 300) {
      if (matched?.route.createsContent) limits.content.record(now);
      faults.noteSuccessfulWrite();
    }
    const drop = fault === "drop-after-write";
    Object.assign(record, {
      status,
      // Raw bytes are not logged: the log holds JSON bodies (the content type says what was sent).
      responseBody: body === undefined || reply.raw ? undefined : JSON.parse(String(body)),
      responseHeaders: headers,
      rateLimitCost: cost,
      dropped: drop,
      ...(fault ? { fault } : {}),
    });
    return { status, headers, body, drop };
  }

  /** Search has its own primary limit; everything else (and a path that matches nothing) counts as core. */
  private limitFor(matched: Matched) {
    return matched?.route.resource === "search" ? this.parts.limits.search : this.parts.limits.core;
  }

  private authenticate(
    header: string | undefined,
    method: string,
    matched: Matched,
    now: number,
  ): { actor: UserRecord; installation: InstallationScope | undefined; anonymous?: boolean } {
    const { tokens, context, bot } = this.parts;
    const route = matched?.route;
    if (header === undefined || header.trim() === "") {
      const anonymous = {
        actor: context.store.user(context.login),
        installation: undefined,
        anonymous: true,
      };
      if (route?.auth === "optional") return anonymous;
      // Anyone may read a public repository; a private one does not exist for them.
      const { owner, repo } = matched?.params ?? {};
      if (method === "GET" && route?.auth !== "app-jwt" && owner !== undefined && repo !== undefined) {
        if (context.store.findRepo(owner, repo)?.private) throw notFound();
        return anonymous;
      }
      throw requiresAuthentication();
    }
    const credential = tokens.identify(header, now);
    if (route?.auth === "app-jwt") {
      if (credential?.kind !== "app") throw apiError(401, "A JSON web token could not be decoded");
      return { actor: context.store.user(context.login), installation: undefined };
    }
    if (!credential || credential.kind === "app") throw badCredentials();
    if (credential.kind === "user")
      return { actor: context.store.user(context.login), installation: undefined };
    const { grant } = credential;
    const installation = findInstallation(context, grant.installationId);
    if (!installation) throw badCredentials();
    const scope: InstallationScope = { installation, repositoryIds: grant.repositoryIds };
    if (route && matched) this.checkReach(scope, method, route, matched.params);
    if (route && !permits(grant.permissions, route.operationId)) throw notAccessibleByIntegration(route);
    return { actor: bot(), installation: scope };
  }

  /**
   * An installation token acts only on its installation's repositories. Another account's private
   * repository does not exist for it (404, reads and writes alike); a public one it may read, as
   * any token may on github.com, but not write.
   */
  private checkReach(
    scope: InstallationScope,
    method: string,
    route: RouteDefinition,
    params: Record<string, string>,
  ): void {
    const { owner, repo: name } = params;
    if (owner === undefined || name === undefined) return;
    const repo = this.parts.context.store.findRepo(owner, name);
    // A repository that does not exist at all is the handler's 404.
    if (!repo || reaches(scope, repo)) return;
    if (repo.private) throw notFound();
    if (method !== "GET") throw notAccessibleByIntegration(route);
  }

  private errorReply(error: unknown): ApiReply {
    if (error instanceof ApiError) return { status: error.status, body: error.body, headers: error.headers };
    const failure = error instanceof Error ? error : new Error(String(error));
    this.parts.internalErrors.push(failure);
    return {
      status: 500,
      body: {
        message: `Emulator failure: ${failure.message}`,
        documentation_url: "https://docs.github.com/rest",
        status: "500",
      },
    };
  }
}
