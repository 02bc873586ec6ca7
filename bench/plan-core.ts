/**
 * The planning core's cost as the curriculum grows: plan against an empty repository and re-plan
 * against its own applied result (the no-op every later sync is). Linear means time per week stays flat.
 */
import { performance } from "node:perf_hooks";
import { parsePlainDate } from "../src/calendar.js";
import { checkConfig, parseConfig } from "../src/config/load.js";
import { EMPTY_SNAPSHOT } from "../src/model/actual.js";
import { planContext } from "../src/model/context.js";
import { plan } from "../src/plan/index.js";
import { applyAsGitHub } from "../test/helpers/github-snapshot.js";
import { syntheticCurriculum } from "./synthetic.js";

const TODAY = parsePlainDate("2026-03-01");
if (!TODAY) throw new Error("bad date");

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function time(runs: number, work: () => void): number {
  work(); // warm-up: template compilation, JIT
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

console.log("planning core (median of runs, after one warm-up)");
console.log("  weeks   objects   plan empty repo    no-op re-plan     per week (no-op)");
// 1,000 weeks is the most a curriculum may have.
for (const weeks of [52, 520, 1000]) {
  const curriculum = syntheticCurriculum(weeks);
  const config = checkConfig(
    parseConfig("learner: octocat\nstart: 2026-03-02\ntimezone: Asia/Kolkata\n", "bench.yml"),
    curriculum,
  );
  const context = planContext(config, curriculum);
  const bootstrap = plan(context, EMPTY_SNAPSHOT, TODAY);
  const applied = applyAsGitHub(EMPTY_SNAPSHOT, bootstrap.operations);
  const runs = weeks > 1000 ? 3 : 10;
  const empty = time(runs, () => plan(context, EMPTY_SNAPSHOT, TODAY));
  const noop = time(runs, () => {
    const again = plan(context, applied, TODAY);
    if (again.operations.length !== 0) throw new Error("re-plan is not a no-op");
  });
  console.log(
    `  ${String(weeks).padStart(5)}   ${String(bootstrap.operations.length).padStart(7)}   ${empty.toFixed(1).padStart(12)} ms   ${noop.toFixed(1).padStart(12)} ms   ${((noop / weeks) * 1000).toFixed(1).padStart(10)} µs`,
  );
}
