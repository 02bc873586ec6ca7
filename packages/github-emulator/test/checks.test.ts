import { describe, expect, it } from "vitest";
import { useEmulator } from "../src/testing/emulator-handle.js";

const REPO = "octocat/portfolio";

describe("check runs", () => {
  const api = useEmulator();

  it("creates a check run with annotations, completes it, and lists it for its commit", async () => {
    api.emulator.createRepo(REPO);
    const octokit = api.octokit();
    const params = { owner: "octocat", repo: "portfolio" };
    const { data: run } = await octokit.request("POST /repos/{owner}/{repo}/check-runs", {
      ...params,
      name: "syllabot",
      head_sha: "a".repeat(40),
      status: "in_progress",
      output: {
        title: "2 errors",
        summary: "The config has errors.",
        annotations: [
          {
            path: ".github/syllabot.yml",
            start_line: 3,
            end_line: 3,
            start_column: 11,
            end_column: 11,
            annotation_level: "failure",
            message: "bad zone",
          },
          {
            path: ".github/syllabot.yml",
            start_line: 5,
            end_line: 6,
            start_column: 2,
            annotation_level: "failure",
            message: "bad key",
          },
        ],
      },
    });
    expect(run).toMatchObject({ status: "in_progress", conclusion: null, output: { annotations_count: 2 } });
    const { data: done } = await octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
      ...params,
      check_run_id: run.id,
      conclusion: "failure",
    });
    expect(done.status).toBe("completed");
    expect(done.completed_at).not.toBeNull();
    const { data: annotations } = await octokit.request(
      "GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations",
      {
        ...params,
        check_run_id: run.id,
      },
    );
    expect(annotations.map((annotation) => [annotation.start_line, annotation.start_column])).toEqual([
      [3, 11],
      [5, null],
    ]);
    const { data: forRef } = await octokit.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
      ...params,
      ref: "a".repeat(40),
    });
    expect(forRef.total_count).toBe(1);
    const { data: single } = await octokit.request("GET /repos/{owner}/{repo}/check-runs/{check_run_id}", {
      ...params,
      check_run_id: run.id,
    });
    expect(single.conclusion).toBe("failure");
  });

  it("refuses more than 50 annotations in one request, as GitHub does", async () => {
    api.emulator.createRepo(REPO);
    const annotations = Array.from({ length: 51 }, (_, index) => ({
      path: "a.yml",
      start_line: index + 1,
      end_line: index + 1,
      annotation_level: "failure",
      message: "x",
    }));
    const response = await api.fetch(`/repos/${REPO}/check-runs`, {
      method: "POST",
      json: { name: "syllabot", head_sha: "b".repeat(40), output: { title: "t", summary: "s", annotations } },
    });
    expect(response.status).toBe(422);
  });

  it("lists a commit's check runs by branch name too, as GitHub resolves the ref", async () => {
    api.emulator.createRepo(REPO);
    const octokit = api.octokit();
    const params = { owner: "octocat", repo: "portfolio" };
    const head = (
      await octokit.request("GET /repos/{owner}/{repo}/commits/{ref}", { ...params, ref: "main" })
    ).data.sha;
    await octokit.request("POST /repos/{owner}/{repo}/check-runs", {
      ...params,
      name: "syllabot",
      head_sha: head,
    });
    const byBranch = await octokit.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
      ...params,
      ref: "main",
    });
    expect(byBranch.data.check_runs.map((run) => run.head_sha)).toEqual([head]);
  });
});
