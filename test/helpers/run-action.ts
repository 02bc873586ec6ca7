import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import { repoPath } from "./setup.js";

/**
 * The bundled Action, run as GitHub's runner runs it: `node dist/index.js` in the checkout, inputs
 * as INPUT_* variables (action.yml's defaults filled in), outputs and the job summary in files.
 */

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface ActionRunOptions {
  /** INPUT_* values, over action.yml's defaults. */
  inputs: Record<string, string>;
  /** GITHUB_WORKSPACE and the working directory. */
  workspace: string;
  apiUrl: string;
  repo?: string;
  /** More variables of the runner's environment. */
  env?: Record<string, string>;
  /**
   * `dist` (default): the committed bundle, as GitHub runs it. `source`: src/action-main.ts through
   * tsx, for behaviour whose bundle is rebuilt only when the source is released.
   */
  build?: "dist" | "source";
}

/** action.yml's input defaults, as the runner fills them in (expressions such as the token's aside). */
function inputDefaults(): Record<string, string> {
  const action = parse(readFileSync(repoPath("action.yml"), "utf8")) as {
    inputs: Record<string, { default?: string }>;
  };
  return Object.fromEntries(
    Object.entries(action.inputs)
      .filter(([, input]) => input.default !== undefined && !input.default.includes("${{"))
      .map(([name, input]) => [name, String(input.default)]),
  );
}

/** GitHub's name for an input's variable: upper-cased, spaces to underscores, hyphens kept. */
const inputVariable = (name: string) => `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;

export async function runAction(options: ActionRunOptions): Promise<ActionRun> {
  const files = mkdtempSync(join(tmpdir(), "syllabot-runner-"));
  const outputFile = join(files, "output");
  const summaryFile = join(files, "step_summary");
  writeFileSync(outputFile, "");
  writeFileSync(summaryFile, "");
  const given = { ...inputDefaults(), ...options.inputs };
  const env = {
    PATH: process.env.PATH,
    GITHUB_ACTIONS: "true",
    GITHUB_REPOSITORY: options.repo ?? "octocat/portfolio",
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    ...options.env,
    ...Object.fromEntries(Object.entries(given).map(([name, value]) => [inputVariable(name), value])),
  };
  const entry =
    options.build === "source"
      ? [
          "--import",
          pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href,
          repoPath("src/action-main.ts"),
        ]
      : [repoPath("dist/index.js")];
  const child = spawn(process.execPath, entry, {
    cwd: options.workspace,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  const run = {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(outputFile, "utf8")),
    summary: readFileSync(summaryFile, "utf8"),
  };
  rmSync(files, { recursive: true, force: true });
  return run;
}

/** $GITHUB_OUTPUT as @actions/core writes it: `name<<delimiter`, the value, the delimiter. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const match of text.matchAll(/^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm))
    outputs[String(match[1])] = String(match[3]);
  return outputs;
}
