import type { z } from "zod";
import { GitHubError } from "../errors.js";
import type { GitHubClient } from "../octokit.js";

/** Items a listing asks for a page: GitHub's most, so that a listing costs as few requests as it can. */
export const PAGE = 100;

/** The portfolio repository a gateway module works on, and the client it works with. */
export interface Repository {
  readonly client: GitHubClient;
  /** "owner/name", for errors. */
  readonly repo: string;
  /** The `owner` and `repo` parameters of every repository endpoint. */
  readonly params: { readonly owner: string; readonly repo: string };
  /** The login the client writes as (see PortfolioGateway.identity). */
  identity(): Promise<string>;
}

/** GitHub's answer through a schema; an answer that does not fit is GitHub's error, named by the action. */
export function parseAnswer<Schema extends z.ZodType>(
  repository: Repository,
  action: string,
  schema: Schema,
  data: unknown,
): z.output<Schema> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new GitHubError({
    status: undefined,
    repo: repository.repo,
    action,
    detail: `unexpected answer from GitHub at ${issue?.path.join(".")}: ${issue?.message}`,
  });
}
