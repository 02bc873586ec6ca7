import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { CALENDAR_PATH, LEDGER_PATH } from "../../src/config/paths.js";
import { parseLedger } from "../../src/progress/ledger.js";
import { REGION_END, REGION_START } from "../../src/render/readme.js";
import { itFull } from "../helpers/depth.js";
import { runCli } from "../helpers/run-cli.js";

const PICTURES = ["weeks", "phases", "hours"].flatMap((name) =>
  ["light", "dark"].map((theme) => `.syllabot/${name}-${theme}.svg`),
);
const FILES = ["README.md", ...PICTURES, CALENDAR_PATH, LEDGER_PATH, "index.html", "reminders.md"];
/**
 * Monday of week 40, late in phase 4: after its first reminder (lead-21, Sun 15 Nov 2026) and the
 * substantive pull request that meets its bar (merged Mon 23 Nov with seed 1).
 */
const UNTIL = "2026-11-30";

const tempDir = () => mkdtempSync(join(tmpdir(), "syllabot-demo-"));
const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");
/** The calendar feed's events by UID prefix (before the @), as a maintained parser reads them. */
const calendarEvents = (dir: string) =>
  new Map(
    new ICAL.Component(ICAL.parse(read(dir, CALENDAR_PATH))).getAllSubcomponents("vevent").map((vevent) => [
      String(vevent.getFirstPropertyValue("uid")).replace(/@.*/, ""),
      {
        start: new ICAL.Event(vevent).startDate.toString(),
        url: String(vevent.getFirstPropertyValue("url")),
      },
    ]),
  );

describe("syllabot demo", () => {
  itFull(
    "plays the learner's year to --until and writes the portfolio's README, pictures, ledger, page and reminders",
    async () => {
      const out = tempDir();
      writeFileSync(join(out, "README.md"), "an earlier demo's README\n");
      const { code, stdout, stderr } = await runCli(["demo", "--out", out, "--until", UNTIL]);
      expect(code, stderr).toBe(0);

      for (const path of FILES) expect(existsSync(join(out, path)), path).toBe(true);
      const readme = read(out, "README.md");
      expect(readme.startsWith("# @octocat's study portfolio\n")).toBe(true);
      const region = readme.slice(readme.indexOf(REGION_START), readme.indexOf(REGION_END));
      expect(region).toContain(
        "Updated by syllabot for Mon 30 Nov 2026 (Asia/Kolkata). Week 40 of 52, phase 4",
      );
      expect(region).toMatch(/\*\*Pace:\*\* \d+ of 52 weeks done/);
      expect(region).toContain("Week 40: ");
      for (const picture of PICTURES) {
        expect(region).toContain(picture);
        expect(XMLValidator.validate(read(out, picture)), picture).toBe(true);
      }
      const ledger = parseLedger(read(out, LEDGER_PATH));
      expect(ledger?.pace).toMatchObject({ asOf: UNTIL, expected: 39 });
      expect(Object.keys(ledger?.commits ?? {}).length).toBeGreaterThan(100);

      // The calendar as the last refresh left it: phase 4's bar met, so its reminder days are gone.
      const events = calendarEvents(out);
      expect(events.get("week-40")).toMatchObject({
        start: "2026-11-30",
        url: expect.stringMatching(/\/issues\/\d+$/),
      });
      expect([...events.keys()].filter((uid) => uid.startsWith("reminder-phase-4-"))).toEqual([]);
      expect(events.get("phase-4-due")?.start).toBe("2026-12-06");

      const page = read(out, "index.html");
      expect(page).toContain("Progress: The Rust Learning Program");
      expect(page).toMatch(/<h1[^>]*>.*@octocat.*study portfolio.*<\/h1>/s);
      expect(page).toContain('src=".syllabot/weeks-light.svg"');

      const lines = stdout.trim().split("\n");
      expect(lines.at(-1)).toBe(`Open ${join(out, "index.html")}`);
      expect(stdout).toContain(`played to ${UNTIL}`);
      expect(stdout).toMatch(/[\d,]+ requests to the emulated GitHub/);
      // The phase-4 reminder: an issue on the morning of its first threshold, closed the morning after
      // the substantive pull request was merged.
      expect(stdout).toContain(
        [
          "  reminders: 1 sent, 1 closed",
          "    2026-11-15  phase 4, 21 days before the phase's last day (lead-21): issue #61 opened",
          "    2026-11-24  phase 4: #61 closed, the bar is met",
        ].join("\n"),
      );
      const reminders = read(out, "reminders.md");
      expect(reminders).toContain(
        "unmet 21, 7 and 2 days before the phase's last day, and on the day after it,",
      );
      expect(reminders).toContain(
        [
          "- **Sun 15 Nov 2026**, phase 4, 21 days before the phase's last day (lead-21): issue #61 opened",
          "- **Tue 24 Nov 2026**, phase 4: #61 closed, the bar is met",
        ].join("\n"),
      );
      expect(reminders).toContain("## #61: Open-source bar of phase 4: 1 substantive merged PR (closed)");
      expect(reminders).toContain(
        "**21 days left (until Sun 6 Dec 2026) to meet phase 4's open\\-source bar",
      );
      // What counted then (the docs pull request, not substantive), where to start, what met the bar.
      expect(reminders).toMatch(
        /docs: example of scroll with a nested payload filter\]\([^)]+\), merged Fri 2 Oct 2026: does not meet it yet/,
      );
      expect(reminders).toContain("Open issues marked `good first issue` or `help wanted`");
      expect(reminders.match(/^- \[[^\]]+\]\(https:\/\/github\.com\/[^)]+\/issues\/\d+\)$/gm)).toHaveLength(
        5,
      );
      expect(reminders).toMatch(
        /Comment, Tue 24 Nov 2026:\n\n> The bar is met by \[tikv\/tikv\\#\u200B\d+: storage: avoid cloning keys/,
      );
      // Not a terminal: a line a simulated month on stderr, no control characters.
      expect(stderr).toContain("demo: 2026-03-02 week 1");
      expect(stderr).toContain("demo: 2026-06-01 week 14");
      expect(stderr).toContain("demo: 2026-11-01 week 35");
      expect(stderr).not.toContain("\u001b");

      // The same seed and --until give the same bytes.
      const again = tempDir();
      const second = await runCli(["demo", "--out", again, "--until", UNTIL, "--seed", "1"]);
      expect(second.code, second.stderr).toBe(0);
      for (const path of FILES) expect(read(again, path), path).toBe(read(out, path));
    },
    120_000,
  );

  it("plays only the first morning when --until is the first day", async () => {
    const out = tempDir();
    const { code, stdout, stderr } = await runCli([
      "demo",
      "--out",
      out,
      "--until",
      "2026-03-02",
      "--seed",
      "3",
    ]);
    expect(code, stderr).toBe(0);
    expect(read(out, "README.md")).toContain("0 of 52 weeks done, on plan (0 expected by now)");
    expect(stdout).toContain(`Wrote ${FILES.length} files to ${out}: `);
    expect(stdout).toContain(CALENDAR_PATH);
    // Every week from the first morning on, and the reminder days of the three unmet bars.
    const events = calendarEvents(out);
    expect([...events.keys()].filter((uid) => uid.startsWith("week-"))).toHaveLength(52);
    expect(events.get("reminder-phase-3-lead-21")).toBeDefined();
    expect(stdout).toContain("  reminders: none (no open-source bar was unmet on a reminder's day)\n");
    expect(read(out, "reminders.md")).toContain(
      "None was sent: no open-source bar was unmet on a reminder's day.",
    );
  }, 60_000);

  it("plays the Go course with --curriculum to its end: every week, every project, no track it lacks", async () => {
    const out = tempDir();
    const { code, stdout, stderr } = await runCli([
      "demo",
      "--curriculum",
      "go-web-services-10w",
      "--out",
      out,
    ]);
    expect(code, stderr).toBe(0);
    for (const path of FILES) expect(existsSync(join(out, path)), path).toBe(true);
    expect(stdout).toContain(
      "@octocat's Go Web Services in 10 Weeks (go-web-services-10w), seed 1, played to 2027-03-15",
    );
    expect(stdout).toContain("3 of 3 projects done");
    expect(stdout).not.toMatch(/OSS|DSA|reminders:/);

    const readme = read(out, "README.md");
    const region = readme.slice(readme.indexOf(REGION_START), readme.indexOf(REGION_END));
    const ledger = parseLedger(read(out, LEDGER_PATH));
    const commits = Object.values(ledger?.commits ?? {});
    // Every week of the ten was played, and the README's numbers are the ledger's.
    expect(new Set(commits.map((commit) => commit.week))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    expect(ledger?.pace).toMatchObject({ asOf: "2027-03-15", expected: 10, plannedFinish: "2027-03-14" });
    const done = ledger?.pace?.done ?? -1;
    expect(done).toBeGreaterThanOrEqual(8);
    expect(region).toContain(`**Pace:** ${done} of 10 weeks done`);
    const phaseRows = [...region.matchAll(/^\| \d\. [^|]+ \| (\d+) \/ (\d+) \|/gm)];
    expect(phaseRows.map((row) => Number(row[2]))).toEqual([3, 4, 3]);
    expect(phaseRows.reduce((sum, row) => sum + Number(row[1]), 0)).toBe(done);
    const minutes = commits.reduce((sum, commit) => sum + commit.minutes, 0);
    expect(region).toContain(
      `${Math.round(minutes / 6) / 10} h logged in all, ${Math.round(minutes / 6 / 10) / 10} h a week on average over 10 finished weeks.`,
    );
    for (const slug of ["linkcheck", "shorturl", "jobqueue"]) {
      expect(region).toMatch(
        new RegExp(`^\\| \\[${slug}\\]\\([^)]+\\) \\| \\[octocat/${slug}\\].* \\| done \\|$`, "m"),
      );
    }
    // Nothing of the tracks the course does not have, nor of the Rust year.
    expect(readme).not.toMatch(/open-source|Open-source|Problem:|DSA|rustlings|cargo|\.rs\b/);
    expect(
      readme.startsWith("# @octocat's study portfolio\n\n10 weeks of **Go Web Services in 10 Weeks**"),
    ).toBe(true);
    expect(read(out, "reminders.md")).toContain(
      "Go Web Services in 10 Weeks has none, so @octocat got no reminder.",
    );
    // Ten weeks and three deadlines in the calendar; no bar, so no reminder day.
    expect([...calendarEvents(out).keys()].sort()).toEqual(
      [
        ...Array.from({ length: 10 }, (_, index) => `week-${String(index + 1).padStart(2, "0")}`),
        ...[1, 2, 3].map((phase) => `phase-${phase}-due`),
      ].sort(),
    );
  }, 120_000);

  it.each([
    [
      ["--curriculum", "rust-systems-2y"],
      '--curriculum "rust-systems-2y" is not a built-in curriculum: one of go-web-services-10w, rust-systems-1y',
    ],
    [["--until", "2026-13-01"], '--until "2026-13-01" is not a date (YYYY-MM-DD)'],
    [["--until", "yesterday"], '--until "yesterday" is not a date'],
    [["--until", "2026-03-01"], "--until 2026-03-01 is outside the demo's program: from 2026-03-02"],
    [["--until", "2027-03-02"], "to 2027-03-01 (the day after its last)"],
    [["--seed", "-1"], '--seed "-1" is not a whole number'],
    [["--seed", "1.5"], '--seed "1.5" is not a whole number'],
  ])("refuses %j with exit 2 and names the option", async (args, message) => {
    const out = tempDir();
    const { code, stderr } = await runCli(["demo", "--out", join(out, "never"), ...args]);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(existsSync(join(out, "never"))).toBe(false);
  });

  it("says how to use it", async () => {
    const { code, stdout } = await runCli(["demo", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("--out <dir>");
    expect(stdout).toContain("--until <date>");
    expect(stdout).toContain("--seed <n>");
    expect(stdout).toContain("--curriculum <id>");
    expect(stdout.replace(/\s+/g, " ")).toContain(
      "(go-web-services-10w, rust-systems-1y; default rust-systems-1y)",
    );
    expect(stdout).toContain("syllabot demo --out /tmp/demo --until 2026-09-01 --seed 7");
  });
});
