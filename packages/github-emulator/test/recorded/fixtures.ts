import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * The interactions `@octokit/fixtures` recorded on api.github.com (July 2022 for most scenarios),
 * as nock records. The package normalized them before publishing: ids count from 1000, `node_id`s
 * are one value, dates are 2017-10-10T16:00:00Z, counts (comments, forks, watchers…) are 42, commit
 * SHAs are `000…1`, `000…2` in order of appearance, temporary repository names lose their suffix,
 * `etag`s are zeros and `x-ratelimit-*` values are fixed. Requests that only set a scenario up were
 * not recorded: each scenario's `record.js` shows them, and the replay makes them again.
 */
export interface RecordedRequest {
  scope: string;
  method: string;
  path: string;
  body: unknown;
  status: number;
  response: unknown;
  reqheaders: Record<string, string | number>;
  headers?: Record<string, string | number>;
}

const require = createRequire(import.meta.url);

export function recordedScenario(name: string): RecordedRequest[] {
  const file = require.resolve(`@octokit/fixtures/scenarios/api.github.com/${name}/normalized-fixture.json`);
  return JSON.parse(readFileSync(file, "utf8")) as RecordedRequest[];
}

/** The temporary repositories' names as recorded, before normalization renamed them (some URLs kept them). */
export const TEMPORARY_NAME = /tmp-scenario-([^/]+)-\d{17}-\w{5}/g;

export const API = "https://api.github.com";
export const WEB = "https://github.com";
