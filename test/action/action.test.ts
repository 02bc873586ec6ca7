import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Emulator } from "@syllabot/github-emulator";
import { validateAgainstOpenApi } from "@syllabot/github-emulator/testing";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createClient, TEST_PACING } from "../../src/github/octokit.js";
import { keyOf } from "../../src/model/markers.js";
import { type ActionRun, runAction as runBundledAction } from "../helpers/run-action.js";
import { EXAMPLE_CONFIG } from "../helpers/setup.js";

/**
 * The bundled Action, run as GitHub's runner runs it: `node dist/index.js` in the checkout, inputs
 * as INPUT_* variables (action.yml's defaults filled in), outputs and the job summary in files.
 */

const REPO = "octocat/portfolio";
/** GitHub's clock and the learner's "today" agree, as in test/e2e: 2026-03-02 is the config's start. */
const EMULATOR = { limits: { enabled: false }, now: () => new Date("2026-03-02T04:00:00Z") };
/** Child processes: no limit on how long a run may take on a slow machine. */
const NO_TIME_LIMIT = 0;

let emulator: Emulator;
let workspace: string;

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), "syllabot-action-"));
  mkdirSync(join(workspace, ".github"));
  writeFileSync(join(workspace, ".github/syllabot.yml"), readFileSync(EXAMPLE_CONFIG, "utf8"));
});
afterAll(() => {
  rmSync(workspace, { recursive: true, force: true });
});
beforeEach(async () => {
  emulator = await Emulator.start(EMULATOR);
  emulator.createRepo(REPO);
});
afterEach(async () => {
  await emulator.close();
});

/** The bundled Action against the emulator, on the program's first day, as the runner runs it. */
function runAction(inputs: Record<string, string> = {}, workspaceDir = workspace): Promise<ActionRun> {
  return runBundledAction({
    inputs: { token: emulator.token, today: "2026-03-02", "pace-ms": "0", ...inputs },
    workspace: workspaceDir,
    apiUrl: emulator.url,
    repo: REPO,
  });
}

/** The repository's managed objects, by kind of key. */
async function repositoryState() {
  const octokit = createClient({ token: emulator.token, baseUrl: emulator.url, pacing: TEST_PACING });
  const params = { owner: "octocat", repo: "portfolio", per_page: 100, state: "all" as const };
  const issues = await octokit.paginate("GET /repos/{owner}/{repo}/issues", params);
  const milestones = await octokit.paginate("GET /repos/{owner}/{repo}/milestones", params);
  const keys = issues.map((issue) => String(keyOf(issue.body)));
  return {
    milestones: milestones.map((milestone) => keyOf(milestone.description)).sort(),
    weeks: keys.filter((key) => key.startsWith("week-")),
    projects: keys.filter((key) => key.startsWith("project-")),
    issues: keys.length,
  };
}

/** Everything the step printed but the runner's mask command, which necessarily names the token. */
function withoutMaskCommand(run: ActionRun): string {
  return (run.stdout + run.stderr).replace(`::add-mask::${emulator.token}\n`, "");
}

const writes = () => emulator.counts().writes;

describe("the Action, run from dist/ as GitHub runs it", () => {
  it(
    "bootstraps the repository: 5 milestones, 52 week issues and 8 project issues; outputs, summary, masked token",
    async () => {
      const run = await runAction();
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);

      expect(await repositoryState()).toEqual({
        milestones: ["phase-1", "phase-2", "phase-3", "phase-4", "phase-5"],
        weeks: expect.any(Array),
        projects: expect.any(Array),
        issues: 60,
      });
      const state = await repositoryState();
      expect(new Set(state.weeks).size).toBe(52);
      expect(new Set(state.projects).size).toBe(8);
      // 75 objects and 37 sub-issue links.
      expect(writes()).toBe(112);
      expect(validateAgainstOpenApi(emulator.log)).toEqual([]);

      expect(run.outputs).toEqual({
        created: "75",
        updated: "0",
        closed: "0",
        operations: "112",
        refreshed: "",
        reminders: "0",
      });

      expect(run.summary).toContain("<h2>syllabot sync: octocat/portfolio</h2>");
      expect(run.summary).toContain(
        "Plan: 75 to create (5 milestones, 10 labels, 60 issues), 0 to update, 0 to close, 37 sub-issues to link.",
      );
      expect(run.summary).toContain(
        "<tr><th>op</th><th>kind</th><th>key</th><th>title</th><th>fields changed</th></tr>",
      );
      expect(run.summary.match(/<tr><td>create<\/td>/g)).toHaveLength(75);
      expect(run.summary).toMatch(
        /<tr><td>create<\/td><td>milestone<\/td><td>phase-1<\/td><td>Phase 1: [^<]+<\/td><td>title, description, due_on, state<\/td><\/tr>/,
      );
      expect(run.summary).toContain(
        "<tr><td>create</td><td>label</td><td>syllabot:phase-2</td><td>Phase 2: Type System &amp; Patterns</td><td>name, color, description</td></tr>",
      );
      expect(run.summary).toMatch(/<td>create<\/td><td>issue<\/td><td>week-05<\/td>/);

      expect(run.stdout.startsWith(`::add-mask::${emulator.token}\n`)).toBe(true);
      expect(withoutMaskCommand(run)).not.toContain(emulator.token);
      expect(run.stdout).toContain("::group::Plan: 75 to create");
      expect(run.stdout).toContain("::endgroup::");
      expect(run.stdout.match(/^\[ *\d+\/112\] \+ /gm)).toHaveLength(75);
      expect(run.stdout.match(/^\[ *\d+\/112\] > sub-issue /gm)).toHaveLength(37);
      expect(run.stdout).toContain("Done: 112 operations applied to octocat/portfolio.");
    },
    NO_TIME_LIMIT,
  );

  it(
    "with command all also refreshes the README in one commit, and writes nothing on a second run",
    async () => {
      const first = await runAction({ command: "all" });
      expect(first.code).toBe(0);
      expect(first.outputs.refreshed).toMatch(/^[0-9a-f]{40}$/);
      expect(emulator.log.filter((entry) => entry.operationId === "git/create-commit")).toHaveLength(1);
      const client = createClient({ token: emulator.token, baseUrl: emulator.url, pacing: TEST_PACING });
      const readme = await client.request("GET /repos/{owner}/{repo}/contents/{path}", {
        owner: "octocat",
        repo: "portfolio",
        path: "README.md",
      });
      expect(Buffer.from((readme.data as { content: string }).content, "base64").toString()).toContain(
        "<!-- syllabot:start -->",
      );
      expect(first.summary).toContain("Progress: 0 of 52 weeks done");
      const before = writes();
      const run = await runAction({ command: "all" });
      expect(run.code).toBe(0);
      expect(writes()).toBe(before);
      expect(run.outputs).toEqual({
        created: "0",
        updated: "0",
        closed: "0",
        operations: "0",
        refreshed: "",
        reminders: "0",
      });
      expect(run.summary).toContain("No changes: the repository matches the curriculum.");
      expect(run.summary).toContain("README already up to date.");
    },
    NO_TIME_LIMIT,
  );

  it(
    "on a dry run reads and plans, writes nothing, and still reports the plan",
    async () => {
      const run = await runAction({ "dry-run": "true" });
      expect(run.code).toBe(0);
      expect(writes()).toBe(0);
      expect(run.outputs).toEqual({
        created: "75",
        updated: "0",
        closed: "0",
        operations: "112",
        refreshed: "",
        reminders: "0",
      });
      expect(run.summary).toContain("Dry run: nothing was written.");
      expect(run.summary.match(/<tr><td>create<\/td>/g)).toHaveLength(75);
      expect(run.stdout).toContain("Dry run: nothing was written.");
    },
    NO_TIME_LIMIT,
  );

  it(
    "on a dry run of all, shows every use case's plan in the log and the summary, and writes nothing",
    async () => {
      expect((await runAction()).code).toBe(0);
      emulator.createRepo("octocat/csvq");
      emulator.addCommit("octocat/csvq", {
        message: "skeleton, closes week 4",
        author: "octocat",
        date: "2026-03-26T18:00:00Z",
        files: { "src/main.rs": "fn main() {}" },
      });
      const before = writes();
      const run = await runAction({ command: "all", "dry-run": "true", today: "2026-04-13" });
      expect(run.code).toBe(0);
      expect(writes()).toBe(before);
      expect(run.stdout).toMatch(/::group::Dry run: track plans 2 operations\n {2}- issue {5}week-04/);
      expect(run.stdout).toMatch(/Dry run: would close week-04 #\d+ \(commit [0-9a-f]{7}\)/);
      expect(run.stdout).toContain("::group::Dry run: refresh plans 1 operation");
      expect(run.stdout).toContain("Dry run: Would commit ");
      expect(run.stdout).toContain("::group::Dry run: remind plans ");
      expect(run.outputs.closed).toBe("1");
      expect(run.summary).toContain("Tracking would close 1 issue finished by commits.");
      expect(run.summary).toContain("Tracking: 2 operations planned");
      expect(run.summary).toContain("Refresh: 1 operation planned");
      expect(run.summary).toContain("<td>commit-files</td>");
    },
    NO_TIME_LIMIT,
  );

  it(
    "fails a bad config with exit code 1 and one error line naming file, line and column, before any request",
    async () => {
      const broken = mkdtempSync(join(tmpdir(), "syllabot-action-bad-"));
      try {
        mkdirSync(join(broken, ".github"));
        writeFileSync(
          join(broken, ".github/syllabot.yml"),
          readFileSync(EXAMPLE_CONFIG, "utf8").replace(
            "timezone: Asia/Kolkata",
            "timezone: Mars/Olympus_Mons",
          ),
        );
        const run = await runAction({}, broken);
        expect(run.code).toBe(1);
        const errors = run.stdout.split("\n").filter((line) => line.startsWith("::error::"));
        expect(errors).toEqual([
          '::error::syllabot: 1 problem:%0A  .github/syllabot.yml:7:11: timezone: unknown time zone "Mars/Olympus_Mons" (expected an IANA name such as Europe/Berlin or Asia/Kolkata)',
        ]);
        expect(emulator.counts().requests).toBe(0);
        expect(withoutMaskCommand(run)).not.toMatch(/\n\s+at /);
        expect(run.outputs).toEqual({});
        expect(run.summary).toBe("");
      } finally {
        rmSync(broken, { recursive: true, force: true });
      }
    },
    NO_TIME_LIMIT,
  );

  it(
    "tracks the project repositories' history with command track: the learner's commits close their weeks",
    async () => {
      expect((await runAction()).code).toBe(0);
      emulator.createRepo("octocat/csvq");
      emulator.addCommit("octocat/csvq", {
        message: "parser done, closes week 5",
        author: "octocat",
        date: "2026-03-05T10:00:00Z",
        files: { "src/main.rs": "fn main() {}\n" },
      });
      emulator.addCommit("octocat/csvq", {
        message: "closes week 6",
        author: { name: "M", email: "m@example.com" },
        date: "2026-03-06T10:00:00Z",
        files: { "README.md": "x\n" },
      });
      const run = await runAction({ command: "track" });
      expect(run.code).toBe(0);
      expect(run.outputs).toMatchObject({ closed: "1", created: "0" });
      expect(run.summary).toContain("Tracking closed 1 issue finished by commits.");
      // Project repositories not created yet are reported, not fatal.
      expect(run.stdout).toContain(
        "not tracked: octocat/logr does not exist yet, or the token cannot see it",
      );
      const again = await runAction({ command: "all" });
      expect(again.outputs).toMatchObject({ closed: "0", operations: "0" });
    },
    NO_TIME_LIMIT,
  );

  it(
    "sends the reminders due with command remind, and nothing more on a second run the same day",
    async () => {
      expect((await runAction()).code).toBe(0);
      const run = await runAction({ command: "remind", today: "2026-11-24" });
      expect(run.code).toBe(0);
      expect(run.outputs.reminders).toBe("2");
      expect(run.stdout).toMatch(/reminded: phase 3 \(missed\) in new issue #\d+/);
      expect(run.stdout).toMatch(/reminded: phase 4 \(lead-21\) in new issue #\d+/);
      expect(run.summary).toContain("Reminder for phase 4 (lead-21) on issue #");
      const again = await runAction({ command: "remind", today: "2026-11-24" });
      expect(again.outputs.reminders).toBe("0");
      expect(again.stdout).toContain("No reminder due today.");
    },
    NO_TIME_LIMIT,
  );

  it(
    "fails a command this version does not have with exit code 1, naming what it supports",
    async () => {
      const run = await runAction({ command: "report" });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(
        '::error::syllabot: input "command": "report" is not supported by this version of syllabot (it supports sync, track, refresh, remind, all)\n',
      );
      expect(emulator.counts().requests).toBe(0);
    },
    NO_TIME_LIMIT,
  );

  it(
    "fails a refused token with exit code 1 and GitHub's answer in one line, never the token",
    async () => {
      const run = await runAction({ token: "ghs_not-a-valid-token" });
      expect(run.code).toBe(1);
      const errors = run.stdout.split("\n").filter((line) => line.startsWith("::error::"));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^::error::syllabot: GitHub: .* in octocat\/portfolio failed \(HTTP 401\): /);
      expect(run.stdout).toContain("::add-mask::ghs_not-a-valid-token\n");
      expect(run.stdout.replace("::add-mask::ghs_not-a-valid-token\n", "")).not.toContain(
        "ghs_not-a-valid-token",
      );
      expect(writes()).toBe(0);
    },
    NO_TIME_LIMIT,
  );
});
