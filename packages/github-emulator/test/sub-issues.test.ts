import { describe, expect, it } from "vitest";
import { failure, TestClock, useEmulator } from "../src/testing/emulator-handle.js";

const clock = new TestClock();
const api = useEmulator(() => ({ now: clock.now }));
const REPO = "octocat/portfolio";
const on = (issue_number: number) => ({ owner: "octocat", repo: "portfolio", issue_number });

/** Issues 1..count; their ids, in number order. */
async function scene(count: number): Promise<number[]> {
  api.emulator.createRepo(REPO);
  for (let index = 1; index <= count; index++) api.emulator.addIssue(REPO, { title: `issue ${index}` });
  const repo = api.emulator.snapshot().repos.find((candidate) => candidate.name === "portfolio");
  return (repo?.issues ?? []).map((issue) => issue.id);
}

async function add(parent: number, sub_issue_id: number, replace_parent?: boolean) {
  return api.octokit().request("POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues", {
    ...on(parent),
    sub_issue_id,
    ...(replace_parent === undefined ? {} : { replace_parent }),
  });
}

const numbers = (issues: { number: number }[]) => issues.map((issue) => issue.number);

describe("sub-issues", () => {
  it("adds a sub-issue by its id, lists it, names its parent and sums the parent's progress", async () => {
    const [, two, three] = await scene(3);
    const added = await add(1, two as number);
    expect(added.status).toBe(201);
    expect(added.data.number).toBe(1);
    expect(added.data.sub_issues_summary).toEqual({ total: 1, completed: 0, percent_completed: 0 });
    await add(1, three as number);
    const octokit = api.octokit();
    await octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", { ...on(3), state: "closed" });
    const listed = await octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues", on(1));
    expect(numbers(listed.data)).toEqual([2, 3]);
    expect(listed.data[0]?.parent_issue_url).toMatch(new RegExp(`/repos/${REPO}/issues/1$`));
    const parent = await octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}/parent", on(2));
    expect(parent.data.number).toBe(1);
    const issues = await octokit.request("GET /repos/{owner}/{repo}/issues", {
      owner: "octocat",
      repo: "portfolio",
      state: "all",
    });
    const one = issues.data.find((issue) => issue.number === 1);
    expect(one?.sub_issues_summary).toEqual({ total: 2, completed: 1, percent_completed: 50 });
    expect(one?.parent_issue_url).toBeNull();
    expect(
      await failure(octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}/parent", on(1))),
    ).toMatchObject({ status: 404 });
  });

  it("refuses a second parent (422) unless replace_parent is true, which moves it", async () => {
    const [, , three] = await scene(3);
    await add(1, three as number);
    const refused = await failure(add(2, three as number));
    expect(refused.status).toBe(422);
    await add(2, three as number, true);
    const octokit = api.octokit();
    const first = await octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues", on(1));
    expect(first.data).toEqual([]);
    const parent = await octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}/parent", on(3));
    expect(parent.data.number).toBe(2);
  });

  it("refuses an issue as its own sub-issue, a duplicate, an ancestor, and another owner's issue", async () => {
    const [one, two] = await scene(2);
    expect((await failure(add(1, one as number))).status).toBe(422);
    await add(1, two as number);
    expect((await failure(add(1, two as number))).status).toBe(422);
    expect((await failure(add(2, one as number))).status).toBe(422);
    api.emulator.createRepo("hubot/elsewhere");
    const stranger = api.emulator.addIssue("hubot/elsewhere", { title: "theirs" });
    const other = await api.octokit().request("GET /repos/{owner}/{repo}/issues/{issue_number}", {
      owner: "hubot",
      repo: "elsewhere",
      issue_number: stranger,
    });
    expect((await failure(add(1, Number(other.data.id)))).status).toBe(422);
    expect((await failure(add(1, 999_999))).status).toBe(404);
  });

  it("holds 100 sub-issues a parent and 8 levels of nesting", async () => {
    const ids = await scene(102);
    // Adding a sub-issue is content creation, limited to 80 a minute.
    for (const [index, id] of ids.slice(1, 101).entries()) {
      if (index % 50 === 0) clock.advance(60);
      await add(1, id);
    }
    expect((await failure(add(1, ids[101] as number))).status).toBe(422);
    // A chain 101 -> 102 -> ... : issues 2..9 under one another make 8 levels below 1's sibling.
    const chain = ids.slice(1, 9);
    await api.octokit().request("DELETE /repos/{owner}/{repo}/issues/{issue_number}/sub_issue", {
      ...on(1),
      sub_issue_id: ids[1] as number,
    });
    let parent = 102;
    let level = 1;
    for (const id of chain) {
      const result = add(parent, id, true);
      if (level < 8) await result;
      else expect((await failure(result)).status).toBe(422);
      parent = ids.indexOf(id) + 1;
      level += 1;
    }
  });

  it("removes a sub-issue and reorders them", async () => {
    const [, two, three, four] = await scene(4);
    for (const id of [two, three, four]) await add(1, id as number);
    const octokit = api.octokit();
    const moved = await octokit.request(
      "PATCH /repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
      {
        ...on(1),
        sub_issue_id: four as number,
        before_id: two as number,
      },
    );
    expect(moved.data.number).toBe(1);
    const removed = await octokit.request("DELETE /repos/{owner}/{repo}/issues/{issue_number}/sub_issue", {
      ...on(1),
      sub_issue_id: three as number,
    });
    expect(removed.data.sub_issues_summary?.total).toBe(2);
    const listed = await octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues", on(1));
    expect(numbers(listed.data)).toEqual([4, 2]);
  });
});
