import { describe, expect, it } from "vitest";
import { failure, TestClock, useEmulator } from "../src/testing/emulator-handle.js";

const clock = new TestClock();
const api = useEmulator(() => ({ now: clock.now }));
const REPO = "octocat/portfolio";
const params = { owner: "octocat", repo: "portfolio" };
const issue = { ...params, issue_number: 1 };

interface Event {
  event: string;
  actor: { login: string } | null;
  label?: { name: string; color: string };
  milestone?: { title: string };
  rename?: { from: string; to: string };
  assignee?: { login: string } | null;
  state_reason?: string | null;
}

async function eventsOf(issue_number = 1): Promise<Event[]> {
  const listed = await api
    .octokit()
    .request("GET /repos/{owner}/{repo}/issues/{issue_number}/events", { ...params, issue_number });
  return listed.data as Event[];
}

describe("issue events", () => {
  it("records what the API does to an issue, as GitHub does, oldest first", async () => {
    api.emulator.createRepo(REPO);
    api.emulator.addUser("mentor");
    const octokit = api.octokit();
    await octokit.request("POST /repos/{owner}/{repo}/milestones", { ...params, title: "Phase 1" });
    await octokit.request("POST /repos/{owner}/{repo}/milestones", { ...params, title: "Phase 2" });
    await octokit.request("POST /repos/{owner}/{repo}/issues", {
      ...params,
      title: "Week 1",
      labels: ["syllabot"],
      milestone: 1,
      assignees: ["octocat"],
    });
    clock.advance(60);
    await octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      ...issue,
      title: "Week one",
      milestone: 2,
      assignees: ["mentor"],
      labels: ["week"],
    });
    clock.advance(60);
    await octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      ...issue,
      state: "closed",
      state_reason: "not_planned",
    });
    await octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", { ...issue, state: "open" });
    const events = await eventsOf();
    expect(
      events.map(({ event, label, milestone, rename, assignee, state_reason }) => ({
        event,
        ...(label ? { label: label.name } : {}),
        ...(milestone ? { milestone: milestone.title } : {}),
        ...(rename ? { rename } : {}),
        ...(assignee ? { assignee: assignee.login } : {}),
        ...(state_reason === undefined ? {} : { state_reason }),
      })),
    ).toEqual([
      { event: "labeled", label: "syllabot" },
      { event: "milestoned", milestone: "Phase 1" },
      { event: "assigned", assignee: "octocat" },
      { event: "renamed", rename: { from: "Week 1", to: "Week one" } },
      { event: "labeled", label: "week" },
      { event: "unlabeled", label: "syllabot" },
      { event: "demilestoned", milestone: "Phase 1" },
      { event: "milestoned", milestone: "Phase 2" },
      { event: "assigned", assignee: "mentor" },
      { event: "unassigned", assignee: "octocat" },
      { event: "closed", state_reason: "not_planned" },
      { event: "reopened", state_reason: "reopened" },
    ]);
    expect(events[0]).toMatchObject({
      actor: { login: "octocat" },
      commit_id: null,
      commit_url: null,
      performed_via_github_app: null,
      label: { name: "syllabot", color: "ededed" },
      url: expect.stringMatching(/\/repos\/octocat\/portfolio\/issues\/events\/\d+$/),
    });
  });

  it("records the labels endpoints' changes", async () => {
    api.emulator.createRepo(REPO);
    api.emulator.addIssue(REPO, { title: "a", labels: ["one"] });
    const octokit = api.octokit();
    await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
      ...issue,
      labels: ["two"],
    });
    await octokit.request("DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", {
      ...issue,
      name: "one",
    });
    await octokit.request("DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels", issue);
    expect((await eventsOf()).map((event) => `${event.event} ${event.label?.name}`)).toEqual([
      "labeled one",
      "labeled two",
      "unlabeled one",
      "unlabeled two",
    ]);
  });

  it("lists a repository's events newest first, each with its issue, and serves one by id", async () => {
    api.emulator.createRepo(REPO);
    api.emulator.addIssue(REPO, { title: "a", labels: ["x"] });
    api.emulator.addIssue(REPO, { title: "b", state: "closed" });
    const octokit = api.octokit();
    const listed = await octokit.request("GET /repos/{owner}/{repo}/issues/events", params);
    expect(listed.data.map((event) => [event.event, event.issue?.title])).toEqual([
      ["closed", "b"],
      ["labeled", "a"],
    ]);
    const id = Number(listed.data[1]?.id ?? 0);
    const single = await octokit.request("GET /repos/{owner}/{repo}/issues/events/{event_id}", {
      ...params,
      event_id: id,
    });
    expect(single.data).toMatchObject({ id, event: "labeled", issue: { number: 1 } });
    const missing = await failure(
      octokit.request("GET /repos/{owner}/{repo}/issues/events/{event_id}", { ...params, event_id: 99_999 }),
    );
    expect(missing.status).toBe(404);
  });

  it("records a merged pull request as merged then closed, naming the merge commit", async () => {
    api.emulator.createRepo(REPO);
    api.emulator.addPullRequest(REPO, { title: "fix", author: "contributor", state: "merged" });
    const events = await api
      .octokit()
      .request("GET /repos/{owner}/{repo}/issues/{issue_number}/events", issue);
    expect(events.data.map((event) => event.event)).toEqual(["merged", "closed"]);
    const commit = events.data[0]?.commit_id;
    expect(commit).toMatch(/^[0-9a-f]{40}$/);
    expect(events.data[1]?.commit_id).toBe(commit);
    expect(events.data[1]?.commit_url).toBe(`${api.emulator.url}/repos/${REPO}/commits/${commit}`);
  });

  it("shows the timeline: events and comments together, oldest first", async () => {
    api.emulator.createRepo(REPO);
    api.emulator.addIssue(REPO, { title: "a", labels: ["x"] });
    clock.advance(60);
    api.emulator.addComment(REPO, 1, { author: "mentor", body: "Nice" });
    clock.advance(60);
    await api
      .octokit()
      .request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", { ...issue, state: "closed" });
    const timeline = await api
      .octokit()
      .request("GET /repos/{owner}/{repo}/issues/{issue_number}/timeline", issue);
    expect(timeline.data.map((item) => item.event)).toEqual(["labeled", "commented", "closed"]);
    expect(timeline.data[1]).toMatchObject({
      body: "Nice",
      actor: { login: "mentor" },
      user: { login: "mentor" },
    });
  });
});
