import { UsageError } from "../errors.js";

/**
 * The web address that syllabot's links point to (issue bodies, the README, reports). The CLI, the
 * Action, the app and the demo all take it from this one rule: two of them writing to the same
 * repository must write the same bytes, or each run rewrites what the other wrote.
 */

export const GITHUB_API_URL = "https://api.github.com";
export const GITHUB_WEB_URL = "https://github.com";

export interface WebUrlSources {
  /** The REST API root in use. */
  apiUrl: string;
  /** The server's web address when one is told (`--server-url`, GITHUB_SERVER_URL): it wins. */
  serverUrl?: string | undefined;
}

/** What to call each source in an error: the option or variable it came from. */
export interface WebUrlNames {
  apiUrl: string;
  serverUrl: string;
}

const DEFAULT_NAMES: WebUrlNames = { apiUrl: "the API URL", serverUrl: "the server URL" };

/** GitHub Enterprise Cloud with data residency: the API of `SUBDOMAIN.ghe.com` is `api.SUBDOMAIN.ghe.com`. */
const DATA_RESIDENCY_API = /^api\.([a-z0-9-]+\.ghe\.com)$/;
/** GitHub Enterprise Server serves its API under `/api/v3` of the web address. */
const ENTERPRISE_SERVER_API = /\/api\/v3$/;

/**
 * The told server URL, without trailing slashes; else the web address of the API: github.com for
 * api.github.com, `https://HOST` for GitHub Enterprise Server's `https://HOST/api/v3`,
 * `https://SUBDOMAIN.ghe.com` for `https://api.SUBDOMAIN.ghe.com`, and the API's own origin for
 * anything else (the emulator answers with `html_url`s there).
 */
export function webUrlFor(sources: WebUrlSources, names: WebUrlNames = DEFAULT_NAMES): string {
  if (sources.serverUrl !== undefined) {
    const server = httpUrl(sources.serverUrl, names.serverUrl);
    if (server.search || server.hash) {
      throw new UsageError(`${names.serverUrl} "${sources.serverUrl}" must not carry a query or a fragment`);
    }
    return `${server.origin}${withoutTrailingSlashes(server.pathname)}`;
  }
  const api = httpUrl(sources.apiUrl, names.apiUrl);
  if (api.hostname === "api.github.com") return GITHUB_WEB_URL;
  const path = withoutTrailingSlashes(api.pathname);
  if (ENTERPRISE_SERVER_API.test(path)) return `${api.origin}${path.replace(ENTERPRISE_SERVER_API, "")}`;
  const residency = DATA_RESIDENCY_API.exec(api.hostname);
  if (residency) return `${api.protocol}//${residency[1]}${api.port ? `:${api.port}` : ""}`;
  return api.origin;
}

function httpUrl(text: string, name: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`${name} "${text}" is not an http(s) address`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UsageError(`${name} "${text}" is not an http(s) address`);
  }
  // Links are published in issues and READMEs: a credential in the address would be too.
  if (url.username || url.password) throw new UsageError(`${name} must not carry a user name or password`);
  return url;
}

const withoutTrailingSlashes = (path: string) => path.replace(/\/+$/, "");
