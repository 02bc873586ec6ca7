/**
 * The use cases: each reads what it needs, decides with the pure core (a list of operations), and
 * applies it through the gateway, or only returns it on a dry run.
 */

export { RELISTING_MARGIN } from "./history.js";
export { ossProgress, readOssActivity } from "./oss.js";
export { findPortfolios } from "./portfolios.js";
export type { HistoryInput, RepositoryInput } from "./reads.js";
export { type RebuildResult, rebuildLedger } from "./rebuild.js";
export { type RefreshResult, refresh, refreshRepository, refreshWithActivity } from "./refresh.js";
export { type RemindResult, remind } from "./remind.js";
export {
  reconcileRepository,
  runUseCases,
  type SequenceResult,
  USE_CASES,
  type UseCase,
} from "./sequence.js";
export { checkPullRequest, checkSetupChange, type RepositoryOutcome, syncRepository } from "./setup-check.js";
export { type ProgressStatus, progressStatus, readProgress } from "./status.js";
export { type SyncInput, type SyncResult, sync } from "./sync.js";
export { type LedgerUpdate, type TrackResult, track, trackHistory, trackPush } from "./track.js";
