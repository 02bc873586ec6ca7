import { main } from "../../src/cli.js";

/** Run the CLI in-process, as a user would from a shell, capturing what it prints. */
export async function runCli(argv: readonly string[], env: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    color: false,
    env,
  });
  return { code, stdout, stderr };
}
