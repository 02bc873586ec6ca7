import { Emulator } from "../../src/index.js";
import { validateAgainstOpenApi } from "../../src/testing/openapi.js";
import { type Comparison, compareBodies, compareHeaders, type Difference } from "./compare.js";
import { API, type RecordedRequest, recordedScenario, TEMPORARY_NAME, WEB } from "./fixtures.js";

export const ORG = "octokit-fixture-org";
/** The account whose token recorded the scenarios; the emulator's token acts as it. */
export const USER = "octokit-fixture-user-a";

export interface Answer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/** A request to the emulator as the recording's client sent it (its token, JSON, no redirects followed). */
export type Send = (method: string, path: string, body?: unknown, accept?: string) => Promise<Answer>;

export interface ScenarioPlan {
  name: string;
  /**
   * Makes the state the recording assumes, as its `record.js` did (with the requests it did not
   * record) or with the emulator's scene helpers for repositories it did not create; returns the
   * real SHAs behind the recording's placeholders (`000…1` and on).
   */
  setup(send: Send, emulator: Emulator): Promise<Record<string, string>>;
  /** Where request `index` goes when the recording's client computed it from an answer (`Link: next`). */
  follow?(index: number, previous: Answer | undefined): string | undefined;
}

export interface ReplayedRequest {
  index: number;
  request: string;
  recordedStatus: number;
  emulatedStatus: number;
  comparison: Comparison;
}

export interface ReplayedScenario {
  name: string;
  requests: ReplayedRequest[];
  /** Failures of the emulator itself and answers that stray from GitHub's OpenAPI description. */
  problems: string[];
}

const CLOCK = new Date("2017-10-10T16:00:00Z");

function sender(emulator: Emulator): Send {
  return async (method, path, body, accept = "application/vnd.github.v3+json") => {
    const headers: Record<string, string> = { accept, authorization: `token ${emulator.token}` };
    if (body !== undefined && body !== "") headers["content-type"] = "application/json; charset=utf-8";
    const response = await fetch(`${emulator.url}${path}`, {
      method: method.toUpperCase(),
      headers,
      redirect: "manual",
      ...(body !== undefined && body !== "" ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    const json = /json/.test(response.headers.get("content-type") ?? "") && text !== "";
    return {
      status: response.status,
      body: json ? (JSON.parse(text) as unknown) : text,
      headers: Object.fromEntries(response.headers),
    };
  };
}

/** Rewrites every string in a JSON value. */
function mapStrings(value: unknown, rewrite: (text: string) => string): unknown {
  if (typeof value === "string") return rewrite(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, rewrite));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, rewrite)]));
  }
  return value;
}

const replaceAll = (text: string, pairs: [string, string][]) =>
  pairs.reduce((result, [from, to]) => result.split(from).join(to), text);

export async function replay(plan: ScenarioPlan): Promise<ReplayedScenario> {
  const recorded = recordedScenario(plan.name);
  const emulator = await Emulator.start({ login: USER, webUrl: WEB, now: () => new Date(CLOCK) });
  const requests: ReplayedRequest[] = [];
  try {
    const send = sender(emulator);
    const shas = new Map(Object.entries(await plan.setup(send, emulator)));
    emulator.clearLog();
    // The emulator's addresses and SHAs as the recording wrote them.
    const asRecorded = (text: string) =>
      replaceAll(text, [
        [emulator.url, API],
        ...[...shas].map(([placeholder, sha]): [string, string] => [sha, placeholder]),
      ]);
    const asSent = (text: string) => replaceAll(text, [...shas]);
    const unsuffixed = (text: string) => text.replace(TEMPORARY_NAME, "$1");
    let previous: Answer | undefined;
    for (const [index, record] of recorded.entries()) {
      const followed = plan.follow?.(index, previous);
      const path = followed ? new URL(followed).pathname + new URL(followed).search : asSent(record.path);
      const answer = await send(
        record.method,
        path,
        mapStrings(record.body, asSent),
        String(record.reqheaders.accept ?? ""),
      );
      previous = answer;
      learnShas(record.response, answer.body, shas);
      requests.push({
        index,
        request: `${record.method.toUpperCase()} ${record.path}`,
        recordedStatus: record.status,
        emulatedStatus: answer.status,
        comparison: compareAnswer(
          { ...record, response: mapStrings(record.response, unsuffixed) },
          {
            status: answer.status,
            body: mapStrings(answer.body, asRecorded),
            headers: mapStrings(answer.headers, asRecorded) as Record<string, string>,
          },
        ),
      });
    }
  } finally {
    await emulator.close();
  }
  const problems = [
    ...emulator.internalErrors.map((error) => `internal error: ${error.message}`),
    // A request no route matched is already a status difference (404 for an operation GitHub serves).
    ...validateAgainstOpenApi(
      emulator.log.filter((record) => record.operationId !== null),
      { requests: "accepted" },
    ),
  ];
  return { name: plan.name, requests, problems };
}

const PLACEHOLDER = /^0{20,}[1-9][0-9]*$/;
const SHA = /^[0-9a-f]{40}$/;

/**
 * The recording numbered commit SHAs in order of appearance; a SHA the emulator answers where the
 * recording has a placeholder not yet seen stands for it from then on (as the recorder's own
 * numbering did), so that the same commit elsewhere (URLs, later answers) is compared by identity.
 */
function learnShas(recorded: unknown, emulated: unknown, shas: Map<string, string>): void {
  if (typeof recorded === "string" && typeof emulated === "string") {
    const known = [...shas.values()].includes(emulated);
    if (
      recorded.length === 40 &&
      PLACEHOLDER.test(recorded) &&
      SHA.test(emulated) &&
      !shas.has(recorded) &&
      !known
    ) {
      shas.set(recorded, emulated);
    }
    return;
  }
  if (typeof recorded !== "object" || recorded === null || typeof emulated !== "object" || emulated === null)
    return;
  for (const [key, value] of Object.entries(recorded)) {
    learnShas(value, (emulated as Record<string, unknown>)[key], shas);
  }
}

function compareAnswer(record: RecordedRequest, answer: Answer): Comparison {
  const compared = 1;
  if (record.status !== answer.status) {
    const differences: Difference[] = [
      { where: "status", kind: "status", recorded: String(record.status), emulated: String(answer.status) },
    ];
    // Answers of different statuses are different things: the status difference says it all.
    return { compared, differences };
  }
  const headers = compareHeaders(record.headers ?? {}, answer.headers);
  const body =
    record.response === "" ? { compared: 0, differences: [] } : compareBodies(record.response, answer.body);
  return {
    compared: compared + headers.compared + body.compared,
    differences: [...headers.differences, ...body.differences],
  };
}
