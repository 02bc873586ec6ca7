/** One write to GitHub, named by the managed object's key and the fields it sets (as the REST API names them). */
export interface Operation {
  op: "create" | "update" | "close" | "comment" | "commit-files";
  kind: "label" | "milestone" | "issue";
  key: string;
  title: string;
  /** The existing milestone's or issue's number, for updates. */
  number?: number;
  fields: Record<string, unknown>;
  /** Why, when the fields do not say it (an issue closed or marked because the plan changed). */
  reason?: string;
}

export const OPERATION_KINDS = ["label", "milestone", "issue"] as const;
export const PLANNED_OPS = ["create", "update", "close"] as const;

export type Summary = Record<(typeof PLANNED_OPS)[number], Record<Operation["kind"], number>> & {
  total: number;
};

export function summarize(operations: readonly Operation[]): Summary {
  const counts = () => ({ label: 0, milestone: 0, issue: 0 });
  const summary: Summary = { create: counts(), update: counts(), close: counts(), total: operations.length };
  for (const operation of operations) {
    const byKind = summary[operation.op as (typeof PLANNED_OPS)[number]];
    if (byKind) byKind[operation.kind] += 1;
  }
  return summary;
}
