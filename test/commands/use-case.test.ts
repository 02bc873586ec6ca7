import { Emulator } from "@syllabot/github-emulator";
import { validateAgainstOpenApi } from "@syllabot/github-emulator/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LEDGER_PATH } from "../../src/config/paths.js";
import { keyOf } from "../../src/model/markers.js";
import { sync } from "../../src/use-cases/index.js";
import { emulatedGateway } from "../helpers/emulated-github.js";
import { runCli } from "../helpers/run-cli.js";
import { date, EXAMPLE_CONFIG, exampleContext } from "../helpers/setup.js";

/** `syllabot track|refresh|remind`, with and without `--dry-run`, against the emulator. */

const REPO = "octocat/portfolio";
let emulator: Emulator;
let clock = new Date("2026-04-13T04:00:00Z");
const gatewayFor = (repo: string) => emulatedGateway(emulator, repo);

beforeEach(async () => {
  clock = new Date("2026-03-02T04:00:00Z");
  emulator = await Emulator.start({ limits: { enabled: false }, now: () => clock });
  emulator.createRepo(REPO);
  emulator.createRepo("octocat/csvq");
  for (const target of ["qdrant/qdrant", "vectordotdev/vector", "tikv/tikv"]) emulator.createRepo(target);
  await sync({ gateway: gatewayFor(REPO), context: exampleContext(), today: date("2026-03-02") });
  for (const [message, when] of [
    ["skeleton, closes week 4\n\nTime: 1h30m", "2026-03-26T18:00:00Z"],
    ["tidy the lexer", "2026-04-02T18:00:00Z"],
  ] as const) {
    emulator.addCommit("octocat/csvq", {
      message,
      author: "octocat",
      date: when,
      files: { "notes.md": message },
    });
  }
  clock = new Date("2026-04-13T04:00:00Z");
  emulator.clearLog();
});
afterEach(async () => {
  await emulator.close();
  expect(validateAgainstOpenApi(emulator.log)).toEqual([]);
});

function cli(useCase: string, ...flags: string[]) {
  return runCli(
    [useCase, "--repo", REPO, "--config", EXAMPLE_CONFIG, "--api-url", emulator.url, "--pace", "0", ...flags],
    { GITHUB_TOKEN: emulator.token },
  );
}

const writes = () => emulator.log.filter((entry) => entry.write);

async function issueByKey(key: string) {
  return (await gatewayFor(REPO).readAllIssues()).find((issue) => keyOf(issue.body) === key);
}

describe("syllabot track", () => {
  it("--dry-run prints the close and the comment it would write, and writes nothing", async () => {
    const week4 = await issueByKey("week-04");
    const { code, stdout, stderr } = await cli("track", "--dry-run", "--today", "2026-04-13");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain(`- issue     week-04`);
    expect(stdout).toContain(`# issue     week-04`);
    expect(stdout).toContain(`would close week-04 #${week4?.number} (commit `);
    expect(stdout).toContain("Dry run: nothing was written.");
    expect(writes()).toEqual([]);
    expect((await issueByKey("week-04"))?.state).toBe("open");
  });

  it("--dry-run --json lists exactly the writes a real run then makes", async () => {
    const planned = JSON.parse((await cli("track", "--dry-run", "--json", "--today", "2026-04-13")).stdout);
    expect(writes()).toEqual([]);
    expect(planned.dryRun).toBe(true);
    const shape = (operations: { op: string; kind: string; key: string }[]) =>
      operations.map(({ op, kind, key }) => `${op} ${kind} ${key}`);
    expect(shape(planned.operations)).toEqual([
      "close issue week-04",
      "comment issue week-04",
      `commit-files file ${LEDGER_PATH}`,
    ]);

    const applied = JSON.parse((await cli("track", "--json", "--today", "2026-04-13")).stdout);
    expect(shape(applied.operations)).toEqual(shape(planned.operations));
    expect(applied.closed).toEqual(planned.closed);
    expect((await issueByKey("week-04"))?.state).toBe("closed");
    // Seen again, the same commits plan nothing but the (unchanged) ledger's record.
    const again = JSON.parse((await cli("track", "--dry-run", "--json", "--today", "2026-04-13")).stdout);
    expect(shape(again.operations)).toEqual([`commit-files file ${LEDGER_PATH}`]);
  });
});

describe("syllabot refresh", () => {
  it("--dry-run --json carries the files the commit would write; the real run writes those bytes", async () => {
    const planned = JSON.parse((await cli("refresh", "--dry-run", "--json", "--today", "2026-04-13")).stdout);
    expect(writes()).toEqual([]);
    const [commit] = planned.operations;
    expect(commit).toMatchObject({ op: "commit-files", kind: "file", key: "README.md" });
    expect(Object.keys(commit.files)).toEqual(expect.arrayContaining(["README.md", LEDGER_PATH]));

    const { code } = await cli("refresh", "--today", "2026-04-13");
    expect(code).toBe(0);
    expect(await gatewayFor(REPO).readFile("README.md")).toBe(commit.files["README.md"]);
    const text = (await cli("refresh", "--dry-run", "--today", "2026-04-13")).stdout;
    expect(text).toContain("README.md is up to date: nothing would be committed.");
  });
});

describe("syllabot remind", () => {
  it("--dry-run names the reminder issues it would open, and opens none", async () => {
    clock = new Date("2026-11-24T04:00:00Z");
    const { code, stdout } = await cli("remind", "--dry-run", "--today", "2026-11-24");
    expect(code).toBe(0);
    expect(stdout).toContain("+ issue     reminder-phase-4");
    expect(stdout).toMatch(/would remind: phase 4 \(lead-\d+\) in a new issue/);
    expect(writes()).toEqual([]);
    expect(await issueByKey("reminder-phase-4")).toBeUndefined();

    const real = await cli("remind", "--today", "2026-11-24");
    expect(real.stdout).toMatch(/reminded: phase 4 \(lead-\d+\) in new issue #\d+/);
    expect(await issueByKey("reminder-phase-4")).toBeDefined();
  });
});
