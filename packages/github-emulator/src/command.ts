import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { Temporal } from "temporal-polyfill";
import { Emulator } from "./emulator.js";
import type { EmulatorState } from "./state.js";

export interface EmulatorCommandOptions {
  port?: number;
  /** Loaded at start when it exists; written on SIGINT, SIGTERM and close. */
  stateFile?: string;
  token?: string;
  /** The emulator's clock; default the wall clock. `pinnedClock` and `offsetClock` make one from `--now` and `--clock-offset`. */
  now?: () => Date;
}

/**
 * A clock stopped at `instant`, read as the app reads SYLLABOT_NOW (an ISO instant with `Z` or an
 * offset), so that an app and an emulator pinned to the same text agree on the time. A RangeError
 * naming `name` (the flag or variable it came from) when the text is not an instant.
 */
export function pinnedClock(instant: string, name: string): () => Date {
  let milliseconds: number;
  try {
    milliseconds = Temporal.Instant.from(instant).epochMilliseconds;
  } catch {
    throw new RangeError(`${name} "${instant}" is not an instant (e.g. 2026-03-02T04:00:00Z)`);
  }
  return () => new Date(milliseconds);
}

/**
 * The wall clock moved by an ISO 8601 duration (`P30D`, `-PT2H`): a clock that runs, unlike a
 * pinned one, so rate windows roll over and waits end. A RangeError naming `name` when the text is
 * not a duration in days, hours, minutes or seconds (months and years have no fixed length).
 */
export function offsetClock(duration: string, name: string): () => Date {
  let milliseconds: number;
  try {
    milliseconds = Temporal.Duration.from(duration).total({ unit: "milliseconds" });
  } catch {
    throw new RangeError(
      `${name} "${duration}" is not a duration in days, hours, minutes or seconds (e.g. P30D, -PT2H)`,
    );
  }
  return () => new Date(Date.now() + milliseconds);
}

export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

function readState(file: string): EmulatorState | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as EmulatorState;
  } catch (error) {
    if (error instanceof SyntaxError) throw new Error(`${file}: not an emulator state (${error.message})`);
    throw error;
  }
}

/** Writes through a temporary file, so that an interrupted save never leaves half a state behind. */
function writeState(file: string, state: EmulatorState): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state)}\n`);
  renameSync(temporary, file);
}

/**
 * `syllabot emulator`: serves the emulator until SIGINT or SIGTERM. The first line printed is
 * `{"url":…,"token":…}`, so that a script can read where to point its client.
 */
export async function runEmulator(options: EmulatorCommandOptions, io: CommandIo): Promise<Emulator> {
  const { stateFile } = options;
  const state = stateFile === undefined ? undefined : readState(stateFile);
  const emulator = await Emulator.start({
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.token === undefined ? {} : { token: options.token }),
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(state === undefined ? {} : { state }),
  });
  io.stdout(`${JSON.stringify({ url: emulator.url, token: emulator.token })}\n`);
  if (stateFile !== undefined) {
    emulator.onClose((finalState) => {
      writeState(stateFile, finalState);
      io.stderr(`emulator state saved to ${stateFile}\n`);
    });
  }
  const stop = () => {
    emulator.close().catch((error: unknown) => {
      io.stderr(`emulator: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  emulator.onClose(() => {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  });
  return emulator;
}
