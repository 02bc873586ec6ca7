export type { Credential } from "./auth.js";
export { commandOptions, type EmulatorFlags, EmulatorUsageError, main as emulatorMain } from "./cli.js";
export {
  type CommandIo,
  type EmulatorCommandOptions,
  offsetClock,
  pinnedClock,
  runEmulator,
} from "./command.js";
export { Emulator, type EmulatorOptions } from "./emulator.js";
export type { FaultKind, FaultMatch, RandomFaults } from "./faults.js";
export type { InstallationOptions } from "./installations.js";
export type { LimitOptions } from "./limits.js";
export type { RequestCounts, RequestRecord } from "./log.js";
export { type Access, type PermissionName, type Permissions, requiredPermission } from "./permissions.js";
export type {
  CommentOptions,
  CommitAuthor,
  CommitOptions,
  IssueOptions,
  PullFile,
  PullRequestOptions,
  RepoOptions,
  WebEdit,
} from "./scene.js";
export type { EmulatorState } from "./state.js";
