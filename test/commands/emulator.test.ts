import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

/** `syllabot emulator --now`: an app and an emulator pinned to the same instant agree on the time. */

describe("syllabot emulator's clock", () => {
  it.each([
    ["--now", ["--now", "2026-03-02T04:00:00Z"], {}],
    ["SYLLABOT_NOW, as the app reads it", [], { SYLLABOT_NOW: "2026-03-02T05:00:00+01:00" }],
  ])("pins the clock from %s", async (_name, args, env) => {
    const script = fileURLToPath(new URL("../helpers/cli-process.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", script, "emulator", ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, SYLLABOT_NOW: "", ...env },
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const [line] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
    const { url, token } = JSON.parse(line) as { url: string; token: string };
    const response = await fetch(`${url}/user/repos`, {
      method: "POST",
      headers: { authorization: `token ${token}` },
      body: JSON.stringify({ name: "portfolio" }),
    });
    expect(await response.json()).toMatchObject({ created_at: "2026-03-02T04:00:00Z" });
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it.each([
    [["--now", "2026-03-02"], {}, '--now "2026-03-02" is not an instant (e.g. 2026-03-02T04:00:00Z)'],
    [
      [],
      { SYLLABOT_NOW: "tomorrow" },
      'SYLLABOT_NOW "tomorrow" is not an instant (e.g. 2026-03-02T04:00:00Z)',
    ],
    [
      ["--clock-offset", "-P1M"],
      {},
      '--clock-offset "-P1M" is not a duration in days, hours, minutes or seconds (e.g. P30D, -PT2H)',
    ],
    [
      ["--now", "2026-03-02T04:00:00Z", "--clock-offset", "P1D"],
      {},
      "--now and --clock-offset cannot be used together",
    ],
  ])("refuses a clock it cannot read (%j %j), naming where it came from", async (args, env, message) => {
    const run = await runCli(["emulator", ...args], env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`syllabot: ${message}`);
  });
});
