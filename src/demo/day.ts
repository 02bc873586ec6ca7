import type { Emulator } from "@syllabot/github-emulator";
import type { PortfolioGateway } from "../github/gateway.js";
import { GITHUB_WEB_URL } from "../github/web-url.js";
import type { CommitEvidence } from "../progress/evidence.js";
import type { Portfolio } from "../progress/portfolios.js";
import { trackPush } from "../use-cases/index.js";
import type { DemoDay } from "./learner.js";

/** The demo plays github.com: its emulator's `html_url`s and syllabot's links are github.com's. */
const WEB_URL = GITHUB_WEB_URL;

export interface DayContext {
  emulator: Emulator;
  portfolio: Portfolio;
  gatewayFor: (repo: string) => PortfolioGateway;
  setClock: (instant: number) => void;
}

/**
 * One day: pull requests merged and comments made, as they happen on github.com; the learner's
 * commits pushed once an evening per repository, each push tracked as the app tracks a webhook.
 */
export async function playDay(day: DemoDay, input: DayContext): Promise<void> {
  const { emulator, portfolio } = input;
  const { learner } = portfolio.config;
  const events: { at: number; run: () => Promise<void> | void }[] = [];
  for (const pull of day.pulls) {
    events.push({
      at: Date.parse(pull.mergedAt),
      run: () => {
        emulator.addPullRequest(pull.repo, {
          title: pull.title,
          body: pull.body,
          author: learner,
          labels: pull.labels,
          state: "merged",
          files: pull.files,
          createdAt: pull.createdAt,
          mergedAt: pull.mergedAt,
          closedAt: pull.mergedAt,
        });
      },
    });
  }
  for (const engagement of day.engagements) {
    events.push({
      at: Date.parse(engagement.comment.at),
      run: () => {
        const number = emulator.addIssue(engagement.repo, engagement.issue);
        emulator.addComment(engagement.repo, number, {
          author: learner,
          body: engagement.comment.body,
          createdAt: engagement.comment.at,
        });
      },
    });
  }
  const pushes = new Map<string, CommitEvidence[]>();
  for (const commit of day.commits) {
    const pushed = pushes.get(commit.repo) ?? [];
    pushes.set(commit.repo, pushed);
    events.push({
      at: Date.parse(commit.at),
      run: () => {
        const sha = emulator.addCommit(commit.repo, {
          message: commit.message,
          files: commit.files,
          author: learner,
          date: commit.at,
        });
        pushed.push({
          sha,
          message: commit.message,
          repo: commit.repo,
          url: `${WEB_URL}/${commit.repo}/commit/${sha}`,
          timestamp: commit.at,
          authorLogin: learner,
          authorEmail: portfolio.config.emails[0] ?? null,
        });
      },
    });
  }
  // Each repository is pushed a few minutes after the day's last commit to it.
  for (const [repo, pushed] of pushes) {
    const last = day.commits.filter((commit) => commit.repo === repo).at(-1);
    if (!last) continue;
    events.push({
      at: Date.parse(last.at) + 3 * 60_000,
      run: async () => {
        await trackPush({
          portfolios: async () => [portfolio],
          pushedRepo: repo,
          commits: pushed,
          gatewayFor: input.gatewayFor,
          serverUrl: WEB_URL,
        });
      },
    });
  }
  events.sort((a, b) => a.at - b.at);
  for (const event of events) {
    input.setClock(event.at);
    await event.run();
  }
}
