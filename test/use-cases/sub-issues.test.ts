import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { keyOf } from "../../src/model/markers.js";
import { sync } from "../../src/use-cases/index.js";
import { MemoryGateway } from "../helpers/memory-gateway.js";
import { date, MINI_CONFIG, miniContext } from "../helpers/setup.js";

/** Sub-issues on an in-memory portfolio: project issues hold their weeks. */

const CONFIG = readFileSync(MINI_CONFIG, "utf8");
const today = date("2026-01-05");

function issueOf(gateway: MemoryGateway, key: string) {
  const issue = gateway.issues.find((candidate) => keyOf(candidate.body) === key);
  if (!issue) throw new Error(`no issue ${key}`);
  return issue;
}

const idOf = (gateway: MemoryGateway, key: string) => issueOf(gateway, key).id ?? -1;

function linked(gateway: MemoryGateway, project: string): string[] {
  const ids = gateway.subIssues.get(issueOf(gateway, project).number) ?? [];
  return ids.map((id) => keyOf(gateway.issues.find((issue) => issue.id === id)?.body) ?? String(id));
}

async function synced(config = CONFIG) {
  const context = miniContext(config);
  const gateway = new MemoryGateway("octocat/portfolio", "syllabot[bot]", "2026-01-05T04:00:00Z");
  const first = await sync({ gateway, context, today });
  return { context, gateway, first };
}

describe("sync: sub-issues", () => {
  it("links each project's weeks to its issue in the sync that creates them, after the issues", async () => {
    const { gateway, first } = await synced();
    expect(linked(gateway, "project-calc")).toEqual(["week-02", "week-03"]);
    expect(linked(gateway, "project-beta")).toEqual(["week-04", "week-05", "week-06"]);
    expect(first.plan.summary.link).toBe(5);
    const methods = gateway.writes.map((write) => write.method);
    expect(methods.indexOf("addSubIssue")).toBeGreaterThan(methods.lastIndexOf("createIssue"));
    expect(methods.filter((method) => method === "addSubIssue")).toHaveLength(5);
  });

  it("a second sync reads no more and writes nothing; the learner's own sub-issues stay", async () => {
    const { context, gateway } = await synced();
    const theirs = await gateway.createIssue("", {
      title: "my extra task",
      body: "",
      labels: [],
      milestone: null,
    });
    await gateway.addSubIssue(issueOf(gateway, "project-calc").number, theirs.id ?? -1);
    gateway.writes.length = 0;
    const reads = gateway.reads;
    const again = await sync({ gateway, context, today });
    expect(again.plan.operations).toEqual([]);
    expect(gateway.writes).toEqual([]);
    expect(gateway.reads - reads).toBe(1);
    expect(gateway.subIssues.get(issueOf(gateway, "project-calc").number)).toContain(theirs.id);
  });

  it("links a week unlinked by hand again, and leaves one another issue holds, reporting it", async () => {
    const { context, gateway } = await synced();
    const calc = issueOf(gateway, "project-calc").number;
    const other = await gateway.createIssue("", { title: "epic", body: "", labels: [], milestone: null });
    // The learner moved week 3 under their own issue, and unlinked week 2.
    gateway.subIssues.set(calc, []);
    gateway.subIssues.set(other.number, [idOf(gateway, "week-03")]);
    gateway.writes.length = 0;
    const result = await sync({ gateway, context, today });
    expect(result.plan.operations.map((operation) => `${operation.op} ${operation.key}`)).toEqual([
      "link week-02",
    ]);
    expect(result.plan.subIssueConflicts).toEqual([
      {
        week: "week-03",
        project: "project-calc",
        number: issueOf(gateway, "week-03").number,
        parent_issue_url: `https://api.github.com/repos/octocat/portfolio/issues/${other.number}`,
      },
    ]);
    expect(linked(gateway, "project-calc")).toEqual(["week-02"]);
  });

  it("where listings name no parent, lists a project's sub-issues only when its summary is short", async () => {
    const { context, gateway } = await synced();
    gateway.linkFields = false;
    gateway.writes.length = 0;
    const reads = gateway.reads;
    // No summary at all: both projects' sub-issues are listed, and all is linked.
    await sync({ gateway, context, today });
    expect(gateway.writes).toEqual([]);
    expect(gateway.reads - reads).toBe(3);
    const beta = issueOf(gateway, "project-beta").number;
    gateway.subIssues.set(beta, [idOf(gateway, "week-04"), idOf(gateway, "week-06")]);
    const result = await sync({ gateway, context, today });
    expect(result.plan.operations.map((operation) => `${operation.op} ${operation.key}`)).toEqual([
      "link week-05",
    ]);
    expect(linked(gateway, "project-beta")).toEqual(["week-04", "week-06", "week-05"]);
  });

  it("where listings name no parent, a week the learner moved elsewhere is refused by GitHub and the sync goes on", async () => {
    const { context, gateway } = await synced();
    gateway.linkFields = false;
    const calc = issueOf(gateway, "project-calc").number;
    const other = await gateway.createIssue("", { title: "epic", body: "", labels: [], milestone: null });
    gateway.subIssues.set(calc, []);
    gateway.subIssues.set(other.number, [idOf(gateway, "week-03")]);
    const result = await sync({ gateway, context, today });
    // GitHub answers 422 for the week another issue holds: that link is reported, the others made.
    expect(result.refused.map(({ operation }) => `${operation.op} ${operation.key}`)).toEqual([
      "link week-03",
    ]);
    expect(linked(gateway, "project-calc")).toEqual(["week-02"]);
  });

  it("with sub_issues: false, links nothing", async () => {
    const { gateway, first } = await synced(`${CONFIG}sub_issues: false\n`);
    expect(first.plan.summary.link).toBe(0);
    expect(gateway.subIssues.size).toBe(0);
    expect(gateway.writes.map((write) => write.method)).not.toContain("addSubIssue");
  });
});
