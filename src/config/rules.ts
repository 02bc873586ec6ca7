import type { Curriculum } from "../curriculum/load.js";
import { MAX_REPORTED_PROBLEMS } from "../errors.js";
import type { RuleIssue } from "../yaml/validate.js";
import { closest } from "../yaml/validate.js";
import type { Config } from "./schema.js";

/** Checks of a config against the curriculum it names. */
export function configRuleIssues(
  config: Pick<Config, "capstone" | "projects">,
  curriculum: Curriculum,
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const options = [...curriculum.choices.values()].flat();
  if (config.capstone !== undefined && !options.includes(config.capstone)) {
    const message =
      options.length === 0
        ? `the curriculum "${curriculum.id}" has no capstone options`
        : `"${config.capstone}" is not an option of the curriculum "${curriculum.id}" (expected ${options.join(" | ")})`;
    issues.push({ path: ["capstone"], message });
  }
  const slugs = curriculum.projects.map((project) => project.slug);
  const known = new Set(slugs);
  for (const slug of Object.keys(config.projects)) {
    if (known.has(slug)) continue;
    // A suggestion costs an edit distance per project: only for problems that can be shown.
    const suggestion = issues.length < MAX_REPORTED_PROBLEMS ? closest(slug, slugs) : undefined;
    issues.push({
      path: ["projects", slug],
      atKey: true,
      message: `"${slug}" is not a project of the curriculum "${curriculum.id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ` (projects: ${slugs.join(", ")})`}`,
    });
  }
  return issues;
}

/** The learner's picks, as a set of chosen option slugs. */
export function chosenOptions(config: Config): ReadonlySet<string> {
  return new Set(config.capstone === undefined ? [] : [config.capstone]);
}
