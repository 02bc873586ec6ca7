import { type ActualIssue, snapshotSchema } from "../../model/actual.js";
import { keyOf } from "../../model/markers.js";
import { github } from "../errors.js";
import type { IssueComment, IssueFields } from "../gateway.js";
import { PAGE, parseAnswer, type Repository } from "./context.js";
import { createOnce, NO_BLIND_RETRY } from "./create-once.js";

/** Every issue, open or closed (pull requests among them, as GitHub lists them); with a label, those carrying it. */
export function listIssues(repository: Repository, label?: string) {
  const { client, params } = repository;
  return github(repository.repo, "read issues", () =>
    client.paginate(client.rest.issues.listForRepo, {
      ...params,
      state: "all",
      ...(label === undefined ? {} : { labels: label }),
      per_page: PAGE,
    }),
  );
}

export function createIssue(
  repository: Repository,
  key: string,
  fields: Omit<IssueFields, "state" | "state_reason">,
): Promise<ActualIssue> {
  const { client, params } = repository;
  const action = `create issue ${key}`;
  return createOnce(
    repository,
    action,
    () => findRecentIssue(repository, key),
    async () => {
      const { data } = await client.rest.issues.create({ ...params, ...fields, ...NO_BLIND_RETRY });
      return issueOf(repository, action, data);
    },
  );
}

export function updateIssue(
  repository: Repository,
  number: number,
  fields: Partial<IssueFields>,
): Promise<ActualIssue> {
  const { client, params } = repository;
  const action = `update issue #${number}`;
  return github(repository.repo, action, async () => {
    const { data } = await client.rest.issues.update({ ...params, issue_number: number, ...fields });
    return issueOf(repository, action, data);
  });
}

export async function commentOnIssue(repository: Repository, number: number, body: string): Promise<void> {
  const { client, params } = repository;
  // A comment whose answer was lost may have been made: look for it before commenting again.
  const normalized = body.replace(/\r\n/g, "\n");
  await createOnce(
    repository,
    `comment on issue #${number}`,
    async () => {
      const self = (await repository.identity()).toLowerCase();
      return (await listIssueComments(repository, number)).find(
        (comment) =>
          comment.author?.toLowerCase() === self &&
          (comment.body ?? "").replace(/\r\n/g, "\n") === normalized,
      );
    },
    async () => {
      const { data } = await client.rest.issues.createComment({
        ...params,
        issue_number: number,
        body,
        ...NO_BLIND_RETRY,
      });
      return commentOf(data);
    },
  );
}

export async function listIssueComments(repository: Repository, number: number): Promise<IssueComment[]> {
  const { client, params } = repository;
  const comments = await github(repository.repo, `read the comments of issue #${number}`, () =>
    client.paginate(client.rest.issues.listComments, { ...params, issue_number: number, per_page: PAGE }),
  );
  return comments.map(commentOf);
}

function commentOf(comment: {
  body?: string | null;
  created_at: string;
  user: { login: string } | null;
}): IssueComment {
  return {
    body: comment.body ?? null,
    created_at: comment.created_at,
    ...(comment.user ? { author: comment.user.login } : {}),
  };
}

function issueOf(repository: Repository, action: string, data: unknown): ActualIssue {
  return parseAnswer(repository, action, snapshotSchema, { issues: [data] }).issues[0] as ActualIssue;
}

/** The newest issues come first: one page finds an issue created moments ago. */
async function findRecentIssue(repository: Repository, key: string): Promise<ActualIssue | undefined> {
  const { client, params } = repository;
  const { data } = await client.rest.issues.listForRepo({
    ...params,
    state: "all",
    sort: "created",
    direction: "desc",
    per_page: PAGE,
  });
  const issues = parseAnswer(repository, "read issues", snapshotSchema, { issues: data }).issues;
  // Only an issue this client opened: a stranger may have opened one carrying the same key.
  const self = (await repository.identity()).toLowerCase();
  return issues.find(
    (issue) =>
      issue.pull_request === undefined &&
      issue.user?.login.toLowerCase() === self &&
      keyOf(issue.body) === key,
  );
}

export async function listSubIssueIds(repository: Repository, number: number): Promise<number[]> {
  const { client, params } = repository;
  const subIssues = await github(repository.repo, `read the sub-issues of issue #${number}`, () =>
    client.paginate(client.rest.issues.listSubIssues, { ...params, issue_number: number, per_page: PAGE }),
  );
  return subIssues.map((issue) => issue.id);
}

export async function addSubIssue(repository: Repository, parent: number, subIssueId: number): Promise<void> {
  const { client, params } = repository;
  // A link whose answer was lost may have been made: GitHub would refuse it again (422).
  await createOnce(
    repository,
    `add a sub-issue to issue #${parent}`,
    async () => ((await listSubIssueIds(repository, parent)).includes(subIssueId) ? true : undefined),
    async () => {
      await client.rest.issues.addSubIssue({
        ...params,
        issue_number: parent,
        sub_issue_id: subIssueId,
        ...NO_BLIND_RETRY,
      });
      return true;
    },
  );
}
