import { github } from "../errors.js";
import { PAGE, type Repository } from "./context.js";

/** Each file a pull request changes, with its added and deleted lines. */
export async function listPullRequestFileStats(
  repository: Repository,
  number: number,
): Promise<{ filename: string; additions: number; deletions: number }[]> {
  const { client, params } = repository;
  const files = await github(repository.repo, `read the files of pull request #${number}`, () =>
    client.paginate(client.rest.pulls.listFiles, { ...params, pull_number: number, per_page: PAGE }),
  );
  return files.map((file) => ({
    filename: file.filename,
    additions: file.additions,
    deletions: file.deletions,
  }));
}

/** The paths a pull request changes (renames: both names); no page is read once `until` holds. */
export async function listPullRequestFiles(
  repository: Repository,
  number: number,
  until?: (paths: readonly string[]) => boolean,
): Promise<string[]> {
  const { client, params } = repository;
  const paths: string[] = [];
  await github(repository.repo, `list the files of pull request #${number}`, () =>
    client.paginate(
      client.rest.pulls.listFiles,
      { ...params, pull_number: number, per_page: PAGE },
      (response, done) => {
        for (const file of response.data) {
          paths.push(file.filename, ...(file.previous_filename ? [file.previous_filename] : []));
        }
        if (until?.(paths)) done();
        return [];
      },
    ),
  );
  return paths;
}
