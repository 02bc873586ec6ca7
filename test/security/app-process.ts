import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { repoPath } from "../helpers/setup.js";

/**
 * `npm start` as a deployment runs it (the built lib/app-main.js, configured by environment only),
 * with everything it writes captured: Probot's server, its HTTP request log included, which the
 * in-process harness does not have.
 */

export interface AppProcess {
  url: string;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** SIGTERM, and wait until it has exited. */
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export async function startAppProcess(env: Record<string, string>): Promise<AppProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [repoPath("lib/app-main.js")], {
    cwd: repoPath(""),
    env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  // Bounded in tries, not in wall-clock time.
  for (let attempt = 0; ; attempt++) {
    const up = await fetch(`${url}/ping`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    if (attempt >= 600 || child.exitCode !== null) {
      child.kill("SIGTERM");
      throw new Error(`the app did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
