import type { Emulator as EmulatorType } from "@syllabot/github-emulator";
import { Emulator } from "@syllabot/github-emulator";
import { validateAgainstOpenApi } from "@syllabot/github-emulator/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LEDGER_PATH } from "../../src/config/paths.js";
import { InputError } from "../../src/errors.js";
import { parseLedger } from "../../src/progress/ledger.js";
import { REGION_END, REGION_START } from "../../src/render/readme.js";
import {
  readProgress,
  rebuildLedger,
  refresh,
  sync,
  track,
  trackHistory,
} from "../../src/use-cases/index.js";
import { emulatedGateway, PINNED } from "../helpers/emulated-github.js";
import { date, exampleContext } from "../helpers/setup.js";

/** Files over GitHub's 1 MiB contents limit, and ledgers syllabot cannot read, in a whole portfolio. */

const REPO = "octocat/portfolio";
const MiB = 1024 * 1024;
const TODAY = date("2026-04-15");
let emulator: EmulatorType;
const gatewayFor = (repo: string) => emulatedGateway(emulator, repo);
const context = exampleContext();

beforeEach(async () => {
  emulator = await Emulator.start(PINNED("2026-03-02T04:00:00Z"));
  emulator.createRepo(REPO);
  emulator.createRepo("octocat/csvq");
  await sync({ gateway: gatewayFor(REPO), context, today: date("2026-03-02") });
  emulator.addCommit("octocat/csvq", {
    message: "skeleton, closes week 1\n\nTime: 3h",
    author: "octocat",
    date: "2026-03-05T18:00:00Z",
    files: { "src/main.rs": "fn main() {}\n" },
  });
}, 120_000);
afterEach(async () => {
  await emulator.close();
  expect(validateAgainstOpenApi(emulator.log)).toEqual([]);
});

const commitsMade = () => emulator.log.filter((entry) => entry.operationId === "git/create-commit");
const fileAt = (path: string) => gatewayFor(REPO).readFile(path);

describe("a README over 1 MiB", () => {
  it("is refreshed with every byte outside syllabot's region kept", { timeout: 120_000 }, async () => {
    const before = `# My portfolio\r\n\r\n${"Notes on ownership, borrowing and lifetimes. ".repeat(20_000)}\r\n\r\n`;
    const after = `\r\n\r\n## Appendix\r\n${"A table row | with | cells |\n".repeat(12_000)}`;
    const readme = `${before}${REGION_START}\nold region\n${REGION_END}${after}`;
    expect(Buffer.byteLength(readme)).toBeGreaterThan(1.1 * MiB);
    emulator.addCommit(REPO, { message: "a long README", files: { "README.md": readme } });
    const result = await refresh({ gateway: gatewayFor(REPO), context, today: TODAY });
    expect(result.commit).toBeDefined();
    const written = (await fileAt("README.md")) ?? "";
    expect(written.startsWith(`${before}${REGION_START}`)).toBe(true);
    expect(written.endsWith(`${REGION_END}${after}`)).toBe(true);
    expect(written).not.toContain("old region");
    expect(written).toContain("0 of 52 weeks done, 6 weeks behind plan");
  });
});

describe("a ledger over 1 MiB", () => {
  it("is read whole, not reset, and written back small", { timeout: 120_000 }, async () => {
    // A version-1 ledger as syllabot wrote it before: 6,000 commits, over 1 MiB.
    const commits: Record<string, unknown> = {};
    for (let index = 0; index < 6000; index++) {
      commits[(index + 1).toString(16).padStart(40, "0")] = {
        repo: "octocat/csvq",
        timestamp: new Date(Date.parse("2026-03-03T00:00:00Z") + index * 600_000)
          .toISOString()
          .replace(".000", ""),
        week: 1 + Math.floor(index / 1008),
        weeks: [],
        projects: [],
        minutes: 10,
        problems: [],
      };
    }
    const old = `${JSON.stringify({ version: 1, commits, pulls: {}, lastSeen: {}, engagement: {}, pace: null }, null, 2)}\n`;
    expect(Buffer.byteLength(old)).toBeGreaterThan(MiB);
    emulator.addCommit(REPO, { message: "the old ledger", files: { [LEDGER_PATH]: old } });
    await trackHistory({ gateway: gatewayFor(REPO), context, gatewayFor });
    const text = (await fileAt(LEDGER_PATH)) ?? "";
    expect(Buffer.byteLength(text)).toBeLessThan(256 * 1024);
    const status = await readProgress({ gateway: gatewayFor(REPO), context, today: TODAY });
    // The 6,000 commits read from the old ledger, the repository's first commit and the new one.
    expect(status.report.projects.find((project) => project.slug === "csvq")?.commits).toBe(6002);
    expect(status.report.weeks[0]?.minutes).toBe(1008 * 10 + 180);
    expect(parseLedger(text)?.archive?.repos["octocat/csvq"]).toBeDefined();
  });
});

describe("a ledger syllabot cannot read", () => {
  const newer = `${JSON.stringify({ version: 3, commits: {}, streaks: { best: 12 } }, null, 2)}\n`;

  it("is never overwritten: track, refresh and status stop with a clear error, and nothing is committed", {
    timeout: 120_000,
  }, async () => {
    emulator.addCommit(REPO, { message: "a newer syllabot's ledger", files: { [LEDGER_PATH]: newer } });
    const readmeBefore = await fileAt("README.md");
    emulator.clearLog();
    const history = (await gatewayFor("octocat/csvq").listCommitsSince("2026-03-01T00:00:00Z")) ?? [];
    for (const attempt of [
      () => track({ gateway: gatewayFor(REPO), context, commits: history }),
      () => trackHistory({ gateway: gatewayFor(REPO), context, gatewayFor }),
      () => refresh({ gateway: gatewayFor(REPO), context, today: TODAY }),
      () => readProgress({ gateway: gatewayFor(REPO), context, today: TODAY }),
    ]) {
      const error = await attempt().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toContain(
        ".syllabot/state.json: version: written by a newer syllabot (ledger version 3; this one reads versions 1 and 2): upgrade syllabot; syllabot will not write over it",
      );
    }
    expect(commitsMade()).toEqual([]);
    expect(await fileAt(LEDGER_PATH)).toBe(newer);
    expect(await fileAt("README.md")).toBe(readmeBefore);
  });

  it("is replaced by rebuild, which the learner asks for", { timeout: 120_000 }, async () => {
    emulator.addCommit(REPO, { message: "a broken ledger", files: { [LEDGER_PATH]: "{ half a ledg" } });
    const rebuilt = await rebuildLedger({ gateway: gatewayFor(REPO), context, gatewayFor });
    expect(rebuilt.commits).toBe(2);
    expect(Object.keys(parseLedger((await fileAt(LEDGER_PATH)) ?? "")?.commits ?? {})).toHaveLength(2);
  });
});
