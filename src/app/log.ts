import { getTransformStream } from "@probot/pino";
import { type DestinationStream, type Logger, pino } from "pino";
import { REDACTED, redactSecrets, registerSecrets } from "../text/redact.js";

/**
 * The app's logger: Probot's own (pino, formatted by @probot/pino from LOG_LEVEL, LOG_FORMAT,
 * LOG_LEVEL_IN_STRING, LOG_MESSAGE_KEY and SENTRY_DSN, as `probot run` reads them), with no
 * credential in any line. Probot's HTTP request log (pino-http) prints every request's headers,
 * the tick secret a scheduler sends among them; the headers that carry credentials are censored,
 * and every line, whatever logged it, is redacted as a last resort before it is written.
 */

/** Request and response headers that carry a credential or something derived from one. */
const CREDENTIAL_HEADERS = [
  "authorization",
  "proxy-authorization",
  "cookie",
  "x-hub-signature",
  "x-hub-signature-256",
];
export const CENSORED_LOG_PATHS = [
  ...CREDENTIAL_HEADERS.map((header) => `req.headers["${header}"]`),
  'res.headers["set-cookie"]',
];

export type LogEnvironment = Readonly<Record<string, string | undefined>>;

export async function createAppLog(
  env: LogEnvironment = process.env,
  destination: DestinationStream | NodeJS.WritableStream = pino.destination(1),
): Promise<Logger> {
  const logFormat = env.LOG_FORMAT
    ? env.LOG_FORMAT === "pretty"
      ? "pretty"
      : "json"
    : env.NODE_ENV === "production"
      ? "json"
      : "pretty";
  const transform = await getTransformStream({
    logFormat,
    logLevelInString: env.LOG_LEVEL_IN_STRING === "true",
    ...(env.SENTRY_DSN ? { sentryDsn: env.SENTRY_DSN } : {}),
  });
  transform.pipe(destination as NodeJS.WritableStream);
  return pino(
    {
      level: env.LOG_LEVEL || "info",
      name: "probot",
      messageKey: env.LOG_MESSAGE_KEY || "msg",
      redact: { paths: CENSORED_LOG_PATHS, censor: REDACTED },
      hooks: { streamWrite: redactSecrets },
    },
    transform,
  );
}

/**
 * The secrets Probot's environment gives the app, redacted wherever they would appear: the private
 * key (PEM, or base64 as Probot also accepts it), the webhook secret, the tick secret, the OAuth
 * client secret.
 */
export function registerAppSecrets(env: LogEnvironment = process.env): void {
  const key = env.PRIVATE_KEY;
  const decoded = key && !key.includes("-----BEGIN") ? Buffer.from(key, "base64").toString("utf8") : "";
  registerSecrets(
    key,
    decoded.includes("PRIVATE KEY") ? decoded : undefined,
    env.WEBHOOK_SECRET,
    env.SYLLABOT_TICK_SECRET,
    env.GITHUB_CLIENT_SECRET,
  );
}
