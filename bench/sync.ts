/**
 * API cost of syncing the bundled curriculum, against the emulator over HTTP: a bootstrap into an
 * empty repository and a no-op re-sync, for syllabot and for a naive sync side by side.
 */
import { performance } from "node:perf_hooks";
import { Emulator } from "@syllabot/github-emulator";
import { parsePlainDate } from "../src/calendar.js";
import type { PortfolioGateway } from "../src/github/gateway.js";
import { createClient, type GitHubClient, TEST_PACING } from "../src/github/octokit.js";
import { RestGateway } from "../src/github/rest-gateway.js";
import { EMPTY_SNAPSHOT } from "../src/model/actual.js";
import { planContext } from "../src/model/context.js";
import { desiredLabels } from "../src/plan/desired.js";
import { plan } from "../src/plan/index.js";
import { loadSetup } from "../src/setup/local.js";
import { sync } from "../src/use-cases/index.js";
import { NaiveGateway } from "./naive-gateway.js";

const REPO = "octocat/portfolio";
const TODAY = parsePlainDate("2026-03-02");
if (!TODAY) throw new Error("bad date");
const { config, curriculum } = loadSetup(new URL("../examples/syllabot.yml", import.meta.url).pathname);
const context = planContext(config, curriculum);

interface Figures {
  /** REST requests. */
  requests: number;
  writes: number;
  /** Of the REST rate limit. */
  rateLimitCost: number;
  /** GraphQL queries (its own rate limit): who the token is, once per client, for the trust rule. */
  graphql: number;
}

async function measure(
  emulator: Emulator,
  gateway: PortfolioGateway,
): Promise<Figures & { operations: number }> {
  emulator.clearLog();
  const result = await sync({ gateway, context, today: TODAY as NonNullable<typeof TODAY> });
  const graphql = emulator.log.filter((record) => record.operationId === "graphql");
  const { requests, writes, rateLimitCost } = emulator.counts();
  return {
    requests: requests - graphql.length,
    writes,
    rateLimitCost: rateLimitCost - graphql.reduce((sum, record) => sum + record.rateLimitCost, 0),
    graphql: graphql.length,
    operations: result.plan.operations.length,
  };
}

async function scenario(kind: "syllabot" | "naive") {
  const emulator = await Emulator.start({
    limits: { enabled: false },
    now: () => new Date("2026-03-02T04:00:00Z"),
  });
  emulator.createRepo(REPO);
  const newClient = (): GitHubClient =>
    createClient({ token: emulator.token, baseUrl: emulator.url, pacing: TEST_PACING });
  const longLived = newClient();
  const gateway = (client: GitHubClient = longLived): PortfolioGateway =>
    kind === "syllabot"
      ? new RestGateway(client, REPO)
      : new NaiveGateway(
          client,
          REPO,
          desiredLabels(context).map((label) => label.name),
        );
  try {
    const bootstrap = await measure(emulator, gateway());
    const noop = await measure(emulator, gateway());
    const noopAgain = await measure(emulator, gateway());
    const oneShot = await measure(emulator, gateway(newClient()));
    return { bootstrap, noop, noopAgain, oneShot };
  } finally {
    await emulator.close();
  }
}

const objects = plan(context, EMPTY_SNAPSHOT, TODAY).summary.total;
const ours = await scenario("syllabot");
const naive = await scenario("naive");

const figures = (figure: Figures) =>
  `${figure.requests} req, ${figure.writes} writes, cost ${figure.rateLimitCost}${figure.graphql ? ` + ${figure.graphql} GraphQL` : ""}`;
const row = (label: string, a: Figures, b: Figures) =>
  `  ${label.padEnd(42)} ${figures(a).padEnd(44)} ${figures(b)}`;
console.log(`\nsync of the bundled curriculum (${objects} objects to create), emulator over HTTP`);
console.log(`  ${"".padEnd(42)} ${"syllabot".padEnd(44)} naive (one read per object)`);
console.log(
  "  (REST requests; + GraphQL: the viewer query that tells syllabot which account is its own, once per client)",
);
console.log(row("bootstrap into an empty repository", ours.bootstrap, naive.bootstrap));
console.log(row("no-op re-sync, new process", ours.oneShot, naive.oneShot));
console.log(row("no-op re-sync, long-lived (ETags)", ours.noopAgain, naive.noopAgain));
console.log(
  `  writes on bootstrap = objects to create: ${ours.bootstrap.writes === objects ? "yes" : "NO"} (${ours.bootstrap.writes} / ${objects})`,
);
console.log(
  `  targets: no-op re-sync <= 3 REST requests and 0 writes: ${ours.oneShot.requests <= 3 && ours.oneShot.writes === 0 ? "met" : "MISSED"}; with ETags 0 rate-limit cost: ${ours.noopAgain.rateLimitCost === 0 ? "met" : "MISSED"}`,
);

const start = performance.now();
const runs = 20;
for (let run = 0; run < runs; run++) plan(context, EMPTY_SNAPSHOT, TODAY);
console.log(
  `  planning core, bundled curriculum: ${((performance.now() - start) / runs).toFixed(1)} ms a plan (mean of ${runs})`,
);
