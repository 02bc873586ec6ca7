import type { Temporal } from "../calendar.js";
import type { ApplyEvents } from "../github/apply.js";
import type { Plan } from "../plan/index.js";
import type { Ledger } from "../progress/ledger.js";
import type { SuggestionCache } from "../remind/suggestions.js";
import { type HistoryInput, type RepositoryInput, setupContext, validSetup } from "./reads.js";
import { type RefreshResult, refreshWithActivity } from "./refresh.js";
import { type RemindResult, remind } from "./remind.js";
import { type SyncResult, sync } from "./sync.js";
import { type TrackResult, trackHistory } from "./track.js";

/** The use cases a scheduled run can name, in the order they run. */
export const USE_CASES = ["sync", "track", "refresh", "remind"] as const;
export type UseCase = (typeof USE_CASES)[number];

export interface SequenceInput extends HistoryInput {
  /** The learner's local date. */
  today: Temporal.PlainDate;
  /** The use cases to run (in their fixed order); all of them when omitted. */
  only?: readonly UseCase[];
  /** Plan every use case, write nothing. */
  dryRun?: boolean;
  suggestions?: SuggestionCache;
  /** The ledger as just written, for a `remind` run alone after a refresh: no second search. */
  ledger?: Ledger;
  events?: {
    /** A use case is about to run. */
    onStart?: (useCase: UseCase) => void;
    /** Sync has planned (before it applies). */
    onPlanned?: (plan: Plan) => void;
    /** Sync applied one of its operations. */
    onApplied?: ApplyEvents["onApplied"];
  };
}

export interface SequenceResult {
  sync?: SyncResult;
  track?: TrackResult;
  refresh?: RefreshResult;
  remind?: RemindResult;
}

/**
 * The use cases in turn (the Action's `all`, the app's daily tick, the demo's week): sync, then
 * tracking from the project histories, then the README with what tracking and the open-source
 * search learned (one commit for both), then reminders on the ledger just written. A dry run plans
 * each on what the repository holds now, so a later one does not see an earlier one's writes.
 */
export async function runUseCases(input: SequenceInput): Promise<SequenceResult> {
  const runs = (useCase: UseCase) => input.only === undefined || input.only.includes(useCase);
  const { onStart, onPlanned, onApplied } = input.events ?? {};
  const shared = {
    gateway: input.gateway,
    context: input.context,
    gatewayFor: input.gatewayFor,
    today: input.today,
    ...(input.dryRun ? { dryRun: true } : {}),
  };
  const result: SequenceResult = {};
  if (runs("sync")) {
    onStart?.("sync");
    const events = { ...(onApplied ? { onApplied } : {}), ...(onPlanned ? { onPlanned } : {}) };
    result.sync = await sync({ ...shared, events });
  }
  if (runs("track")) {
    onStart?.("track");
    result.track = await trackHistory({ ...shared, ...(runs("refresh") ? { deferLedger: true } : {}) });
  }
  if (runs("refresh")) {
    onStart?.("refresh");
    result.refresh = await refreshWithActivity(shared, result.track?.ledgerUpdate);
  }
  if (runs("remind")) {
    onStart?.("remind");
    const ledger = result.refresh?.ledger ?? input.ledger;
    result.remind = await remind({
      ...shared,
      ...(input.suggestions ? { suggestions: input.suggestions } : {}),
      ...(ledger ? { ledger } : {}),
    });
  }
  return result;
}

/**
 * The scheduled tick for one repository: everything in turn from its config on the default branch
 * (catch-up sync and tracking, open-source bars, README, reminders). Nothing without a valid config.
 */
export async function reconcileRepository(
  input: RepositoryInput & {
    gatewayFor: HistoryInput["gatewayFor"];
    suggestions?: SuggestionCache;
  },
): Promise<SequenceResult | undefined> {
  const setup = await validSetup(input.gateway);
  if (!setup) return undefined;
  return runUseCases({ ...input, ...setupContext(setup, input) });
}
