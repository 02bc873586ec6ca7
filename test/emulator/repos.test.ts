import { describe, expect, it } from "vitest";
import { DOCS, failure, useEmulator } from "./helpers.js";

const api = useEmulator();
const params = { owner: "octocat", repo: "portfolio" };

/** github.com's default labels, as `GET /repos/{owner}/{repo}/labels` lists them on a new repository. */
const GITHUB_DEFAULT_LABELS = [
  ["bug", "d73a4a", "Something isn't working"],
  ["documentation", "0075ca", "Improvements or additions to documentation"],
  ["duplicate", "cfd3d7", "This issue or pull request already exists"],
  ["enhancement", "a2eeef", "New feature or request"],
  ["good first issue", "7057ff", "Good for newcomers"],
  ["help wanted", "008672", "Extra attention is needed"],
  ["invalid", "e4e669", "This doesn't seem right"],
  ["question", "d876e3", "Further information is requested"],
  ["wontfix", "ffffff", "This will not be worked on"],
].map(([name, color, description]) => ({ name, color, description, default: true }));

describe("a new repository's default labels", () => {
  it("gives a repository created through the API GitHub's nine default labels", async () => {
    const octokit = api.octokit();
    await octokit.request("POST /user/repos", { name: "portfolio" });
    await octokit.request("POST /orgs/{org}/repos", { org: "acme", name: "course" });
    for (const [owner, repo] of [
      ["octocat", "portfolio"],
      ["acme", "course"],
    ] as const) {
      const { data } = await octokit.request("GET /repos/{owner}/{repo}/labels", { owner, repo });
      expect(
        data.map(({ name, color, description, default: isDefault }) => ({
          name,
          color,
          description,
          default: isDefault,
        })),
      ).toEqual(GITHUB_DEFAULT_LABELS);
    }
  });

  it("gives a scene repository the same labels, so creating `bug` again is refused", async () => {
    api.emulator.createRepo("octocat/portfolio");
    const octokit = api.octokit();
    const bug = await octokit.request("GET /repos/{owner}/{repo}/labels/{name}", { ...params, name: "Bug" });
    expect(bug.data).toMatchObject({ name: "bug", color: "d73a4a", default: true });
    const refused = await failure(
      octokit.request("POST /repos/{owner}/{repo}/labels", { ...params, name: "bug", color: "000000" }),
    );
    expect(refused).toMatchObject({
      status: 422,
      body: {
        message: "Validation Failed",
        errors: [{ resource: "Label", code: "already_exists", field: "name" }],
        documentation_url: DOCS,
      },
    });
    const mine = await octokit.request("POST /repos/{owner}/{repo}/labels", { ...params, name: "syllabot" });
    expect(mine.data.default).toBe(false);
  });

  it("applies a default label to an issue that names it, keeping its color", async () => {
    api.emulator.createRepo("octocat/portfolio");
    const issue = await api
      .octokit()
      .request("POST /repos/{owner}/{repo}/issues", { ...params, title: "Broken", labels: ["bug"] });
    expect(issue.data.labels).toMatchObject([{ name: "bug", color: "d73a4a", default: true }]);
  });
});
