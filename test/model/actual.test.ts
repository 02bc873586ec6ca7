import type { components } from "@octokit/openapi-types";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type ActualIssue,
  type ActualLabel,
  type ActualMilestone,
  snapshotSchema,
} from "../../src/model/actual.js";

type GitHubLabel = components["schemas"]["label"];
type GitHubMilestone = components["schemas"]["milestone"];
type GitHubIssue = components["schemas"]["issue"];

describe("the actual state's shapes", () => {
  // Checked by the type checker (npm test runs tsc over test/): the fields planning reads of
  // GitHub's objects have the types GitHub's OpenAPI description gives them.
  it("read GitHub's labels, milestones and issues with the types GitHub's REST API gives them", () => {
    expectTypeOf<Pick<ActualLabel, "name" | "color">>().toExtend<Pick<GitHubLabel, "name" | "color">>();
    type MilestoneFields = "number" | "title" | "description" | "state" | "due_on" | "created_at";
    expectTypeOf<Pick<ActualMilestone, MilestoneFields>>().toExtend<Pick<GitHubMilestone, MilestoneFields>>();
    type IssueFields = "number" | "title" | "state" | "created_at";
    expectTypeOf<Pick<ActualIssue, IssueFields>>().toExtend<Pick<GitHubIssue, IssueFields>>();
  });

  it("keeps the fields of GitHub's objects it does not check", () => {
    const label = { name: "syllabot", color: "ededed", id: 7, node_id: "LA_1" };
    expect(snapshotSchema.parse({ labels: [label] }).labels[0]).toEqual(label);
  });
});
