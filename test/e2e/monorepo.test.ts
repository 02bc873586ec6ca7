import { readFileSync } from "node:fs";
import { Emulator } from "@syllabot/github-emulator";
import { validateAgainstOpenApi } from "@syllabot/github-emulator/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkConfig, parseConfig } from "../../src/config/load.js";
import { LEDGER_PATH } from "../../src/config/paths.js";
import { planContext } from "../../src/model/context.js";
import { parseLedger } from "../../src/progress/ledger.js";
import { loadSetup } from "../../src/setup/local.js";
import { readProgress, refresh, sync, track, trackHistory } from "../../src/use-cases/index.js";
import { emulatedGateway, PINNED } from "../helpers/emulated-github.js";
import { date, EXAMPLE_CONFIG } from "../helpers/setup.js";

/**
 * Several projects in one repository: a project is a folder of it (or, without a path, told apart
 * by `Project:` trailers), and a busy repository starts no project before its own commits do.
 */

const PORTFOLIO = "octocat/portfolio";
const MONO = "octocat/mono";
// Week 1 is 2 to 8 March 2026 (Asia/Kolkata); http-server is a phase-3 project (weeks 21–23).
const TODAY = "2026-03-06";
let emulator: Emulator;
const gatewayFor = (repo: string) => emulatedGateway(emulator, repo);

/** The example config with its projects replaced by these YAML lines. */
function contextWith(projects: string[]) {
  const { curriculum } = loadSetup(EXAMPLE_CONFIG);
  const text = readFileSync(EXAMPLE_CONFIG, "utf8").replace(
    /^projects:[\s\S]*?(?=^dsa:)/m,
    `projects:\n${projects.map((line) => `  ${line}\n`).join("")}`,
  );
  return planContext(checkConfig(parseConfig(text, ".github/syllabot.yml"), curriculum), curriculum);
}

const FOLDERS = [
  "csvq: {repo: octocat/mono, path: csvq}",
  "logr: {repo: octocat/mono, path: tools/logr}",
  "http-server: {repo: octocat/mono, path: services/http-server/}",
];

function commitToMono(message: string, when: string, files: string[]): string {
  return emulator.addCommit(MONO, {
    message,
    author: "octocat",
    date: when,
    files: Object.fromEntries(files.map((file) => [file, `${message}\n`])),
  });
}

beforeEach(async () => {
  emulator = await Emulator.start(PINNED(`${TODAY}T04:00:00Z`));
  emulator.createRepo(PORTFOLIO);
  emulator.createRepo(MONO);
});
afterEach(async () => {
  await emulator.close();
  expect(validateAgainstOpenApi(emulator.log)).toEqual([]);
});

async function projectsAfterTracking(context: ReturnType<typeof contextWith>) {
  await sync({ gateway: gatewayFor(PORTFOLIO), context, today: date("2026-03-02") });
  await trackHistory({ gateway: gatewayFor(PORTFOLIO), context, gatewayFor });
  const { report } = await readProgress({ gateway: gatewayFor(PORTFOLIO), context, today: date(TODAY) });
  return Object.fromEntries(
    report.projects.map((project) => [project.slug, { commits: project.commits, status: project.status }]),
  );
}

describe("three projects as folders of one repository", () => {
  it("credits a commit only to the projects whose folder it touches or its trailer names, and starts no other", async () => {
    const context = contextWith(FOLDERS);
    commitToMono("read the header row\n\nTime: 1h", "2026-03-03T10:00:00Z", ["csvq/src/main.rs"]);
    commitToMono("quoting", "2026-03-04T10:00:00Z", ["csvq/src/quote.rs", "csvq/README.md"]);
    commitToMono("ci: one workflow for all", "2026-03-04T12:00:00Z", [".github/workflows/ci.yml"]);
    commitToMono("notes on log formats\n\nProject: logr", "2026-03-05T10:00:00Z", ["docs/logs.md"]);

    const projects = await projectsAfterTracking(context);
    expect(projects.csvq).toEqual({ commits: 2, status: "in-progress" });
    // Credited by its trailer (which, as the commit grammar reads it today, may also finish it).
    expect(projects.logr?.commits).toBe(1);
    expect(projects.logr?.status).not.toBe("not-started");
    // The phase-3 project's folder is untouched: not in progress in week 1, however busy the repository.
    expect(projects["http-server"]).toEqual({ commits: 0, status: "not-started" });

    // The week still counts every commit of the learner's in the repository.
    const { report } = await readProgress({ gateway: gatewayFor(PORTFOLIO), context, today: date(TODAY) });
    expect(report.weeks[0]?.commits).toBe(5);
    expect(report.weeks[0]?.minutes).toBe(60);

    // The README names each project's folder and links to it.
    await refresh({ gateway: gatewayFor(PORTFOLIO), context, today: date(TODAY) });
    const readme = (await gatewayFor(PORTFOLIO).readFile("README.md")) ?? "";
    const row = readme.split("\n").find((line) => line.includes("services/http-server"));
    expect(row).toContain(
      "[octocat/mono/services/http\\-server](https://github.com/octocat/mono/tree/HEAD/services/http-server)",
    );
    expect(row).toContain("not started");

    // A later run reads no commit it has recorded again.
    emulator.clearLog();
    await trackHistory({ gateway: gatewayFor(PORTFOLIO), context, gatewayFor });
    expect(emulator.log.filter((entry) => entry.operationId === "repos/get-commit")).toEqual([]);
  });

  it("attributes a pushed commit by the files its payload lists", async () => {
    const context = contextWith(FOLDERS);
    await sync({ gateway: gatewayFor(PORTFOLIO), context, today: date("2026-03-02") });
    const sha = commitToMono("request line\n\nTime: 30m", "2026-03-03T10:00:00Z", [
      "services/http-server/a.rs",
    ]);
    await track({
      gateway: gatewayFor(PORTFOLIO),
      context,
      commits: [
        {
          sha,
          message: "request line\n\nTime: 30m",
          repo: MONO,
          url: `https://github.com/${MONO}/commit/${sha}`,
          timestamp: "2026-03-03T10:00:00Z",
          authorLogin: "octocat",
          files: ["services/http-server/a.rs"],
        },
      ],
    });
    const ledger = parseLedger((await gatewayFor(PORTFOLIO).readFile(LEDGER_PATH)) ?? "");
    expect(ledger?.commits[sha]?.attributed).toEqual(["http-server"]);
  });

  it("reads every page of a commit's files, past GitHub's 300 a page", async () => {
    const context = contextWith(FOLDERS);
    const many = Array.from({ length: 300 }, (_, index) => `csvq/data/${String(index).padStart(3, "0")}.csv`);
    // Listed after the 300 files of csvq: on the second page.
    commitToMono("fixtures and a route", "2026-03-04T10:00:00Z", [...many, "services/http-server/route.rs"]);
    const projects = await projectsAfterTracking(context);
    expect(projects.csvq?.commits).toBe(1);
    expect(projects["http-server"]).toEqual({ commits: 1, status: "in-progress" });
  });
});

describe("every project mapped to one repository, without folders", () => {
  it("credits only what Project: trailers name, so a phase-3 project is not in progress in week 1", async () => {
    const context = contextWith(["csvq: octocat/mono", "logr: octocat/mono", "http-server: octocat/mono"]);
    commitToMono("read the header row", "2026-03-03T10:00:00Z", ["src/main.rs"]);
    commitToMono("quoting\n\nProject: csvq", "2026-03-04T10:00:00Z", ["src/quote.rs"]);
    const projects = await projectsAfterTracking(context);
    expect(projects.csvq?.commits).toBe(1);
    expect(projects.csvq?.status).not.toBe("not-started");
    expect(projects.logr).toEqual({ commits: 0, status: "not-started" });
    expect(projects["http-server"]).toEqual({ commits: 0, status: "not-started" });
  });
});
