import type { Emulator } from "@syllabot/github-emulator";
import { createClient, TEST_PACING } from "../../src/github/octokit.js";
import { RestGateway } from "../../src/github/rest-gateway.js";

/**
 * A gateway to a repository of the emulator, as the real one talks to GitHub (no pacing). `lean`
 * drops throttling and retry, for long simulations against an emulator that neither limits nor fails.
 */
export function emulatedGateway(emulator: Emulator, repo: string, lean = false): RestGateway {
  return new RestGateway(
    createClient({
      token: emulator.token,
      baseUrl: emulator.url,
      pacing: TEST_PACING,
      ...(lean ? { throttleAndRetry: false } : {}),
    }),
    repo,
  );
}

/** The emulator with its rate limits off and its clock pinned to `now`, as the e2e tests use it. */
export const PINNED = (now: string) => ({ limits: { enabled: false }, now: () => new Date(now) });
