import { createHmac, randomUUID } from "node:crypto";
import { sign as octokitSign, verify } from "@octokit/webhooks-methods";
import { Emulator } from "@syllabot/github-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, examplePayload, sign, startApp, WEBHOOK_SECRET } from "../app/harness.js";

/**
 * Webhook deliveries the app must refuse: GitHub signs each body with the webhook secret
 * (`x-hub-signature-256: sha256=<HMAC-SHA256 hex>`); anything else is someone else talking. A
 * refused delivery is answered 4xx before its payload is read, and makes no request to GitHub.
 */

const NOW = "2026-03-02T04:00:00Z";
const REPO = "octocat/portfolio";

/** GitHub's published example ("Validating webhook deliveries"). */
const VECTOR = {
  secret: "It's a Secret to Everybody",
  payload: "Hello, World!",
  signature: "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
};

let emulator: Emulator;
let app: AppServer;

beforeAll(async () => {
  emulator = await Emulator.start({ limits: { enabled: false }, now: () => new Date(NOW) });
  emulator.createRepo(REPO);
  app = await startApp(emulator, NOW);
});
afterAll(async () => {
  await app.close();
  await emulator.close();
  expect(emulator.internalErrors).toEqual([]);
});

/** An installation that, if it were acted on, would bootstrap the portfolio (many writes). */
function installation(): Record<string, unknown> {
  const payload = examplePayload("installation", "created");
  payload.installation = { ...(payload.installation as object), id: 1 };
  payload.repositories = [{ id: 1, node_id: "R_1", name: "portfolio", full_name: REPO, private: false }];
  return payload;
}

/** POST a raw body with exactly these signature headers; the status and the answer's text. */
async function post(
  body: string,
  signatures: Record<string, string>,
  event = "installation",
): Promise<{ status: number; text: string }> {
  const response = await fetch(app.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": event,
      "x-github-delivery": randomUUID(),
      "user-agent": "GitHub-Hookshot/emulated",
      ...signatures,
    },
    body,
  });
  return { status: response.status, text: await response.text() };
}

const sha1 = (body: string, secret = WEBHOOK_SECRET) =>
  `sha1=${createHmac("sha1", secret).update(body).digest("hex")}`;

describe("webhook signatures", () => {
  it("GitHub's published test vector: our sign() helper, @octokit/webhooks-methods and the app agree", async () => {
    expect(WEBHOOK_SECRET).toBe(VECTOR.secret);
    expect(sign(VECTOR.payload, VECTOR.secret)).toBe(VECTOR.signature);
    expect(await octokitSign(VECTOR.secret, VECTOR.payload)).toBe(VECTOR.signature);
    expect(await verify(VECTOR.secret, VECTOR.payload, VECTOR.signature)).toBe(true);
    expect(await verify(VECTOR.secret, `${VECTOR.payload} `, VECTOR.signature)).toBe(false);
    expect(await verify("It's a secret to everybody", VECTOR.payload, VECTOR.signature)).toBe(false);

    // The app verifies the vector's signature, and only then reads the body (not JSON: refused as such).
    const verified = await post(VECTOR.payload, { "x-hub-signature-256": VECTOR.signature });
    expect(verified.status).toBe(400);
    expect(verified.text).toContain("Invalid JSON");
    expect(verified.text).not.toContain("signature");
    // One bit off, and it is the signature that is refused, before the body is looked at.
    const tampered = VECTOR.signature.replace(/7$/, "6");
    const refused = await post(VECTOR.payload, { "x-hub-signature-256": tampered });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("signature does not match");
    expect(refused.text).not.toContain("Invalid JSON");
  });

  const body = JSON.stringify(installation());
  const valid = sign(body);
  it.each<{ name: string; headers: Record<string, string> }>([
    { name: "no signature", headers: {} },
    { name: "an empty signature", headers: { "x-hub-signature-256": "" } },
    { name: "sha256=zz", headers: { "x-hub-signature-256": "sha256=zz" } },
    { name: "a signature one digit short", headers: { "x-hub-signature-256": valid.slice(0, -1) } },
    { name: "a signature one digit long", headers: { "x-hub-signature-256": `${valid}0` } },
    { name: "the digest without its sha256= prefix", headers: { "x-hub-signature-256": valid.slice(7) } },
    {
      name: "the digest in upper case",
      headers: { "x-hub-signature-256": `sha256=${valid.slice(7).toUpperCase()}` },
    },
    {
      name: "a signature made with another secret",
      headers: { "x-hub-signature-256": sign(body, "not the secret") },
    },
    { name: "the signature of another body", headers: { "x-hub-signature-256": sign(`${body} `) } },
    { name: "a SHA-1 signature only (x-hub-signature)", headers: { "x-hub-signature": sha1(body) } },
    { name: "a SHA-1 signature in the SHA-256 header", headers: { "x-hub-signature-256": sha1(body) } },
    {
      name: "a wrong SHA-256 signature next to a valid SHA-1 one",
      headers: { "x-hub-signature": sha1(body), "x-hub-signature-256": sign(body, "not the secret") },
    },
  ])("refuses a delivery with $name: 4xx, and no request to GitHub", async ({ headers }) => {
    emulator.clearLog();
    const { status, text } = await post(body, headers);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    // The answer names what is wrong with the delivery, never its payload or a stack trace.
    expect(text).toMatch(/signature|headers missing/i);
    expect(text).not.toContain("portfolio");
    expect(text).not.toMatch(/\n\s+at /);
    await app.queue.idle();
    expect(emulator.log).toEqual([]);
  });

  it("refuses a wrongly signed delivery even when its body is not JSON at all", async () => {
    const { status, text } = await post("\u0000\u00ff{{{", { "x-hub-signature-256": sign("{}") });
    expect(status).toBe(400);
    expect(text).toContain("signature does not match");
  });

  it("acts on the same delivery once it is signed with the secret", async () => {
    emulator.clearLog();
    expect(await app.deliver("installation", installation())).toBe(200);
    await app.queue.idle();
    // No config in the repository: the app reads, finds no portfolio, and writes nothing.
    expect(emulator.log.length).toBeGreaterThan(0);
    expect(emulator.counts().writes).toBe(
      emulator.log.filter((entry) => entry.operationId === "apps/create-installation-access-token").length,
    );
  });
});
