import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoPath } from "../helpers/setup.js";

/**
 * `syllabot init` on a real pseudo-terminal: tmux runs the built CLI (`bin/syllabot.js`, as a user
 * would) in a detached session on a socket of its own, the test types the answers and reads the
 * screen.
 */
const base = mkdtempSync(join(tmpdir(), "syllabot-init-tty-"));
const socket = `syllabot-init-${process.pid}`;
const gitConfig = join(base, "gitconfig");
writeFileSync(gitConfig, "");
let sessions = 0;
let session = "";

const tmux = (...args: string[]) => execFileSync("tmux", ["-L", socket, ...args], { encoding: "utf8" });
afterEach(() => {
  if (session) tmux("kill-session", "-t", session);
  session = "";
});
afterAll(() => {
  try {
    tmux("kill-server");
  } catch {
    // Already gone with its last session.
  }
  rmSync(base, { recursive: true, force: true });
});

function portfolio(): string {
  const dir = join(base, `portfolio-${sessions + 1}`);
  mkdirSync(dir);
  execFileSync("git", ["-C", dir, "init", "-q", "-b", "main"]);
  execFileSync("git", ["-C", dir, "config", "github.user", "kim"]);
  return dir;
}

/** Starts `syllabot init` in a new tmux session; the pane stays to be read after it exits. */
function start(dir: string): void {
  session = `init-${++sessions}`;
  const command = [
    `cd '${dir}'`,
    `env TZ=UTC GIT_CONFIG_GLOBAL='${gitConfig}' GIT_CONFIG_NOSYSTEM=1 NO_COLOR=1 node '${repoPath("bin/syllabot.js")}' init --today 2026-12-03`,
    'echo "[exit $?]"',
    "sleep 3600",
  ].join("; ");
  tmux("new-session", "-d", "-s", session, "-x", "200", "-y", "50", command);
  tmux("set-option", "-t", session, "history-limit", "5000");
}

const screen = () => tmux("capture-pane", "-p", "-t", session, "-S", "-5000");

/**
 * Waits for the screen to show `pattern` (tmux trims the spaces ending a line, so a prompt ends in
 * `:`). The bound is ten times a start of the CLI on a busy machine: it only ends a test that hangs.
 */
async function see(pattern: RegExp): Promise<string> {
  const since = performance.now();
  while (performance.now() - since < 120_000) {
    const text = screen();
    if (pattern.test(text)) return text;
    await sleep(100);
  }
  throw new Error(`never saw ${pattern} on the screen:\n${screen()}`);
}

/** Types a line and waits for what should follow it. */
async function answer(text: string, then: RegExp): Promise<string> {
  if (text) tmux("send-keys", "-t", session, "-l", text);
  tmux("send-keys", "-t", session, "Enter");
  return see(then);
}

describe("syllabot init on a terminal", () => {
  it("asks each question with its default, refuses a bad answer at once and asks again, then writes a valid portfolio", async () => {
    const dir = portfolio();
    start(dir);
    await see(/Your GitHub login \[kim\]:\s*$/m);
    await answer("", /Commit emails that count as you \(comma-separated, - for none\) \[-\]:\s*$/m);
    await answer("kim-at-example", /expected an email address\n.*Commit emails.*:\s*$/m);
    await answer("kim@example.com", /Your time zone \(IANA name\) \[UTC\]:\s*$/m);
    await answer("Mars/Base", /unknown time zone "Mars\/Base".*\n.*Your time zone.*:\s*$/m);
    await answer("Asia/Kolkata", /First day of week 1 \(YYYY-MM-DD\) \[2026-12-07\]:\s*$/m);
    await answer("", /Curriculum .* \[rust-systems-1y\]:\s*$/m);
    await answer(
      "",
      /capstone: which option\? \(docforge \| formulaengine \| ruleforge, or - to decide later\) \[-\]:\s*$/m,
    );
    await answer(
      "nope",
      /expected one of docforge \| formulaengine \| ruleforge\n.*capstone: which option.*:\s*$/m,
    );
    await answer("formulaengine", /Account holding your project repositories.* \[kim\]:\s*$/m);
    await answer("", /Repository of your practice problems \[kim\/dsa\]:\s*$/m);
    const end = await answer("", /\[exit \d+\]/);
    expect(end).toContain("[exit 0]");
    expect(end).toContain("wrote .github/syllabot.yml");
    expect(end).toContain("syllabot plan: The Rust Learning Program (rust-systems-1y) for @kim");
    expect(end).toContain("Next steps:");
    expect(parse(readFileSync(join(dir, ".github/syllabot.yml"), "utf8"))).toMatchObject({
      learner: "kim",
      emails: ["kim@example.com"],
      timezone: "Asia/Kolkata",
      start: "2026-12-07",
      capstone: "formulaengine",
      dsa: "kim/dsa",
    });
  });

  it("writes nothing when the learner ends the questions with Ctrl-D", async () => {
    const dir = portfolio();
    start(dir);
    await see(/Your GitHub login \[kim\]:\s*$/m);
    await answer("", /Commit emails.*:\s*$/m);
    tmux("send-keys", "-t", session, "C-d");
    const end = await see(/\[exit \d+\]/);
    expect(end).toContain("init was cancelled: nothing was written");
    expect(end).toContain("[exit 2]");
    expect(existsSync(join(dir, ".github"))).toBe(false);
    expect(existsSync(join(dir, "README.md"))).toBe(false);
  });
});
