import { Emulator } from "@syllabot/github-emulator";
import { validateAgainstOpenApi } from "@syllabot/github-emulator/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LEDGER_PATH } from "../../src/config/paths.js";
import { planContext } from "../../src/model/context.js";
import { keyOf } from "../../src/model/markers.js";
import type { CommitEvidence } from "../../src/progress/evidence.js";
import { parseLedger } from "../../src/progress/ledger.js";
import { sync, trackHistory, trackPush } from "../../src/use-cases/index.js";
import { emulatedGateway } from "../helpers/emulated-github.js";
import { date, exampleContext } from "../helpers/setup.js";

/**
 * The learner maps a project to a repository someone else owns, where anyone with push access can
 * write commits carrying the learner's email (GitHub then shows them as the learner's). Such
 * commits are evidence only when GitHub verified a signature by the learner, or when the config
 * vouches for the repository.
 */
const REPO = "octocat/portfolio";
const FOREIGN = "mallory/csvq";
const LEARNER_EMAIL = "octocat@example.com";
let emulator: Emulator;
let clock = new Date("2026-03-02T04:00:00Z");
const gatewayFor = (repo: string) => emulatedGateway(emulator, repo);

function contextWith(extra: { trusted_repos?: string[] } = {}) {
  const base = exampleContext();
  return planContext(
    {
      ...base.config,
      projects: { ...base.config.projects, csvq: { repo: FOREIGN } },
      trusted_repos: extra.trusted_repos ?? [],
    },
    base.curriculum,
  );
}

beforeEach(async () => {
  clock = new Date("2026-03-02T04:00:00Z");
  emulator = await Emulator.start({ limits: { enabled: false }, now: () => clock });
  emulator.addUser("octocat", { emails: [LEARNER_EMAIL] });
  emulator.createRepo(REPO);
  emulator.createRepo(FOREIGN);
  // Installed on the first day: every week is open.
  await sync({ gateway: gatewayFor(REPO), context: contextWith(), today: date("2026-03-02") });
  clock = new Date("2026-04-20T04:00:00Z");
});
afterEach(async () => {
  await emulator.close();
  expect(validateAgainstOpenApi(emulator.log)).toEqual([]);
});

/** Commits in mallory's repository written as the learner: weeks 1 to 6, ten hours each. */
function forge(options: { signedBy?: string } = {}): void {
  for (let week = 1; week <= 6; week++) {
    emulator.addCommit(FOREIGN, {
      message: `closes week ${week}\n\nTime: 10h`,
      files: { [`w${week}.txt`]: "x" },
      author: { name: "Octo Cat", email: LEARNER_EMAIL },
      date: `2026-04-0${week}T10:00:00Z`,
      ...(options.signedBy ? { signedBy: options.signedBy } : {}),
    });
  }
}

async function closedWeeks(): Promise<string[]> {
  const issues = await gatewayFor(REPO).readAllIssues();
  return issues
    .filter((issue) => issue.state === "closed" && keyOf(issue.body)?.startsWith("week-"))
    .map((issue) => keyOf(issue.body) ?? "")
    .sort();
}

async function ledgerMinutes(): Promise<number> {
  const ledger = parseLedger((await gatewayFor(REPO).readFile(LEDGER_PATH)) ?? "");
  return Object.values(ledger?.commits ?? {}).reduce((sum, entry) => sum + (entry.minutes ?? 0), 0);
}

describe("forged authorship", () => {
  it("commits carrying the learner's email in someone else's repository close nothing and credit no time", async () => {
    forge();
    const result = await trackHistory({ gateway: gatewayFor(REPO), context: contextWith(), gatewayFor });
    expect(result.closed).toEqual([]);
    expect(result.rejected.filter((rejection) => rejection.text === FOREIGN)).toHaveLength(6);
    expect(result.rejected[0]?.reason).toMatch(/not the learner's repository.*verified/);
    expect(await closedWeeks()).toEqual([]);
    expect(await ledgerMinutes()).toBe(0);
  });

  it("a signature someone else made for the learner's email is not the learner's", async () => {
    emulator.addUser("mallory", { emails: ["mallory@example.com"] });
    forge({ signedBy: "mallory" });
    const result = await trackHistory({ gateway: gatewayFor(REPO), context: contextWith(), gatewayFor });
    expect(result.closed).toEqual([]);
  });

  it("commits GitHub verified as signed by the learner count anywhere", async () => {
    forge({ signedBy: "octocat" });
    const result = await trackHistory({ gateway: gatewayFor(REPO), context: contextWith(), gatewayFor });
    expect(result.closed).toHaveLength(6);
    expect(await ledgerMinutes()).toBe(6 * 600);
  });

  it("a repository the config vouches for counts as the learner's own", async () => {
    forge();
    const context = contextWith({ trusted_repos: [FOREIGN] });
    const result = await trackHistory({ gateway: gatewayFor(REPO), context, gatewayFor });
    expect(result.closed).toHaveLength(6);
  });

  it("a push to someone else's repository is checked against the commits API's verification", async () => {
    forge({ signedBy: "octocat" });
    const listed = (await gatewayFor(FOREIGN).listCommitsSince("2026-03-01T00:00:00Z")) ?? [];
    // As a push payload carries them: no word on signatures.
    const pushed: CommitEvidence[] = listed
      .filter((commit) => commit.message.startsWith("closes"))
      .map(({ verified: _verified, committerLogin: _committer, ...commit }) => commit);
    const context = contextWith();
    const portfolio = { repo: REPO, config: context.config, curriculum: context.curriculum };
    const results = await trackPush({
      portfolios: async () => [portfolio],
      pushedRepo: FOREIGN,
      commits: pushed,
      gatewayFor,
      serverUrl: "https://github.com",
    });
    expect(results[0]?.closed).toHaveLength(6);
  });
});
