import { redactSecrets } from "../text/redact.js";

/** Where a command writes; the real process streams, or buffers in tests. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colours and in-place progress bars: only on a terminal, and never with NO_COLOR. */
  color: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  env: process.env,
};

/** `io` with every credential redacted from what it prints (see text/redact.ts). */
export function redactingIo(io: Io): Io {
  return {
    ...io,
    stdout: (text) => io.stdout(redactSecrets(text)),
    stderr: (text) => io.stderr(redactSecrets(text)),
  };
}
