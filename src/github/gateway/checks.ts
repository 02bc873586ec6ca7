import { ANNOTATIONS_PER_REQUEST } from "../../text/github-limits.js";
import { github } from "../errors.js";
import type { CheckRun } from "../gateway.js";
import type { Repository } from "./context.js";

/** A completed check run; annotations beyond GitHub's 50 a request go in follow-up updates. */
export function publishCheckRun(repository: Repository, run: CheckRun): Promise<{ id: number }> {
  const { client, params } = repository;
  const batches: CheckRun["output"]["annotations"][] = [];
  for (let index = 0; index < run.output.annotations.length; index += ANNOTATIONS_PER_REQUEST) {
    batches.push(run.output.annotations.slice(index, index + ANNOTATIONS_PER_REQUEST));
  }
  const [first = [], ...rest] = batches;
  const output = {
    title: run.output.title,
    summary: run.output.summary,
    ...(run.output.text ? { text: run.output.text } : {}),
  };
  return github(repository.repo, `publish check run "${run.name}"`, async () => {
    const { data } = await client.rest.checks.create({
      ...params,
      name: run.name,
      head_sha: run.head_sha,
      status: rest.length === 0 ? "completed" : "in_progress",
      ...(rest.length === 0 ? { conclusion: run.conclusion } : {}),
      output: { ...output, annotations: first },
    });
    for (const [index, annotations] of rest.entries()) {
      const last = index === rest.length - 1;
      await client.rest.checks.update({
        ...params,
        check_run_id: Number(data.id),
        ...(last ? { conclusion: run.conclusion } : {}),
        output: { ...output, annotations },
      });
    }
    return { id: Number(data.id) };
  });
}
