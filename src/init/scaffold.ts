import { stringify } from "yaml";
import { CONFIG_PATH } from "../config/paths.js";
import type { Curriculum } from "../curriculum/load.js";
import { REGION_END, REGION_START } from "../render/readme.js";

/** Where syllabot's Action is published: the workflow `init` writes runs this tag's committed dist/. */
export const ACTION_REF = "syllabot/syllabot@v0";

export const INIT_PATHS = {
  config: CONFIG_PATH,
  /** Next to the config, so the config's first-line comment finds it (yaml-language-server). */
  schema: ".github/syllabot.schema.json",
  workflow: ".github/workflows/syllabot.yml",
  readme: "README.md",
} as const;

/** What the learner answered (or the flags said): a config's values, already checked one by one. */
export interface InitAnswers {
  learner: string;
  emails: readonly string[];
  start: string;
  timezone: string;
  /** A built-in id, or a path from the repository's root. */
  curriculum: string;
  /** Choice group -> chosen option; a group left out is decided later. */
  choices: Readonly<Record<string, string>>;
  /** Project slug -> owner/name. */
  projects: Readonly<Record<string, string>>;
  dsa?: string;
}

/** A YAML scalar or flow collection as it would appear after `key: `. */
function yamlValue(value: unknown): string {
  return stringify(value, { collectionStyle: "flow", flowCollectionPadding: false, lineWidth: 0 }).trimEnd();
}

/**
 * `.github/syllabot.yml`, commented: each key says what it is, and every choice left open says what
 * it may be, so the learner edits the file rather than looking the keys up.
 */
export function configText(answers: InitAnswers, curriculum: Curriculum): string {
  const lines = [
    "# yaml-language-server: $schema=./syllabot.schema.json",
    `# syllabot's config for ${curriculum.title}: every key is described in syllabot.schema.json`,
    "# (your editor shows it) and in syllabot's README; `syllabot validate .github/syllabot.yml` checks it.",
    `learner: ${yamlValue(answers.learner)}  # GitHub login whose commits, pull requests and comments count`,
    `emails: ${yamlValue([...answers.emails])}  # commit author emails that also count as you`,
    `start: ${yamlValue(answers.start)}  # first day of week 1`,
    `timezone: ${yamlValue(answers.timezone)}  # weeks and deadlines are days in this zone`,
    `curriculum: ${yamlValue(answers.curriculum)}  # a built-in id, or a YAML file's path from this repository's root`,
  ];
  const groups = [...curriculum.choices];
  const chosen = groups.filter(([group]) => answers.choices[group] !== undefined);
  if (groups.length === 1) {
    const [group, options] = groups[0] as [string, string[]];
    const pick = answers.choices[group];
    lines.push(
      pick === undefined
        ? `# capstone: ${options[0]}  # pick one of ${options.join(" | ")}; until then every option's weeks list its work`
        : `capstone: ${yamlValue(pick)}  # one of ${options.join(" | ")}`,
    );
  } else if (groups.length > 1) {
    lines.push(
      chosen.length === 0
        ? "choices: {}  # choice group -> option; until one is picked, every option's weeks list its work"
        : "choices:  # choice group -> option",
    );
    for (const [group, options] of groups) {
      const pick = answers.choices[group];
      lines.push(
        pick === undefined
          ? `  # ${group}: ${options[0]}  # one of ${options.join(" | ")}`
          : `  ${group}: ${yamlValue(pick)}  # one of ${options.join(" | ")}`,
      );
    }
  }
  const projects = Object.entries(answers.projects);
  if (curriculum.projects.length > 0) {
    lines.push(
      projects.length === 0
        ? "projects: {}  # project slug -> repository (owner/name); projects left out are not tracked"
        : "projects:  # project slug -> repository (owner/name), or {repo: owner/name, path: folder}",
    );
    for (const [slug, repo] of projects) lines.push(`  ${slug}: ${yamlValue(repo)}`);
  } else {
    lines.push("work_repos: []  # repositories whose commits count as your work (close weeks, log hours)");
  }
  if (curriculum.tracks.dsa)
    lines.push(
      answers.dsa === undefined
        ? "# dsa: owner/dsa  # the repository where you commit practice problems"
        : `dsa: ${yamlValue(answers.dsa)}  # where practice problems are committed`,
    );
  if (curriculum.tracks.oss) {
    lines.push(
      "oss:",
      `  # repos: ${yamlValue(curriculum.tracks.oss.targets.map((target) => target.repo))}  # default: the curriculum's targets`,
      "  substantive_min_lines: 20  # changed lines of code that make a merged pull request substantive",
      "reminders:",
      "  lead_days: [21, 7, 2]  # days before a phase's last day to remind you of an unmet open-source bar",
    );
  }
  lines.push(
    "readme: README.md  # the file whose region between syllabot's markers shows your progress",
    "backfill: close  # weeks that ended before today: close | open | skip",
    "issues_ahead: all  # create week issues only N weeks ahead (a number), or all at once",
  );
  return `${lines.join("\n")}\n`;
}

/**
 * The Action's workflow with the least it needs: Issues and Contents on this repository, nothing
 * else, and no `run:` step that could expand an event's text into a shell.
 */
export function workflowText(timeZone: string, branch: string): string {
  return `# syllabot: syncs the curriculum's milestones and issues, closes the weeks your commits finish,
# refreshes the progress README and sends reminders. Daily, on a config change, and by hand.
name: syllabot

on:
  schedule:
    - cron: "17 3 * * *"          # daily at 03:17 UTC (your time zone: ${timeZone})
  push:
    branches: [${branch}]${" ".repeat(Math.max(1, 22 - branch.length))}# the default branch: scheduled runs use its files too
    paths: [.github/syllabot.yml]
  issues:
    types: [closed, reopened]
  workflow_dispatch:              # a "Run workflow" button on the Actions tab

permissions:
  issues: write                   # milestones, labels and issues; closing finished weeks; reminders
  contents: write                 # the commit of the README, pictures, ledger and calendar

concurrency:
  group: syllabot-\${{ github.repository }}
  cancel-in-progress: false       # a run in progress finishes; the next one waits for it

jobs:
  syllabot:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: ${ACTION_REF}
        with:
          config: ${CONFIG_PATH}
          command: all              # sync, track commits, refresh the README, send reminders
`;
}

/** The progress region syllabot rewrites; the rest of the README is the learner's. */
export const README_REGION = `${REGION_START}\nsyllabot writes your progress here on its next run.\n${REGION_END}\n`;

export function readmeText(answers: InitAnswers, curriculum: Curriculum): string {
  return `# ${curriculum.title}\n\nMy portfolio for ${curriculum.title}, started ${answers.start}: each week is an issue, each\nphase a milestone, and the progress below is kept up to date by syllabot.\n\n${README_REGION}`;
}

/** An existing README with the region added at its end, its own text untouched. */
export function readmeWithRegion(existing: string): string {
  const separator =
    existing.length === 0 || existing.endsWith("\n\n") ? "" : existing.endsWith("\n") ? "\n" : "\n\n";
  return `${existing}${separator}## Progress\n\n${README_REGION}`;
}

export function hasRegion(readme: string): boolean {
  return readme.includes(REGION_START) && readme.includes(REGION_END);
}
