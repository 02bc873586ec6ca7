import type { Curriculum } from "../curriculum/load.js";
import { MAX_REPORTED_PROBLEMS } from "../errors.js";
import type { RuleIssue } from "../yaml/validate.js";
import { closest } from "../yaml/validate.js";
import type { Config } from "./schema.js";

/** What the checks against the curriculum read of a config (of its well-formed fields, when the schema failed). */
export interface ConfigFacts extends Pick<Config, "capstone" | "choices" | "projects" | "dsa"> {
  /** Whether the file has an `oss:` section: the schema fills one in when it is absent. */
  ossGiven: boolean;
}

/** Checks of a config against the curriculum it names. */
export function configRuleIssues(config: ConfigFacts, curriculum: Curriculum): RuleIssue[] {
  const issues: RuleIssue[] = [...choiceIssues(config, curriculum)];
  const slugs = curriculum.projects.map((project) => project.slug);
  const known = new Set(slugs);
  for (const slug of Object.keys(config.projects)) {
    if (known.has(slug)) continue;
    // A suggestion costs an edit distance per project: only for problems that can be shown.
    const suggestion = issues.length < MAX_REPORTED_PROBLEMS ? closest(slug, slugs) : undefined;
    issues.push({
      path: ["projects", slug],
      atKey: true,
      message:
        slugs.length === 0
          ? `the curriculum "${curriculum.id}" has no projects (to count a repository's commits as your work, list it under \`work_repos:\`)`
          : `"${slug}" is not a project of the curriculum "${curriculum.id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ` (projects: ${slugs.join(", ")})`}`,
    });
  }
  if (config.dsa !== undefined && !curriculum.tracks.dsa)
    issues.push({
      path: ["dsa"],
      message: `the curriculum "${curriculum.id}" has no DSA track (to count this repository's commits as your work, list it under \`work_repos:\`)`,
    });
  if (config.ossGiven && !curriculum.tracks.oss)
    issues.push({
      path: ["oss"],
      atKey: true,
      message: `the curriculum "${curriculum.id}" has no open-source track: nothing would use these settings`,
    });
  return issues;
}

/**
 * The picks: `capstone:` (the one option of any group, kept from when a curriculum could have only
 * one group) and `choices:` (group -> option). Each option must be of its group, and a group picked
 * once.
 */
function choiceIssues(config: ConfigFacts, curriculum: Curriculum): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const groups = [...curriculum.choices.keys()];
  const groupOf = new Map<string, string>();
  for (const [group, options] of curriculum.choices) for (const option of options) groupOf.set(option, group);
  const optionsText = (group: string) => (curriculum.choices.get(group) ?? []).join(" | ");
  if (config.capstone !== undefined && !groupOf.has(config.capstone)) {
    const message =
      groups.length === 0
        ? `the curriculum "${curriculum.id}" has no choice group to pick an option of`
        : `"${config.capstone}" is not an option of the curriculum "${curriculum.id}" (expected ${[...groupOf.keys()].join(" | ")})`;
    issues.push({ path: ["capstone"], message });
  }
  const capstoneGroup = config.capstone === undefined ? undefined : groupOf.get(config.capstone);
  for (const [group, option] of Object.entries(config.choices)) {
    if (!curriculum.choices.has(group)) {
      issues.push({
        path: ["choices", group],
        atKey: true,
        message:
          groups.length === 0
            ? `the curriculum "${curriculum.id}" has no choice groups`
            : `"${group}" is not a choice group of the curriculum "${curriculum.id}" (groups: ${groups.join(", ")})`,
      });
      continue;
    }
    if (groupOf.get(option) !== group)
      issues.push({
        path: ["choices", group],
        message: `"${option}" is not an option of the choice group "${group}" (expected ${optionsText(group)})`,
      });
    else if (capstoneGroup === group && config.capstone !== option)
      issues.push({
        path: ["choices", group],
        message: `the choice group "${group}" is picked twice: \`capstone: ${config.capstone}\` and \`${option}\` here (keep one)`,
      });
  }
  return issues;
}

/** The learner's picks, as a set of chosen option slugs. */
export function chosenOptions(config: Pick<Config, "capstone" | "choices">): ReadonlySet<string> {
  return new Set([
    ...(config.capstone === undefined ? [] : [config.capstone]),
    ...Object.values(config.choices),
  ]);
}
