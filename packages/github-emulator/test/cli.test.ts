import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli.js";
import { capture } from "./capture.js";

/** The package's own command, `github-emulator`, as a user starts it (its bin runs the built lib/). */
const bin = fileURLToPath(new URL("../bin/github-emulator.js", import.meta.url));

describe("github-emulator, the command", () => {
  it("serves until SIGTERM on its own, its clock pinned by GITHUB_EMULATOR_NOW", async () => {
    const child = spawn(process.execPath, [bin], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, GITHUB_EMULATOR_NOW: "2026-03-02T04:00:00Z" },
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const [line] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
    const { url, token } = JSON.parse(line) as { url: string; token: string };
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const created = await fetch(`${url}/user/repos`, {
      method: "POST",
      headers: { authorization: `token ${token}` },
      body: JSON.stringify({ name: "portfolio" }),
    });
    expect(await created.json()).toMatchObject({
      full_name: "octocat/portfolio",
      created_at: "2026-03-02T04:00:00Z",
    });
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("prints its usage with --help", async () => {
    const { out, io } = capture();
    expect(await main(["--help"], io, {})).toBe(0);
    expect(out.stdout).toContain("Usage: github-emulator [options]");
    expect(out.stdout).toContain("--clock-offset <duration>");
  });

  it.each([
    [["--port", "http"], '--port "http" is not a port number (0–65535)'],
    [["--now", "2026-03-02"], '--now "2026-03-02" is not an instant (e.g. 2026-03-02T04:00:00Z)'],
    [
      ["--now", "2026-03-02T04:00:00Z", "--clock-offset", "P1D"],
      "--now and --clock-offset cannot be used together",
    ],
    [["--colour"], "Unknown option '--colour'"],
  ])("refuses %j with exit code 2, naming the flag", async (args, message) => {
    const { out, io } = capture();
    expect(await main(args, io, {})).toBe(2);
    expect(out.stderr).toContain(message);
    expect(out.stderr).toContain("Run 'github-emulator --help' for usage.");
    expect(out.stdout).toBe("");
  });

  it("names the environment variable a bad fallback clock came from", async () => {
    const { out, io } = capture();
    expect(await main([], io, { GITHUB_EMULATOR_NOW: "soon" })).toBe(2);
    expect(out.stderr).toContain('GITHUB_EMULATOR_NOW "soon" is not an instant');
  });
});
