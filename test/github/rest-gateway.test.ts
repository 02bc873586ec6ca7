import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GitHubError } from "../../src/github/errors.js";
import { createClient, TEST_PACING } from "../../src/github/octokit.js";
import { RestGateway } from "../../src/github/rest-gateway.js";

const API = "https://api.github.test";
const TOKEN = "ghs_secretTOKENvalue1234567890";

function gateway() {
  return new RestGateway(
    createClient({ token: TOKEN, baseUrl: API, pacing: TEST_PACING }),
    "octocat/portfolio",
    { identity: async () => "syllabot[bot]" },
  );
}

const issue = (number: number, key?: string, author = "syllabot[bot]") => ({
  user: { login: author },
  number,
  title: `Issue ${number}`,
  body: key ? `<!-- syllabot:key=${key} -->` : "plain",
  state: "open",
  labels: [{ name: "syllabot" }],
  milestone: null,
  created_at: "2026-03-02T10:00:00Z",
});

beforeAll(() => nock.disableNetConnect());
// Other files may run next in this worker (without isolation) and talk to an emulator on loopback.
afterAll(() => nock.enableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

describe("reading a repository's managed state", () => {
  it("makes one listing per kind with per_page=100, issues filtered by the managed label, following Link pages", async () => {
    const scope = nock(API, { reqheaders: { authorization: `token ${TOKEN}` } })
      .get("/repos/octocat/portfolio/milestones")
      .query({ state: "all", per_page: "100" })
      .reply(200, [])
      .get("/repos/octocat/portfolio/labels")
      .query({ per_page: "100" })
      .reply(200, [{ name: "syllabot", color: "5319e7", description: null }])
      .get("/repos/octocat/portfolio/issues")
      .query({ state: "all", labels: "syllabot", per_page: "100" })
      .reply(200, [issue(1, "week-01")], {
        link: `<${API}/repos/octocat/portfolio/issues?state=all&labels=syllabot&per_page=100&page=2>; rel="next"`,
      })
      .get("/repos/octocat/portfolio/issues")
      .query({ state: "all", labels: "syllabot", per_page: "100", page: "2" })
      .reply(200, [issue(2, "week-02")]);
    const snapshot = await gateway().readManagedState("syllabot");
    expect(snapshot.issues.map((entry) => entry.number)).toEqual([1, 2]);
    expect(snapshot.labels).toHaveLength(1);
    scope.done();
  });

  it("sends If-None-Match on a repeated read and answers a 304 from its cache", async () => {
    const target = gateway();
    nock(API)
      .get("/repos/octocat/portfolio/labels")
      .query(true)
      .reply(200, [{ name: "a", color: "ededed", description: null }], { etag: 'W/"v1"' });
    nock(API, { reqheaders: { "if-none-match": 'W/"v1"' } })
      .get("/repos/octocat/portfolio/labels")
      .query(true)
      .reply(304);
    nock(API).get("/repos/octocat/portfolio/milestones").query(true).times(2).reply(200, []);
    nock(API).get("/repos/octocat/portfolio/issues").query(true).times(2).reply(200, []);
    await target.readManagedState("syllabot");
    const again = await target.readManagedState("syllabot");
    expect(again.labels).toEqual([{ name: "a", color: "ededed", description: null }]);
  });
});

describe("conditional requests", () => {
  it("answers the same search twice through one client, the second time from a 304", async () => {
    const target = gateway();
    const page = {
      total_count: 1,
      incomplete_results: false,
      items: [
        {
          number: 12,
          title: "Fix",
          html_url: "https://github.com/tikv/tikv/pull/12",
          repository_url: "https://api.github.com/repos/tikv/tikv",
          labels: [],
          pull_request: { merged_at: "2026-07-01T00:00:00Z" },
        },
      ],
    };
    nock(API).get("/search/issues").query(true).reply(200, page, { etag: 'W/"s1"' });
    nock(API, { reqheaders: { "if-none-match": 'W/"s1"' } })
      .get("/search/issues")
      .query(true)
      .reply(304);
    const first = await target.searchMergedPullRequests("octocat", ["tikv/tikv"]);
    const second = await target.searchMergedPullRequests("octocat", ["tikv/tikv"]);
    expect(first.prs.map((pr) => pr.number)).toEqual([12]);
    // The pagination plugin rewrites a search answer in place; the cache must not hand back that copy.
    expect(second.prs.map((pr) => pr.number)).toEqual([12]);
  });
});

describe("the client's warnings", () => {
  it("says nothing of answers that are not 2xx but expected: a 404 for an absent file, a 304 from the cache", async () => {
    const warnings: string[] = [];
    const client = createClient({
      token: TOKEN,
      baseUrl: API,
      pacing: TEST_PACING,
      onWarn: (message) => warnings.push(message),
    });
    const target = new RestGateway(client, "octocat/portfolio", { identity: async () => "syllabot[bot]" });
    nock(API).get("/repos/octocat/portfolio/contents/NOTES.md").reply(404, { message: "Not Found" });
    nock(API).get("/repos/octocat/portfolio/labels").query(true).reply(200, [], { etag: 'W/"l1"' });
    nock(API).get("/repos/octocat/portfolio/labels").query(true).reply(304);
    nock(API).get("/repos/octocat/portfolio/milestones").query(true).times(2).reply(200, []);
    nock(API).get("/repos/octocat/portfolio/issues").query(true).times(2).reply(200, []);
    expect(await target.readFile("NOTES.md")).toBeUndefined();
    await target.readManagedState("syllabot");
    await target.readManagedState("syllabot");
    expect(warnings).toEqual([]);
  });
});

describe("creating without duplicates", () => {
  it("does not re-send a create whose answer was lost: it finds the issue by key", async () => {
    let posts = 0;
    // Persisted: a blind retry would be answered (and counted), not refused.
    nock(API)
      .post("/repos/octocat/portfolio/issues")
      .times(10)
      .reply(() => {
        posts++;
        return [502, { message: "Server Error" }];
      });
    nock(API)
      .get("/repos/octocat/portfolio/issues")
      .query({ state: "all", sort: "created", direction: "desc", per_page: "100" })
      .reply(200, [issue(7, "week-05"), issue(6, "week-04")]);
    const created = await gateway().createIssue("week-05", {
      title: "t",
      body: "<!-- syllabot:key=week-05 -->",
      labels: [],
      milestone: null,
    });
    expect(created.number).toBe(7);
    expect(posts).toBe(1);
    nock.cleanAll();
  });

  it("does not take a stranger's issue carrying the key for its own lost create", async () => {
    nock(API)
      .post("/repos/octocat/portfolio/issues")
      .replyWithError({ code: "ECONNRESET", message: "socket hang up" });
    nock(API)
      .get("/repos/octocat/portfolio/issues")
      .query(true)
      .reply(200, [issue(9, "week-05", "mallory")]);
    nock(API).post("/repos/octocat/portfolio/issues").reply(201, issue(10, "week-05"));
    const created = await gateway().createIssue("week-05", {
      title: "t",
      body: "b",
      labels: [],
      milestone: null,
    });
    expect(created.number).toBe(10);
  });

  it("creates again, once, when the lost create had not happened", async () => {
    nock(API)
      .post("/repos/octocat/portfolio/issues")
      .replyWithError({ code: "ECONNRESET", message: "socket hang up" });
    nock(API)
      .get("/repos/octocat/portfolio/issues")
      .query(true)
      .reply(200, [issue(6, "week-04")]);
    nock(API).post("/repos/octocat/portfolio/issues").reply(201, issue(8, "week-05"));
    const created = await gateway().createIssue("week-05", {
      title: "t",
      body: "b",
      labels: [],
      milestone: null,
    });
    expect(created.number).toBe(8);
  });

  it("adopts a label that already exists (422 already_exists) and sets its colour", async () => {
    nock(API)
      .post("/repos/octocat/portfolio/labels")
      .reply(422, {
        message: "Validation Failed",
        errors: [{ resource: "Label", code: "already_exists", field: "name" }],
      });
    nock(API)
      .get("/repos/octocat/portfolio/labels/syllabot%3Aweek")
      .reply(200, { name: "Syllabot:Week", color: "000000", description: null });
    nock(API)
      .patch("/repos/octocat/portfolio/labels/Syllabot%3AWeek", { color: "bfd4f2", description: "A week" })
      .reply(200, { name: "Syllabot:Week", color: "bfd4f2", description: "A week" });
    const label = await gateway().createLabel({
      name: "syllabot:week",
      color: "bfd4f2",
      description: "A week",
    });
    expect(label.color).toBe("bfd4f2");
  });
});

describe("rate limits are waited out, not failures", () => {
  it("retries after a secondary rate limit's retry-after", async () => {
    nock(API).post("/repos/octocat/portfolio/labels").reply(
      403,
      {
        message:
          "You have exceeded a secondary rate limit and have been temporarily blocked from content creation.",
      },
      { "retry-after": "2" },
    );
    nock(API)
      .post("/repos/octocat/portfolio/labels")
      .reply(201, { name: "x", color: "ededed", description: "d" });
    const waits: string[] = [];
    const client = createClient({
      token: TOKEN,
      baseUrl: API,
      pacing: TEST_PACING,
      onWait: (message) => waits.push(message),
    });
    const label = await new RestGateway(client, "octocat/portfolio").createLabel({
      name: "x",
      color: "ededed",
      description: "d",
    });
    expect(label.name).toBe("x");
    expect(waits).toEqual([expect.stringMatching(/secondary rate limit on POST .*waiting 2s/)]);
  });

  it("retries after the primary limit's reset", async () => {
    const reset = String(Math.floor(Date.now() / 1000));
    nock(API)
      .get("/repos/octocat/portfolio/issues")
      .query(true)
      .reply(
        403,
        { message: "API rate limit exceeded" },
        { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset },
      );
    nock(API).get("/repos/octocat/portfolio/issues").query(true).reply(200, []);
    expect(await gateway().readAllIssues()).toEqual([]);
  });
});

describe("errors at the boundary", () => {
  it.each([
    { status: 401, message: "Bad credentials", hint: /token is missing, wrong or expired/ },
    { status: 404, message: "Not Found", hint: /does not exist, or the token cannot see it/ },
    { status: 403, message: "Resource not accessible by integration", hint: /lacks a permission/ },
  ])(
    "turns $status into one clear line naming the repo and the action, without the token",
    async ({ status, message, hint }) => {
      nock(API).get("/repos/octocat/portfolio/issues").query(true).reply(status, { message });
      const error = await gateway()
        .readAllIssues()
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(GitHubError);
      expect((error as GitHubError).message).toMatch(
        new RegExp(`read issues in octocat/portfolio failed \\(HTTP ${status}\\): ${message}`),
      );
      expect((error as GitHubError).message).toMatch(hint);
      expect((error as GitHubError).message).not.toContain(TOKEN);
      expect((error as GitHubError).message.split("\n")).toHaveLength(1);
    },
  );

  it("reports an answer of the wrong shape instead of acting on it", async () => {
    nock(API)
      .get("/repos/octocat/portfolio/issues")
      .query(true)
      .reply(200, [{ number: "seven" }]);
    await expect(gateway().readAllIssues()).rejects.toThrow(
      /unexpected answer from GitHub at issues\.0\.number/,
    );
  });
});

describe("identity", () => {
  it("asks GraphQL's viewer which account the token acts as, once per client", async () => {
    const scope = nock(API)
      .post("/graphql", { query: "query { viewer { login } }" })
      .once()
      .reply(200, { data: { viewer: { login: "github-actions[bot]" } } });
    const client = createClient({ token: TOKEN, baseUrl: API, pacing: TEST_PACING });
    expect(await new RestGateway(client, "octocat/portfolio").identity()).toBe("github-actions[bot]");
    expect(await new RestGateway(client, "octocat/other").identity()).toBe("github-actions[bot]");
    scope.done();
  });

  it("fails with one clear line when GraphQL names no account", async () => {
    nock(API)
      .post("/graphql")
      .reply(200, { errors: [{ message: "Something went wrong" }] });
    const client = createClient({ token: TOKEN, baseUrl: API, pacing: TEST_PACING });
    await expect(new RestGateway(client, "octocat/portfolio").identity()).rejects.toThrow(
      /find out which account the token acts as in octocat\/portfolio failed/,
    );
  });
});
