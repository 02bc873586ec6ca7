import { describe, expect, it } from "vitest";
import { failure, useEmulator } from "../src/testing/emulator-handle.js";

const api = useEmulator();
const REPO = "octocat/portfolio";
const issue = { owner: "octocat", repo: "portfolio", issue_number: 1 };

async function scene() {
  api.emulator.createRepo(REPO);
  await api.octokit().request("POST /repos/{owner}/{repo}/labels", {
    owner: "octocat",
    repo: "portfolio",
    name: "Blocked",
    color: "d73a4a",
  });
  api.emulator.addIssue(REPO, { title: "a", labels: ["Blocked", "docs"] });
}

const names = (labels: { name: string }[]) => labels.map((label) => label.name);

describe("an issue's labels", () => {
  it("lists them", async () => {
    await scene();
    const listed = await api
      .octokit()
      .request("GET /repos/{owner}/{repo}/issues/{issue_number}/labels", issue);
    expect(names(listed.data)).toEqual(["Blocked", "docs"]);
  });

  it("adds labels, creating the ones the repository lacks, and answers all the issue's labels", async () => {
    await scene();
    const octokit = api.octokit();
    const added = await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
      ...issue,
      labels: ["blocked", "new one"],
    });
    expect(names(added.data)).toEqual(["Blocked", "docs", "new one"]);
    const created = await octokit.request("GET /repos/{owner}/{repo}/labels/{name}", {
      owner: "octocat",
      repo: "portfolio",
      name: "new one",
    });
    expect(created.data.color).toBe("ededed");
  });

  it("takes the labels as a bare array too, as GitHub accepts", async () => {
    await scene();
    const response = await api.fetch(`/repos/${REPO}/issues/1/labels`, { method: "POST", json: ["wip"] });
    expect(response.status).toBe(200);
    expect(names((await response.json()) as { name: string }[])).toEqual(["Blocked", "docs", "wip"]);
    const set = await api.fetch(`/repos/${REPO}/issues/1/labels`, { method: "PUT", json: ["docs"] });
    expect(names((await set.json()) as { name: string }[])).toEqual(["docs"]);
  });

  it("replaces them all with PUT, an empty list removing every one", async () => {
    await scene();
    const octokit = api.octokit();
    const set = await octokit.request("PUT /repos/{owner}/{repo}/issues/{issue_number}/labels", {
      ...issue,
      labels: ["docs", "later"],
    });
    expect(names(set.data)).toEqual(["docs", "later"]);
    const cleared = await octokit.request("PUT /repos/{owner}/{repo}/issues/{issue_number}/labels", {
      ...issue,
      labels: [],
    });
    expect(cleared.data).toEqual([]);
  });

  it("removes them all with DELETE (204), leaving the repository's labels", async () => {
    await scene();
    const octokit = api.octokit();
    const removed = await octokit.request("DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels", issue);
    expect(removed.status).toBe(204);
    const read = await octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}", issue);
    expect(read.data.labels).toEqual([]);
    const repoLabels = await octokit.request("GET /repos/{owner}/{repo}/labels", {
      owner: "octocat",
      repo: "portfolio",
    });
    // Its own two, beside the nine every new repository has.
    expect(names(repoLabels.data)).toEqual(expect.arrayContaining(["Blocked", "docs", "bug"]));
    expect(repoLabels.data).toHaveLength(11);
  });

  it("removes one by name (any case) and answers the rest; 404 Label does not exist when the issue lacks it", async () => {
    await scene();
    const octokit = api.octokit();
    const rest = await octokit.request("DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", {
      ...issue,
      name: "BLOCKED",
    });
    expect(rest.status).toBe(200);
    expect(names(rest.data)).toEqual(["docs"]);
    // The repository still has the label; the issue no longer carries it.
    const again = await failure(
      octokit.request("DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", {
        ...issue,
        name: "Blocked",
      }),
    );
    expect(again).toMatchObject({ status: 404, body: { message: "Label does not exist" } });
    const unknown = await failure(
      octokit.request("DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", {
        ...issue,
        name: "never heard of it",
      }),
    );
    expect(unknown).toMatchObject({ status: 404, body: { message: "Label does not exist" } });
  });
});
