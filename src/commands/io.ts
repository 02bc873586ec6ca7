import { redactSecrets } from "../text/redact.js";

/** Where a command writes; the real process streams, or buffers in tests. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colours and in-place progress bars: only on a terminal, and never with NO_COLOR. */
  color: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** Standard input, read whole (for `-` as a file name); absent where there is none to read. */
  stdin?: () => Promise<string>;
}

/** The streams whose reader went away (`syllabot … | head -1`): what is left for them is dropped. */
const closed = new Set<NodeJS.WriteStream>();

function writeTo(stream: NodeJS.WriteStream, text: string): void {
  if (!closed.has(stream)) stream.write(text);
}

export const processIo: Io = {
  stdout: (text) => writeTo(process.stdout, text),
  stderr: (text) => writeTo(process.stderr, text),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  env: process.env,
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
};

/** `io` with every credential redacted from what it prints (see text/redact.ts). */
export function redactingIo(io: Io): Io {
  return {
    ...io,
    stdout: (text) => io.stdout(redactSecrets(text)),
    stderr: (text) => io.stderr(redactSecrets(text)),
  };
}

/**
 * Once, in the entry point: when the reader of stdout or stderr goes away (EPIPE), as `head` does,
 * the command goes on quietly and exits with its own code, as if its output had been read, instead
 * of dying on an unhandled 'error' with a stack trace. Any other stream error still is one.
 */
export function dropOutputOnBrokenPipe(
  streams: readonly NodeJS.WriteStream[] = [process.stdout, process.stderr],
): void {
  for (const stream of streams) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
      closed.add(stream);
    });
  }
}
