import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emptyLedger, serializeLedger } from "../src/progress/ledger.js";
import { EXAMPLE_CONFIG, repoPath } from "./helpers/setup.js";

/**
 * `syllabot … | head -1`: the reader of stdout goes away before the command is done writing. The
 * command exits as it would have (its own code), and prints no EPIPE stack trace. The pipeline is
 * a shell's: `head -c 1` reads one buffer and leaves, `true` leaves before anything is written.
 */
async function intoPipe(argv: readonly string[], reader: "head -c 1" | "true") {
  const quoted = [process.execPath, repoPath("bin/syllabot.js"), ...argv]
    .map((word) => `'${word.replace(/'/g, "'\\''")}'`)
    .join(" ");
  const child = spawn("bash", ["-c", `${quoted} | ${reader} > /dev/null; exit \${PIPESTATUS[0]}`], {
    cwd: repoPath(""),
    env: { PATH: process.env.PATH ?? "" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (exitCode) => resolve(exitCode));
  });
  return { code, stderr };
}

const folder = mkdtempSync(join(tmpdir(), "syllabot-pipe-"));
const ledgerPath = join(folder, "state.json");
writeFileSync(ledgerPath, serializeLedger(emptyLedger()));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("syllabot … | head -1", () => {
  it.each([
    // 118 KB: more than a pipe holds, so the write is still going when head leaves.
    [
      "plan --json | head -c 1",
      ["plan", "--config", EXAMPLE_CONFIG, "--today", "2026-11-24", "--json"],
      "head -c 1",
    ],
    ["plan | true", ["plan", "--config", EXAMPLE_CONFIG, "--today", "2026-03-02"], "true"],
    [
      "status --json | true",
      ["status", "--ledger", ledgerPath, "--config", EXAMPLE_CONFIG, "--today", "2026-03-04", "--json"],
      "true",
    ],
  ] as const)(
    "%s: exits 0 quietly once the reader is gone",
    async (_name, argv, reader) => {
      const run = await intoPipe(argv, reader);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
    },
    120_000,
  );

  it("keeps the command's own exit code", async () => {
    const run = await intoPipe(["validate", EXAMPLE_CONFIG, repoPath("package.json")], "true");
    expect(run.stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(run.code).toBe(1);
  }, 120_000);
});
