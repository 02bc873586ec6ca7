import { describe, expect, it } from "vitest";
import { CALENDAR_PATH, LEDGER_PATH } from "../../src/config/paths.js";
import { refresh, remind, runUseCases } from "../../src/use-cases/index.js";
import { MemoryGateway, syncedPortfolio } from "../helpers/memory-gateway.js";
import { date, exampleContext } from "../helpers/setup.js";

/** Reminders, the README refresh and the sequencer on an in-memory portfolio. */

const context = exampleContext();

const portfolio = () => syncedPortfolio(context);

describe("remind", () => {
  it("a dry run plans the reminder issues, assigned to the learner; the real run opens exactly those, once", async () => {
    const gateway = await portfolio();
    const input = { gateway, context, gatewayFor: () => gateway, today: date("2026-11-24") };
    const planned = await remind({ ...input, dryRun: true });
    expect(gateway.writes).toEqual([]);
    const creates = planned.operations.filter((operation) => operation.op === "create");
    expect(creates.map((operation) => operation.key)).toEqual(["reminder-phase-3", "reminder-phase-4"]);
    expect(creates[0]).toMatchObject({ fields: { assignees: ["octocat"] } });
    expect(planned.sent.map((sent) => sent.number)).toEqual([undefined, undefined]);

    const sent = await remind(input);
    expect(
      gateway.writes.filter((write) => write.method === "createIssue").map((write) => write.target),
    ).toEqual(creates.map((operation) => operation.title));
    expect(sent.sent.every((entry) => typeof entry.number === "number")).toBe(true);
    gateway.writes.length = 0;
    const again = await remind(input);
    expect(again.sent).toEqual([]);
    expect(gateway.writes).toEqual([]);
  });
});

describe("refresh", () => {
  it("a dry run previews the README, pictures, calendar and ledger; the real run commits those bytes; then nothing", async () => {
    const gateway = await portfolio();
    const input = { gateway, context, today: date("2026-04-13") };
    const planned = await refresh({ ...input, dryRun: true });
    expect(gateway.writes).toEqual([]);
    expect(Object.keys(planned.preview ?? {})).toEqual(
      expect.arrayContaining(["README.md", CALENDAR_PATH, LEDGER_PATH]),
    );

    const done = await refresh(input);
    expect(done.commit).toBeDefined();
    expect(gateway.files.get("README.md")).toBe(planned.preview?.["README.md"]);
    expect(gateway.files.get(CALENDAR_PATH)).toBe(planned.preview?.[CALENDAR_PATH]);
    const again = await refresh({ ...input, dryRun: true });
    expect(again.preview).toEqual({});
  });
});

describe("the sequencer", () => {
  it("runs sync, track, refresh and remind in order; tracking's ledger goes in the README's commit", async () => {
    const gateway = await portfolio();
    const projects = new MemoryGateway("octocat/csvq");
    projects.commits = [
      {
        sha: "e1".padEnd(40, "0"),
        message: "closes week 4",
        repo: "octocat/csvq",
        url: "https://github.com/octocat/csvq/commit/e1",
        timestamp: "2026-03-26T18:00:00Z",
        authorLogin: "octocat",
      },
    ];
    const started: string[] = [];
    const result = await runUseCases({
      gateway,
      context,
      gatewayFor: (repo) => (repo === "octocat/csvq" ? projects : new MemoryGateway(repo)),
      today: date("2026-04-13"),
      events: { onStart: (useCase) => started.push(useCase) },
    });
    expect(started).toEqual(["sync", "track", "refresh", "remind"]);
    expect(result.track?.closed.map((entry) => entry.key)).toEqual(["week-04"]);
    expect(result.track?.operations.some((operation) => operation.kind === "file")).toBe(false);
    expect(gateway.writes.filter((write) => write.method === "commitFiles")).toHaveLength(1);
  });
});
