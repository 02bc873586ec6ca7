import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Emulator } from "@syllabot/github-emulator";
import { validateAgainstOpenApi } from "@syllabot/github-emulator/testing";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { Temporal } from "../../src/calendar.js";
import { createClient, TEST_PACING } from "../../src/github/octokit.js";
import { RestGateway } from "../../src/github/rest-gateway.js";
import { keyOf } from "../../src/model/markers.js";
import { pushEvidence } from "../../src/progress/push.js";
import { findPortfolios, refreshRepository, syncRepository, trackPush } from "../../src/use-cases/index.js";
import { examplePayload } from "../app/harness.js";
import { type ActionRun, runAction } from "../helpers/run-action.js";
import { EXAMPLE_CONFIG, repoPath } from "../helpers/setup.js";

/**
 * The Action in a project repository: a workflow on `push` runs `track` with `portfolio:`, reads the
 * push from the runner's event file, and closes what it finishes in the portfolio within the run.
 */

const PORTFOLIO = "octocat/portfolio";
const PROJECT = "octocat/csvq";
/** A week into the program (it starts on 2026-03-02, in Asia/Kolkata). */
const NOW = "2026-03-09T04:00:00Z";
const TODAY = "2026-03-09";
const NO_TIME_LIMIT = 0;

let emulator: Emulator;
let files: string;

beforeAll(() => {
  files = mkdtempSync(join(tmpdir(), "syllabot-project-push-"));
});
afterAll(() => {
  rmSync(files, { recursive: true, force: true });
});
beforeEach(async () => {
  emulator = await startPortfolio();
});
afterEach(async () => {
  await emulator.close();
});

/** An emulated GitHub with a synced portfolio (its config on the default branch) and the project repository. */
async function startPortfolio(): Promise<Emulator> {
  const started = await Emulator.start({ limits: { enabled: false }, now: () => new Date(NOW) });
  started.createRepo(PORTFOLIO);
  started.addCommit(PORTFOLIO, {
    message: "syllabot config",
    author: "octocat",
    date: "2026-03-01T10:00:00Z",
    files: { ".github/syllabot.yml": readFileSync(EXAMPLE_CONFIG, "utf8") },
  });
  started.createRepo(PROJECT);
  const outcome = await syncRepository({
    gateway: gatewayOf(started, PORTFOLIO),
    serverUrl: "https://github.com",
    now: Temporal.Instant.from(NOW),
  });
  expect(outcome.status).toBe("synced");
  started.clearLog();
  return started;
}

function gatewayOf(on: Emulator, repo: string) {
  return new RestGateway(createClient({ token: on.token, baseUrl: on.url, pacing: TEST_PACING }), repo);
}

/** GitHub's own examples of `push` payloads (tag pushes, deleted refs, a push to a branch). */
const PUSH_EXAMPLES = (
  JSON.parse(
    readFileSync(
      join(process.cwd(), "node_modules/@octokit/webhooks-examples/api.github.com/index.json"),
      "utf8",
    ),
  ) as { name: string; examples: Record<string, unknown>[] }[]
).find((entry) => entry.name === "push")?.examples;

function examplePush(matches: (payload: Record<string, unknown>) => boolean): Record<string, unknown> {
  const found = PUSH_EXAMPLES?.find(matches);
  if (!found) throw new Error("no such push example");
  return structuredClone(found);
}

/**
 * GitHub's example of a push to the default branch, adapted to the project repository: one commit,
 * `sha`, by the learner.
 */
function pushPayload(sha: string, message: string): Record<string, unknown> {
  const payload = examplePush((candidate) => candidate.ref === "refs/heads/master");
  payload.ref = "refs/heads/main";
  payload.after = sha;
  payload.repository = {
    ...(payload.repository as object),
    name: "csvq",
    full_name: PROJECT,
    default_branch: "main",
    master_branch: "main",
  };
  const learner = { name: "Octo Cat", email: "octocat@github.com", username: "octocat" };
  const commit = {
    ...(payload.commits as Record<string, unknown>[])[0],
    id: sha,
    tree_id: sha,
    message,
    timestamp: "2026-03-05T10:00:00+05:30",
    url: `https://github.com/${PROJECT}/commit/${sha}`,
    author: learner,
    committer: learner,
    added: ["src/parser.rs"],
    modified: [],
    removed: [],
  };
  payload.commits = [commit];
  payload.head_commit = commit;
  return payload;
}

let eventCount = 0;
/** The event as the runner hands it over: a JSON file named by GITHUB_EVENT_PATH. */
function eventFile(payload: unknown, text = JSON.stringify(payload)): string {
  const path = join(files, `event-${++eventCount}.json`);
  writeFileSync(path, text);
  return path;
}

/** The Action from source, run by the runner in the project repository's checkout. */
function runInProject(
  eventPath: string,
  options: { event?: string; inputs?: Record<string, string>; on?: Emulator; build?: "dist" | "source" } = {},
): Promise<ActionRun> {
  const on = options.on ?? emulator;
  return runAction({
    build: options.build ?? "source",
    inputs: {
      token: on.token,
      command: "track",
      portfolio: PORTFOLIO,
      today: TODAY,
      "pace-ms": "0",
      ...options.inputs,
    },
    workspace: files,
    apiUrl: on.url,
    repo: PROJECT,
    env: { GITHUB_EVENT_NAME: options.event ?? "push", GITHUB_EVENT_PATH: eventPath },
  });
}

async function read(on: Emulator, path: string) {
  const response = await fetch(`${on.url}${path}`, { headers: { authorization: `token ${on.token}` } });
  return response.json();
}

/** A portfolio's week issue, its comments, the ledger and the README: what a push writes. */
async function written(on: Emulator, key: string) {
  const issues = (await read(on, `/repos/${PORTFOLIO}/issues?state=all&per_page=100`)) as {
    number: number;
    body: string;
    state: string;
  }[];
  const issue = issues.find((candidate) => keyOf(candidate.body) === key);
  if (!issue) throw new Error(`no ${key}`);
  const comments = (await read(on, `/repos/${PORTFOLIO}/issues/${issue.number}/comments`)) as {
    body: string;
  }[];
  const file = async (path: string) => {
    const content = (await read(on, `/repos/${PORTFOLIO}/contents/${path}`)) as { content?: string };
    return content.content === undefined ? undefined : Buffer.from(content.content, "base64").toString();
  };
  // Links to the portfolio's issues name the server, whose port differs from one emulator to another.
  const local = (text: string | undefined) => text?.replaceAll(on.url, "http://emulator");
  return {
    state: issue.state,
    comments: comments.map((comment) => local(comment.body)),
    ledger: local(await file(".syllabot/state.json")),
    readme: local(await file("README.md")),
  };
}

const writes = () => emulator.counts().writes;

describe("the Action in a project repository, on a push (from source)", () => {
  it(
    "closes the week the push finishes in the portfolio, in that run, as the app does; redelivered, it writes nothing",
    async () => {
      const sha = emulator.addCommit(PROJECT, {
        message: "parser done, closes week 5",
        author: "octocat",
        date: "2026-03-05T04:30:00Z",
        files: { "src/parser.rs": "fn parse() {}\n" },
      });
      const payload = pushPayload(sha, "parser done, closes week 5");
      const path = eventFile(payload);
      const dryRun = await runInProject(path, { inputs: { "dry-run": "true" } });
      expect(dryRun.code).toBe(0);
      expect(dryRun.stdout).toMatch(/Dry run: would close week-05 #\d+ \(commit [0-9a-f]{7}\)/);
      expect(dryRun.outputs.closed).toBe("1");
      expect(writes()).toBe(0);
      const run = await runInProject(path);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.outputs.closed).toBe("1");
      expect(run.outputs.refreshed).toMatch(/^[0-9a-f]{40}$/);
      expect(run.stdout).toMatch(/closed week-05 #\d+ \(commit [0-9a-f]{7}\)/);
      expect(run.summary).toContain("Tracking closed 1 issue finished by commits.");
      const week5 = await written(emulator, "week-05");
      expect(week5.state).toBe("closed");
      expect(week5.comments).toHaveLength(1);
      expect(week5.comments[0]).toContain(`https://github.com/${PROJECT}/commit/${sha}`);
      expect(week5.ledger).toContain(sha);
      expect(week5.readme).toContain("<!-- syllabot:start -->");
      expect(validateAgainstOpenApi(emulator.log)).toEqual([]);

      // The same comment, ledger and README as the app's push path writes, on a GitHub of its own.
      const app = await startPortfolio();
      try {
        app.addCommit(PROJECT, {
          message: "parser done, closes week 5",
          author: "octocat",
          date: "2026-03-05T04:30:00Z",
          files: { "src/parser.rs": "fn parse() {}\n" },
        });
        const gatewayFor = (repo: string) => gatewayOf(app, repo);
        const results = await trackPush({
          portfolios: () => findPortfolios([PORTFOLIO], gatewayFor),
          pushedRepo: PROJECT,
          commits: pushEvidence(PROJECT, payload.commits as never),
          gatewayFor,
          serverUrl: "https://github.com",
        });
        expect(results.map((result) => result.closed.length)).toEqual([1]);
        await refreshRepository({
          gateway: gatewayFor(PORTFOLIO),
          serverUrl: "https://github.com",
          now: Temporal.Instant.from(NOW),
        });
        expect(await written(app, "week-05")).toEqual(week5);
      } finally {
        await app.close();
      }

      const before = writes();
      const again = await runInProject(path);
      expect(again.code).toBe(0);
      expect(writes()).toBe(before);
      expect(again.outputs).toMatchObject({ closed: "0", refreshed: "" });
      expect(again.stdout).toContain("is up to date: no commit.");
    },
    NO_TIME_LIMIT,
  );

  it(
    "writes nothing, with a notice and exit code 0, for a push to another branch, a tag, a deleted branch and an unmapped repository, nor for one that claims nothing",
    async () => {
      const sha = emulator.addCommit(PROJECT, {
        message: "closes week 5",
        author: "octocat",
        files: { "a.rs": "\n" },
      });
      const feature = { ...pushPayload(sha, "closes week 5"), ref: "refs/heads/feature" };
      const tag = examplePush((candidate) => candidate.ref === "refs/tags/simple-tag" && !candidate.deleted);
      tag.repository = { ...(tag.repository as object), full_name: PROJECT, default_branch: "main" };
      const deleted = examplePush((candidate) => candidate.deleted === true);
      Object.assign(deleted, {
        ref: "refs/heads/main",
        repository: { ...(deleted.repository as object), full_name: PROJECT, default_branch: "main" },
      });
      const cases: [Record<string, unknown>, string][] = [
        [
          feature,
          "::notice::syllabot: the push is to feature, not to the default branch main (its commits count when they reach main): nothing to track in octocat/portfolio",
        ],
        [tag, "::notice::syllabot: the push is of the tag simple-tag: nothing to track in octocat/portfolio"],
        [
          deleted,
          "::notice::syllabot: the push deleted refs/heads/main: nothing to track in octocat/portfolio",
        ],
      ];
      for (const [payload, notice] of cases) {
        const run = await runInProject(eventFile(payload));
        expect(run.code, run.stdout).toBe(0);
        expect(run.stdout).toContain(`${notice}\n`);
        // Decided from the event alone.
        expect(emulator.counts().requests).toBe(0);
      }
      const elsewhere = pushPayload(sha, "closes week 5");
      elsewhere.repository = { ...(elsewhere.repository as object), full_name: "octocat/elsewhere" };
      const unmapped = await runInProject(eventFile(elsewhere));
      expect(unmapped.code).toBe(0);
      expect(unmapped.stdout).toContain(
        "::notice::syllabot: octocat/elsewhere is not a project, DSA or work repository in octocat/portfolio's .github/syllabot.yml: nothing to track\n",
      );
      const everyday = await runInProject(eventFile(pushPayload(sha, "refactor the parser")));
      expect(everyday.code).toBe(0);
      expect(everyday.stdout).toContain(
        "No commit of the push to octocat/csvq claims a week or a project: nothing to do.\n",
      );
      expect(everyday.outputs).toMatchObject({ closed: "0", operations: "0", refreshed: "" });
      expect(writes()).toBe(0);
    },
    NO_TIME_LIMIT,
  );

  it(
    "fails a malformed event file with exit code 1 and an error naming the file, before any request",
    async () => {
      const broken = eventFile(undefined, '{"ref": "refs/heads/main", ');
      const run = await runInProject(broken);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(
        `::error::syllabot: the event file ${broken} (GITHUB_EVENT_PATH) is not JSON: `,
      );
      const payload = pushPayload("a".repeat(40), "closes week 5");
      (payload.commits as Record<string, unknown>[])[0] = { message: "closes week 5" };
      const wrong = eventFile(payload);
      const invalid = await runInProject(wrong);
      expect(invalid.code).toBe(1);
      expect(invalid.stdout).toContain(
        `::error::syllabot: the event file ${wrong} (GITHUB_EVENT_PATH) is not a push event's payload:%0A  commits.0.id: `,
      );
      expect(emulator.counts().requests).toBe(0);
    },
    NO_TIME_LIMIT,
  );

  it(
    "fails with exit code 1 when the portfolio has no config, or a broken one, naming the portfolio, and writes nothing",
    async () => {
      const sha = emulator.addCommit(PROJECT, {
        message: "closes week 5",
        author: "octocat",
        files: { "a.rs": "\n" },
      });
      const path = eventFile(pushPayload(sha, "closes week 5"));
      const missing = await runInProject(path, { inputs: { portfolio: "octocat/elsewhere" } });
      expect(missing.code).toBe(1);
      expect(missing.stdout).toContain(
        '::error::syllabot: input "portfolio": octocat/elsewhere has no .github/syllabot.yml on its default branch (or the token cannot read it)\n',
      );
      emulator.addCommit(PORTFOLIO, {
        message: "a typo",
        author: "octocat",
        files: {
          ".github/syllabot.yml": readFileSync(EXAMPLE_CONFIG, "utf8").replace(
            "timezone: Asia/Kolkata",
            "timezone: Mars/Olympus_Mons",
          ),
        },
      });
      const before = writes();
      const broken = await runInProject(path);
      expect(broken.code).toBe(1);
      expect(broken.stdout).toContain(
        '::error::syllabot: in octocat/portfolio, 1 problem:%0A  .github/syllabot.yml:7:11: timezone: unknown time zone "Mars/Olympus_Mons"',
      );
      expect(writes()).toBe(before);
    },
    NO_TIME_LIMIT,
  );

  it(
    "tells why a pull_request event tracks nothing, and refuses portfolio with another command",
    async () => {
      const closed = examplePayload("pull_request", "closed");
      const run = await runInProject(eventFile(closed), { event: "pull_request" });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(
        '::notice::syllabot: the pull_request event tracks nothing: with input "portfolio", syllabot tracks pushes to the default branch (a merged pull request arrives as one); octocat/portfolio\'s own workflow counts merged open-source pull requests\n',
      );
      const sync = await runInProject(eventFile(closed), { inputs: { command: "sync" } });
      expect(sync.code).toBe(1);
      expect(sync.stdout).toContain(
        '::error::syllabot: input "portfolio" is for command track in a project repository',
      );
      expect(emulator.counts().requests).toBe(0);
    },
    NO_TIME_LIMIT,
  );
});

describe("the README's workflows", () => {
  it("give the Action only inputs action.yml declares, and the project repository's runs track with portfolio", () => {
    const declared = Object.keys(
      (parse(readFileSync(repoPath("action.yml"), "utf8")) as { inputs: Record<string, unknown> }).inputs,
    );
    const readme = readFileSync(repoPath("README.md"), "utf8");
    const steps = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
      .map((block) => String(block[1]))
      .filter((text) => text.includes("uses: syllabot/syllabot@"))
      .flatMap((text) => {
        // A step list shown on its own (indented as in a job) is parsed as one.
        const parsed = parse(text.startsWith(" ") ? text.replace(/^ {4}/gm, "") : text) as {
          jobs?: Record<string, { steps: unknown[] }>;
          steps?: unknown[];
        } | null;
        return [...Object.values(parsed?.jobs ?? {}).flatMap((job) => job.steps), ...(parsed?.steps ?? [])];
      })
      .filter((step): step is { uses: string; with: Record<string, string> } =>
        String((step as { uses?: string }).uses).startsWith("syllabot/syllabot@"),
      );
    expect(steps.length).toBeGreaterThanOrEqual(3);
    for (const step of steps) for (const input of Object.keys(step.with)) expect(declared).toContain(input);
    const inProjects = steps.filter((step) => step.with.portfolio !== undefined);
    expect(inProjects).toHaveLength(2);
    for (const step of inProjects)
      expect(step.with).toMatchObject({ command: "track", portfolio: PORTFOLIO });
  });
});

describe("the Action in a project repository, on a push, run from dist/ as GitHub runs it", () => {
  it(
    "closes the week the push finishes in the portfolio in that run; redelivered, it writes nothing",
    async () => {
      const sha = emulator.addCommit(PROJECT, {
        message: "parser done, closes week 5",
        author: "octocat",
        date: "2026-03-05T04:30:00Z",
        files: { "src/parser.rs": "fn parse() {}\n" },
      });
      const path = eventFile(pushPayload(sha, "parser done, closes week 5"));
      const run = await runInProject(path, { build: "dist" });
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.outputs.closed).toBe("1");
      expect(run.outputs.refreshed).toMatch(/^[0-9a-f]{40}$/);
      const week5 = await written(emulator, "week-05");
      expect(week5.state).toBe("closed");
      expect(week5.comments).toHaveLength(1);
      expect(week5.ledger).toContain(sha);
      const before = writes();
      const again = await runInProject(path, { build: "dist" });
      expect(again.code).toBe(0);
      expect(writes()).toBe(before);
    },
    NO_TIME_LIMIT,
  );
});
