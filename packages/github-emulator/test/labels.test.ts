import { describe, expect, it } from "vitest";
import { DOCS, failure, useEmulator } from "../src/testing/emulator-handle.js";

const api = useEmulator();
const params = { owner: "octocat", repo: "portfolio" };

function createLabel(fields: { name: string; color?: string; description?: string }) {
  return api.octokit().request("POST /repos/{owner}/{repo}/labels", { ...params, ...fields });
}

describe("labels", () => {
  it("refuses a name that differs only in case with 422 already_exists", async () => {
    api.emulator.createRepo("octocat/portfolio");
    await createLabel({ name: "Syllabot", color: "0e8a16" });
    const refused = await failure(createLabel({ name: "syllabot", color: "0e8a16" }));
    expect(refused).toMatchObject({
      status: 422,
      body: {
        message: "Validation Failed",
        errors: [{ resource: "Label", code: "already_exists", field: "name" }],
        documentation_url: DOCS,
      },
    });
  });

  it("finds a label by name case-insensitively, and renames it keeping the new case", async () => {
    api.emulator.createRepo("octocat/portfolio");
    await createLabel({ name: "syllabot:week", color: "0e8a16" });
    const octokit = api.octokit();
    const found = await octokit.request("GET /repos/{owner}/{repo}/labels/{name}", {
      ...params,
      name: "SYLLABOT:Week",
    });
    expect(found.data.name).toBe("syllabot:week");
    const renamed = await octokit.request("PATCH /repos/{owner}/{repo}/labels/{name}", {
      ...params,
      name: "syllabot:week",
      new_name: "Syllabot:Week",
      description: "A week of the program",
    });
    expect(renamed.data).toMatchObject({ name: "Syllabot:Week", description: "A week of the program" });
  });

  it("refuses renaming onto another label's name", async () => {
    api.emulator.createRepo("octocat/portfolio");
    await createLabel({ name: "a" });
    await createLabel({ name: "b" });
    const refused = await failure(
      api
        .octokit()
        .request("PATCH /repos/{owner}/{repo}/labels/{name}", { ...params, name: "b", new_name: "A" }),
    );
    expect(refused.status).toBe(422);
  });

  it.each(["#0e8a16", "0e8a1", "0e8a16f", "green", "ggggggg".slice(0, 6)])(
    "refuses color %j with 422 invalid on color",
    async (color) => {
      api.emulator.createRepo("octocat/portfolio");
      const refused = await failure(createLabel({ name: "x", color }));
      expect(refused).toMatchObject({
        status: 422,
        body: {
          message: "Validation Failed",
          errors: [{ resource: "Label", code: "invalid", field: "color" }],
        },
      });
      // As recorded on api.github.com (@octokit/fixtures, scenario errors): the color is not echoed.
      expect((refused.body as { errors: unknown[] }).errors).toEqual([
        { resource: "Label", code: "invalid", field: "color" },
      ]);
    },
  );

  it("keeps a color as sent, case included, on create and update", async () => {
    api.emulator.createRepo("octocat/portfolio");
    const created = await createLabel({ name: "x", color: "0E8A16" });
    expect(created.data.color).toBe("0E8A16");
    const updated = await api.octokit().request("PATCH /repos/{owner}/{repo}/labels/{name}", {
      ...params,
      name: "x",
      color: "AbCdEf",
    });
    expect(updated.data.color).toBe("AbCdEf");
    const refused = await failure(
      api
        .octokit()
        .request("PATCH /repos/{owner}/{repo}/labels/{name}", { ...params, name: "x", color: "#fff" }),
    );
    expect(refused.status).toBe(422);
  });

  it("creates the labels an issue names on the fly, gray, and reuses existing ones whatever their case", async () => {
    api.emulator.createRepo("octocat/portfolio");
    await createLabel({ name: "Syllabot", color: "0e8a16" });
    const octokit = api.octokit();
    const issue = await octokit.request("POST /repos/{owner}/{repo}/issues", {
      ...params,
      title: "Week 1",
      labels: ["syllabot", "syllabot:week"],
    });
    expect(issue.data.labels.map((label) => (typeof label === "string" ? label : label.name))).toEqual([
      "Syllabot",
      "syllabot:week",
    ]);
    const labels = await octokit.request("GET /repos/{owner}/{repo}/labels", params);
    // GitHub's default labels come with the repository; only the others were made here.
    const made = labels.data.filter((label) => !label.default);
    expect(made.map(({ name, color }) => ({ name, color }))).toEqual([
      { name: "Syllabot", color: "0e8a16" },
      { name: "syllabot:week", color: "ededed" },
    ]);
  });

  it("answers an unknown label with 404", async () => {
    api.emulator.createRepo("octocat/portfolio");
    const missing = await failure(
      api.octokit().request("GET /repos/{owner}/{repo}/labels/{name}", { ...params, name: "nope" }),
    );
    expect(missing.status).toBe(404);
  });

  it("deletes a label by name, any case, with 204: gone from the repository and from its issues; 404 after", async () => {
    api.emulator.createRepo("octocat/portfolio");
    await createLabel({ name: "syllabot:week", color: "0e8a16" });
    const octokit = api.octokit();
    const issue = await octokit.request("POST /repos/{owner}/{repo}/issues", {
      ...params,
      title: "Week 1",
      labels: ["syllabot:week"],
    });
    const deleted = await octokit.request("DELETE /repos/{owner}/{repo}/labels/{name}", {
      ...params,
      name: "SYLLABOT:WEEK",
    });
    expect(deleted.status).toBe(204);
    expect(deleted.data).toBeFalsy();
    const labels = await octokit.request("GET /repos/{owner}/{repo}/labels", params);
    expect(labels.data.map((label) => label.name)).not.toContain("syllabot:week");
    const after = await octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}", {
      ...params,
      issue_number: issue.data.number,
    });
    expect(after.data.labels).toEqual([]);
    const again = await failure(
      octokit.request("DELETE /repos/{owner}/{repo}/labels/{name}", { ...params, name: "syllabot:week" }),
    );
    expect(again).toMatchObject({ status: 404 });
  });
});
