import { plannedProjects } from "../curriculum/load.js";
import type { PlanContext } from "../model/context.js";
import { assembleYear } from "./assemble.js";
import { chooseFates } from "./fates.js";
import { simulateOss } from "./oss-year.js";
import { Random } from "./random.js";
import type { ProjectSpan } from "./session-content.js";
import { demoVocabulary } from "./vocabulary.js";
import { WeekPlanner } from "./week-plan.js";
import type { DemoYear } from "./year.js";

export type {
  CommitIntent,
  DemoCommit,
  DemoDay,
  DemoEngagement,
  DemoPullRequest,
  DemoWeek,
  DemoYear,
} from "./year.js";

/**
 * The demo learner's year as data: every commit (repository, instant, message, files), merged pull
 * request and issue comment, day by day, from the program and a seed alone. Pure and deterministic:
 * the same context and seed give the same year, whatever the machine, clock or time zone.
 *
 * The learner is believable rather than perfect: around the course's weekly hours most weeks, weeks mostly closed on
 * their last days, a slump of late weeks (in a course of 12 weeks or more), a week never closed, and,
 * only when the course has those tracks, DSA problems in line with its targets and the OSS track's
 * pull requests and issue comment in their phases (the substantive pull request late in its phase,
 * after syllabot's first reminder). The words come from the course (vocabulary.ts).
 */
export function simulateYear(context: PlanContext, seed: number): DemoYear {
  // One generator for the whole year, drawn in this order: fates, the weeks one by one, the OSS
  // track, then the commit messages' wording. The same seed gives the same year.
  const random = new Random(seed);
  const words = demoVocabulary(context.curriculum);
  const total = context.curriculum.totalWeeks;
  const projects: ProjectSpan[] = plannedProjects(context.curriculum, context.chosen).flatMap((project) => {
    const location = context.config.projects[project.slug];
    if (!location) return [];
    const { repo, path } = location;
    return [
      {
        slug: project.slug,
        repo,
        ...(path ? { folder: path } : {}),
        from: project.weeks.from,
        to: project.weeks.to,
      },
    ];
  });
  const fates = chooseFates(random, total, new Set(projects.map((project) => project.to)));
  const planner = new WeekPlanner(context, random, words, projects, fates);
  for (let week = 1; week <= total; week++) planner.plan(week);
  const { pulls, engagements, lastNumbers } = simulateOss(context, random, total);
  const planned = { sessions: planner.sessions, closedOn: planner.closedOn, fates };
  return { ...assembleYear(context, random, seed, total, planned, pulls, engagements), lastNumbers };
}
