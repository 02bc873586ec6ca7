import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Temporal } from "temporal-polyfill";
import { localDate } from "../calendar.js";
import { curriculumPathProblem } from "../config/repository-path.js";
import { isBuiltinCurriculum, loadBuiltinCurriculum } from "../curriculum/builtin.js";
import type { Curriculum } from "../curriculum/load.js";
import { UsageError } from "../errors.js";
import {
  answerProblem,
  defaultProjects,
  defaultTimeZone,
  nextMonday,
  ownerFromRemote,
} from "../init/answers.js";
import {
  configText,
  hasRegion,
  INIT_PATHS,
  type InitAnswers,
  readmeText,
  readmeWithRegion,
  workflowText,
} from "../init/scaffold.js";
import { jsonSchemas } from "../json-schemas.js";
import { loadCurriculumFile } from "../setup/local.js";
import type { Io } from "./io.js";
import { runPlan } from "./plan.js";

export interface InitOptions {
  dir?: string;
  learner?: string;
  email?: string[];
  start?: string;
  timezone?: string;
  curriculum?: string;
  choice?: string[];
  projectsOwner?: string;
  project?: string[];
  dsa?: string;
  branch?: string;
  yes?: boolean;
  force?: boolean;
  today?: string;
}

/** Asks one question on the terminal; undefined when the terminal closed (Ctrl-D). */
export type Ask = (question: string) => Promise<string | undefined>;

/** What the folder's git knows: the defaults of the questions. */
interface GitFacts {
  remote?: string;
  email?: string;
  githubUser?: string;
  branch?: string;
}

function git(dir: string, args: string[]): string | undefined {
  try {
    const out = execFileSync("git", ["-C", dir, ...args], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      timeout: 10_000,
    }).trim();
    return out.length > 0 ? out : undefined;
  } catch {
    // No git, not a clone, or the key is unset: the question simply has no default.
    return undefined;
  }
}

function gitFacts(dir: string): GitFacts {
  const branch =
    git(dir, ["symbolic-ref", "--short", "refs/remotes/origin/HEAD"])?.replace(/^origin\//, "") ??
    git(dir, ["symbolic-ref", "--short", "HEAD"]);
  return {
    remote: git(dir, ["config", "--get", "remote.origin.url"]),
    email: git(dir, ["config", "--get", "user.email"]),
    githubUser: git(dir, ["config", "--get", "github.user"]),
    branch,
  };
}

/** A flag's value, checked as the config checks it: a bad one is a usage error naming the flag. */
function checked(flag: string, value: string, problem: string | undefined): string {
  if (problem !== undefined) throw new UsageError(`${flag} "${value}": ${problem}`);
  return value;
}

/** `KEY=VALUE` flags (--choice, --project) as a record. */
function pairs(flag: string, values: readonly string[] | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const value of values ?? []) {
    const at = value.indexOf("=");
    if (at <= 0 || at === value.length - 1) throw new UsageError(`${flag} "${value}": expected KEY=VALUE`);
    result[value.slice(0, at)] = value.slice(at + 1);
  }
  return result;
}

function loadCurriculum(root: string, name: string): Curriculum {
  if (isBuiltinCurriculum(name)) return loadBuiltinCurriculum(name);
  const problem = curriculumPathProblem(name);
  if (problem !== undefined) throw new UsageError(`--curriculum "${name}": ${problem}`);
  return loadCurriculumFile(join(root, name));
}

/**
 * Asks until the answer passes `problem` (an empty answer takes the default, when there is one).
 * Each refusal says why, so the learner is never left guessing the format.
 */
async function askValid(
  ask: Ask,
  io: Io,
  question: string,
  fallback: string | undefined,
  problem: (value: string) => string | undefined,
): Promise<string> {
  for (;;) {
    const shown = fallback === undefined ? "" : ` [${fallback}]`;
    const answer = await ask(`${question}${shown}: `);
    if (answer === undefined) throw new UsageError("init was cancelled: nothing was written");
    const value = answer.trim() || fallback;
    if (value === undefined) {
      io.stderr("  an answer is needed\n");
      continue;
    }
    const refused = problem(value);
    if (refused === undefined) return value;
    io.stderr(`  ${refused}\n`);
  }
}

async function gatherAnswers(
  root: string,
  options: InitOptions,
  facts: GitFacts,
  ask: Ask | undefined,
  io: Io,
  today: Temporal.PlainDate,
): Promise<{ answers: InitAnswers; curriculum: Curriculum }> {
  const flagOrAsk = async (
    flag: string,
    given: string | undefined,
    question: string,
    fallback: string | undefined,
    problem: (value: string) => string | undefined,
  ): Promise<string> => {
    if (given !== undefined) return checked(flag, given, problem(given));
    if (ask) return askValid(ask, io, question, fallback, problem);
    if (fallback === undefined)
      throw new UsageError(`${flag} is needed: no default for it (run init on a terminal to be asked)`);
    return fallback;
  };

  const learner = await flagOrAsk(
    "--learner",
    options.learner,
    "Your GitHub login",
    facts.githubUser ?? ownerFromRemote(facts.remote),
    answerProblem.learner,
  );
  const emails =
    options.email !== undefined
      ? options.email.map((email) => checked("--email", email, answerProblem.email(email)))
      : ask
        ? (
            await askValid(
              ask,
              io,
              "Commit emails that count as you (comma-separated, - for none)",
              facts.email ?? "-",
              (value) =>
                value === "-"
                  ? undefined
                  : value
                      .split(",")
                      .map((email) => answerProblem.email(email.trim()))
                      .find(Boolean),
            )
          )
            .split(",")
            .map((email) => email.trim())
            .filter((email) => email !== "-" && email !== "")
        : facts.email && answerProblem.email(facts.email) === undefined
          ? [facts.email]
          : [];
  const timezone = await flagOrAsk(
    "--timezone",
    options.timezone,
    "Your time zone (IANA name)",
    defaultTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone),
    answerProblem.timezone,
  );
  const start = await flagOrAsk(
    "--start",
    options.start,
    "First day of week 1 (YYYY-MM-DD)",
    nextMonday(today).toString(),
    answerProblem.start,
  );
  let curriculum: Curriculum | undefined;
  const curriculumName = await flagOrAsk(
    "--curriculum",
    options.curriculum,
    "Curriculum (a built-in id, or a YAML file's path in this folder)",
    "rust-systems-1y",
    (value) => {
      try {
        curriculum = loadCurriculum(root, value);
        return undefined;
      } catch (error) {
        if (options.curriculum !== undefined) throw error;
        return (error as Error).message;
      }
    },
  );
  if (curriculum === undefined) curriculum = loadCurriculum(root, curriculumName);
  const loaded = curriculum;

  const choices: Record<string, string> = {};
  const givenChoices = pairs("--choice", options.choice);
  for (const [group, option] of Object.entries(givenChoices)) {
    const optionsOfGroup = loaded.choices.get(group);
    if (!optionsOfGroup)
      throw new UsageError(
        `--choice "${group}=${option}": "${group}" is not a choice group of ${loaded.id} (groups: ${[...loaded.choices.keys()].join(", ") || "none"})`,
      );
    choices[group] = checked("--choice", option, answerProblem.option(option, optionsOfGroup));
  }
  for (const [group, optionsOfGroup] of loaded.choices) {
    if (choices[group] !== undefined || !ask) continue;
    const pick = await askValid(
      ask,
      io,
      `${group}: which option? (${optionsOfGroup.join(" | ")}, or - to decide later)`,
      "-",
      (value) => (value === "-" ? undefined : answerProblem.option(value, optionsOfGroup)),
    );
    if (pick !== "-") choices[group] = pick;
  }

  let projects: Record<string, string> = {};
  if (loaded.projects.length > 0) {
    const owner = await flagOrAsk(
      "--projects-owner",
      options.projectsOwner,
      "Account holding your project repositories (each named by its project's slug)",
      learner,
      answerProblem.owner,
    );
    projects = defaultProjects(loaded, owner);
    const slugs = new Set(loaded.projects.map((project) => project.slug));
    for (const [slug, repository] of Object.entries(pairs("--project", options.project))) {
      if (!slugs.has(slug))
        throw new UsageError(
          `--project "${slug}=${repository}": "${slug}" is not a project of ${loaded.id} (projects: ${[...slugs].join(", ")})`,
        );
      projects[slug] = checked("--project", repository, answerProblem.repository(repository));
    }
  } else if (options.project?.length) {
    throw new UsageError(`--project: the curriculum ${loaded.id} has no projects`);
  }
  const dsa = loaded.tracks.dsa
    ? await flagOrAsk(
        "--dsa",
        options.dsa,
        "Repository of your practice problems",
        `${learner}/dsa`,
        answerProblem.repository,
      )
    : undefined;
  if (!loaded.tracks.dsa && options.dsa !== undefined)
    throw new UsageError(`--dsa: the curriculum ${loaded.id} has no DSA track`);

  return {
    answers: {
      learner,
      emails,
      start,
      timezone,
      curriculum: curriculumName,
      choices,
      projects,
      ...(dsa === undefined ? {} : { dsa }),
    },
    curriculum: loaded,
  };
}

type Outcome = "written" | "overwritten" | "kept" | "extended";

interface PlannedFile {
  path: string;
  text: string;
  outcome: Outcome;
}

/** What would happen to each file; refuses, before writing anything, to overwrite without --force. */
function planFiles(
  root: string,
  answers: InitAnswers,
  curriculum: Curriculum,
  options: InitOptions,
  branch: string,
) {
  const schemas = jsonSchemas();
  const wanted: [string, string][] = [
    [INIT_PATHS.config, configText(answers, curriculum)],
    [INIT_PATHS.schema, schemas["config.schema.json"] as string],
    [INIT_PATHS.workflow, workflowText(answers.timezone, branch)],
  ];
  const files: PlannedFile[] = [];
  const blocked: string[] = [];
  for (const [path, text] of wanted) {
    const target = join(root, path);
    if (!existsSync(target)) files.push({ path, text, outcome: "written" });
    else if (readFileSync(target, "utf8") === text) files.push({ path, text, outcome: "kept" });
    else if (options.force) files.push({ path, text, outcome: "overwritten" });
    else blocked.push(path);
  }
  // The README is the learner's: never replaced, at most given the region at its end.
  const readme = join(root, INIT_PATHS.readme);
  if (!existsSync(readme)) {
    files.push({ path: INIT_PATHS.readme, text: readmeText(answers, curriculum), outcome: "written" });
  } else {
    const existing = readFileSync(readme, "utf8");
    if (hasRegion(existing)) files.push({ path: INIT_PATHS.readme, text: existing, outcome: "kept" });
    else if (options.force)
      files.push({ path: INIT_PATHS.readme, text: readmeWithRegion(existing), outcome: "extended" });
    else blocked.push(`${INIT_PATHS.readme} (it has no syllabot markers: --force adds them at its end)`);
  }
  if (blocked.length > 0)
    throw new UsageError(
      `init writes nothing: these files exist and differ (--force replaces them; the README is only added to):\n${blocked.map((path) => `  ${path}`).join("\n")}`,
    );
  return files;
}

const OUTCOME_TEXT: Record<Outcome, string> = {
  written: "wrote",
  overwritten: "replaced",
  kept: "kept (unchanged)",
  extended: "added the progress region to",
};

/**
 * `syllabot init`: the files a portfolio repository needs, from answers (asked on a terminal, taken
 * from flags otherwise), then the plan of what the first run will create and the next steps.
 */
export async function runInit(options: InitOptions, io: Io, ask: Ask | undefined): Promise<void> {
  const root = resolve(options.dir ?? ".");
  if (!existsSync(root) || !statSync(root).isDirectory())
    throw new UsageError(`--dir "${options.dir}": no such folder`);
  const facts = gitFacts(root);
  const timezoneForToday =
    options.timezone ?? defaultTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
  const today = options.today
    ? Temporal.PlainDate.from(checked("--today", options.today, answerProblem.start(options.today)))
    : localDate(Temporal.Now.instant(), answerProblem.timezone(timezoneForToday) ? "UTC" : timezoneForToday);
  if (ask) io.stdout(`syllabot init: setting up ${root}\nPress Enter to take the default in brackets.\n\n`);
  const { answers, curriculum } = await gatherAnswers(
    root,
    options,
    facts,
    options.yes ? undefined : ask,
    io,
    today,
  );
  const branch = options.branch ?? facts.branch ?? "main";
  const files = planFiles(root, answers, curriculum, options, branch);
  for (const file of files) {
    if (file.outcome === "kept") continue;
    const target = join(root, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
  io.stdout(
    `${ask ? "\n" : ""}${files.map((file) => `${OUTCOME_TEXT[file.outcome]} ${file.path}`).join("\n")}\n\n`,
  );
  runPlan({ config: join(root, INIT_PATHS.config), today: today.toString() }, io);
  io.stdout(
    [
      "",
      "Next steps:",
      `  1. Read ${INIT_PATHS.config} and adjust it (\`syllabot validate ${INIT_PATHS.config}\` checks it).`,
      ...(isBuiltinCurriculum(answers.curriculum)
        ? []
        : [`     ${answers.curriculum}: every field is explained in syllabot's docs/curriculum-guide.md.`]),
      `  2. git add .github ${INIT_PATHS.readme} && git commit -m "Start ${curriculum.title} with syllabot" && git push`,
      "  3. On GitHub, Actions tab: run the syllabot workflow once (or wait for its daily run); it creates",
      "     what the plan above lists. Or install the syllabot GitHub App on this repository instead.",
      "",
    ].join("\n"),
  );
}
