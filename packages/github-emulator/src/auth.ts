import { randomBytes } from "node:crypto";
import type { Permissions } from "./permissions.js";

export type Credential =
  /** The emulator's own token: acts as the configured user. */
  | { kind: "user" }
  /**
   * A token minted by `POST /app/installations/{id}/access_tokens`: acts as the app's bot, within
   * its permissions, on that installation's repositories (or those it was narrowed to).
   */
  | { kind: "installation"; grant: InstallationGrant }
  /** A GitHub App's JWT, good only for the app endpoints. */
  | { kind: "app" };

/** What an installation token was minted with. */
export interface InstallationGrant {
  installationId: number;
  permissions: Permissions;
  /** The repositories the token was narrowed to, if it was. */
  repositoryIds: readonly number[] | undefined;
}

const TOKEN_LIFETIME_MS = 60 * 60 * 1000;
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** A token shaped like GitHub's (`ghs_` + 36 base62 characters). */
export function randomToken(prefix = "ghs"): string {
  const bytes = randomBytes(36);
  return `${prefix}_${[...bytes].map((byte) => BASE62[byte % 62]).join("")}`;
}

/**
 * Whether `token` looks like an app JWT: three base64url parts whose payload names an issuer.
 * The signature is not checked (the emulator does not know the app's key), nor are the times,
 * which come from the client's real clock while the emulator's may be simulated.
 */
function isAppJwt(token: string): boolean {
  const parts = token.split(".");
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) return false;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1] ?? "", "base64url").toString("utf8"));
    return typeof payload === "object" && payload !== null && "iss" in payload;
  } catch (error) {
    if (error instanceof SyntaxError) return false;
    throw error;
  }
}

export class Tokens {
  private readonly installationTokens = new Map<string, { expiresAt: number; grant: InstallationGrant }>();

  constructor(readonly userToken: string) {}

  mintInstallationToken(now: number, grant: InstallationGrant): { token: string; expiresAt: number } {
    const token = randomToken("ghs");
    const expiresAt = now + TOKEN_LIFETIME_MS;
    this.installationTokens.set(token, { expiresAt, grant });
    return { token, expiresAt };
  }

  /** Who an `Authorization` header (`token X` or `Bearer X`) speaks for, or undefined for bad credentials. */
  identify(header: string | undefined, now: number): Credential | undefined {
    const match = /^(?:token|bearer)\s+(\S+)$/i.exec(header?.trim() ?? "");
    const token = match?.[1];
    if (token === undefined) return undefined;
    if (token === this.userToken) return { kind: "user" };
    const installation = this.installationTokens.get(token);
    if (installation !== undefined) {
      return installation.expiresAt > now ? { kind: "installation", grant: installation.grant } : undefined;
    }
    return isAppJwt(token) ? { kind: "app" } : undefined;
  }
}
