import { apiError } from "./errors.js";
import type { RouteDefinition } from "./route.js";
import type { Store } from "./store.js";

/**
 * An archived repository is read-only: GitHub refuses every write to it with 403 "Repository was
 * archived so is read-only.", except the settings update that unarchives it.
 */
export function refuseWriteToArchived(
  store: Store,
  route: RouteDefinition | undefined,
  params: Record<string, string>,
  write: boolean,
): void {
  if (!write || !route || route.operationId === "repos/update") return;
  const { owner, repo: name } = params;
  if (owner === undefined || name === undefined) return;
  if (store.findRepo(owner, name)?.settings?.archived) {
    throw apiError(403, "Repository was archived so is read-only.");
  }
}
