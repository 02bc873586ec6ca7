import { runEmulator } from "@syllabot/github-emulator";
import { Command, CommanderError, Option } from "commander";
import { runApply } from "./commands/apply.js";
import { DEFAULT_DEMO_OUT, runDemo } from "./commands/demo.js";
import { IMPORT_HELP, runImport } from "./commands/import.js";
import { type Io, processIo, redactingIo } from "./commands/io.js";
import { runPlan } from "./commands/plan.js";
import { runRebuild } from "./commands/rebuild.js";
import { runStatus } from "./commands/status.js";
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
    "rewrite the progress README, its pictures and the ledger in one commit (no change, no commit)",
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
    .addHelpText(
      "after",
      '\nThe first line printed is JSON: {"url": …, "token": …}. Point any client at it, e.g.\n  GITHUB_TOKEN=<token> syllabot apply --repo octocat/portfolio --api-url <url> --pace 0\nafter creating the repository with POST <url>/user/repos {"name": "portfolio"}.',
    )
    .exitOverride()
    .action(async (options: { port?: string; state?: string; token?: string }) => {
      const port = options.port === undefined ? undefined : Number(options.port);
      if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
        throw new UsageError(`--port "${options.port}" is not a port number (0–65535)`);
      }
      const emulator = await runEmulator(
        { port, stateFile: options.state, token: options.token },
        unredacted,
      );
      await new Promise<void>((resolve) => emulator.onClose(() => resolve()));
    });

  return program;
}
