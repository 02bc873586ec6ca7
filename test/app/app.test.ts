import { readFileSync } from "node:fs";
import { Emulator } from "@syllabot/github-emulator";
import { validateAgainstOpenApi } from "@syllabot/github-emulator/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LEDGER_PATH } from "../../src/config/paths.js";
import { keyOf } from "../../src/model/markers.js";
import { parseLedger } from "../../src/progress/ledger.js";
import { emulatedGateway } from "../helpers/emulated-github.js";
import { EXAMPLE_CONFIG } from "../helpers/setup.js";
import { type AppServer, examplePayload, repositoryPayload, sign, startApp } from "./harness.js";

const NOW = "2026-03-02T04:00:00Z";
const REPO = "octocat/portfolio";
const CONFIG = readFileSync(EXAMPLE_CONFIG, "utf8");

let emulator: Emulator;
let app: AppServer;

beforeEach(async () => {
  emulator = await Emulator.start({ limits: { enabled: false }, now: () => new Date(NOW) });
  emulator.createRepo(REPO);
  emulator.createRepo("octocat/notes");
  emulator.addCommit(REPO, { message: "Add syllabot config", files: { ".github/syllabot.yml": CONFIG } });
  app = await startApp(emulator, NOW);
});
afterEach(async () => {
  await app.close();
  await emulator.close();
  expect(emulator.internalErrors).toEqual([]);
});

function installationCreated() {
  const payload = examplePayload("installation", "created") as {
    installation: { id: number };
    repositories: unknown[];
  };
  payload.installation.id = 1;
  payload.repositories = [repositoryPayload(REPO), repositoryPayload("octocat/notes")];
  return payload;
}

async function issues(fullName = REPO) {
  const [owner = "", repo = ""] = fullName.split("/");
  const response = await fetch(`${emulator.url}/repos/${owner}/${repo}/issues?state=all&per_page=100`, {
    headers: { authorization: `token ${emulator.token}` },
  });
  return (await response.json()) as { number: number; title: string; body: string | null; state: string }[];
}

async function milestones() {
  const response = await fetch(`${emulator.url}/repos/${REPO}/milestones?state=all`, {
    headers: { authorization: `token ${emulator.token}` },
  });
  return (await response.json()) as unknown[];
}

/** A real push payload of GitHub's, adapted: one commit to the default branch of `fullName`. */
function pushPayload(
  files: { modified?: string[]; added?: string[] },
  after: string,
  commit: { message?: string; author?: string; fullName?: string } = {},
) {
  const payload = examplePayload("push") as Record<string, unknown> & { repository: Record<string, unknown> };
  const fullName = commit.fullName ?? REPO;
  const author = commit.author ?? "octocat";
  payload.ref = "refs/heads/main";
  payload.after = after;
  payload.installation = { id: 1, node_id: "I_1" };
  payload.repository = { ...payload.repository, ...repositoryPayload(fullName), default_branch: "main" };
  payload.commits = [
    {
      id: after,
      tree_id: after,
      distinct: true,
      message: commit.message ?? "Edit config",
      timestamp: "2026-03-01T10:00:00Z",
      url: `https://github.com/${fullName}/commit/${after}`,
      author: { name: author, email: `${author}@example.com`, username: author },
      committer: { name: author, email: `${author}@example.com`, username: author },
      added: files.added ?? [],
      modified: files.modified ?? [],
      removed: [],
    },
  ];
  return payload;
}

describe("the Probot app against the emulator", () => {
  it("bootstraps the repository holding .github/syllabot.yml on installation, and ignores the others", async () => {
    const started = performance.now();
    expect(await app.deliver("installation", installationCreated())).toBe(200);
    const answeredIn = performance.now() - started;
    await app.queue.idle();
    expect(await milestones()).toHaveLength(5);
    const created = await issues();
    expect(created.filter((issue) => keyOf(issue.body)?.startsWith("week-"))).toHaveLength(52);
    expect(created.filter((issue) => keyOf(issue.body)?.startsWith("project-"))).toHaveLength(8);
    expect(await issues("octocat/notes")).toEqual([]);
    // The webhook is answered before the bootstrap's 75 writes are done.
    expect(emulator.log.length).toBeGreaterThan(75);
    expect(answeredIn).toBeGreaterThan(0);
    expect(validateAgainstOpenApi(emulator.log)).toEqual([]);
  });

  it("writes nothing for the same delivery again, and makes no duplicate from two deliveries at once", async () => {
    const payload = installationCreated();
    expect(await app.deliver("installation", payload, { id: "delivery-1" })).toBe(200);
    await app.queue.idle();
    emulator.clearLog();
    expect(await app.deliver("installation", payload, { id: "delivery-1" })).toBe(200);
    await app.queue.idle();
    expect(emulator.counts().requests).toBe(0);
    const statuses = await Promise.all([
      app.deliver("installation", payload, { id: "delivery-2" }),
      app.deliver("installation", payload, { id: "delivery-3" }),
    ]);
    expect(statuses).toEqual([200, 200]);
    await app.queue.idle();
    expect(emulator.counts().writes).toBe(0);
    const keys = (await issues()).map((issue) => keyOf(issue.body));
    expect(new Set(keys).size).toBe(60);
  });

  it("makes no duplicate when two first deliveries race", async () => {
    await Promise.all([
      app.deliver("installation", installationCreated(), { id: "first-a" }),
      app.deliver("installation", installationCreated(), { id: "first-b" }),
    ]);
    await app.queue.idle();
    expect(await issues()).toHaveLength(60);
    expect(await milestones()).toHaveLength(5);
  });

  it.each([
    { name: "a wrong signature", signature: sign("something else") },
    { name: "a SHA-1 signature only", signature: "sha1=0123456789abcdef0123456789abcdef01234567" },
    { name: "no signature", signature: null },
  ])("rejects a delivery with $name before using it, and changes nothing", async ({ signature }) => {
    const status = await app.deliver("installation", installationCreated(), { signature });
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    await app.queue.idle();
    expect(emulator.log).toEqual([]);
  });

  it("publishes one check run for a pull request that breaks the config, its errors at their lines, and writes nothing else", async () => {
    const broken = CONFIG.replace("timezone: Asia/Kolkata", "timezone: Asia/Kolkatta").replace(
      "capstone: formulaengine",
      "capstone: spreadsheet",
    );
    const head = emulator.addCommit(REPO, {
      branch: "change-zone",
      message: "Move",
      files: { ".github/syllabot.yml": broken },
    });
    const number = emulator.addPullRequest(REPO, {
      title: "Move",
      author: "octocat",
      headRef: "change-zone",
      files: [{ filename: ".github/syllabot.yml", status: "modified", additions: 2, deletions: 2 }],
    });
    const payload = examplePayload("pull_request", "opened") as Record<string, unknown>;
    payload.number = number;
    payload.installation = { id: 1, node_id: "I_1" };
    payload.repository = { ...(payload.repository as object), ...repositoryPayload(REPO) };
    payload.pull_request = {
      ...(payload.pull_request as object),
      number,
      head: { ...(payload.pull_request as { head: object }).head, sha: head },
    };
    emulator.clearLog();
    expect(await app.deliver("pull_request", payload)).toBe(200);
    await app.queue.idle();
    // Minting the installation token is authentication, not a write to the repository.
    const writes = emulator.log.filter(
      (entry) => entry.write && entry.operationId !== "apps/create-installation-access-token",
    );
    expect(writes.map((entry) => entry.operationId)).toEqual(["checks/create"]);
    const run = writes[0]?.requestBody as {
      conclusion: string;
      output: { annotations: { path: string; start_line: number; start_column: number; message: string }[] };
    };
    expect(run.conclusion).toBe("failure");
    expect(
      run.output.annotations.map((annotation) => [
        annotation.path,
        annotation.start_line,
        annotation.start_column,
      ]),
    ).toEqual([
      [".github/syllabot.yml", 7, 11],
      [".github/syllabot.yml", 9, 11],
    ]);
    expect(run.output.annotations[0]?.message).toContain('unknown time zone "Asia/Kolkatta"');
  });

  it("opens one issue for a broken config on the default branch, updates it on the next bad push, and closes it when fixed", async () => {
    const push = async (config: string, sha: string) => {
      emulator.addCommit(REPO, { message: "Edit config", files: { ".github/syllabot.yml": config } });
      expect(await app.deliver("push", pushPayload({ modified: [".github/syllabot.yml"] }, sha))).toBe(200);
      await app.queue.idle();
    };
    await push(CONFIG.replace("start: 2026-03-02", "start: 2026-02-30"), "a".repeat(40));
    let notices = (await issues()).filter((issue) => keyOf(issue.body) === "config-error");
    expect(notices).toHaveLength(1);
    expect(notices[0]?.body).toContain("not a date");
    expect(await milestones()).toHaveLength(0);

    await push(CONFIG.replace("timezone: Asia/Kolkata", "timezone: Nowhere"), "b".repeat(40));
    notices = (await issues()).filter((issue) => keyOf(issue.body) === "config-error");
    expect(notices).toHaveLength(1);
    expect(notices[0]?.body).toContain("unknown time zone");
    expect(notices[0]?.body).not.toContain("not a date");

    await push(CONFIG, "c".repeat(40));
    notices = (await issues()).filter((issue) => keyOf(issue.body) === "config-error");
    expect(notices.map((issue) => issue.state)).toEqual(["closed"]);
    expect(await milestones()).toHaveLength(5);
  });

  it("credits a push to a repository several projects share to the project whose folder its files are in", async () => {
    emulator.createRepo("octocat/mono");
    const folders = CONFIG.replace(
      /^projects:[\s\S]*?(?=^dsa:)/m,
      "projects:\n  csvq: {repo: octocat/mono, path: csvq}\n  logr: {repo: octocat/mono, path: logr}\n",
    );
    emulator.addCommit(REPO, { message: "Projects as folders", files: { ".github/syllabot.yml": folders } });
    expect(await app.deliver("installation", installationCreated())).toBe(200);
    await app.queue.idle();
    const sha = "e".repeat(40);
    const push = pushPayload({ modified: ["logr/src/lib.rs"] }, sha, {
      message: "rotate files\n\nTime: 1h",
      fullName: "octocat/mono",
    });
    expect(await app.deliver("push", push)).toBe(200);
    await app.queue.idle();
    const ledger = parseLedger((await emulatedGateway(emulator, REPO).readFile(LEDGER_PATH)) ?? "");
    expect(ledger?.commits[sha]?.attributed).toEqual(["logr"]);
  });

  it("closes the week a learner's push to a project repository finishes, in the portfolio that maps it", async () => {
    emulator.createRepo("octocat/csvq");
    expect(await app.deliver("installation", installationCreated())).toBe(200);
    await app.queue.idle();
    const push = pushPayload({ modified: ["src/main.rs"] }, "f".repeat(40), {
      message: "parser done, closes week 5",
      fullName: "octocat/csvq",
    });
    expect(await app.deliver("push", push)).toBe(200);
    await app.queue.idle();
    const week5 = (await issues()).find((issue) => keyOf(issue.body) === "week-05");
    expect(week5?.state).toBe("closed");
    // The same push delivered again, and a push by someone else, change nothing.
    emulator.clearLog();
    expect(await app.deliver("push", push)).toBe(200);
    const other = pushPayload({ modified: ["x"] }, "9".repeat(40), {
      message: "closes week 6",
      author: "mallory",
      fullName: "octocat/csvq",
    });
    expect(await app.deliver("push", other)).toBe(200);
    await app.queue.idle();
    expect(
      emulator.log.filter(
        (entry) => entry.write && entry.operationId !== "apps/create-installation-access-token",
      ),
    ).toEqual([]);
    expect((await issues()).find((issue) => keyOf(issue.body) === "week-06")?.state).toBe("open");
  });

  it("refreshes the README after a bootstrap, and once for a burst of ten closed weeks", async () => {
    await app.close();
    // The burst's ten jobs each end by asking for a refresh; 2 s between two of them is more than a
    // busy machine takes, so the burst stays one refresh (its 20 s cap is further still).
    app = await startApp(emulator, NOW, { refreshDelayMs: 2_000 });
    expect(await app.deliver("installation", installationCreated())).toBe(200);
    await app.queue.idle();
    const commits = () => emulator.log.filter((entry) => entry.operationId === "git/create-commit");
    expect(commits()).toHaveLength(1);
    const readme = async () => {
      const response = await fetch(`${emulator.url}/repos/${REPO}/contents/README.md`, {
        headers: { authorization: `token ${emulator.token}` },
      });
      const { content } = (await response.json()) as { content: string };
      return Buffer.from(content, "base64").toString("utf8");
    };
    expect(await readme()).toContain("0 of 52 weeks done");

    const weeks = (await issues())
      .filter((issue) => /^week-(0[1-9]|10)$/.test(keyOf(issue.body) ?? ""))
      .sort((a, b) => a.number - b.number);
    expect(weeks).toHaveLength(10);
    for (const week of weeks) {
      emulator.editIssueOnWeb(REPO, week.number, { state: "closed" });
      // GitHub's examples hold no issues.closed: its issues.reopened, turned around, has the same shape.
      const payload = examplePayload("issues", "reopened") as Record<string, unknown>;
      payload.action = "closed";
      const issue = payload.issue as { user: object };
      payload.issue = {
        ...issue,
        number: week.number,
        body: week.body,
        state: "closed",
        user: { ...issue.user, login: "syllabot[bot]", type: "Bot" },
      };
      payload.repository = { ...(payload.repository as object), ...repositoryPayload(REPO) };
      payload.installation = { id: 1, node_id: "I_1" };
      expect(await app.deliver("issues", payload)).toBe(200);
    }
    // The burst settles: one refresh, one commit, without anyone waiting on the queue.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await app.queue.idle();
    expect(commits()).toHaveLength(2);
    expect(await readme()).toContain("10 of 52 weeks done");

    // A stranger's issue carrying a week's key, closed: not the portfolio's, nothing is refreshed.
    const planted = emulator.addIssue(REPO, {
      title: "mine",
      author: "mallory",
      body: "<!-- syllabot:key=week-11 -->",
    });
    emulator.editIssueOnWeb(REPO, planted, { state: "closed", by: "mallory" });
    const stranger = examplePayload("issues", "reopened") as Record<string, unknown>;
    const theirs = stranger.issue as { user: object };
    stranger.action = "closed";
    stranger.issue = {
      ...theirs,
      number: planted,
      body: "<!-- syllabot:key=week-11 -->",
      state: "closed",
      user: { ...theirs.user, login: "mallory", type: "User" },
    };
    stranger.repository = { ...(stranger.repository as object), ...repositoryPayload(REPO) };
    stranger.installation = { id: 1, node_id: "I_1" };
    const requests = emulator.log.length;
    expect(await app.deliver("issues", stranger)).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await app.queue.idle();
    expect(emulator.log.slice(requests)).toEqual([]);
  });

  it("runs the daily tick on POST /syllabot/tick: reminders and README for every portfolio, nothing twice when ticks overlap", {
    timeout: 0,
  }, async () => {
    await app.close();
    const today = "2026-11-24T06:00:00Z";
    app = await startApp(emulator, today, { tickSecret: "tick-secret" });
    expect(await app.deliver("installation", installationCreated())).toBe(200);
    await app.queue.idle();
    const tickUrl = new URL("/syllabot/tick", app.url).toString();
    const post = (authorization?: string) =>
      fetch(tickUrl, { method: "POST", headers: authorization ? { authorization } : {} });

    expect((await post()).status).toBe(401);
    expect((await post("Bearer wrong")).status).toBe(401);
    expect((await fetch(tickUrl)).status).toBe(405);
    const [first, second] = await Promise.all([post("Bearer tick-secret"), post("Bearer tick-secret")]);
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ started: true, installations: 1, portfolios: 1 });
    expect(await second.json()).toMatchObject({ started: false });
    expect((await post("Bearer tick-secret")).status).toBe(202);
    await app.queue.idle();
    const reminders = (await issues()).filter((issue) => keyOf(issue.body)?.startsWith("reminder-"));
    expect(reminders.map((issue) => keyOf(issue.body)).sort()).toEqual([
      "reminder-phase-3",
      "reminder-phase-4",
    ]);
    const comments = emulator.log.filter((entry) => entry.operationId === "issues/create-comment");
    expect(comments).toEqual([]);
  });

  it("reads unchanged listings conditionally across deliveries (304s, which cost no rate limit)", async () => {
    emulator.createRepo("octocat/csvq");
    expect(await app.deliver("installation", installationCreated())).toBe(200);
    await app.queue.idle();
    const pushFor = (week: number, sha: string) =>
      pushPayload({ modified: ["src/main.rs"] }, sha, {
        message: `closes week ${week}`,
        fullName: "octocat/csvq",
      });
    expect(await app.deliver("push", pushFor(5, "a".repeat(40)))).toBe(200);
    await app.queue.idle();
    emulator.clearLog();
    expect(await app.deliver("push", pushFor(6, "b".repeat(40)))).toBe(200);
    await app.queue.idle();
    const listings = emulator.log.filter((entry) =>
      ["issues/list-labels-for-repo", "issues/list-milestones"].includes(entry.operationId ?? ""),
    );
    // Neither tracking nor the refresh after it lists milestones or labels: closing needs the
    // issues only, and the README takes the milestones each listed issue carries (the milestones
    // listing changes with every close, so it would never be a 304).
    expect(listings).toEqual([]);
    // What did not change since the last delivery is read conditionally: the issues tracking
    // lists (unchanged since the last refresh listed them), the config the refresh reads.
    const conditional = emulator.log.filter((entry) => entry.status === 304);
    expect(conditional.map((entry) => `${entry.operationId} ${decodeURIComponent(entry.path)}`)).toEqual(
      expect.arrayContaining([
        "issues/list-for-repo /repos/octocat/portfolio/issues",
        "repos/get-content /repos/octocat/portfolio/contents/.github/syllabot.yml",
      ]),
    );
    expect(conditional.every((entry) => entry.rateLimitCost === 0)).toBe(true);
    expect((await issues()).find((issue) => keyOf(issue.body) === "week-06")?.state).toBe("closed");
  });

  it("ignores a push that does not touch the config, and pushes to other branches", async () => {
    expect(await app.deliver("push", pushPayload({ modified: ["src/main.rs"] }, "d".repeat(40)))).toBe(200);
    const other = pushPayload({ modified: [".github/syllabot.yml"] }, "e".repeat(40));
    other.ref = "refs/heads/feature";
    expect(await app.deliver("push", other)).toBe(200);
    await app.queue.idle();
    expect(emulator.log).toEqual([]);
  });
});
