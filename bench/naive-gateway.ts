import type { GitHubClient } from "../src/github/octokit.js";
import { RestGateway } from "../src/github/rest-gateway.js";
import type { Snapshot } from "../src/model/actual.js";

/**
 * The baseline syllabot is measured against: a sync that reads each object by its own request
 * (each label by name, then milestones and issues by number until the first 404).
 */
export class NaiveGateway extends RestGateway {
  constructor(
    private readonly octokit: GitHubClient,
    repo: string,
    private readonly labelNames: readonly string[],
  ) {
    super(octokit, repo);
  }

  override async readManagedState(): Promise<Snapshot> {
    const [owner = "", repo = ""] = this.repo.split("/");
    const params = { owner, repo };
    const labels: Snapshot["labels"] = [];
    for (const name of this.labelNames) {
      const found = await this.octokit
        .request("GET /repos/{owner}/{repo}/labels/{name}", { ...params, name })
        .catch(notFound);
      if (found) labels.push(found.data);
    }
    const milestones: Snapshot["milestones"] = [];
    for (let number = 1; ; number++) {
      const found = await this.octokit
        .request("GET /repos/{owner}/{repo}/milestones/{milestone_number}", {
          ...params,
          milestone_number: number,
        })
        .catch(notFound);
      if (!found) break;
      milestones.push(found.data as Snapshot["milestones"][number]);
    }
    const issues: Snapshot["issues"] = [];
    for (let number = 1; ; number++) {
      const found = await this.octokit
        .request("GET /repos/{owner}/{repo}/issues/{issue_number}", { ...params, issue_number: number })
        .catch(notFound);
      if (!found) break;
      issues.push(found.data as Snapshot["issues"][number]);
    }
    return { milestones, labels, issues };
  }

  override async readAllIssues(): Promise<Snapshot["issues"]> {
    return (await this.readManagedState()).issues;
  }
}

function notFound(error: unknown): undefined {
  if ((error as { status?: number }).status === 404) return undefined;
  throw error;
}
