import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCommitMessage } from "../../src/progress/commit-grammar.js";

/**
 * Real commit messages, none written to finish a syllabot week or project: this repository's own
 * history, the commits of `@octokit/webhooks-examples`, and those of ten public repositories
 * (probot, octokit/rest.js, express, fastify, undici, ws, socket.io, commander.js, cobra, ripgrep,
 * flask). From the public ones, only messages with a finishing verb or a trailer in their first 500
 * characters are kept (the others cannot claim anything); each message once, cut at a line end
 * after 500 characters.
 */
const corpus = JSON.parse(
  readFileSync(new URL("../fixtures/commit-messages.json", import.meta.url), "utf8"),
) as Record<string, string[]>;
const messages = Object.values(corpus).flat();

/** Slugs a learner would give real projects, which are also the words commit messages are made of. */
const COMMON_WORD_SLUGS = [
  "api",
  "app",
  "auth",
  "bot",
  "cache",
  "cli",
  "client",
  "core",
  "db",
  "deploy",
  "docs",
  "parser",
  "proxy",
  "queue",
  "readme",
  "router",
  "server",
  "shell",
  "test",
  "tests",
  "types",
  "ui",
  "web",
];
const PROGRAM = { totalWeeks: 52, projectSlugs: new Set(COMMON_WORD_SLUGS) };

describe("the commit grammar on real commit messages", () => {
  it("holds enough real prose to mean something", () => {
    expect(messages.length).toBeGreaterThan(1000);
    expect(new Set(messages).size).toBe(messages.length);
  });

  it("closes no project named by a common word, and no week", () => {
    const claimed = messages
      .map((message) => ({ message, claims: parseCommitMessage(message, PROGRAM) }))
      .filter(({ claims }) => claims.projects.length > 0 || claims.weeks.length > 0)
      .map(({ message, claims }) => ({
        projects: claims.projects,
        weeks: claims.weeks,
        message: message.split("\n")[0],
      }));
    expect(claimed).toEqual([]);
  });

  it("closes no project on the message of the report, nor on the README's counterexamples", () => {
    for (const message of [
      "ci: fix flaky step that closes deploy connections early",
      "complete API docs",
      "finished server, done with cli\n\nProject: core",
    ])
      expect(parseCommitMessage(message, PROGRAM).projects).toEqual([]);
  });
});

/** The rows of the README's table of commit-message forms: what you write, and what it means. */
function documentedForms(): { forms: string[]; meaning: string }[] {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const section = readme.split("## Commit messages that finish work")[1]?.split("\n## ")[0] ?? "";
  return [...section.matchAll(/^\| (.+?) \| (.+?) \|$/gm)]
    .filter((row) => !row[1]?.startsWith("---") && row[1] !== "you write")
    .map((row) => ({
      forms: [...(row[1] ?? "").matchAll(/`([^`]+)`/g)].map((code) => code[1] ?? ""),
      meaning: row[2] ?? "",
    }));
}

describe("the forms the README documents", () => {
  const program = { totalWeeks: 52, projectSlugs: new Set(["csvq", "http-server"]) };
  const finishing = documentedForms().filter((row) => row.meaning.endsWith("finished"));

  it("are all read from the README", () => {
    expect(finishing.map((row) => row.meaning)).toEqual([
      "week 5 is finished",
      "weeks 3, 4 and 5 are finished",
      "week 5 is finished",
      "that project is finished",
    ]);
  });

  it.each(finishing.flatMap((row) => row.forms.map((form) => [form, row.meaning])))(
    "%j: %s",
    (form, meaning) => {
      // A trailer is a line of its own after the subject.
      const message = /^\w+: /.test(form) ? `wrap up\n\n${form}` : form;
      const claims = parseCommitMessage(message, program);
      if (meaning.startsWith("week")) {
        expect(claims.weeks).toEqual((meaning.match(/\d+/g) ?? []).map(Number));
        expect(claims.projects).toEqual([]);
      } else {
        expect(claims.projects).toEqual([/project (\S+)/.exec(form)?.[1]]);
        expect(claims.weeks).toEqual([]);
      }
      expect(claims.rejected).toEqual([]);
    },
  );
});
