import { describe, expect, it } from "vitest";
import { DOCS, failure, useEmulator } from "../src/testing/emulator-handle.js";

const api = useEmulator();
const params = { owner: "octocat", repo: "portfolio" };

function create(fields: { title: string; due_on?: string; description?: string; state?: "open" | "closed" }) {
  return api.octokit().request("POST /repos/{owner}/{repo}/milestones", { ...params, ...fields });
}

describe("milestones", () => {
  it.each([
    ["noon UTC of a summer day", "2026-04-12T12:00:00Z", "2026-04-12T07:00:00Z"],
    ["midnight UTC, which is the day before in Pacific time", "2026-04-12T00:00:00Z", "2026-04-11T07:00:00Z"],
    ["noon UTC of a winter day (PST)", "2026-01-15T12:00:00Z", "2026-01-15T08:00:00Z"],
    ["a timestamp with an offset", "2026-11-01T23:30:00+05:30", "2026-11-01T07:00:00Z"],
    ["the day DST ends in the US", "2026-11-01T20:00:00Z", "2026-11-01T07:00:00Z"],
    ["the day after DST ends", "2026-11-02T20:00:00Z", "2026-11-02T08:00:00Z"],
  ])(
    "stores due_on as the Pacific date of %s, returned at midnight Pacific",
    async (_name, sent, returned) => {
      api.emulator.createRepo("octocat/portfolio");
      const created = await create({ title: "Phase 1", due_on: sent });
      expect(created.status).toBe(201);
      expect(created.data.due_on).toBe(returned);
      const read = await api.octokit().request("GET /repos/{owner}/{repo}/milestones/{milestone_number}", {
        ...params,
        milestone_number: created.data.number,
      });
      expect(read.data.due_on).toBe(returned);
    },
  );

  it("applies the same flooring on update", async () => {
    api.emulator.createRepo("octocat/portfolio");
    const { data } = await create({ title: "Phase 1" });
    expect(data.due_on).toBeNull();
    const octokit = api.octokit();
    const path = "PATCH /repos/{owner}/{repo}/milestones/{milestone_number}" as const;
    const moved = await octokit.request(path, {
      ...params,
      milestone_number: data.number,
      due_on: "2026-06-21T03:00:00Z",
    });
    expect(moved.data.due_on).toBe("2026-06-20T07:00:00Z");
  });

  it("refuses a second milestone with the same title with GitHub's 422 already_exists", async () => {
    api.emulator.createRepo("octocat/portfolio");
    await create({ title: "Phase 1" });
    const refused = await failure(create({ title: "Phase 1" }));
    expect(refused).toMatchObject({
      status: 422,
      body: {
        message: "Validation Failed",
        errors: [{ resource: "Milestone", code: "already_exists", field: "title" }],
        documentation_url: DOCS,
        status: "422",
      },
    });
    const other = await create({ title: "Phase 2" });
    const renamed = await failure(
      api.octokit().request("PATCH /repos/{owner}/{repo}/milestones/{milestone_number}", {
        ...params,
        milestone_number: other.data.number,
        title: "Phase 1",
      }),
    );
    expect(renamed.status).toBe(422);
  });

  it("allows the same title in another repository", async () => {
    api.emulator.createRepo("octocat/portfolio");
    api.emulator.createRepo("octocat/other");
    await create({ title: "Phase 1" });
    const elsewhere = await api.octokit().request("POST /repos/{owner}/{repo}/milestones", {
      owner: "octocat",
      repo: "other",
      title: "Phase 1",
    });
    expect(elsewhere.data.number).toBe(1);
  });

  it("keeps open_issues and closed_issues as issues move and close", async () => {
    api.emulator.createRepo("octocat/portfolio");
    const { data: milestone } = await create({ title: "Phase 1" });
    const octokit = api.octokit();
    for (const title of ["a", "b", "c"]) {
      await octokit.request("POST /repos/{owner}/{repo}/issues", {
        ...params,
        title,
        milestone: milestone.number,
      });
    }
    await octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      ...params,
      issue_number: 1,
      state: "closed",
    });
    await octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      ...params,
      issue_number: 2,
      milestone: null,
    });
    const read = await octokit.request("GET /repos/{owner}/{repo}/milestones/{milestone_number}", {
      ...params,
      milestone_number: milestone.number,
    });
    expect(read.data).toMatchObject({ open_issues: 1, closed_issues: 1 });
  });

  it("lists open milestones by default, all with state=all, sorted by due date, closed ones with closed_at", async () => {
    api.emulator.createRepo("octocat/portfolio");
    await create({ title: "Late", due_on: "2026-09-01T12:00:00Z" });
    await create({ title: "Early", due_on: "2026-04-01T12:00:00Z" });
    await create({ title: "Done", due_on: "2026-03-01T12:00:00Z", state: "closed" });
    const octokit = api.octokit();
    const open = await octokit.request("GET /repos/{owner}/{repo}/milestones", params);
    expect(open.data.map((milestone) => milestone.title)).toEqual(["Early", "Late"]);
    const all = await octokit.request("GET /repos/{owner}/{repo}/milestones", { ...params, state: "all" });
    expect(all.data.map((milestone) => milestone.title)).toEqual(["Done", "Early", "Late"]);
    expect(all.data[0]?.closed_at).toMatch(/Z$/);
    const desc = await octokit.request("GET /repos/{owner}/{repo}/milestones", {
      ...params,
      direction: "desc",
    });
    expect(desc.data.map((milestone) => milestone.title)).toEqual(["Late", "Early"]);
  });

  it("answers an unknown milestone with 404", async () => {
    api.emulator.createRepo("octocat/portfolio");
    const missing = await failure(
      api.octokit().request("GET /repos/{owner}/{repo}/milestones/{milestone_number}", {
        ...params,
        milestone_number: 9,
      }),
    );
    expect(missing.status).toBe(404);
  });
});
