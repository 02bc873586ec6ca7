import { describe, expect, it } from "vitest";
import { githubDueDate } from "../../src/calendar.js";
import { EMPTY_SNAPSHOT, type Snapshot } from "../../src/model/actual.js";
import { numberOf } from "../../src/model/operations.js";
import { plan } from "../../src/plan/index.js";
import { applyAsGitHub, fieldsOf } from "../helpers/github-snapshot.js";
import { date, exampleContext, miniContext } from "../helpers/setup.js";

const TODAY = date("2026-03-02");

function applied(context = exampleContext(), today = TODAY): Snapshot {
  return applyAsGitHub(EMPTY_SNAPSHOT, plan(context, EMPTY_SNAPSHOT, today).operations);
}

function issueByKey(snapshot: Snapshot, key: string) {
  const issue = snapshot.issues.find((candidate) => candidate.body?.includes(`syllabot:key=${key} `));
  if (!issue) throw new Error(`no issue ${key}`);
  return issue;
}

describe("planning the bundled config against an empty repository", () => {
  const result = plan(exampleContext(), EMPTY_SNAPSHOT, TODAY);
  const creates = (kind: string) =>
    result.operations.filter((operation) => operation.op === "create" && operation.kind === kind);

  it("creates 5 milestones, one per phase, due on the phase's last local day", () => {
    const milestones = creates("milestone");
    expect(milestones.map((operation) => operation.key)).toEqual([
      "phase-1",
      "phase-2",
      "phase-3",
      "phase-4",
      "phase-5",
    ]);
    // Start 2026-03-02: phase 1 is weeks 1–6, ending Sunday 2026-04-12; phase 5 ends after week 52.
    expect(githubDueDate(String(fieldsOf(milestones[0]).due_on)).toString()).toBe("2026-04-12");
    expect(githubDueDate(String(fieldsOf(milestones[4]).due_on)).toString()).toBe("2027-02-28");
  });

  it("creates 52 week issues and one issue per core project plus the chosen capstone only", () => {
    const keys = creates("issue").map((operation) => operation.key);
    expect(keys.filter((key) => key.startsWith("week-"))).toHaveLength(52);
    expect(keys.filter((key) => key.startsWith("project-"))).toEqual([
      "project-csvq",
      "project-schemaguard",
      "project-logr",
      "project-http-server",
      "project-airpost",
      "project-riskbook",
      "project-xlsxfmt",
      "project-formulaengine",
    ]);
  });

  it("labels each issue under the configured prefix and files it in its phase's milestone", () => {
    const week5 = creates("issue").find((operation) => operation.key === "week-05");
    expect(fieldsOf(week5).labels).toEqual(["syllabot", "syllabot:week", "syllabot:phase-1"]);
    expect(fieldsOf(week5).milestone).toBe("phase-1");
    expect(String(fieldsOf(week5).body)).toContain("<!-- syllabot:key=week-05 -->");
    expect(result.summary.create).toEqual({ label: 10, milestone: 5, issue: 60 });
  });

  it("writes the week's dates, work as checklists, concepts, DSA target and how to close it", () => {
    const body = String(fieldsOf(creates("issue").find((operation) => operation.key === "week-05")).body);
    expect(body).toContain("Mon 30 Mar – Sun 5 Apr 2026");
    expect(body).toMatch(/- \[ \] .*`rustlings`/);
    expect(body).toContain("### Concepts of phase 1");
    expect(body).toContain("2–3 problems this week");
    expect(body).toContain("`closes week 5`");
  });

  it("plans the chosen capstone's phase-5 weeks only", () => {
    const body = String(fieldsOf(creates("issue").find((operation) => operation.key === "week-45")).body);
    expect(body).toMatch(/topological sort/i);
    expect(body).not.toMatch(/DOCX/);
  });
});

describe("re-planning", () => {
  it("plans nothing against the JSON of its own applied result", () => {
    const context = exampleContext();
    expect(plan(context, applied(context), TODAY).operations).toEqual([]);
  });

  it("keeps ticked boxes, text outside the markers and CRLF bodies, and plans nothing", () => {
    const context = exampleContext();
    const snapshot = applied(context);
    const week = issueByKey(snapshot, "week-03");
    week.body = `My notes above.\r\n${String(week.body).replace("- [ ] ", "- [x] ").replace(/\n/g, "\r\n")}\r\nNotes below.`;
    const again = plan(context, snapshot, TODAY);
    expect(again.operations).toEqual([]);
  });

  it("keeps a learner's renamed title", () => {
    const context = exampleContext();
    const snapshot = applied(context);
    issueByKey(snapshot, "week-07").title = "Week 7, my own title";
    expect(plan(context, snapshot, TODAY).operations).toEqual([]);
  });

  it("updates the body when the curriculum changes, carrying ticks and the learner's text over", () => {
    const old = miniContext("learner: octocat\nstart: 2026-01-05\ntimezone: Europe/Berlin\ncapstone: beta\n");
    const snapshot = applyAsGitHub(EMPTY_SNAPSHOT, plan(old, EMPTY_SNAPSHOT, date("2026-01-01")).operations);
    const week = issueByKey(snapshot, "week-01");
    week.body = `${String(week.body).replace("- [ ] Read chapter 1", "- [x] Read chapter 1")}\nmine`;
    // Same curriculum, another start: the dates in every body and the due dates move.
    const moved = miniContext(
      "learner: octocat\nstart: 2026-01-12\ntimezone: Europe/Berlin\ncapstone: beta\n",
    );
    const operations = plan(moved, snapshot, date("2026-01-01")).operations;
    const update = operations.find((operation) => operation.key === "week-01");
    expect(update?.op).toBe("update");
    expect(Object.keys(update?.fields ?? {})).toEqual(["body"]);
    expect(String(fieldsOf(update).body)).toContain("- [x] Read chapter 1");
    expect(String(fieldsOf(update).body)).toContain("Mon 12 Jan – Sun 18 Jan 2026");
    expect(String(fieldsOf(update).body).endsWith("\nmine")).toBe(true);
    const milestones = operations.filter((operation) => operation.kind === "milestone");
    expect(milestones.map((operation) => Object.keys(operation.fields).sort())).toEqual([
      ["description", "due_on"],
      ["description", "due_on"],
    ]);
  });

  it("retitles an issue the learner has not renamed when the curriculum's title changes", () => {
    const undecided = miniContext("learner: octocat\nstart: 2026-01-05\ntimezone: Europe/Berlin\n");
    const snapshot = applyAsGitHub(
      EMPTY_SNAPSHOT,
      plan(undecided, EMPTY_SNAPSHOT, date("2026-01-01")).operations,
    );
    expect(issueByKey(snapshot, "week-04").title).toBe("Week 4: Build, alpha | beta");
    const decided = miniContext(
      "learner: octocat\nstart: 2026-01-05\ntimezone: Europe/Berlin\ncapstone: alpha\n",
    );
    const operations = plan(decided, snapshot, date("2026-01-01")).operations;
    const week4 = operations.find((operation) => operation.key === "week-04");
    expect(fieldsOf(week4).title).toBe("Week 4: Build alpha");
    expect(String(fieldsOf(week4).body)).not.toContain("beta");
    expect(operations.find((operation) => operation.key === "project-alpha")?.op).toBe("create");
  });

  it("never reopens or re-closes what the learner closed, and never deletes", () => {
    const context = exampleContext();
    const snapshot = applied(context);
    issueByKey(snapshot, "week-02").state = "closed";
    snapshot.issues.push({
      number: 999,
      title: "A stray managed issue",
      body: "<!-- syllabot:key=week-99 -->",
      state: "open",
      labels: [],
      milestone: null,
      created_at: "2026-03-02T10:00:00Z",
    });
    // A week beyond the curriculum is closed as not planned, with a note, not deleted.
    expect(
      plan(context, snapshot, TODAY).operations.map((operation) => ({
        op: operation.op,
        number: numberOf(operation),
        state_reason: fieldsOf(operation).state_reason,
      })),
    ).toEqual([{ op: "close", number: 999, state_reason: "not_planned" }]);
  });

  it("restores a removed managed label on an issue without dropping the learner's labels", () => {
    const context = exampleContext();
    const snapshot = applied(context);
    issueByKey(snapshot, "week-04").labels = [{ name: "syllabot" }, { name: "mine" }];
    const [operation] = plan(context, snapshot, TODAY).operations;
    expect(operation?.fields).toEqual({ labels: ["syllabot", "mine", "syllabot:week", "syllabot:phase-1"] });
  });

  it("matches labels case-insensitively and fixes only what differs", () => {
    const context = exampleContext();
    const snapshot = applied(context);
    const label = snapshot.labels.find((candidate) => candidate.name === "syllabot:week");
    if (!label) throw new Error("no label");
    label.name = "Syllabot:Week";
    label.color = "000000";
    expect(plan(context, snapshot, TODAY).operations).toEqual([
      {
        op: "update",
        kind: "label",
        key: "syllabot:week",
        title: "Syllabot:Week",
        fields: { color: "bfd4f2" },
      },
    ]);
  });

  it("ignores pull requests and issues without a key, and resolves milestones by number", () => {
    const context = exampleContext();
    const snapshot = applied(context);
    snapshot.issues.push({
      number: 500,
      title: "Week 1: not ours",
      body: "<!-- syllabot:key=week-01 -->",
      state: "open",
      labels: [],
      milestone: null,
      created_at: "2026-03-02T10:00:00Z",
      pull_request: { url: "x" },
    });
    const week1 = issueByKey(snapshot, "week-01");
    week1.milestone = null;
    const operations = plan(context, snapshot, TODAY).operations;
    expect(operations).toEqual([
      expect.objectContaining({
        op: "update",
        key: "week-01",
        number: week1.number,
        fields: { milestone: 1 },
      }),
    ]);
  });
});

describe("backfill of weeks that ended before installation", () => {
  const config = (policy: string) =>
    `learner: octocat\nstart: 2026-01-05\ntimezone: Europe/Berlin\ncapstone: beta\nbackfill: ${policy}\n`;
  const installed = date("2026-01-27"); // Tuesday of week 4: weeks 1–3 have ended.

  it("close: creates the ended weeks closed, the rest open", () => {
    const operations = plan(miniContext(config("close")), EMPTY_SNAPSHOT, installed).operations;
    const closed = operations
      .filter((operation) => fieldsOf(operation).state === "closed")
      .map((operation) => operation.key);
    expect(closed).toEqual(["week-01", "week-02", "week-03", "project-calc"]);
    expect(String(fieldsOf(operations.find((operation) => operation.key === "week-01")).body)).toContain(
      "before syllabot was installed on Tue 27 Jan 2026",
    );
  });

  it("open: creates them open; skip: does not create them", () => {
    const open = plan(miniContext(config("open")), EMPTY_SNAPSHOT, installed).operations;
    expect(open.filter((operation) => fieldsOf(operation).state === "closed")).toEqual([]);
    const skip = plan(miniContext(config("skip")), EMPTY_SNAPSHOT, installed).operations;
    expect(skip.filter((operation) => operation.kind === "issue").map((operation) => operation.key)).toEqual([
      "week-04",
      "week-05",
      "week-06",
      "project-beta",
    ]);
  });

  it("judges backfill by the installation date GitHub remembers, not by today", () => {
    const context = miniContext(config("skip"));
    const snapshot = applyAsGitHub(
      EMPTY_SNAPSHOT,
      plan(context, EMPTY_SNAPSHOT, installed).operations,
      "2026-01-27T09:00:00Z",
    );
    // Weeks later, the skipped weeks stay skipped and the rest are not backfilled.
    expect(plan(context, snapshot, date("2026-02-20")).operations).toEqual([]);
  });
});

describe("GitHub's limits", () => {
  it("cuts a week body GitHub would reject to its limit, keeping the markers, and plans nothing more once applied", async () => {
    const { readFileSync } = await import("node:fs");
    const { parseCurriculum } = await import("../../src/curriculum/load.js");
    const { parseConfig, checkConfig } = await import("../../src/config/load.js");
    const { planContext } = await import("../../src/model/context.js");
    const { MINI_CURRICULUM } = await import("../helpers/setup.js");
    const { keyOf } = await import("../../src/model/markers.js");
    const { mergeManagedBody } = await import("../../src/render/managed-body.js");
    const source = readFileSync(MINI_CURRICULUM, "utf8");
    const huge = source.replace(
      'weekday: ["Read chapter 1", "Do `tool` exercises"]',
      `weekday: ["Read chapter 1", ${Array.from({ length: 900 }, (_, index) => `"task ${index} of a long week, described at such length that the week's body outgrows what GitHub accepts"`).join(", ")}]`,
    );
    const curriculum = parseCurriculum(huge, "huge.yaml");
    const config = checkConfig(
      parseConfig("learner: octocat\nstart: 2026-01-05\ntimezone: UTC\n", "c.yml"),
      curriculum,
    );
    const context = planContext(config, curriculum);
    const operations = plan(context, EMPTY_SNAPSHOT, TODAY).operations;
    const week1 = operations.find((operation) => operation.key === "week-01");
    const body = String(fieldsOf(week1).body);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(keyOf(body)).toBe("week-01");
    expect(body).toMatch(
      /task \d+ of a long week[^\n]*\n\n… \(cut to GitHub's limit\)\n<!-- syllabot:end -->\n$/,
    );
    // Applied, and the learner adds notes above the region: the region makes room, once.
    const snapshot = applyAsGitHub(EMPTY_SNAPSHOT, operations);
    const issue = issueByKey(snapshot, "week-01");
    issue.body = `My notes: ${"n".repeat(2000)}\n\n${issue.body}`;
    const update = plan(context, snapshot, TODAY).operations;
    expect(update.map((operation) => [operation.op, operation.key])).toEqual([["update", "week-01"]]);
    const updated = String(fieldsOf(update[0]).body);
    expect(updated.length).toBeLessThanOrEqual(65_536);
    expect(updated.startsWith(`My notes: ${"n".repeat(2000)}`)).toBe(true);
    expect(mergeManagedBody(updated, updated)).toBe(updated);
    expect(plan(context, applyAsGitHub(snapshot, update), TODAY).operations).toEqual([]);
  });
});

describe("issues_ahead", () => {
  const config = (ahead: string) =>
    `learner: octocat\nstart: 2026-01-05\ntimezone: Europe/Berlin\ncapstone: beta\nissues_ahead: ${ahead}\nbackfill: open\n`;
  const issueKeys = (ahead: string, today: string) =>
    plan(miniContext(config(ahead)), EMPTY_SNAPSHOT, date(today))
      .operations.filter((operation) => operation.kind === "issue")
      .map((operation) => operation.key);

  it("creates week issues only up to N weeks after the current week, and projects once their first week is due", () => {
    // 2026-01-14 is in week 2.
    expect(issueKeys("1", "2026-01-14")).toEqual(["week-01", "week-02", "week-03", "project-calc"]);
    expect(issueKeys("0", "2026-01-14")).toEqual(["week-01", "week-02", "project-calc"]);
    expect(issueKeys("all", "2026-01-14")).toHaveLength(8);
  });

  it("before the start, counts from week 0; after the end, everything is due", () => {
    expect(issueKeys("1", "2025-12-01")).toEqual(["week-01"]);
    expect(issueKeys("0", "2027-01-01")).toHaveLength(8);
  });
});
