import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { RequestRecord } from "../../src/index.js";
import { placeOf } from "./allow-list.js";
import { type Comparison, compareBodies } from "./compare.js";

/**
 * Compares the emulator's answers with the examples GitHub documents for the same operations in
 * its OpenAPI description (`components.examples`, referenced from each response): the field set,
 * keys recursively and the JSON type of each value. An example is one instance, hand-made: a
 * field it lacks may still be described, and values are not compared.
 */

type Json = Record<string, unknown>;

interface Spec {
  paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, Json> }>>;
  components: { examples: Record<string, { value?: unknown }> };
}

const spec = JSON.parse(
  readFileSync(
    createRequire(import.meta.url).resolve("@octokit/openapi/generated/api.github.com.json"),
    "utf8",
  ),
) as Spec;

/** The documented examples of an operation's answer with this status, by name. */
function examplesOf(operationId: string, status: number): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const item of Object.values(spec.paths)) {
    for (const operation of Object.values(item)) {
      if (operation.operationId !== operationId) continue;
      const content = operation.responses?.[String(status)]?.content as
        | Record<string, { examples?: Record<string, Json> }>
        | undefined;
      for (const [name, example] of Object.entries(content?.["application/json"]?.examples ?? {})) {
        const ref = (example.$ref ?? (example.value as Json | undefined)?.$ref) as string | undefined;
        const value = ref ? spec.components.examples[ref.split("/").at(-1) ?? ""]?.value : example.value;
        if (value !== undefined) found.set(name, value);
      }
    }
  }
  return found;
}

export interface DocumentedComparison {
  operationId: string;
  status: number;
  example: string;
  comparison: Comparison;
}

/**
 * For each operation answered with a JSON body (its first such answer in the log, empty lists
 * aside), the documented example it fits best, compared; operations without an example are left out.
 */
export function compareWithExamples(log: readonly RequestRecord[]): DocumentedComparison[] {
  const seen = new Set<string>();
  const compared: DocumentedComparison[] = [];
  for (const record of log) {
    const { operationId, status, responseBody } = record;
    if (!operationId || seen.has(operationId) || status < 200 || status >= 300 || responseBody === undefined)
      continue;
    // An empty list shows no fields; a later answer of the same operation may.
    if (Array.isArray(responseBody) && responseBody.length === 0) continue;
    seen.add(operationId);
    const fits = [...examplesOf(operationId, status)].map(([example, value]) => ({
      operationId,
      status,
      example,
      comparison: compareBodies(value, responseBody, "shape"),
    }));
    // The example sharing the most fields with the answer (a directory's example against a file
    // agrees on nothing; a placeholder example, `items: ["..."]`, on little).
    const agreeing = (fit: DocumentedComparison) =>
      fit.comparison.compared - fit.comparison.differences.length;
    fits.sort((a, b) => agreeing(b) - agreeing(a));
    if (fits[0]) compared.push(fits[0]);
  }
  return compared.sort((a, b) => a.operationId.localeCompare(b.operationId));
}

const total = (items: readonly DocumentedComparison[], kind?: string) =>
  items.reduce(
    (sum, item) =>
      sum +
      (kind === undefined
        ? item.comparison.compared
        : item.comparison.differences.filter((difference) => difference.kind === kind).length),
    0,
  );

export function documentedFigure(items: readonly DocumentedComparison[]): string {
  return (
    `${items.length} operations compared with GitHub's documented examples, ${total(items)} fields: ` +
    `${total(items, "missing")} missing, ${total(items, "extra")} extra, ${total(items, "type")} of another type.`
  );
}

/**
 * The figure, each operation's differences by place (array indices as `*`), and the operations the
 * log has that were not compared (no body, only empty lists, or no documented example).
 */
export function documentedReport(
  items: readonly DocumentedComparison[],
  log: readonly RequestRecord[],
): string {
  const compared = new Set(items.map((item) => item.operationId));
  const uncompared = [...new Set(log.map((record) => record.operationId ?? ""))]
    .filter((operationId) => operationId !== "" && !compared.has(operationId))
    .sort();
  const places = (item: DocumentedComparison, kind: string) =>
    [
      ...new Set(
        item.comparison.differences
          .filter((difference) => difference.kind === kind)
          .map((difference) => `\`${placeOf(difference.where).replace(/^body /, "")}\``),
      ),
    ].join(", ");
  return [
    "# The emulator's answers compared with GitHub's documented examples",
    "",
    "Written by `test/openapi.test.ts` from its conformance scenario (`-u` rewrites it);",
    "`test/recorded/documented.ts` compares.",
    "",
    documentedFigure(items),
    "",
    "| operation | status | example | fields | missing | extra | other type |",
    "|---|---:|---|---:|---|---|---|",
    ...items.map(
      (item) =>
        `| ${item.operationId} | ${item.status} | ${item.example} | ${item.comparison.compared} | ${places(item, "missing")} | ${places(item, "extra")} | ${places(item, "type")} |`,
    ),
    "",
    `Not compared: ${uncompared.join(", ")}.`,
    "",
  ].join("\n");
}
