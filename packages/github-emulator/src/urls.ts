import type { RepoRecord } from "./state.js";

/** Where the API (this emulator) and the web pages it links to live. */
export class Urls {
  constructor(
    /** The API root, e.g. `http://127.0.0.1:4321`. */
    readonly api: string,
    /** The web root for `html_url`s (the emulator serves no pages there). */
    readonly web: string,
  ) {}

  repo(repo: RepoRecord): string {
    return `${this.api}/repos/${repo.owner}/${repo.name}`;
  }

  repoWeb(repo: RepoRecord): string {
    return `${this.web}/${repo.owner}/${repo.name}`;
  }

  user(login: string): string {
    return `${this.api}/users/${encodeURIComponent(login)}`;
  }

  userWeb(login: string): string {
    return `${this.web}/${encodeURIComponent(login)}`;
  }
}

/** The first value of a header that a chain of proxies may have sent as a list (`https, http`). */
function firstValue(header: string | string[] | undefined): string | undefined {
  const text = Array.isArray(header) ? header[0] : header;
  const first = text?.split(",")[0]?.trim();
  return first === "" ? undefined : first;
}

/** A host as a `Host` header may name it: a name or IPv4 address, or a bracketed IPv6 one, and a port. */
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** GitHub Enterprise Server's API prefix (its GraphQL is at `/api/graphql`, its REST under `/api/v3`). */
const ENTERPRISE_PREFIX = /^\/api\/(?:v3|graphql)(?=[/?]|$)/;

/** `scheme://host`, without a port that is the scheme's default (GitHub's URLs never show `:443`); undefined for a malformed host. */
function originOf(scheme: string, host: string | undefined): string | undefined {
  if (host === undefined || !HOST.test(host)) return undefined;
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return undefined;
  }
}

export interface PublicBase {
  /** Scheme and host the client used, e.g. `https://ghes.example`: the web root unless one is told. */
  origin: string;
  /** The API root as the client sees it: the origin, plus `/api/v3` when the request came under it. */
  api: string;
}

/**
 * Where the client reached the emulator, so that the URLs it is given (bodies, `Link`,
 * `Location`) lead back the same way, as api.github.com's lead to api.github.com. The scheme is
 * `X-Forwarded-Proto`'s first value, the host `X-Forwarded-Host`'s, else `Host`: a TLS front (or
 * any reverse proxy) sets them. They are trusted without an option: the emulator listens on
 * loopback only, and URLs are computed for each answer and never stored, so a forged header only
 * changes the answer to the request that carried it.
 */
export function publicBase(
  headers: { host?: string | undefined; [name: string]: string | string[] | undefined },
  rawPath: string,
  fallbackHost: string,
): PublicBase {
  const proto = firstValue(headers["x-forwarded-proto"])?.toLowerCase();
  const scheme = proto === "https" || proto === "http" ? proto : "http";
  const origin =
    [firstValue(headers["x-forwarded-host"]), firstValue(headers.host)]
      .map((host) => originOf(scheme, host))
      .find((candidate) => candidate !== undefined) ?? `http://${fallbackHost}`;
  return { origin, api: ENTERPRISE_PREFIX.test(rawPath) ? `${origin}/api/v3` : origin };
}
