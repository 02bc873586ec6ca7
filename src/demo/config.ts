import { checkConfig, curriculumSource, parseConfig } from "../config/load.js";
import type { Config } from "../config/schema.js";
import { loadBuiltinCurriculum } from "../curriculum/builtin.js";
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

/** Where the demo's config sits in the portfolio, and the name its problems are reported under. */
export const DEMO_CONFIG_FILE = ".github/syllabot.yml";

/** The demo's config and its (built-in) curriculum, checked as a portfolio's would be. */
export function demoSetup(text: string = DEMO_CONFIG): { config: Config; curriculum: Curriculum } {
  const loaded = parseConfig(text, DEMO_CONFIG_FILE);
  const source = curriculumSource(loaded);
  if (source.kind !== "builtin") throw new Error("the demo's config must name a built-in curriculum");
  const curriculum = loadBuiltinCurriculum(source.id);
  return { config: checkConfig(loaded, curriculum), curriculum };
}
