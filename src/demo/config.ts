import { checkConfig, curriculumSource, parseConfig } from "../config/load.js";
import type { Config } from "../config/schema.js";
import { DEFAULT_CURRICULUM_ID, isBuiltinCurriculum, loadBuiltinCurriculum } from "../curriculum/builtin.js";
import type { Curriculum } from "../curriculum/load.js";

/**
 * The demo learner's `.github/syllabot.yml`: examples/syllabot.yml, embedded so that `syllabot demo`
 * works from any directory and from the published package (a test keeps the two identical).
 */
export const DEMO_CONFIG = `# .github/syllabot.yml: the learner's configuration, in the portfolio repository.
# The keys below are the contract that the CLI, the app and the Action read. Add keys where a
# feature needs one; do not rename these.
learner: octocat                  # GitHub login whose commits, PRs and issue comments count
emails: [octocat@github.com]      # commit author emails that also count as the learner
start: 2026-03-02                 # first day of week 1 (any weekday)
timezone: Asia/Kolkata            # IANA name; weeks and deadlines are days in this zone
curriculum: rust-systems-1y       # a built-in id, or a path to a YAML file in this repository
capstone: formulaengine            # one of the curriculum's choice group: docforge | formulaengine | ruleforge
projects:                         # project slug -> repository (owner/name); missing ones are not tracked
  csvq: octocat/csvq
  schemaguard: octocat/schemaguard
  logr: octocat/logr
  http-server: octocat/http-server
  airpost: octocat/airpost
  riskbook: octocat/riskbook
  xlsxfmt: octocat/xlsxfmt
  formulaengine: octocat/formulaengine
dsa: octocat/dsa                  # where DSA solutions are committed
oss:
  repos: [qdrant/qdrant, vectordotdev/vector, tikv/tikv]   # default: the curriculum's targets
  substantive_min_lines: 20       # phase 4's "substantive": changes code and at least this many lines
  verdicts: {}                    # e.g. "tikv/tikv#12345": substantive | not-substantive
reminders:
  lead_days: [21, 7, 2]           # days before a phase's last day; plus one on the day after it
readme: README.md                 # the file whose region between syllabot's markers is regenerated
labels:
  prefix: syllabot                # managed labels are "<prefix>", "<prefix>:phase-3", "<prefix>:week", …
backfill: close                   # weeks that ended before installation: close | open | skip
`;

/** examples/syllabot-go.yml, embedded as DEMO_CONFIG is (a test keeps the two identical). */
export const DEMO_CONFIG_GO = `# .github/syllabot.yml for the bundled 10-week Go course (go-web-services-10w): three projects, one
# repository each, no capstone choice, no practice or open-source track.
learner: octocat                  # GitHub login whose commits, PRs and issue comments count
emails: [octocat@github.com]      # commit author emails that also count as the learner
start: 2027-01-04                 # first day of week 1 (any weekday)
timezone: Europe/Berlin           # IANA name; weeks and deadlines are days in this zone
curriculum: go-web-services-10w   # a built-in id, or a path to a YAML file in this repository
projects:                         # project slug -> repository (owner/name); missing ones are not tracked
  linkcheck: octocat/linkcheck
  shorturl: octocat/shorturl
  jobqueue: octocat/jobqueue
readme: README.md                 # the file whose region between syllabot's markers is regenerated
labels:
  prefix: syllabot                # managed labels are "<prefix>", "<prefix>:phase-2", "<prefix>:week", …
backfill: close                   # weeks that ended before installation: close | open | skip
`;

/** The demo's config of each bundled course that has an example config. */
const DEMO_CONFIGS: Readonly<Record<string, string>> = {
  [DEFAULT_CURRICULUM_ID]: DEMO_CONFIG,
  "go-web-services-10w": DEMO_CONFIG_GO,
};

/** Where the demo's config sits in the portfolio, and the name its problems are reported under. */
export const DEMO_CONFIG_FILE = ".github/syllabot.yml";

/**
 * The config the demo plays for the built-in curriculum `id`: its example config, or one made from
 * the course (every project in a repository of its own, the first option of each choice, a DSA
 * repository when the course has that track).
 */
export function demoConfigText(id: string): string {
  const written = DEMO_CONFIGS[id];
  if (written !== undefined) return written;
  if (!isBuiltinCurriculum(id)) throw new Error(`no built-in curriculum "${id}"`);
  return derivedConfig(loadBuiltinCurriculum(id));
}

export function derivedConfig(curriculum: Curriculum): string {
  const chosen = new Map<string, string>();
  for (const project of curriculum.projects) {
    if (project.choice !== undefined && !chosen.has(project.choice)) chosen.set(project.choice, project.slug);
  }
  const planned = curriculum.projects.filter(
    (project) => project.choice === undefined || chosen.get(project.choice) === project.slug,
  );
  const lines = [
    `# A demo learner's .github/syllabot.yml for ${curriculum.id}, made from the course.`,
    "learner: octocat",
    "emails: [octocat@github.com]",
    "start: 2027-01-04",
    "timezone: Europe/Berlin",
    `curriculum: ${curriculum.id}`,
    ...[...chosen.values()].slice(0, 1).map((slug) => `capstone: ${slug}`),
    ...(planned.length > 0
      ? ["projects:", ...planned.map((project) => `  ${project.slug}: octocat/${project.slug}`)]
      : []),
    ...(curriculum.tracks.dsa ? ["dsa: octocat/dsa"] : []),
    "",
  ];
  return lines.join("\n");
}

/** The demo's config and its (built-in) curriculum, checked as a portfolio's would be. */
export function demoSetup(text: string = DEMO_CONFIG): { config: Config; curriculum: Curriculum } {
  const loaded = parseConfig(text, DEMO_CONFIG_FILE);
  const source = curriculumSource(loaded);
  if (source.kind !== "builtin") throw new Error("the demo's config must name a built-in curriculum");
  const curriculum = loadBuiltinCurriculum(source.id);
  return { config: checkConfig(loaded, curriculum), curriculum };
}
