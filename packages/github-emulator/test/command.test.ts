import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { offsetClock, pinnedClock, runEmulator } from "../src/index.js";
import { validateAgainstOpenApi } from "../src/testing/openapi.js";
import { capture } from "./capture.js";

const stateFile = () => join(mkdtempSync(join(tmpdir(), "syllabot-emulator-")), "state.json");

async function createRepo(url: string, token: string, name: string) {
  const response = await fetch(`${url}/user/repos`, {
    method: "POST",
    headers: { authorization: `token ${token}` },
    body: JSON.stringify({ name, auto_init: true }),
  });
  expect(response.status).toBe(201);
}

describe("syllabot emulator", () => {
  it("prints one JSON line with the url and token first", async () => {
    const { out, io } = capture();
    const emulator = await runEmulator({ token: "ghs_given" }, io);
    try {
      const [line, ...rest] = out.stdout.split("\n");
      expect(JSON.parse(line ?? "")).toEqual({ url: emulator.url, token: "ghs_given" });
      expect(rest).toEqual([""]);
      expect(
        (await fetch(`${emulator.url}/user`, { headers: { authorization: "token ghs_given" } })).status,
      ).toBe(200);
    } finally {
      await emulator.close();
    }
  });

  it("saves the state on close and loads it at the next start", async () => {
    const file = stateFile();
    const first = capture();
    const emulator = await runEmulator({ stateFile: file }, first.io);
    await createRepo(emulator.url, emulator.token, "portfolio");
    await emulator.close();
    expect(first.out.stderr).toContain(`emulator state saved to ${file}`);
    expect(JSON.parse(readFileSync(file, "utf8")).repos[0]).toMatchObject({
      owner: "octocat",
      name: "portfolio",
    });

    const restarted = await runEmulator({ stateFile: file }, capture().io);
    try {
      const response = await fetch(`${restarted.url}/repos/octocat/portfolio`, {
        headers: { authorization: `token ${restarted.token}` },
      });
      expect(response.status).toBe(200);
    } finally {
      await restarted.close();
    }
    expect(validateAgainstOpenApi([...emulator.log, ...restarted.log])).toEqual([]);
  });

  it("refuses a state file that is not JSON, naming it", async () => {
    const file = stateFile();
    writeFileSync(file, "{not json");
    await expect(runEmulator({ stateFile: file }, capture().io)).rejects.toThrow(file);
  });

  it.each(["SIGTERM", "SIGINT"] as const)("saves the state and exits on %s", async (signal) => {
    const file = stateFile();
    const script = fileURLToPath(new URL("./fixtures/emulator-process.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", script, file], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const [line] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
    const { url, token } = JSON.parse(line) as { url: string; token: string };
    await createRepo(url, token, "portfolio");
    child.kill(signal);
    expect(await exited).toBe(0);
    expect(stderr).toContain("emulator state saved");
    expect(JSON.parse(readFileSync(file, "utf8")).repos.map((repo: { name: string }) => repo.name)).toEqual([
      "portfolio",
    ]);
  });

  it("runs on a pinned clock, read as the app reads SYLLABOT_NOW", async () => {
    const emulator = await runEmulator(
      { now: pinnedClock("2026-03-02T05:00:00+01:00", "--now") },
      capture().io,
    );
    try {
      const response = await fetch(`${emulator.url}/user/repos`, {
        method: "POST",
        headers: { authorization: `token ${emulator.token}` },
        body: JSON.stringify({ name: "portfolio" }),
      });
      expect(await response.json()).toMatchObject({ created_at: "2026-03-02T04:00:00Z" });
    } finally {
      await emulator.close();
    }
  });

  it("refuses a pinned clock that is not an instant, naming where it came from", () => {
    expect(() => pinnedClock("2026-03-02", "--now")).toThrow(
      new RangeError('--now "2026-03-02" is not an instant (e.g. 2026-03-02T04:00:00Z)'),
    );
  });

  it("runs a clock offset from the wall clock by an ISO 8601 duration, refusing months and years", () => {
    const clock = offsetClock("-P1DT2H", "--clock-offset");
    const expected = Date.now() - 26 * 3_600_000;
    expect(Math.abs(clock().getTime() - expected)).toBeLessThan(60_000);
    expect(() => offsetClock("P1M", "--clock-offset")).toThrow(
      new RangeError(
        '--clock-offset "P1M" is not a duration in days, hours, minutes or seconds (e.g. P30D, -PT2H)',
      ),
    );
  });
});
