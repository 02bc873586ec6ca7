import { fieldNames, numberOf, type Operation, type Summary } from "../model/operations.js";
import { count } from "../text/plural.js";
import { terminalSafe } from "../text/terminal.js";
import type { SubIssueConflict } from "./sub-issues.js";

/**
 * How the listing's parts are shown: plain by default; a terminal adapter passes colours (e.g.
 * picocolors' `createColors`), so that the plan itself knows nothing of terminals.
 */
export type PlanStyle = Record<"green" | "yellow" | "red" | "dim" | "bold", (text: string) => string>;
export const PLAIN_STYLE: PlanStyle = {
  green: String,
  yellow: String,
  red: String,
  dim: String,
  bold: String,
};

/** The mark of each kind of operation, in a plan and in an apply's progress lines alike. */
export const OPERATION_SYMBOLS: Record<Operation["op"], string> = {
  create: "+",
  update: "~",
  close: "-",
  link: ">",
  comment: "#",
  "commit-files": "^",
};

/** A plan as a terraform-like listing, one line per operation, and a summary line. */
export function formatPlan(
  operations: readonly Operation[],
  summary: Summary,
  c: PlanStyle = PLAIN_STYLE,
): string {
  const lines = formatOperations(operations, c);
  return [...lines, ...(lines.length > 0 ? [""] : []), c.bold(summaryLine(summary))].join("\n");
}

/** One line per operation: its symbol, kind, key, title and what it changes. */
export function formatOperations(operations: readonly Operation[], c: PlanStyle = PLAIN_STYLE): string[] {
  const paint = (op: Operation["op"]) => (op === "create" ? c.green : op === "close" ? c.red : c.yellow);
  // Keys and titles may come from GitHub or a curriculum: printed without their control characters.
  const keys = operations.map((operation) => terminalSafe(operation.key));
  const keyWidth = Math.max(0, ...keys.map((key) => key.length));
  return operations.map((operation, index) => {
    const head = `${OPERATION_SYMBOLS[operation.op]} ${operation.kind.padEnd(9)} ${(keys[index] ?? "").padEnd(keyWidth)}`;
    return `  ${paint(operation.op)(head)}  ${terminalSafe(operation.title)}${c.dim(detail(operation))}`;
  });
}

function detail(operation: Operation): string {
  const number = numberOf(operation);
  const prefix = number === undefined ? "" : `#${number}: `;
  if (operation.op === "link") {
    const { parent, sub_issue } = operation.fields;
    const name = (reference: typeof parent | typeof sub_issue) =>
      typeof reference === "string"
        ? terminalSafe(reference)
        : `#${typeof reference === "number" ? reference : reference.number}`;
    return `  (${name(sub_issue)} as a sub-issue of ${name(parent)})`;
  }
  if (operation.op === "create") {
    const parts: string[] = [];
    if (operation.kind === "milestone") parts.push(`due ${operation.fields.due_on.slice(0, 10)}`);
    if (operation.kind === "label") parts.push(`#${operation.fields.color}`);
    if (operation.kind === "issue" && operation.fields.state === "closed")
      parts.push(operation.reason ?? "closed: ended before installation");
    else if (operation.reason) parts.push(operation.reason);
    return parts.length > 0 ? `  (${parts.join(", ")})` : "";
  }
  if (operation.reason) return `  (${prefix}${operation.reason})`;
  const changed = fieldNames(operation).map((field) =>
    field === "due_on" && operation.kind === "milestone" && operation.fields.due_on !== undefined
      ? `due ${operation.fields.due_on.slice(0, 10)}`
      : field,
  );
  return `  (${prefix}${changed.join(", ")})`;
}

export function summaryLine(summary: Summary): string {
  if (summary.total === 0) return "No changes: the repository matches the curriculum.";
  const part = (op: "create" | "update" | "close", verb: string) => {
    const counts = summary[op];
    const total = counts.label + counts.milestone + counts.issue;
    const details = (["milestone", "label", "issue"] as const)
      .filter((kind) => counts[kind] > 0)
      .map((kind) => count(counts[kind], kind));
    return `${total} to ${verb}${details.length > 0 ? ` (${details.join(", ")})` : ""}`;
  };
  const links = summary.link > 0 ? `, ${count(summary.link, "sub-issue")} to link` : "";
  return `Plan: ${part("create", "create")}, ${part("update", "update")}, ${part("close", "close")}${links}.`;
}

/** One line per week issue that another issue holds as a sub-issue: left there, said once. */
export function conflictLines(conflicts: readonly SubIssueConflict[]): string[] {
  return conflicts.map(
    (conflict) =>
      `  ! ${conflict.week} (#${conflict.number}) is a sub-issue of ${terminalSafe(conflict.parent_issue_url)}: left there, not linked to ${conflict.project}`,
  );
}
