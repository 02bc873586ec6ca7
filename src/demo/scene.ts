import type { Emulator } from "@syllabot/github-emulator";
import { CONFIG_PATH } from "../config/paths.js";
import type { PlanContext } from "../model/context.js";
import { ossTargets } from "../progress/oss.js";
import { trackedRepositories } from "../progress/portfolios.js";
import { REGION_END, REGION_START } from "../render/readme.js";
import { NEWCOMER_ISSUES } from "./catalog.js";
import { localDateTime } from "./instant.js";

/** The accounts and repositories as they stand on the first morning. */
export function buildScene(
  emulator: Emulator,
  // Only the config's text (play.ts's DemoSetup has it): named here, so that scene.ts needs nothing of play.ts.
  setup: { configText: string },
  context: PlanContext,
  portfolioRepo: string,
): void {
  const { config } = context;
  emulator.addUser(config.learner, { name: "Mona Lisa Octocat", emails: [...config.emails] });
  const targets = ossTargets(context);
  for (const repo of targets) {
    emulator.addUser(repo.split("/")[0] ?? repo, { type: "Organization" });
    emulator.createRepo(repo);
  }
  emulator.createRepo(portfolioRepo, { description: `${config.learner}'s study portfolio` });
  emulator.addCommit(portfolioRepo, {
    message: "Set up syllabot",
    author: config.learner,
    files: { [config.readme]: introReadme(context), [CONFIG_PATH]: setup.configText },
  });
  for (const repo of trackedRepositories(config)) {
    if (repo.toLowerCase() !== portfolioRepo.toLowerCase()) emulator.createRepo(repo);
  }
}

/** Open issues marked for newcomers in the target repositories, which reminders suggest. */
export function addNewcomerIssues(emulator: Emulator, context: PlanContext): void {
  const targets = ossTargets(context);
  for (const repo of targets) {
    for (const issue of NEWCOMER_ISSUES[repo] ?? []) {
      const opened = context.calendar.start.subtract({ days: issue.daysBefore });
      emulator.addIssue(repo, {
        title: issue.title,
        author: issue.author,
        labels: issue.labels,
        createdAt: localDateTime(opened, 11 * 60, context.calendar.timeZone),
      });
    }
  }
}

/** The portfolio's README before syllabot's first refresh; it speaks only of what the course has. */
function introReadme(context: PlanContext): string {
  const { curriculum, config } = context;
  const weeks = curriculum.totalWeeks;
  const span = weeks >= 50 && weeks <= 53 ? "A year" : `${weeks} ${weeks === 1 ? "week" : "weeks"}`;
  const repos = new Set(Object.values(config.projects).map((location) => location.repo.toLowerCase()));
  const projects =
    repos.size === 0
      ? ""
      : repos.size === Object.keys(config.projects).length
        ? ", every project has\nits own repository"
        : ", the projects have\ntheir repositories";
  const week = Math.min(5, weeks);
  const trailers = [`\`closes week ${week}\``, "`Time: 1h30m`"];
  if (curriculum.tracks.dsa && config.dsa) trailers.push("`Problem: two-sum`");
  const sources = ` from my commits\n(${trailers.join(", ")})${
    curriculum.tracks.oss ? " and my pull requests to open-source projects." : "."
  }`;
  const paragraph = `${span} of **${curriculum.title}**, one week at a time: every week is an issue${projects}, and the progress below is kept up to date by syllabot${sources}`;
  return [
    `# @${config.learner}'s study portfolio`,
    "",
    ...paragraph.split("\n"),
    "",
    REGION_START,
    REGION_END,
    "",
    "## About this portfolio",
    "",
    "A simulated learner, played by `syllabot demo` against an emulated GitHub: the commits, pull",
    "requests and links are made up; the tracking, this README and its pictures are syllabot's own.",
    "",
  ].join("\n");
}
