/**
 * A request that never got an HTTP answer, in plain words. Octokit reports a failed `fetch` as
 * "HTTP 500" with the real reason (a certificate, a refused connection, a host that does not
 * exist) buried in `error.cause`; this finds it, says what failed and where, and tells whether
 * trying again can help: a certificate or a host name does not heal in the next 30 seconds.
 */

export interface ConnectionFailure {
  /** What failed, for the learner: "connection refused", "self-signed certificate". */
  reason: string;
  /** The TLS certificate was refused (the sentence is then about trust, not reachability). */
  certificate: boolean;
  /** Connected, but the answer was lost: the request may have been done. */
  lost?: boolean;
  /**
   * How many retries can help: 0 for what does not heal (a certificate, a host name, a port fetch
   * refuses), 1 for a refused connection (a server restarting), none said for the rest (a reset, a
   * timeout), retried as any server error is.
   */
  retryAtMost?: number;
}

const CERTIFICATE_REASONS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: "self-signed certificate",
  SELF_SIGNED_CERT_IN_CHAIN: "self-signed certificate in its chain",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "issued by an authority this machine does not know",
  UNABLE_TO_GET_ISSUER_CERT: "issued by an authority this machine does not know",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "issued by an authority this machine does not know",
  CERT_UNTRUSTED: "issued by an authority this machine does not trust",
  CERT_HAS_EXPIRED: "the certificate has expired",
  CERT_NOT_YET_VALID: "the certificate is not valid yet",
  CERT_REVOKED: "the certificate was revoked",
  CERT_SIGNATURE_FAILURE: "its signature does not verify",
  ERR_TLS_CERT_ALTNAME_INVALID: "the certificate is for another host name",
  HOSTNAME_MISMATCH: "the certificate is for another host name",
};

const OTHER_REASONS: Record<string, { reason: string; retryAtMost?: number; lost?: boolean }> = {
  ECONNREFUSED: { reason: "connection refused", retryAtMost: 1 },
  ECONNRESET: { reason: "the connection was reset", lost: true },
  UND_ERR_SOCKET: { reason: "the connection was closed before an answer", lost: true },
  EPIPE: { reason: "the connection was closed while sending", lost: true },
  ETIMEDOUT: { reason: "connection timed out" },
  UND_ERR_CONNECT_TIMEOUT: { reason: "connection timed out" },
  UND_ERR_HEADERS_TIMEOUT: { reason: "no answer in time", lost: true },
  UND_ERR_BODY_TIMEOUT: { reason: "the answer stopped arriving", lost: true },
  EHOSTUNREACH: { reason: "host unreachable" },
  ENETUNREACH: { reason: "network unreachable" },
  EAI_AGAIN: { reason: "the host name could not be looked up just now" },
  ENOTFOUND: { reason: "no such host", retryAtMost: 0 },
  ERR_SSL_WRONG_VERSION_NUMBER: {
    reason: "the server does not speak TLS there: is it http://?",
    retryAtMost: 0,
  },
};

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** The connection-level failure behind `error` (its cause chain walked), if that is what it is. */
export function connectionFailure(error: unknown): ConnectionFailure | undefined {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const current = pending.shift();
    if (typeof current !== "object" || current === null || seen.has(current)) continue;
    seen.add(current);
    const { code, message, cause, errors } = current as ErrorLike;
    const found = classify(typeof code === "string" ? code : undefined, String(message ?? ""));
    if (found) return found;
    pending.push(cause, ...(Array.isArray(errors) ? errors : []));
  }
  return undefined;
}

function classify(code: string | undefined, message: string): ConnectionFailure | undefined {
  if (code !== undefined) {
    const certificate = CERTIFICATE_REASONS[code];
    if (certificate) return { reason: certificate, certificate: true, retryAtMost: 0 };
    const other = OTHER_REASONS[code];
    if (other) return { ...other, certificate: false };
    if (code.startsWith("ERR_SSL_") || code.startsWith("ERR_TLS_")) {
      return { reason: `TLS failed: ${code}`, certificate: false, retryAtMost: 0 };
    }
  }
  // The ports browsers refuse (fetch's "bad port" list) are refused by Node's fetch too.
  if (message === "bad port") {
    return { reason: "fetch refuses to connect to this port", certificate: false, retryAtMost: 0 };
  }
  return undefined;
}

/** One sentence: what failed, and at which server (its origin, never a path or a credential). */
export function describeConnectionFailure(failure: ConnectionFailure, url: string | undefined): string {
  const server = originOf(url);
  if (failure.certificate) {
    return `the TLS certificate of ${server} is not trusted (${failure.reason}); if it is your GitHub Enterprise Server's, give Node its authority with NODE_EXTRA_CA_CERTS`;
  }
  return `${failure.lost ? "no answer from" : "could not reach"} ${server} (${failure.reason})`;
}

function originOf(url: string | undefined): string {
  if (!url) return "the server";
  try {
    return `${new URL(url).origin}/`;
  } catch {
    return "the server";
  }
}
