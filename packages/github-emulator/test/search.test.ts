import { describe, expect, it } from "vitest";
import { failure, TestClock, useEmulator } from "../src/testing/emulator-handle.js";

const clock = new TestClock("2026-06-01T00:00:00Z");
const api = useEmulator(() => ({ now: clock.now }));

function scene() {
  const emulator = api.emulator;
  for (const repo of ["qdrant/qdrant", "vectordotdev/vector", "tikv/tikv", "octocat/portfolio"])
    emulator.createRepo(repo);
  emulator.addPullRequest("qdrant/qdrant", {
    title: "Fix segment merge",
    author: "octocat",
    state: "merged",
    createdAt: "2026-04-20T10:00:00Z",
    mergedAt: "2026-05-02T12:00:00Z",
    labels: ["bug"],
  });
  emulator.addPullRequest("vectordotdev/vector", {
    title: "Add a sink",
    author: "octocat",
    state: "merged",
    createdAt: "2026-02-01T10:00:00Z",
    mergedAt: "2026-02-10T12:00:00Z",
    labels: ["enhancement", "good first issue"],
  });
  emulator.addPullRequest("tikv/tikv", {
    title: "Draft raft tweak",
    author: "octocat",
    createdAt: "2026-05-10T10:00:00Z",
  });
  emulator.addPullRequest("tikv/tikv", {
    title: "Someone else's",
    author: "other",
    state: "merged",
    createdAt: "2026-05-11T10:00:00Z",
  });
  const discussed = emulator.addIssue("tikv/tikv", {
    title: "Panic in the scheduler",
    body: "Stack trace attached",
    author: "reporter",
    createdAt: "2026-05-12T10:00:00Z",
  });
  emulator.addComment("tikv/tikv", discussed, { author: "octocat", body: "I can reproduce this" });
  emulator.addIssue("octocat/portfolio", {
    title: "Week 5",
    body: "parser work",
    author: "octocat",
    labels: ["syllabot"],
  });
}

async function search(q: string, extra: Record<string, string | number> = {}) {
  const { data } = await api.octokit().request("GET /search/issues", { q, ...extra });
  return data;
}

const titles = async (q: string) => (await search(q)).items.map((item) => item.title).sort();

describe("search for issues and pull requests", () => {
  it("finds the learner's merged pull requests in any of several repositories", async () => {
    scene();
    const found = await search(
      "is:pr is:merged author:octocat repo:qdrant/qdrant repo:vectordotdev/vector repo:tikv/tikv",
    );
    expect(found.total_count).toBe(2);
    expect(found.incomplete_results).toBe(false);
    expect(found.items.map((item) => item.title).sort()).toEqual(["Add a sink", "Fix segment merge"]);
    expect(found.items[0]?.pull_request?.merged_at).toMatch(/Z$/);
  });

  it("tells issues from pull requests, and open from closed", async () => {
    scene();
    expect(await titles("is:issue repo:tikv/tikv")).toEqual(["Panic in the scheduler"]);
    expect(await titles("is:pr is:open author:octocat")).toEqual(["Draft raft tweak"]);
    expect(await titles("is:pr is:closed repo:tikv/tikv")).toEqual(["Someone else's"]);
  });

  it("finds issues the learner took part in through involves: and commenter:", async () => {
    scene();
    expect(await titles("is:issue commenter:octocat")).toEqual(["Panic in the scheduler"]);
    expect(await titles("is:issue involves:octocat")).toEqual(["Panic in the scheduler", "Week 5"]);
  });

  it("filters by label, excludes with -label:, and matches free text in title, body and comments", async () => {
    scene();
    expect(await titles('label:"good first issue"')).toEqual(["Add a sink"]);
    expect(await titles("author:octocat is:pr -label:bug")).toEqual(["Add a sink", "Draft raft tweak"]);
    expect(await titles("scheduler")).toEqual(["Panic in the scheduler"]);
    expect(await titles("reproduce")).toEqual(["Panic in the scheduler"]);
    expect(await titles('"stack trace" is:issue')).toEqual(["Panic in the scheduler"]);
  });

  it("filters by dates: merged:>=, created: ranges", async () => {
    scene();
    expect(await titles("is:pr merged:>=2026-03-01")).toEqual(["Fix segment merge", "Someone else's"]);
    expect(await titles("is:pr created:2026-05-01..2026-05-10")).toEqual(["Draft raft tweak"]);
    expect(await titles("is:pr created:<2026-03-01")).toEqual(["Add a sink"]);
  });

  it("refuses an empty query with 422", async () => {
    const refused = await failure(api.octokit().request("GET /search/issues", { q: "  " }));
    expect(refused.status).toBe(422);
  });
});

describe("free text, matched as GitHub's issue search matches it", () => {
  const REPO = "octocat/portfolio";

  /** The titles found in the learner's portfolio, sorted. */
  const inPortfolio = (q: string) => titles(`repo:${REPO} ${q}`);

  function weeks() {
    api.emulator.createRepo(REPO);
    const fifth = api.emulator.addIssue(REPO, { title: "Week 5: parsers", body: "Tokenize the input." });
    for (const week of [50, 51, 52])
      api.emulator.addIssue(REPO, { title: `Week ${week}: review`, body: `Retrospective of week ${week}` });
    api.emulator.addComment(REPO, fifth, { author: "mentor", body: "Try a Pratt parser; see @octocat-bot" });
  }

  it('matches whole words, never a part of one: `eek` finds no week, `"Week 5"` not weeks 50 to 52', async () => {
    weeks();
    expect(await inPortfolio("eek")).toEqual([]);
    expect(await inPortfolio("ee")).toEqual([]);
    expect(await inPortfolio('"Week 5"')).toEqual(["Week 5: parsers"]);
    expect(await inPortfolio("week")).toHaveLength(4);
    expect(await inPortfolio("52")).toEqual(["Week 52: review"]);
  });

  it("splits words at punctuation and ignores case on both sides", async () => {
    weeks();
    // "Week 5:" holds the words week and 5; the colon in the query is punctuation too.
    expect(await inPortfolio('"week 5:"')).toEqual(["Week 5: parsers"]);
    expect(await inPortfolio('"WEEK 5: PARSERS"')).toEqual(["Week 5: parsers"]);
    expect(await inPortfolio("TOKENIZE")).toEqual(["Week 5: parsers"]);
    expect(await inPortfolio("input.")).toEqual(["Week 5: parsers"]);
    // A hyphenated word is its words in a row.
    expect(await inPortfolio("octocat-bot")).toEqual(["Week 5: parsers"]);
    expect(await inPortfolio("bot-octocat")).toEqual([]);
  });

  it("matches a phrase only as consecutive words of one field", async () => {
    weeks();
    expect(await inPortfolio('"5 parsers"')).toEqual(["Week 5: parsers"]);
    expect(await inPortfolio('"week parsers"')).toEqual([]);
    // The title ends with "parsers" and the body begins with "Tokenize": no phrase spans the two.
    expect(await inPortfolio('"parsers tokenize"')).toEqual([]);
  });

  it("stems plurals as GitHub does: a singular finds the plural, and the plural the singular", async () => {
    weeks();
    expect(await inPortfolio("parser")).toEqual(["Week 5: parsers"]);
    expect(await inPortfolio("weeks")).toHaveLength(4);
    expect(await inPortfolio("retrospectives")).toEqual([
      "Week 50: review",
      "Week 51: review",
      "Week 52: review",
    ]);
    expect(await inPortfolio("pars")).toEqual([]);
  });

  it("looks in title, body and comments, or where in: says", async () => {
    weeks();
    expect(await inPortfolio("pratt")).toEqual(["Week 5: parsers"]);
    expect(await inPortfolio("pratt in:title")).toEqual([]);
    expect(await inPortfolio("pratt in:comments")).toEqual(["Week 5: parsers"]);
    expect(await inPortfolio("retrospective in:body")).toHaveLength(3);
    expect(await inPortfolio("retrospective in:title,comments")).toEqual([]);
    expect(await inPortfolio("review in:title type:issue")).toHaveLength(3);
  });

  it("excludes with NOT or -, and takes either of two terms with OR", async () => {
    weeks();
    expect(await inPortfolio("week NOT review")).toEqual(["Week 5: parsers"]);
    expect(await inPortfolio("week -review")).toEqual(["Week 5: parsers"]);
    expect(await inPortfolio('week -"week 51"')).toEqual([
      "Week 50: review",
      "Week 52: review",
      "Week 5: parsers",
    ]);
    expect(await inPortfolio("50 OR 52")).toEqual(["Week 50: review", "Week 52: review"]);
    expect(await inPortfolio("week AND 51")).toEqual(["Week 51: review"]);
    // What reads like a qualifier GitHub does not know is searched as text, and `-` excludes it.
    expect(await inPortfolio("week -retrospective:of")).toEqual(["Week 5: parsers"]);
    expect(await inPortfolio("retrospective:of")).toHaveLength(3);
  });

  it("reads mentions: as a whole handle", async () => {
    api.emulator.createRepo(REPO);
    api.emulator.addIssue(REPO, { title: "To the bot", body: "cc @octocat-bot" });
    api.emulator.addIssue(REPO, { title: "To the learner", body: "cc @OctoCat, thanks" });
    expect(await titles("mentions:octocat")).toEqual(["To the learner"]);
    expect(await titles("mentions:octocat-bot")).toEqual(["To the bot"]);
    expect(await titles("involves:octo")).toEqual([]);
  });

  it("answers syllabot's own searches: newcomer issues and the issues the learner took part in", async () => {
    scene();
    const tikv = "tikv/tikv";
    api.emulator.addIssue(tikv, {
      title: "Help wanted: docs",
      labels: ["help wanted"],
      createdAt: "2026-05-20T00:00:00Z",
    });
    api.emulator.addIssue(tikv, { title: "Taken", labels: ["good first issue"], assignees: ["someone"] });
    api.emulator.addIssue(tikv, { title: "Closed one", labels: ["good first issue"], state: "closed" });
    api.emulator.addIssue(tikv, { title: "Starter", labels: ["Good First Issue"] });
    expect(
      await titles(`is:issue is:open no:assignee label:"good first issue","help wanted" repo:${tikv}`),
    ).toEqual(["Help wanted: docs", "Starter"]);
    expect(await titles(`is:issue involves:octocat updated:>=2026-05-01 repo:${tikv}`)).toEqual([
      "Panic in the scheduler",
    ]);
  });
});

describe("search limits", () => {
  it("counts all matches but serves only the first 1,000 results", async () => {
    api.emulator.createRepo("octocat/big");
    for (let index = 0; index < 1050; index++)
      api.emulator.addIssue("octocat/big", { title: `Issue ${index}` });
    const first = await api.fetch("/search/issues?q=repo:octocat/big&per_page=100");
    const body = (await first.json()) as { total_count: number; items: unknown[] };
    expect(body.total_count).toBe(1050);
    expect(body.items).toHaveLength(100);
    expect(first.headers.get("link")).toContain('page=10>; rel="last"');
    const tenth = await api.fetch("/search/issues?q=repo:octocat/big&per_page=100&page=10");
    expect(((await tenth.json()) as { items: unknown[] }).items).toHaveLength(100);
    const beyond = await api.fetch("/search/issues?q=repo:octocat/big&per_page=100&page=11");
    expect(beyond.status).toBe(422);
    expect(await beyond.json()).toMatchObject({
      message: "Only the first 1000 search results are available",
    });
  });

  it("serves at most 100 results a page, however many per_page asks for", async () => {
    api.emulator.createRepo("octocat/big");
    for (let index = 0; index < 150; index++)
      api.emulator.addIssue("octocat/big", { title: `Issue ${index}` });
    const response = await api.fetch("/search/issues?q=repo:octocat/big&per_page=500");
    const body = (await response.json()) as { total_count: number; items: unknown[] };
    expect(body.total_count).toBe(150);
    expect(body.items).toHaveLength(100);
    expect(response.headers.get("link")).toContain('page=2>; rel="last"');
  });

  it("allows 30 searches a minute, then answers 403 with the search rate-limit headers until the minute is over", async () => {
    api.emulator.createRepo("octocat/portfolio");
    for (let index = 1; index <= 30; index++) {
      const response = await api.fetch("/search/issues?q=is:issue");
      expect(response.status).toBe(200);
      expect(response.headers.get("x-ratelimit-resource")).toBe("search");
      expect(response.headers.get("x-ratelimit-remaining")).toBe(String(30 - index));
    }
    const refused = await api.fetch("/search/issues?q=is:issue");
    expect(refused.status).toBe(403);
    expect(refused.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(refused.headers.get("x-ratelimit-limit")).toBe("30");
    expect(Number(refused.headers.get("x-ratelimit-reset"))).toBe(
      Math.ceil((clock.now().getTime() + 60_000) / 1000),
    );
    expect(await refused.json()).toMatchObject({
      message: expect.stringMatching(/^API rate limit exceeded/),
    });
    const core = await api.fetch("/user");
    expect(core.headers.get("x-ratelimit-remaining")).toBe("4999");
    clock.advance(60);
    expect((await api.fetch("/search/issues?q=is:issue")).status).toBe(200);
  });

  it("refuses a query longer than 256 characters with 422, as GitHub does, and takes one of 256", async () => {
    scene();
    const repos = ["qdrant/qdrant", "vectordotdev/vector", "tikv/tikv"].map((repo) => `repo:${repo}`);
    const base = `is:pr is:merged author:octocat ${repos.join(" ")} `;
    const longest = `${base}${"x".repeat(256 - base.length)}`;
    expect(longest).toHaveLength(256);
    expect((await api.fetch(`/search/issues?q=${encodeURIComponent(longest)}`)).status).toBe(200);
    const refused = await api.fetch(`/search/issues?q=${encodeURIComponent(`${longest}x`)}`);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({
      message: "Validation Failed",
      errors: [
        {
          message: "The search is longer than 256 characters.",
          resource: "Search",
          field: "q",
          code: "invalid",
        },
      ],
    });
    // Characters, not bytes: 256 accented letters are a query of 256 characters.
    expect((await api.fetch(`/search/issues?q=${encodeURIComponent("é".repeat(256))}`)).status).toBe(200);
  });

  it("refuses more than five AND, OR and NOT operators with 422", async () => {
    scene();
    const five = "is:issue a OR b OR c AND d NOT e OR f";
    expect((await api.fetch(`/search/issues?q=${encodeURIComponent(five)}`)).status).toBe(200);
    const refused = await api.fetch(`/search/issues?q=${encodeURIComponent(`${five} OR g`)}`);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({
      errors: [
        {
          message: "More than five AND / OR / NOT operators were used.",
          resource: "Search",
          field: "q",
          code: "invalid",
        },
      ],
    });
    // Lowercase words are search terms, not operators.
    expect((await api.fetch(`/search/issues?q=${encodeURIComponent(`${five} or g and h`)}`)).status).toBe(
      200,
    );
  });

  it("answers with incomplete_results true, and part of the matches, when the search times out", async () => {
    scene();
    api.emulator.faults.next("incomplete-search");
    const partial = await search("author:octocat");
    expect(partial.incomplete_results).toBe(true);
    const complete = await search("author:octocat");
    expect(complete.incomplete_results).toBe(false);
    expect(partial.total_count).toBeLessThan(complete.total_count);
  });
});
