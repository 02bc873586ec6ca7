import { main } from "../../src/cli.js";

/**
 * Run the CLI in-process, as a user would from a shell, capturing what it prints; with `stdin`,
 * what the command reads from standard input.
 */
export async function runCli(
  argv: readonly string[],
  env: Record<string, string> = {},
  options: { stdin?: string } = {},
) {
  let stdout = "";
  let stderr = "";
  const { stdin } = options;
  const code = await main(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    color: false,
    env,
    ...(stdin === undefined ? {} : { stdin: async () => stdin }),
  });
  return { code, stdout, stderr };
}
