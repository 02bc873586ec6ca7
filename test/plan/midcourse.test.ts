import { describe, expect, it } from "vitest";
import { EMPTY_SNAPSHOT, type Snapshot } from "../../src/model/actual.js";
import type { PlanContext } from "../../src/model/context.js";
import { plan } from "../../src/plan/index.js";
import { emptyLedger } from "../../src/progress/ledger.js";
import { progressReport } from "../../src/progress/report.js";
import { managedBody } from "../../src/render/managed-body.js";
import { plannedSetupCheck } from "../../src/setup/reports.js";
import { applyAsGitHub, fieldsOf } from "../helpers/github-snapshot.js";
import { date, miniContext } from "../helpers/setup.js";

/** The mini course (6 weeks from Mon 5 Jan 2026, Berlin), with these config lines. */
const config = (lines = "") =>
  `learner: octocat\nstart: 2026-01-05\ntimezone: Europe/Berlin\ncapstone: beta\n${lines}`;
/** The mini course edited down to 5 weeks: its last phase and its projects end a week earlier. */
const fiveWeeks = (text: string) => text.replaceAll("weeks: 4-6", "weeks: 4-5");
/** The mini course without its second phase (weeks 4–6 and the capstone projects). */
const phaseOneOnly = (text: string) => {
  const [head = "", rest = ""] = text.split("  - number: 2\n");
  const phases = `${head}${rest.slice(rest.indexOf("weeks:\n"))}`;
  const weeks = phases.split("  - weeks: 4-6\n")[0] ?? "";
  const projects = phases.slice(phases.indexOf("projects:\n"), phases.indexOf("  - slug: alpha"));
  return `${weeks}${projects}${phases.slice(phases.indexOf("tracks:\n"))}`;
};

/** The repository after planning and applying against it, as GitHub would store it, at `now`. */
function applyPlan(context: PlanContext, snapshot: Snapshot, today: string, now: string): Snapshot {
  return applyAsGitHub(snapshot, plan(context, snapshot, date(today)).operations, now);
}

/** Installed on the first day of the course, every issue at once. */
function installedAtStart(lines = "issues_ahead: all\n"): Snapshot {
  return applyPlan(miniContext(config(lines)), EMPTY_SNAPSHOT, "2026-01-05", "2026-01-05T09:00:00Z");
}

function issue(snapshot: Snapshot, key: string) {
  const found = snapshot.issues.find((candidate) => candidate.body?.includes(`syllabot:key=${key} `));
  if (!found) throw new Error(`no issue ${key}`);
  return found;
}

describe("a managed issue the curriculum no longer has", () => {
  it("is closed as not planned with a note saying why, and the other weeks say 'of 5'", () => {
    const edited = miniContext(config("issues_ahead: all\n"), fiveWeeks);
    const before = installedAtStart();
    const operations = plan(edited, before, date("2026-01-12")).operations;
    const retired = operations.find((operation) => operation.key === "week-06");
    expect(retired).toMatchObject({ op: "close", kind: "issue", number: issue(before, "week-06").number });
    expect(retired?.fields).toMatchObject({ state: "closed", state_reason: "not_planned" });
    expect(String(fieldsOf(retired).body)).toContain("no longer has week 6");

    const after = applyAsGitHub(before, operations, "2026-01-12T09:00:00Z");
    expect(issue(after, "week-06")).toMatchObject({ state: "closed", state_reason: "not_planned" });
    expect(issue(after, "week-01").body).toContain("week 1 of 5");
    expect(issue(after, "week-05").body).toContain("week 5 of 5");
    // A pull request changing the curriculum shows why in its check.
    const check = plannedSetupCheck("a".repeat(40), plan(edited, before, date("2026-01-12")));
    expect(JSON.stringify(check.output)).toContain(
      "not planned: The curriculum no longer has week 6 (it has 5 weeks now).",
    );
    // Said once: planning again writes nothing.
    expect(plan(edited, after, date("2026-01-12")).operations).toEqual([]);
  });

  it("stays closed as done when the learner finished it, only marked, and keeps their ticks", () => {
    const before = installedAtStart();
    const done = issue(before, "week-06");
    done.state = "closed";
    done.state_reason = "completed";
    done.body = String(done.body).replace("- [ ] ", "- [x] ");
    const edited = miniContext(config("issues_ahead: all\n"), fiveWeeks);
    const operations = plan(edited, before, date("2026-01-12")).operations;
    const marked = operations.find((operation) => operation.key === "week-06");
    expect(marked?.op).toBe("update");
    expect(fieldsOf(marked).state).toBeUndefined();
    expect(String(fieldsOf(marked).body)).toContain("no longer has week 6");
    expect(String(fieldsOf(marked).body)).toContain("- [x] ");
    const after = applyAsGitHub(before, operations, "2026-01-12T09:00:00Z");
    expect(issue(after, "week-06")).toMatchObject({ state: "closed", state_reason: "completed" });
    expect(plan(edited, after, date("2026-01-12")).operations).toEqual([]);
  });

  it("closes a project no longer chosen as not planned, and creates the one chosen instead", () => {
    const before = installedAtStart();
    const switched = miniContext(config("issues_ahead: all\n").replace("capstone: beta", "capstone: alpha"));
    const operations = plan(switched, before, date("2026-01-12")).operations;
    expect(operations.find((operation) => operation.key === "project-beta")).toMatchObject({
      op: "close",
      fields: { state: "closed", state_reason: "not_planned" },
    });
    expect(operations.find((operation) => operation.key === "project-alpha")?.op).toBe("create");
    expect(operations.find((operation) => operation.key === "project-beta")?.reason).toBe(
      "not planned: The plan no longer has project beta: it is an option of the choice capstone, and the config does not choose it.",
    );
  });

  it("closes the milestone of a phase the curriculum no longer has, noting why, and its issues", () => {
    const before = installedAtStart();
    const edited = miniContext(config("issues_ahead: all\n").replace("capstone: beta\n", ""), phaseOneOnly);
    const operations = plan(edited, before, date("2026-01-12")).operations;
    const milestone = operations.find((operation) => operation.key === "phase-2");
    expect(milestone).toMatchObject({ op: "close", kind: "milestone", fields: { state: "closed" } });
    expect(String(fieldsOf(milestone).description)).toContain("no longer has phase 2");
    expect(
      operations
        .filter((operation) => operation.op === "close" && operation.kind === "issue")
        .map((operation) => operation.key),
    ).toEqual(["week-04", "week-05", "week-06", "project-beta"]);
    const after = applyAsGitHub(before, operations, "2026-01-12T09:00:00Z");
    expect(plan(edited, after, date("2026-01-12")).operations).toEqual([]);
  });

  it("never retires an issue only because it is not due yet (issues_ahead), nor a reminder", () => {
    const before = installedAtStart();
    before.issues.push({
      number: 99,
      title: "Phase 9 reminder",
      body: managedBody("reminder-phase-9", "A reminder."),
      state: "open",
      labels: [{ name: "syllabot" }],
      milestone: null,
      created_at: "2026-01-05T09:00:00Z",
    });
    const fewerAhead = miniContext(config("issues_ahead: 1\n"));
    expect(plan(fewerAhead, before, date("2026-01-05")).operations).toEqual([]);
  });
});

describe("re-dating and backfill agree after the start moves", () => {
  const earlier = (policy: string) =>
    miniContext(config(`issues_ahead: all\nbackfill: ${policy}\n`).replace("2026-01-05", "2025-12-22"));

  it("close: the weeks now over before installation are closed as backfill closes them", () => {
    const before = installedAtStart("issues_ahead: all\nbackfill: close\n");
    const operations = plan(earlier("close"), before, date("2026-01-05")).operations;
    const closed = operations.filter((operation) => fieldsOf(operation).state === "closed");
    expect(closed.map((operation) => [operation.key, fieldsOf(operation).state_reason])).toEqual([
      ["week-01", "completed"],
      ["week-02", "completed"],
    ]);
    expect(String(fieldsOf(closed[0]).body)).toContain("(backfill: close)");
    const after = applyAsGitHub(before, operations, "2026-01-05T10:00:00Z");
    expect(plan(earlier("close"), after, date("2026-01-05")).operations).toEqual([]);
  });

  it("skip: the existing issue is the week's, re-dated and closed as not planned; no two open issues share dates", () => {
    const before = applyPlan(
      miniContext(config("backfill: skip\nissues_ahead: all\n")),
      EMPTY_SNAPSHOT,
      "2026-01-27",
      "2026-01-27T09:00:00Z",
    );
    expect(before.issues.map((candidate) => candidate.title)).toHaveLength(4); // weeks 4–6, beta
    const operations = plan(earlier("skip"), before, date("2026-01-27")).operations;
    expect(operations.filter((operation) => operation.op === "create")).toEqual([]);
    const after = applyAsGitHub(before, operations, "2026-01-27T10:00:00Z");
    const week4 = issue(after, "week-04");
    expect(week4).toMatchObject({ state: "closed", state_reason: "not_planned" });
    expect(week4.body).toContain("Mon 12 Jan – Sun 18 Jan 2026");
    expect(week4.body).toContain("(backfill: skip)");
    const dates = after.issues
      .filter((candidate) => candidate.state === "open")
      .map((candidate) => /· (\w{3} \d+ \w{3}.*?\d{4})/.exec(String(candidate.body))?.[1]);
    expect(new Set(dates).size).toBe(dates.length);
    expect(plan(earlier("skip"), after, date("2026-01-27")).operations).toEqual([]);
    // Closed as not planned is not done: progress judges it as a skipped week without an issue.
    const report = progressReport({
      context: earlier("skip"),
      issues: after.issues,
      ledger: emptyLedger(),
      bars: [],
      today: date("2026-01-27"),
      installedOn: date("2026-01-27"),
    });
    expect(report.weeks.find((week) => week.week === 4)?.status).not.toBe("done");
  });
});

describe("re-dating and backfill agree after the time zone changes", () => {
  it("a week that ended before the installation day in the new zone is closed as backfill closes it", () => {
    // Sun 18 Jan, 21:00 in Berlin (the last day of week 2) is Mon 19 Jan, 05:00 in Tokyo.
    const berlin = miniContext(config("issues_ahead: all\n"));
    const before = applyPlan(berlin, EMPTY_SNAPSHOT, "2026-01-18", "2026-01-18T20:00:00Z");
    expect(issue(before, "week-02").state).toBe("open");
    const tokyo = miniContext(config("issues_ahead: all\n").replace("Europe/Berlin", "Asia/Tokyo"));
    const operations = plan(tokyo, before, date("2026-01-19")).operations;
    const closed = operations.filter((operation) => operation.op === "close");
    expect(closed.map((operation) => operation.key)).toEqual(["week-02"]);
    expect(String(fieldsOf(closed[0]).body)).toContain("before syllabot was installed on Mon 19 Jan 2026");
    const after = applyAsGitHub(before, operations, "2026-01-19T01:00:00Z");
    expect(issue(after, "week-02")).toMatchObject({ state: "closed", state_reason: "completed" });
    expect(plan(tokyo, after, date("2026-01-19")).operations).toEqual([]);
  });
});

describe("the installation date", () => {
  it("is never after today, whatever GitHub's clock said when the issues were made", () => {
    const context = miniContext(config("issues_ahead: all\n"));
    const made = applyPlan(context, EMPTY_SNAPSHOT, "2026-01-27", "2026-01-27T09:00:00Z");
    const planned = plan(context, made, date("2026-01-20"));
    expect(planned.installedOn).toBe("2026-01-20");
    for (const operation of planned.operations)
      expect(String(fieldsOf(operation).body ?? "")).not.toContain("installed on Tue 27 Jan 2026");
  });

  it("is the one the issues state when they were made ahead of GitHub's clock: a second identical run writes nothing", () => {
    const context = miniContext(config("issues_ahead: all\n"));
    // `apply --today 2026-02-16` on a repository GitHub's clock fills on 5 Jan.
    const made = applyPlan(context, EMPTY_SNAPSHOT, "2026-02-16", "2026-01-05T09:00:00Z");
    expect(issue(made, "week-01").body).toContain("installed on Mon 16 Feb 2026");
    expect(plan(context, made, date("2026-02-16")).operations).toEqual([]);
  });
});
