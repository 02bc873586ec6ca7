import { redactSecrets } from "../text/redact.js";

const REDACTING = Symbol("syllabot.redacting");

type Write = (chunk: unknown, ...rest: unknown[]) => boolean;

/**
 * From now on, every credential is redacted from what the process writes to `stream`, whoever
 * writes it (@actions/core's commands, Octokit's warnings, a stack trace in the debug log).
 */
export function redactWrites(stream: NodeJS.WriteStream): void {
  const marked = stream as NodeJS.WriteStream & { [REDACTING]?: true };
  if (marked[REDACTING]) return;
  marked[REDACTING] = true;
  const write = stream.write.bind(stream) as Write;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    const text =
      typeof chunk === "string"
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk).toString("utf8")
          : undefined;
    return text === undefined ? write(chunk, ...rest) : write(redactSecrets(text), ...rest);
  }) as NodeJS.WriteStream["write"];
}
