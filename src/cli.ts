import { Command, CommanderError, Option } from "commander";
import { canonicalTimeZone, localDate, parsePlainDate, Temporal } from "./calendar.js";
import { checkConfig, curriculumLocation, loadConfigFile, loadSetup } from "./config/load.js";
import { loadCurriculumFile, readSource } from "./curriculum/load.js";
import { InputError, UsageError } from "./errors.js";
import { EMPTY_SNAPSHOT, type Snapshot, snapshotSchema } from "./plan/actual.js";
import { planContext } from "./plan/context.js";
import { formatPlan } from "./plan/format.js";
import { plan } from "./plan/index.js";
import { parseYamlSource } from "./yaml/source.js";
import { validateSource } from "./yaml/validate.js";

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  color: boolean;
}

const DEFAULT_CONFIG = ".github/syllabot.yml";
const MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024;

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};

/** Run the CLI; resolves to the exit code: 0 ok, 1 invalid input, 2 usage error. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError) {
      io.stderr(`syllabot: ${error.message}\nRun 'syllabot --help' for usage.\n`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr(`syllabot: ${error.message}\n`);
      return 1;
    }
    const detail = process.env.SYLLABOT_DEBUG ? `\n${(error as Error).stack}` : "";
    io.stderr(`syllabot: unexpected error: ${(error as Error).message}${detail}\n`);
    return 1;
  }
}

function buildProgram(io: Io): Command {
  const program = new Command("syllabot")
    .description("Turn a study curriculum into GitHub milestones and issues, and keep score.")
    .showHelpAfterError("(run 'syllabot --help' for usage)")
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();

  program
    .command("plan")
    .description("print the milestones, labels and issues a sync would create or update (offline)")
    .option("-c, --config <file>", "the learner's config", DEFAULT_CONFIG)
    .option("--curriculum <file>", "a curriculum YAML file, instead of the one the config names")
    .option("--today <date>", "plan as if today were this date (YYYY-MM-DD, the learner's time zone)")
    .option(
      "--actual <file>",
      "JSON snapshot of the repository: {milestones, labels, issues} as the REST API lists them",
    )
    .addOption(
      new Option("--server-url <url>", "web address of the GitHub server, for links").default(
        "https://github.com",
      ),
    )
    .option("--json", "print the plan as JSON (see README: stable format)")
    .addHelpText(
      "after",
      "\nExamples:\n  syllabot plan --config examples/syllabot.yml\n  syllabot plan --today 2026-11-24 --json > plan.json\n  syllabot plan --actual snapshot.json",
    )
    .exitOverride()
    .action((options: PlanOptions) => runPlan(options, io));

  program
    .command("validate")
    .description("check curriculum or config files; a config is also checked against its curriculum")
    .argument("<files...>", "YAML files to check")
    .addOption(
      new Option("--kind <kind>", "what the files are (default: told by their keys)").choices([
        "curriculum",
        "config",
      ]),
    )
    .option("--curriculum <file>", "for a config: check against this curriculum instead of the one it names")
    .exitOverride()
    .action((files: string[], options: ValidateOptions) => runValidate(files, options, io));

  return program;
}

interface PlanOptions {
  config: string;
  curriculum?: string;
  today?: string;
  actual?: string;
  serverUrl: string;
  json?: boolean;
}

function runPlan(options: PlanOptions, io: Io): void {
  const today = options.today === undefined ? undefined : parsePlainDate(options.today);
  if (options.today !== undefined && !today)
    throw new UsageError(`--today "${options.today}" is not a date (YYYY-MM-DD)`);
  const { config, curriculum } = loadSetup(options.config, options.curriculum);
  const context = planContext(config, curriculum, options.serverUrl);
  const snapshot = options.actual ? loadSnapshot(options.actual) : EMPTY_SNAPSHOT;
  const date = today ?? localDate(Temporal.Now.instant(), config.timezone);
  const result = plan(context, snapshot, date);
  if (options.json) {
    io.stdout(`${JSON.stringify({ operations: result.operations, summary: result.summary }, null, 2)}\n`);
    return;
  }
  const target = options.actual ? `against ${options.actual}` : "against an empty repository";
  io.stdout(
    `syllabot plan: ${curriculum.title} (${curriculum.id}) for @${config.learner}, ${target}\n` +
      `start ${config.start} in ${config.timezone}, today ${date}, installed ${result.installedOn}, backfill ${config.backfill}\n\n` +
      `${formatPlan(result.operations, result.summary, io.color)}\n`,
  );
}

function loadSnapshot(path: string): Snapshot {
  return validateSource(snapshotSchema, parseYamlSource(readSource(path), path, MAX_SNAPSHOT_BYTES));
}

interface ValidateOptions {
  kind?: "curriculum" | "config";
  curriculum?: string;
}

function runValidate(files: string[], options: ValidateOptions, io: Io): void {
  const problems: InputError[] = [];
  for (const file of files) {
    try {
      io.stdout(`ok ${file}: ${validateOne(file, options)}\n`);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(error);
    }
  }
  if (problems.length > 0) throw new InputError(problems.flatMap((error) => error.problems));
}

function validateOne(file: string, options: ValidateOptions): string {
  const kind = options.kind ?? guessKind(file);
  if (kind === "curriculum") {
    const curriculum = loadCurriculumFile(file);
    return `curriculum "${curriculum.id}": ${curriculum.phases.length} phases, ${curriculum.totalWeeks} weeks, ${curriculum.projects.length} projects`;
  }
  const loaded = loadConfigFile(file);
  const curriculum = loadCurriculumFile(curriculumLocation(loaded, options.curriculum));
  const config = checkConfig(loaded, curriculum);
  const zone = canonicalTimeZone(config.timezone);
  return `config for @${config.learner}: curriculum "${curriculum.id}", start ${config.start} (${zone})${config.capstone ? `, capstone ${config.capstone}` : ""}`;
}

function guessKind(file: string): "curriculum" | "config" {
  const data = parseYamlSource(readSource(file), file).data;
  if (data && typeof data === "object" && !Array.isArray(data)) {
    if ("phases" in data || "weeks" in data) return "curriculum";
    if ("learner" in data || "start" in data) return "config";
  }
  throw new InputError([
    {
      file,
      path: "",
      message:
        "cannot tell whether this is a curriculum (has `phases`) or a config (has `learner`); use --kind",
    },
  ]);
}
