import type { PortfolioGateway } from "../github/gateway.js";
import type { CommitFilesOperation } from "../model/operations.js";

/**
 * What a commit of files would write if applied now: the files whose rendered text differs from
 * what the default branch holds (a dry run's view; applying re-reads at the branch's head).
 */
export async function previewCommit(
  gateway: PortfolioGateway,
  operation: CommitFilesOperation,
): Promise<Record<string, string>> {
  const current = new Map<string, string | undefined>();
  for (const path of operation.fields.read) current.set(path, await gateway.readFile(path));
  const rendered = operation.render(current);
  const changed: Record<string, string> = {};
  for (const [path, text] of Object.entries(rendered)) {
    const before = current.has(path) ? current.get(path) : await gateway.readFile(path);
    if (before !== text) changed[path] = text;
  }
  return changed;
}
