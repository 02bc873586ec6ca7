import type { PullFileStat, PullKind } from "./catalog.js";
import type { WeekFate } from "./fates.js";

/** What a commit message is written to claim; the tests parse every message back and compare. */
export interface CommitIntent {
  weeks: number[];
  projects: string[];
  minutes: number;
  problems: string[];
}

export interface DemoCommit {
  repo: string;
  /** The author date, an instant (`2026-03-02T14:40:00Z`). */
  at: string;
  message: string;
  files: Record<string, string>;
  intent: CommitIntent;
}

export interface DemoPullRequest {
  repo: string;
  kind: PullKind;
  title: string;
  body: string;
  labels: string[];
  files: PullFileStat[];
  createdAt: string;
  mergedAt: string;
}

/** An issue someone else opened in a target repository, and the learner's comment on it. */
export interface DemoEngagement {
  repo: string;
  issue: { title: string; body: string; author: string; createdAt: string };
  comment: { body: string; at: string };
}

export interface DemoDay {
  /** The learner's local date. */
  date: string;
  /** In time order. */
  commits: DemoCommit[];
  pulls: DemoPullRequest[];
  engagements: DemoEngagement[];
}

export interface DemoWeek {
  week: number;
  fate: WeekFate;
  /** The local date of the commit that closes it. */
  closedOn?: string;
  /** Minutes logged by commits made during the week (a late closing counts in the week it is made). */
  minutes: number;
  /** DSA problems solved during the week. */
  problems: number;
}

export interface DemoYear {
  seed: number;
  /** Every day of the program, in order. */
  days: DemoDay[];
  weeks: DemoWeek[];
  /** The number of the last issue or pull request in each target repository when the year begins. */
  lastNumbers: Record<string, number>;
}
