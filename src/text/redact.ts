/**
 * Credentials out of any text bound for a terminal, a log or GitHub. Foreign text (a server's error
 * message, a header logged by a library, a stack trace) may carry a token it was given, so every
 * such text passes through `redactSecrets` at the boundary where it leaves the process.
 *
 * Two nets: the shapes credentials have (GitHub tokens, JWTs, PEM keys, Authorization values, a
 * password in a URL), and the exact values of the secrets this process was given, which each
 * adapter registers once at start-up, whatever their shape.
 */

export const REDACTED = "[REDACTED]";

/** Shorter values are not secrets worth the damage of replacing every occurrence of them. */
const MIN_SECRET_LENGTH = 8;
/** A line of a multi-line secret (a PEM key's base64 lines) is a secret on its own from this length. */
const MIN_SECRET_LINE_LENGTH = 16;

const registered = new Set<string>();
/** Longest first, so that a secret containing another is replaced whole. */
let byLength: string[] = [];

/**
 * Remember secrets (a token, a webhook secret, a private key) so that their exact values are
 * redacted from every later text, as written, JSON-escaped, and line by line for a multi-line one.
 */
export function registerSecrets(...values: readonly (string | undefined)[]): void {
  for (const value of values) {
    if (!value) continue;
    for (const form of formsOf(value)) if (form.length >= MIN_SECRET_LENGTH) registered.add(form);
  }
  byLength = [...registered].sort((a, b) => b.length - a.length);
}

function formsOf(value: string): string[] {
  const trimmed = value.trim();
  const forms = [value, trimmed, JSON.stringify(trimmed).slice(1, -1), encodeURIComponent(trimmed)];
  // PEM keys are often given with "\n" spelled out (one line in an environment variable).
  const unescaped = trimmed.replace(/\\n/g, "\n");
  const lines = unescaped
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length >= MIN_SECRET_LINE_LENGTH && !line.startsWith("-----"));
  return [...forms, unescaped, ...(lines.length > 1 ? lines : [])];
}

type Replacement = string | ((match: string, ...groups: string[]) => string);

const SHAPES: readonly [RegExp, Replacement][] = [
  // A PEM private key, whole, or cut short: then to the end of the text or of its JSON string.
  [/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|(?=")|$)/g, REDACTED],
  // A JWT (an app's token to GitHub): base64url header, payload and signature.
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, REDACTED],
  // GitHub's tokens: personal, OAuth, user-to-server, server-to-server, refresh, fine-grained, and
  // the older installation tokens.
  [/\b(?:gh[opusr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{16,}|v1\.[0-9a-f]{40})\b/g, REDACTED],
  // An Authorization header's value, whatever its scheme, as a header, in JSON or in a query.
  [
    /\b((?:proxy-)?authorization["']?\s*[:=]\s*["']?)(?:(bearer|token|basic|digest)\s+)?[^\s"',;&]+/gi,
    (_match, header, scheme) => `${header}${scheme ? `${scheme} ` : ""}${REDACTED}`,
  ],
  // A scheme's credential in prose (RFC 7235's token68); it must look like one, 16 characters or
  // more with a letter and a digit, so that "token expired", "Basic usage" or "token 2026-03-02"
  // stay as written.
  [
    /\b(bearer|token|basic)(\s+)(?=[A-Za-z0-9._~+/=-]{16})(?=[A-Za-z0-9._~+/-]*\d)(?=[0-9._~+/-]*[A-Za-z])[A-Za-z0-9._~+/-]+=*/gi,
    `$1$2${REDACTED}`,
  ],
  // A password in a URL: https://user:password@host.
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:)[^\s/@]+@/gi, `$1${REDACTED}@`],
];

/** `text` with every registered secret and every credential-shaped value replaced by [REDACTED]. */
export function redactSecrets(text: string): string {
  let redacted = text;
  for (const secret of byLength) {
    if (redacted.includes(secret)) redacted = redacted.split(secret).join(REDACTED);
  }
  for (const [shape, replacement] of SHAPES) {
    redacted = redacted.replace(shape, replacement as (match: string, ...groups: string[]) => string);
  }
  return redacted;
}
