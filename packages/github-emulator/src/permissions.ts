import type { components } from "@octokit/openapi-types";

export type Permissions = components["schemas"]["app-permissions"];
export type PermissionName = keyof Permissions;
export type Access = "read" | "write";

/**
 * The GitHub App permission each operation needs, as GitHub documents it for fine-grained
 * permissions ("Permissions required for GitHub Apps"). Search and the repository itself need
 * only metadata, which every installation has.
 */
const REQUIRED: Readonly<Record<string, { permission: PermissionName; access: Access }>> = {
  "checks/create": { permission: "checks", access: "write" },
  "checks/update": { permission: "checks", access: "write" },
  "checks/get": { permission: "checks", access: "read" },
  "checks/list-annotations": { permission: "checks", access: "read" },
  "checks/list-for-ref": { permission: "checks", access: "read" },
  "git/create-blob": { permission: "contents", access: "write" },
  "git/create-commit": { permission: "contents", access: "write" },
  "git/create-ref": { permission: "contents", access: "write" },
  "git/create-tree": { permission: "contents", access: "write" },
  "git/get-blob": { permission: "contents", access: "read" },
  "git/get-commit": { permission: "contents", access: "read" },
  "git/get-ref": { permission: "contents", access: "read" },
  "git/get-tree": { permission: "contents", access: "read" },
  "git/list-matching-refs": { permission: "contents", access: "read" },
  "git/update-ref": { permission: "contents", access: "write" },
  "git/delete-ref": { permission: "contents", access: "write" },
  "git/list-refs": { permission: "contents", access: "read" },
  "repos/create-commit-status": { permission: "statuses", access: "write" },
  "repos/get-combined-status-for-ref": { permission: "statuses", access: "read" },
  "repos/list-commit-statuses-for-ref": { permission: "statuses", access: "read" },
  "repos/create-or-update-file-contents": { permission: "contents", access: "write" },
  "repos/get-content": { permission: "contents", access: "read" },
  "repos/get-commit": { permission: "contents", access: "read" },
  "repos/list-commits": { permission: "contents", access: "read" },
  "issues/add-labels": { permission: "issues", access: "write" },
  "issues/set-labels": { permission: "issues", access: "write" },
  "issues/remove-all-labels": { permission: "issues", access: "write" },
  "issues/remove-label": { permission: "issues", access: "write" },
  "issues/list-labels-on-issue": { permission: "issues", access: "read" },
  "issues/list-events": { permission: "issues", access: "read" },
  "issues/list-events-for-repo": { permission: "issues", access: "read" },
  "issues/get-event": { permission: "issues", access: "read" },
  "issues/list-events-for-timeline": { permission: "issues", access: "read" },
  "issues/create": { permission: "issues", access: "write" },
  "issues/create-comment": { permission: "issues", access: "write" },
  "issues/create-label": { permission: "issues", access: "write" },
  "issues/create-milestone": { permission: "issues", access: "write" },
  "issues/get": { permission: "issues", access: "read" },
  "issues/get-label": { permission: "issues", access: "read" },
  "issues/get-milestone": { permission: "issues", access: "read" },
  "issues/list-comments": { permission: "issues", access: "read" },
  "issues/list-comments-for-repo": { permission: "issues", access: "read" },
  "issues/list-for-repo": { permission: "issues", access: "read" },
  "issues/list-labels-for-repo": { permission: "issues", access: "read" },
  "issues/list-milestones": { permission: "issues", access: "read" },
  "issues/update": { permission: "issues", access: "write" },
  "issues/update-label": { permission: "issues", access: "write" },
  "issues/delete-label": { permission: "issues", access: "write" },
  "issues/update-milestone": { permission: "issues", access: "write" },
  "issues/add-sub-issue": { permission: "issues", access: "write" },
  "issues/remove-sub-issue": { permission: "issues", access: "write" },
  "issues/reprioritize-sub-issue": { permission: "issues", access: "write" },
  "issues/list-sub-issues": { permission: "issues", access: "read" },
  "issues/get-parent": { permission: "issues", access: "read" },
  "pulls/get": { permission: "pull_requests", access: "read" },
  "pulls/list": { permission: "pull_requests", access: "read" },
  "pulls/list-files": { permission: "pull_requests", access: "read" },
  "repos/get": { permission: "metadata", access: "read" },
  "repos/create-in-org": { permission: "administration", access: "write" },
  "repos/update": { permission: "administration", access: "write" },
  // Public profiles need no permission: metadata, which every installation has.
  "users/get-by-username": { permission: "metadata", access: "read" },
  "orgs/get": { permission: "metadata", access: "read" },
  "apps/list-repos-accessible-to-installation": { permission: "metadata", access: "read" },
  "search/issues-and-pull-requests": { permission: "metadata", access: "read" },
  // GraphQL's `viewer { login }`, the one query served: any token may ask who it is.
  graphql: { permission: "metadata", access: "read" },
};

/** The permission an operation needs of an installation token, if any. */
export function requiredPermission(
  operationId: string,
): { permission: PermissionName; access: Access } | undefined {
  return REQUIRED[operationId];
}

/** Whether `granted` covers what `operationId` needs; metadata is always granted. */
export function permits(granted: Permissions, operationId: string): boolean {
  const required = requiredPermission(operationId);
  if (!required || required.permission === "metadata") return true;
  const level = granted[required.permission];
  return level === "write" || (level === "read" && required.access === "read") || level === "admin";
}
