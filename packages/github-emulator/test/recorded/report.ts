import { KNOWN_DIFFERENCES, type KnownDifference, knownDifference } from "./allow-list.js";
import type { Difference } from "./compare.js";
import type { ReplayedScenario } from "./replay.js";

export interface Classified {
  scenario: string;
  request: number;
  difference: Difference;
  known: KnownDifference | undefined;
}

export function classify(results: readonly ReplayedScenario[]): Classified[] {
  return results.flatMap((result) =>
    result.requests.flatMap((request) =>
      request.comparison.differences.map((difference) => ({
        scenario: result.name,
        request: request.index,
        difference,
        known: knownDifference(result.name, request.index, difference),
      })),
    ),
  );
}

const GROUPS: Record<KnownDifference["group"], string> = {
  newer: "fields GitHub added after the recording",
  open: "open",
};

const count = (items: readonly Classified[], group: KnownDifference["group"]) =>
  items.filter((item) => item.known?.group === group).length;

/** The one-line figure the emulator's README prints. */
export function figure(results: readonly ReplayedScenario[], skipped: number): string {
  const requests = results.reduce((sum, result) => sum + result.requests.length, 0);
  const compared = results.reduce(
    (sum, result) => sum + result.requests.reduce((inner, request) => inner + request.comparison.compared, 0),
    0,
  );
  const all = classify(results);
  const groups = (["newer", "open"] as const)
    .map((group) => `${count(all, group)} ${GROUPS[group]}`)
    .join(", ");
  return (
    `${results.length} scenarios replayed (${skipped} skipped), ${requests} requests, ` +
    `${compared} fields compared, ${all.length} differences: ${groups}.`
  );
}

/** The per-scenario table, the allow-list with what each entry covers, and the skipped scenarios. */
export function report(
  results: readonly ReplayedScenario[],
  skipped: Readonly<Record<string, string>>,
): string {
  const all = classify(results);
  const lines = [
    "# Recorded api.github.com interactions replayed against the emulator",
    "",
    "Written by `test/recorded/replay.test.ts` (`npx vitest run test/recorded -u` rewrites it).",
    "",
    figure(results, Object.keys(skipped).length),
    "",
    "| scenario | requests | compared | differences | newer | open |",
    "|---|---:|---:|---:|---:|---:|",
    ...results.map((result) => {
      const mine = all.filter((item) => item.scenario === result.name);
      const compared = result.requests.reduce((sum, request) => sum + request.comparison.compared, 0);
      return `| ${result.name} | ${result.requests.length} | ${compared} | ${mine.length} | ${count(mine, "newer")} | ${count(mine, "open")} |`;
    }),
    "",
    "## Known differences (the allow-list)",
    "",
    "| group | differences | why |",
    "|---|---:|---|",
    ...KNOWN_DIFFERENCES.map(
      (entry) =>
        `| ${GROUPS[entry.group]} | ${all.filter((item) => item.known === entry).length} | ${entry.why.replaceAll("|", "\\|")} |`,
    ),
    "",
    "## Differences, request by request",
    "",
    ...results.flatMap((result) =>
      result.requests.flatMap((request) => {
        const mine = all.filter((item) => item.scenario === result.name && item.request === request.index);
        return [
          `- ${result.name} #${request.index} \`${request.request}\`: ${request.recordedStatus} recorded, ${request.emulatedStatus} emulated, ${request.comparison.compared} compared, ${mine.length} different`,
          ...mine.map(
            ({ difference: d }) =>
              `  - ${d.kind} \`${d.where}\`${d.recorded || d.emulated ? `: \`${d.recorded}\` recorded, \`${d.emulated}\` emulated` : ""}`,
          ),
        ];
      }),
    ),
    "",
    "## Scenarios not replayed",
    "",
    ...Object.entries(skipped).map(([name, why]) => `- ${name}: ${why}`),
    "",
  ];
  return lines.join("\n");
}
