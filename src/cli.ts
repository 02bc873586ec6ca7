import {
  commandOptions,
  type EmulatorFlags,
  EmulatorUsageError,
  runEmulator,
} from "@syllabot/github-emulator";
import { Command, CommanderError, Option } from "commander";
import { runApply } from "./commands/apply.js";
import { DEFAULT_DEMO_OUT, runDemo } from "./commands/demo.js";
import { IMPORT_HELP, runImport } from "./commands/import.js";
import { runInit } from "./commands/init.js";
import { type Io, processIo, redactingIo } from "./commands/io.js";
import { runPlan } from "./commands/plan.js";
import { runRebuild } from "./commands/rebuild.js";
import { runStatus } from "./commands/status.js";
import { withTerminalAsk } from "./commands/terminal-ask.js";
import { runUseCase, type SingleUseCase } from "./commands/use-case.js";
import { runValidate } from "./commands/validate.js";
import { builtinCurriculumIds, DEFAULT_CURRICULUM_ID } from "./curriculum/builtin.js";
import { InputError, UsageError } from "./errors.js";
import { GitHubError } from "./github/errors.js";
import { registerSecrets } from "./text/redact.js";
import { terminalSafe } from "./text/terminal.js";

export type { Io } from "./commands/io.js";
export { dropOutputOnBrokenPipe } from "./commands/io.js";

const DEFAULT_CONFIG = ".github/syllabot.yml";

/** Run the CLI; resolves to the exit code: 0 ok, 1 invalid input or a failed GitHub request, 2 usage error. */
export async function main(argv: readonly string[], given: Io = processIo): Promise<number> {
  // Whatever a command or a server says, no credential reaches the terminal. The emulator alone
  // prints a token on purpose: the one it made up for its clients.
  registerSecrets(given.env.GITHUB_TOKEN, given.env.GH_TOKEN);
  const io = redactingIo(given);
  const program = buildProgram(io, given);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    // Messages quote input and GitHub's answers: printed without their control characters.
    const printed = (text: string) => terminalSafe(text, { multiline: true });
    if (error instanceof UsageError) {
      io.stderr(`syllabot: ${printed(error.message)}\nRun 'syllabot --help' for usage.\n`);
      return 2;
    }
    if (error instanceof InputError || error instanceof GitHubError) {
      io.stderr(`syllabot: ${printed(error.message)}\n`);
      return 1;
    }
    const detail = io.env.SYLLABOT_DEBUG ? `\n${(error as Error).stack}` : "";
    io.stderr(`syllabot: unexpected error: ${printed(`${(error as Error).message}${detail}`)}\n`);
    return 1;
  }
}

/**
 * `--server-url`, on every command that writes or shows links: one rule for all of them, and for the
 * Action and the app (src/github/web-url.ts).
 */
function serverUrlFlag(): Option {
  return new Option(
    "--server-url <url>",
    "web address of the GitHub server, for links (default $GITHUB_SERVER_URL, else the API's: https://github.com for api.github.com, https://HOST for https://HOST/api/v3)",
  );
}

/** The use cases the Action runs, also as commands of their own: name, description, help note. */
const USE_CASE_COMMANDS: readonly (readonly [SingleUseCase, string, string])[] = [
  [
    "track",
    "close the weeks and projects the learner's commits finish, and record them in the ledger",
    "Reads the project repositories the config names since the newest commit the ledger saw.\nThe token needs Issues and Contents: read and write on the portfolio, and read on the projects.",
  ],
  [
    "refresh",
    "rewrite the progress README, its pictures, the calendar feed and the ledger in one commit (no change, no commit)",
    "Reads the learner's merged open-source pull requests first (one search), as the Action does.\nThe token needs Contents: read and write on the portfolio.",
  ],
  [
    "remind",
    "open or comment on a phase's reminder issue when its open-source bar is unmet near its deadline",
    "The token needs Issues: read and write, and Contents: read and write (the ledger) on the portfolio.",
  ],
];

/** A command that acts on a repository on GitHub: the options `apply`, `track`, `refresh` and `remind` share. */
function repositoryCommand(program: Command, name: string): Command {
  return program
    .command(name)
    .requiredOption("-r, --repo <owner/name>", "the portfolio repository")
    .option("-c, --config <file>", "the learner's config", DEFAULT_CONFIG)
    .option("--curriculum <file>", "a curriculum YAML file, instead of the one the config names")
    .option("--today <date>", "act as if today were this date (YYYY-MM-DD, the learner's time zone)")
    .option(
      "--api-url <url>",
      "REST API root (GitHub Enterprise Server: https://HOST/api/v3; default $GITHUB_API_URL or https://api.github.com)",
    )
    .addOption(serverUrlFlag())
    .exitOverride();
}

/** The emulator's flags as its package checks them; SYLLABOT_NOW pins its clock as it pins the app's. */
function emulatorOptions(flags: EmulatorFlags, env: Io["env"]) {
  try {
    return commandOptions(flags, { name: "SYLLABOT_NOW", value: env.SYLLABOT_NOW });
  } catch (error) {
    throw error instanceof EmulatorUsageError ? new UsageError(error.message) : error;
  }
}

function buildProgram(io: Io, unredacted: Io): Command {
  const program = new Command("syllabot")
    .description("Turn a study curriculum into GitHub milestones and issues, and keep score.")
    .showHelpAfterError("(run 'syllabot --help' for usage)")
    .configureOutput({
      writeOut: io.stdout,
      // Commander quotes the arguments it rejects.
      writeErr: (text) => io.stderr(terminalSafe(text, { multiline: true })),
    })
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
    .addOption(serverUrlFlag())
    .option("--json", "print the plan as JSON (see README: stable format)")
    .addHelpText(
      "after",
      "\nExamples:\n  syllabot plan --config examples/syllabot.yml\n  syllabot plan --today 2026-11-24 --json > plan.json\n  syllabot plan --actual snapshot.json",
    )
    .exitOverride()
    .action((options) => runPlan(options, io));

  repositoryCommand(program, "apply")
    .description(
      "sync the repository: read it, plan, and create or update what differs (token from GITHUB_TOKEN)",
    )
    .option("--dry-run", "read and plan, write nothing")
    .option("--pace <ms>", "minimum milliseconds between writes (GitHub asks for 1000)")
    .option("--json", "print the applied plan as JSON instead of progress")
    .addHelpText(
      "after",
      "\nThe token is read from GITHUB_TOKEN (or GH_TOKEN) and never printed. It needs Issues: read and write\non the repository. A run that is interrupted is finished by running it again: nothing is duplicated.\nLinks point to --server-url: when the Action manages the repository too, give the server it sees\n(its GITHUB_SERVER_URL), or each run rewrites the other's links.\n\nExamples:\n  GITHUB_TOKEN=... syllabot apply --repo octocat/portfolio --dry-run\n  GITHUB_TOKEN=... syllabot apply --repo octocat/portfolio --config .github/syllabot.yml",
    )
    .action((options) => runApply(options, io));

  for (const [name, description, note] of USE_CASE_COMMANDS) {
    repositoryCommand(program, name)
      .description(description)
      .option("--dry-run", "read and plan, write nothing: print every write it would make")
      .option("--pace <ms>", "minimum milliseconds between writes (GitHub asks for 1000)")
      .option("--json", "print the plan and its outcome as JSON")
      .addHelpText(
        "after",
        `\n${note}\nThe token is read from GITHUB_TOKEN (or GH_TOKEN) and never printed.\n\nExamples:\n  GITHUB_TOKEN=... syllabot ${name} --repo octocat/portfolio --dry-run\n  GITHUB_TOKEN=... syllabot ${name} --repo octocat/portfolio --dry-run --json`,
      )
      .action((options) => runUseCase(name, options, io));
  }

  program
    .command("rebuild")
    .description("recompute the ledger (.syllabot/state.json) from the project repositories' histories")
    .requiredOption("-r, --repo <owner/name>", "the portfolio repository")
    .option("-c, --config <file>", "the learner's config", DEFAULT_CONFIG)
    .option("--curriculum <file>", "a curriculum YAML file, instead of the one the config names")
    .option("--api-url <url>", "REST API root (default $GITHUB_API_URL or https://api.github.com)")
    .addOption(serverUrlFlag())
    .option("--pace <ms>", "minimum milliseconds between writes (GitHub asks for 1000)")
    .addHelpText(
      "after",
      "\nThe ledger is a cache of GitHub. Rebuilding reads, from the start of the program, every repository\nthe config names and every one the current ledger recorded (a project's former repository too), and\ngives the same bytes as tracking commit by commit; open-source activity is read again by the next\nrefresh. What it cannot read (a repository gone or hidden from the token, a ledger it cannot parse)\nit names, with what is lost. Token from GITHUB_TOKEN (or GH_TOKEN); it needs Contents: write on the\nportfolio.",
    )
    .exitOverride()
    .action((options) => runRebuild(options, io));

  program
    .command("status")
    .description(
      "print a portfolio's progress: pace, phases, open-source bars and the next reminder (reads only)",
    )
    .option("-r, --repo <owner/name>", "the portfolio repository on GitHub (token from GITHUB_TOKEN)")
    .option("--ledger <file>", "a local ledger (.syllabot/state.json) instead of GitHub: offline")
    .option("-c, --config <file>", "the learner's config", DEFAULT_CONFIG)
    .option("--curriculum <file>", "a curriculum YAML file, instead of the one the config names")
    .option("--today <date>", "as if today were this date (YYYY-MM-DD, the learner's time zone)")
    .option("--api-url <url>", "REST API root (default $GITHUB_API_URL or https://api.github.com)")
    .addOption(serverUrlFlag())
    .option("--json", "print the progress report as JSON")
    .addHelpText(
      "after",
      "\nWith --repo, the issues and the ledger are read from GitHub and nothing is written; with --ledger,\nweeks count as done when a commit claimed them (the issues are not read).\n\nExamples:\n  GITHUB_TOKEN=... syllabot status --repo octocat/portfolio\n  syllabot status --ledger syllabot-demo/.syllabot/state.json --config examples/syllabot.yml --json",
    )
    .exitOverride()
    .action((options) => runStatus(options, io));

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
    .action((files: string[], options) => runValidate(files, options, io));

  const collect = (value: string, previous: string[] = []) => [...previous, value];
  program
    .command("init")
    .description(
      "set up a portfolio repository here: .github/syllabot.yml, the Action's workflow, a README with the progress markers, the config's schema for editors",
    )
    .option("--dir <folder>", "the clone of your portfolio repository (default: the current folder)")
    .option(
      "--learner <login>",
      "your GitHub login (default: git config github.user, else the origin remote's owner)",
    )
    .option(
      "--email <address>",
      "a commit email that counts as you; repeat for more (default: git config user.email)",
      collect,
    )
    .option("--start <date>", "first day of week 1, YYYY-MM-DD (default: the next Monday)")
    .option("--timezone <zone>", "IANA time zone (default: the system's)")
    .option(
      "--curriculum <id-or-path>",
      `a built-in curriculum (${builtinCurriculumIds().join(", ")}) or a YAML file's path in the folder (default: ${DEFAULT_CURRICULUM_ID})`,
    )
    .option(
      "--choice <group=option>",
      "pick an option of a choice group, e.g. capstone=ruleforge; repeat per group (default: decide later)",
      collect,
    )
    .option(
      "--projects-owner <account>",
      "the account holding the project repositories, each named by its slug (default: the learner)",
    )
    .option(
      "--project <slug=owner/name>",
      "a project's repository when it is named otherwise; repeatable",
      collect,
    )
    .option(
      "--dsa <owner/name>",
      "the repository of practice problems, for a curriculum with a DSA track (default: <learner>/dsa)",
    )
    .option(
      "--branch <name>",
      "the default branch the workflow watches (default: origin's, else the current one)",
    )
    .option("-y, --yes", "ask nothing: flags, then defaults")
    .option(
      "--force",
      "replace existing config, schema and workflow files; add the progress markers to an existing README",
    )
    .option(
      "--today <date>",
      "act as if it were this date (YYYY-MM-DD): the default start and the plan shown",
    )
    .addHelpText(
      "after",
      "\nOn a terminal, init asks each question with its default in brackets and checks every answer at once;\notherwise (or with --yes) it takes the flags and the defaults. It never replaces a file without --force,\nand never replaces a README: --force only adds the progress region at its end. It ends by showing\n`syllabot plan` of the result (what the first run will create) and the next steps.\n\nExamples:\n  syllabot init\n  syllabot init --yes --learner octocat --timezone Europe/Berlin --start 2027-01-04 --choice capstone=ruleforge\n  syllabot init --yes --curriculum courses/go-web.yaml --projects-owner my-org",
    )
    .exitOverride()
    .action((options) => withTerminalAsk((ask) => runInit(options, io, options.yes ? undefined : ask)));

  program
    .command("import")
    .description("draft a curriculum YAML from a plan document (Markdown or plain text), offline")
    .argument("<file>", "the plan document; - reads standard input")
    .option("-o, --out <file>", "write the YAML draft to this file (default: standard output)")
    .option("--force", "overwrite the --out file if it exists")
    .option("--report <format>", "the report on standard error: text (default) or json")
    .addHelpText("after", IMPORT_HELP)
    .exitOverride()
    .action((file: string, options) => runImport(file, options, io));

  program
    .command("demo")
    .description(
      "play a simulated learner's year through syllabot against an emulated GitHub, and write the portfolio's README, pictures and an HTML page",
    )
    .option("-o, --out <dir>", "folder to write README.md, .syllabot/ and index.html to", DEFAULT_DEMO_OUT)
    .option(
      "--until <date>",
      "stop on this day of the program (YYYY-MM-DD; default: the day after its last, the finished year)",
    )
    .option("--seed <n>", "seed of the simulated learner (same seed and --until, same files)", "1")
    .option(
      "--curriculum <id>",
      `the built-in curriculum to play (${builtinCurriculumIds().join(", ")}; default ${DEFAULT_CURRICULUM_ID})`,
    )
    .addHelpText(
      "after",
      "\nNo token, network or setup needed: the learner (examples/syllabot.yml for rust-systems-1y, examples/syllabot-go.yml\nfor go-web-services-10w) commits day by day to an in-process GitHub emulator, and syllabot syncs, tracks, refreshes\nand reminds as the app would. Files of an earlier demo in the folder are overwritten; nothing is written outside it.\n\nExamples:\n  syllabot demo\n  syllabot demo --out /tmp/demo --until 2026-09-01 --seed 7\n  syllabot demo --curriculum go-web-services-10w --out /tmp/go-demo",
    )
    .exitOverride()
    .action((options) => runDemo(options, io));

  program
    .command("emulator")
    .description("serve a local GitHub REST API on 127.0.0.1 for demos and tests, until interrupted")
    .option("-p, --port <port>", "port to listen on (default: any free port)")
    .option("--state <file>", "load the emulator's state from this file if it exists, save it there on exit")
    .option("--token <token>", "the token clients must send (default: a random one)")
    .option(
      "--now <instant>",
      "pin the clock to an ISO instant, e.g. 2026-03-02T04:00:00Z (default: SYLLABOT_NOW, as the app reads it, else the wall clock)",
    )
    .option(
      "--clock-offset <duration>",
      "run the clock this ISO 8601 duration ahead of (or, with -, behind) the wall clock, e.g. P30D",
    )
    .addHelpText(
      "after",
      '\nThe first line printed is JSON: {"url": …, "token": …}. Point any client at it, e.g.\n  GITHUB_TOKEN=<token> syllabot apply --repo octocat/portfolio --api-url <url> --pace 0\nafter creating the repository with POST <url>/user/repos {"name": "portfolio"}.',
    )
    .exitOverride()
    .action(async (options: EmulatorFlags) => {
      const emulator = await runEmulator(emulatorOptions(options, io.env), unredacted);
      await new Promise<void>((resolve) => emulator.onClose(() => resolve()));
    });

  return program;
}
