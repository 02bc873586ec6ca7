import { Octokit } from "@octokit/core";
import { afterEach, beforeEach, expect } from "vitest";
import { Emulator, type EmulatorOptions } from "../index.js";
import { validateAgainstOpenApi } from "./openapi.js";

/** A clock the test moves by hand; the emulator's rate windows and timestamps follow it. */
export class TestClock {
  private current: number;

  constructor(start = "2026-03-02T10:00:00Z") {
    this.current = Date.parse(start);
  }

  readonly now = (): Date => new Date(this.current);

  advance(seconds: number): void {
    this.current += seconds * 1000;
  }

  iso(): string {
    return `${new Date(this.current).toISOString().slice(0, 19)}Z`;
  }
}

export interface EmulatorHandle {
  readonly emulator: Emulator;
  /** Replaces this test's emulator by one started with other options (the old one is checked and closed). */
  restart(options: EmulatorOptions): Promise<Emulator>;
  /** A fresh @octokit/core client pointed at the emulator. */
  octokit(): Octokit;
  /** Plain `fetch` against the emulator, authenticated unless `auth: null`. */
  fetch(path: string, init?: RequestInit & { auth?: string | null; json?: unknown }): Promise<Response>;
}

/**
 * One emulator per test. After each test, the emulator must have had no failure of its own, and
 * every answer it gave (and every request it accepted) must match GitHub's OpenAPI description.
 */
export function useEmulator(options: () => EmulatorOptions = () => ({})): EmulatorHandle {
  let current: Emulator | undefined;
  const retire = async () => {
    const emulator = current;
    current = undefined;
    if (!emulator) return;
    await emulator.close();
    expect(emulator.internalErrors).toEqual([]);
    expect(validateAgainstOpenApi(emulator.log, { requests: "accepted" })).toEqual([]);
  };
  beforeEach(async () => {
    current = await Emulator.start(options());
  });
  afterEach(retire);
  const handle: EmulatorHandle = {
    async restart(next) {
      await retire();
      current = await Emulator.start(next);
      return current;
    },
    get emulator() {
      if (!current) throw new Error("no emulator running");
      return current;
    },
    octokit() {
      return new Octokit({ auth: handle.emulator.token, baseUrl: handle.emulator.url });
    },
    fetch(path, init = {}) {
      const { auth, json, ...rest } = init;
      const headers = new Headers(rest.headers);
      const token = auth === undefined ? handle.emulator.token : auth;
      if (token !== null) headers.set("authorization", `token ${token}`);
      if (json !== undefined) headers.set("content-type", "application/json");
      return fetch(`${handle.emulator.url}${path}`, {
        ...rest,
        headers,
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      });
    },
  };
  return handle;
}

/** The status and body of a request Octokit refuses (it throws on 4xx and 5xx). */
export async function failure(
  promise: Promise<unknown>,
): Promise<{ status: number; body: unknown; headers: Record<string, string | number | undefined> }> {
  try {
    await promise;
  } catch (error) {
    const { status, response } = error as {
      status: number;
      response?: { data: unknown; headers: Record<string, string | number | undefined> };
    };
    return { status, body: response?.data, headers: response?.headers ?? {} };
  }
  throw new Error("expected the request to fail");
}

export const DOCS = "https://docs.github.com/rest";

/** An app JWT as @octokit/auth-app makes one; the emulator reads its shape, not its signature. */
export function appJwt(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: "RS256", typ: "JWT" })}.${part({ iat: now - 30, exp: now + 540, iss: "1" })}.c2lnbmF0dXJl`;
}
