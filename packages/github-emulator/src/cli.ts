import { parseArgs } from "node:util";
import {
  type CommandIo,
  type EmulatorCommandOptions,
  offsetClock,
  pinnedClock,
  runEmulator,
} from "./command.js";

/** The command line's flags as typed, before they are checked. */
export interface EmulatorFlags {
  port?: string;
  state?: string;
  token?: string;
  now?: string;
  clockOffset?: string;
}

/** A flag the command cannot use; the message names it and what it expects. */
export class EmulatorUsageError extends Error {}

/**
 * The flags as `runEmulator`'s options: each checked, with a message naming the flag. `fallbackNow`
 * is an instant from the environment (`SYLLABOT_NOW` for syllabot, `GITHUB_EMULATOR_NOW` here),
 * used when neither clock flag is given, so a program and the emulator pinned to it agree.
 */
export function commandOptions(
  flags: EmulatorFlags,
  fallbackNow?: { name: string; value: string | undefined },
): EmulatorCommandOptions {
  const port = flags.port === undefined ? undefined : Number(flags.port);
  if (port !== undefined && !(flags.port?.trim() && Number.isInteger(port) && port >= 0 && port <= 65535)) {
    throw new EmulatorUsageError(`--port "${flags.port}" is not a port number (0–65535)`);
  }
  if (flags.now !== undefined && flags.clockOffset !== undefined) {
    throw new EmulatorUsageError("--now and --clock-offset cannot be used together");
  }
  let now: (() => Date) | undefined;
  try {
    if (flags.clockOffset !== undefined) now = offsetClock(flags.clockOffset, "--clock-offset");
    else if (flags.now !== undefined) now = pinnedClock(flags.now, "--now");
    else if (fallbackNow?.value) now = pinnedClock(fallbackNow.value, fallbackNow.name);
  } catch (error) {
    throw error instanceof RangeError ? new EmulatorUsageError(error.message) : error;
  }
  return {
    ...(port === undefined ? {} : { port }),
    ...(flags.state === undefined ? {} : { stateFile: flags.state }),
    ...(flags.token === undefined ? {} : { token: flags.token }),
    ...(now === undefined ? {} : { now }),
  };
}

export const USAGE = `Usage: github-emulator [options]

Serves a GitHub REST API on 127.0.0.1 until interrupted (SIGINT, SIGTERM). The first line printed is
JSON: {"url": …, "token": …}; point any client at the URL with the token.

Options:
  -p, --port <port>            port to listen on (default: any free port)
  --state <file>               load the state from this file if it exists, save it there on exit
  --token <token>              the token clients must send (default: a random one)
  --now <instant>              pin the clock to an ISO instant, e.g. 2026-03-02T04:00:00Z
                               (default: $GITHUB_EMULATOR_NOW, else the wall clock)
  --clock-offset <duration>    run the clock this ISO 8601 duration ahead (or, with -, behind), e.g. P30D
  -h, --help                   show this help

Example:
  github-emulator --port 3000 &
  curl -H "authorization: token <token>" -d '{"name":"portfolio"}' http://127.0.0.1:3000/user/repos
`;

/**
 * \`github-emulator\`: the package's own command. Resolves to the exit code once the emulator has
 * closed (0), or at once for help (0) and bad flags (2).
 */
export async function main(
  argv: readonly string[],
  io: CommandIo,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  let flags: EmulatorFlags & { help?: boolean };
  try {
    flags = parseArgs({
      args: [...argv],
      options: {
        port: { type: "string", short: "p" },
        state: { type: "string" },
        token: { type: "string" },
        now: { type: "string" },
        "clock-offset": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }).values as EmulatorFlags & { help?: boolean };
    flags.clockOffset = (flags as Record<string, string | undefined>)["clock-offset"];
    if (flags.help) {
      io.stdout(USAGE);
      return 0;
    }
    const options = commandOptions(flags, { name: "GITHUB_EMULATOR_NOW", value: env.GITHUB_EMULATOR_NOW });
    const emulator = await runEmulator(options, io);
    await new Promise<void>((resolve) => emulator.onClose(() => resolve()));
    return 0;
  } catch (error) {
    const usage =
      error instanceof EmulatorUsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    io.stderr(
      `github-emulator: ${(error as Error).message}\n${usage ? "Run 'github-emulator --help' for usage.\n" : ""}`,
    );
    return usage ? 2 : 1;
  }
}
