import { generateKeyPairSync, randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REDACTED, redactSecrets, registerSecrets } from "../../src/text/redact.js";

const { privateKey: PEM } = generateKeyPairSync("rsa", {
  modulusLength: 1024,
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});
const TOKEN = `ghs_${"A1b2C3d4E5".repeat(3)}zyxwvu`;

describe("redactSecrets: credentials by their shape", () => {
  it.each([
    ["a personal token", `Bad credentials for ghp_${"x9".repeat(18)}`],
    ["an OAuth token", `gho_${"Q7".repeat(18)} was revoked`],
    ["a user-to-server token", `ghu_${"a1".repeat(18)}`],
    ["a server-to-server token", `Authorization: token ${TOKEN}`],
    ["a refresh token", `refresh ghr_${"Zz9".repeat(12)}`],
    ["a fine-grained token", `github_pat_11ABCDEFG0${"x_Y1".repeat(10)}`],
    ["an old installation token", `v1.${"0a1b2c3d4e".repeat(4)}`],
  ])("replaces %s", (_name, text) => {
    const redacted = redactSecrets(text);
    expect(redacted).toContain(REDACTED);
    expect(redacted).not.toMatch(/gh[opusr]_|github_pat_|v1\.[0-9a-f]/);
  });

  it("replaces the value of an Authorization header, whatever its scheme, and keeps the scheme", () => {
    expect(redactSecrets("echo: Authorization: token abc.def")).toBe(
      `echo: Authorization: token ${REDACTED}`,
    );
    expect(redactSecrets("authorization: Bearer tick-secret-without-digits")).toBe(
      `authorization: Bearer ${REDACTED}`,
    );
    expect(redactSecrets('{"authorization":"Basic eC1hY2Nlc3M6cGFzcw==","accept":"*/*"}')).toBe(
      `{"authorization":"Basic ${REDACTED}","accept":"*/*"}`,
    );
    expect(redactSecrets("Proxy-Authorization=s3cr3t&x=1")).toBe(`Proxy-Authorization=${REDACTED}&x=1`);
  });

  it("replaces Bearer, token and Basic credentials in prose, and JWTs anywhere", () => {
    expect(redactSecrets("sent Bearer 0123abcd.efgh.ijkl to the server")).toBe(
      `sent Bearer ${REDACTED} to the server`,
    );
    expect(redactSecrets("used token 5f1c0e2d9a8b7c6d")).toBe(`used token ${REDACTED}`);
    expect(redactSecrets("Basic eC1hY2Nlc3MtdG9rZW46Z2hz")).toBe(`Basic ${REDACTED}`);
    const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjEsImlhdCI6MX0.c2lnbmF0dXJl";
    expect(redactSecrets(`jwt=${jwt};`)).toBe(`jwt=${REDACTED};`);
  });

  it("replaces a PEM private key, as written, JSON-escaped, or cut short", () => {
    expect(redactSecrets(`key:\n${PEM}done`)).toBe(`key:\n${REDACTED}\ndone`);
    expect(redactSecrets(JSON.stringify({ key: PEM }))).toBe(JSON.stringify({ key: `${REDACTED}\n` }));
    expect(redactSecrets(`oops ${PEM.slice(0, 200)}`)).toBe(`oops ${REDACTED}`);
    // Cut short inside a JSON log line, the line stays JSON.
    const line = JSON.stringify({ msg: "key", key: PEM.slice(0, 200), level: 30 });
    expect(JSON.parse(redactSecrets(line))).toEqual({ msg: "key", key: REDACTED, level: 30 });
  });

  it("replaces a password in a URL", () => {
    expect(redactSecrets("fetching https://x-access-token:s3cret@github.com/o/r.git")).toBe(
      `fetching https://x-access-token:${REDACTED}@github.com/o/r.git`,
    );
  });

  it("leaves ordinary words, commit ids and versions alone", () => {
    const ordinary = [
      "GitHub: read issues in octocat/portfolio failed (HTTP 401): Bad credentials (the token is missing, wrong or expired)",
      "Basic usage: set a token in GITHUB_TOKEN; the Bearer scheme is for apps",
      "closed week-05 #12 (commit 0123456789abcdef0123456789abcdef01234567)",
      "Authorization header missing; token expired; v1.2.3; token 2026-03-02; Basic 64-bit arithmetic",
      "see https://github.com/octocat/portfolio/issues/1 and mailto:a@b.c",
    ];
    for (const text of ordinary) expect(redactSecrets(text)).toBe(text);
  });
});

describe("redactSecrets: the secrets this process was given", () => {
  it("replaces a registered secret whatever its shape, and never a short one", () => {
    const tick = `tick-${randomUUID()}`;
    const plain = "correcthorsebatterystaple";
    registerSecrets(tick, plain, "short", undefined, "");
    expect(redactSecrets(`got ${tick} and ${plain}!`)).toBe(`got ${REDACTED} and ${REDACTED}!`);
    expect(redactSecrets("a short word")).toBe("a short word");
  });

  it("replaces a registered key, its lines one by one, and its one-line form with \\n spelled out", () => {
    const { privateKey } = generateKeyPairSync("rsa", {
      modulusLength: 1024,
      privateKeyEncoding: { type: "pkcs1", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    const oneLine = privateKey.trim().replace(/\n/g, "\\n");
    registerSecrets(oneLine);
    const line = privateKey.split("\n")[3] ?? "";
    expect(line.length).toBeGreaterThan(40);
    expect(redactSecrets(`line: ${line}`)).toBe(`line: ${REDACTED}`);
    expect(redactSecrets(`env PRIVATE_KEY=${oneLine}`)).not.toContain(line.slice(0, 20));
  });

  it("never lets a registered secret through, whatever surrounds it, and is idempotent", () => {
    const secret = `whsec-${randomUUID()}`;
    registerSecrets(secret);
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const once = redactSecrets(`${before}${secret}${after}`);
        expect(once).not.toContain(secret);
        expect(redactSecrets(once)).toBe(once);
      }),
    );
  });
});
