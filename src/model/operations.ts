/**
 * The writes syllabot plans: every use case decides a list of these (pure), which one applier
 * performs, and which `--dry-run` prints instead. Fields are named as the REST API names them.
 */

export interface LabelFields {
  name: string;
  color: string;
  description: string;
}

export interface MilestoneFields {
  title: string;
  description: string;
  due_on: string;
  state: "open" | "closed";
}

export interface IssueFields {
  title: string;
  body: string;
  labels: string[];
  milestone: number | null;
  state: "open" | "closed";
  state_reason: "completed" | "not_planned" | "reopened" | null;
  /** Logins to assign (only on create); GitHub notifies them. */
  assignees?: string[];
}

/**
 * An issue's milestone in a plan: its number, or the key of a milestone the same plan creates
 * first (resolved to its number when applied), or none.
 */
export type MilestoneReference = number | string | null;

/** The fields an issue is created with; a backfilled week is closed right after. */
export type IssueCreateFields = Omit<IssueFields, "state" | "state_reason" | "milestone"> & {
  milestone: MilestoneReference;
  state?: "closed";
  state_reason?: IssueFields["state_reason"];
};

export type IssueChangeFields = Partial<Omit<IssueFields, "milestone" | "assignees">> & {
  milestone?: MilestoneReference;
};

interface Described {
  /** The managed object's key (or, for files, what the commit records). */
  key: string;
  title: string;
  /** Why, when the fields do not say it (an issue closed or marked because the plan changed). */
  reason?: string;
  /**
   * Operations that stand or fall together (a close and its comment): when GitHub refuses one
   * (the issue is gone, the text invalid), the rest of its group is skipped, and later ones go on.
   */
  group?: string;
}

export type LabelOperation = Described &
  (
    | { op: "create"; kind: "label"; fields: LabelFields }
    | { op: "update"; kind: "label"; fields: Partial<LabelFields> }
  );

export type MilestoneOperation = Described &
  (
    | { op: "create"; kind: "milestone"; fields: MilestoneFields }
    | { op: "update" | "close"; kind: "milestone"; number: number; fields: Partial<MilestoneFields> }
  );

export type IssueOperation = Described &
  (
    | { op: "create"; kind: "issue"; fields: IssueCreateFields }
    | { op: "update" | "close"; kind: "issue"; number: number; fields: IssueChangeFields }
  );

/**
 * An issue in a plan: its number and id when it exists, or the key of an issue the same plan
 * creates first (resolved when applied).
 */
export type IssueReference = { number: number; id: number } | string;

/** A week issue made a sub-issue of its project's issue (GitHub names the sub-issue by its id). */
export type SubIssueOperation = Described & {
  op: "link";
  kind: "sub-issue";
  /** The parent by number (or key), the sub-issue by number and id (or key). */
  fields: { parent: number | string; sub_issue: IssueReference };
};

/** What sync plans: labels, milestones and issues brought to the curriculum, and sub-issue links. */
export type SyncOperation = LabelOperation | MilestoneOperation | IssueOperation | SubIssueOperation;

export type CommentOperation = Described & {
  op: "comment";
  kind: "issue";
  number: number;
  fields: { body: string };
};

/** One commit of files to the default branch (the README with its pictures, the ledger). */
export type CommitFilesOperation = Described & {
  op: "commit-files";
  kind: "file";
  fields: {
    message: string;
    author?: { name: string; email: string };
    /** The files whose text the commit is rendered from, read at the branch's head. */
    read: readonly string[];
  };
  /**
   * The files to write from the current text of those read: run again on the new head when the
   * branch moved, and by a dry run on what the branch holds. Pure.
   */
  render(current: ReadonlyMap<string, string | undefined>): Readonly<Record<string, string>>;
};

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: "notice" | "warning" | "failure";
  title?: string;
  message: string;
}

export interface CheckRun {
  name: string;
  head_sha: string;
  conclusion: "success" | "failure" | "neutral";
  output: { title: string; summary: string; text?: string; annotations: CheckAnnotation[] };
}

export type CheckRunOperation = Described & { op: "create"; kind: "check-run"; fields: CheckRun };

export type Operation = SyncOperation | CommentOperation | CommitFilesOperation | CheckRunOperation;

export const OPERATION_KINDS = ["label", "milestone", "issue"] as const;
export const PLANNED_OPS = ["create", "update", "close"] as const;

export type Summary = Record<
  (typeof PLANNED_OPS)[number],
  Record<(typeof OPERATION_KINDS)[number], number>
> & {
  /** Sub-issue links to add. */
  link: number;
  total: number;
};

export function summarize(operations: readonly SyncOperation[]): Summary {
  const counts = () => ({ label: 0, milestone: 0, issue: 0 });
  const summary: Summary = {
    create: counts(),
    update: counts(),
    close: counts(),
    link: 0,
    total: operations.length,
  };
  for (const operation of operations) {
    if (operation.op === "link") summary.link += 1;
    else summary[operation.op][operation.kind] += 1;
  }
  return summary;
}

/** The number of the object an operation changes, when it already exists. */
export function numberOf(operation: Operation): number | undefined {
  return "number" in operation ? operation.number : undefined;
}

/** The names of the fields an operation sets, for listings. */
export function fieldNames(operation: Operation): string[] {
  if (operation.kind === "file") return [...operation.fields.read];
  if (operation.kind === "check-run") return ["conclusion", "output"];
  if (operation.kind === "sub-issue") return ["parent", "sub_issue"];
  return Object.keys(operation.fields);
}

/**
 * An operation as data (for `--json`): a commit of files carries the files it would write, when
 * a dry run rendered them.
 */
export function operationJson(
  operation: Operation,
  files?: Readonly<Record<string, string>>,
): Record<string, unknown> {
  if (operation.kind !== "file") return { ...operation };
  const { render: _render, ...rest } = operation;
  return files === undefined ? rest : { ...rest, files };
}
