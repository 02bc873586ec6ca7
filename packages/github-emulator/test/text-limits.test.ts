import { describe, expect, it } from "vitest";
import { useEmulator } from "../src/testing/emulator-handle.js";

const REPO = "octocat/portfolio";
const api = useEmulator();

async function send(path: string, method: string, json: unknown) {
  const response = await api.fetch(`/repos/${REPO}${path}`, { method, json });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const tooLong = (resource: string, field: string, maximum: number) => ({
  message: "Validation Failed",
  errors: [
    { resource, code: "custom", field, message: `${field} is too long (maximum is ${maximum} characters)` },
  ],
});

function scene() {
  api.emulator.createRepo(REPO);
  api.emulator.addIssue(REPO, { title: "a" });
}

describe("GitHub's limits on texts", () => {
  it("refuses a comment over 65,536 characters as GitHub does, and takes one at the limit", async () => {
    scene();
    const refused = await send("/issues/1/comments", "POST", { body: "x".repeat(65_537) });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject(tooLong("IssueComment", "body", 65_536));
    expect((await send("/issues/1/comments", "POST", { body: "x".repeat(65_536) })).status).toBe(201);
    // Characters, as GitHub counts them: 40,000 emoji are 80,000 UTF-16 units but 40,000 characters.
    expect((await send("/issues/1/comments", "POST", { body: "😀".repeat(40_000) })).status).toBe(201);
    const comments = await api.fetch(`/repos/${REPO}/issues/1/comments`);
    expect(((await comments.json()) as unknown[]).length).toBe(2);
  });

  it("refuses an issue title over 256 characters", async () => {
    scene();
    const refused = await send("/issues", "POST", { title: "t".repeat(257) });
    expect(refused.body).toMatchObject(tooLong("Issue", "title", 256));
    const edited = await send("/issues/1", "PATCH", { title: "t".repeat(257) });
    expect(edited.status).toBe(422);
  });

  it("refuses a label name over 50 characters and a description over 100", async () => {
    scene();
    const name = await send("/labels", "POST", { name: "n".repeat(51) });
    expect(name.body).toMatchObject(tooLong("Label", "name", 50));
    const description = await send("/labels", "POST", { name: "ok", description: "d".repeat(101) });
    expect(description.body).toMatchObject(tooLong("Label", "description", 100));
    expect(
      (await send("/labels", "POST", { name: "n".repeat(50), description: "d".repeat(100) })).status,
    ).toBe(201);
    const renamed = await send(`/labels/${"n".repeat(50)}`, "PATCH", { new_name: "m".repeat(51) });
    expect(renamed.body).toMatchObject(tooLong("Label", "name", 50));
  });

  describe("check runs", () => {
    const run = (output: Record<string, unknown>) =>
      send("/check-runs", "POST", {
        name: "syllabot",
        head_sha: "a".repeat(40),
        status: "completed",
        conclusion: "failure",
        output: { title: "t", summary: "s", ...output },
      });

    it("refuses a summary or text over 65,535 characters, as the request's schema does", async () => {
      scene();
      for (const field of ["summary", "text"]) {
        const refused = await run({ [field]: "x".repeat(70_000) });
        expect(refused.status).toBe(422);
        expect(refused.body.message).toBe(
          "Invalid request.\n\nOnly 65535 characters are allowed; 70000 were supplied.",
        );
      }
    });

    it("refuses a summary or text over 65,535 UTF-8 bytes, as the check run does", async () => {
      scene();
      for (const field of ["summary", "text"]) {
        // 30,000 characters: within the schema; 90,000 bytes: over the check run's limit.
        const refused = await run({ [field]: "€".repeat(30_000) });
        expect(refused.status).toBe(422);
        expect(refused.body).toMatchObject({
          message: "Validation Failed",
          errors: [
            {
              resource: "CheckRun",
              code: "custom",
              field,
              message: `${field} exceeds a maximum bytesize of 65535`,
            },
          ],
        });
      }
      expect((await run({ summary: "€".repeat(21_845) })).status).toBe(201);
    });

    it("refuses an annotation message over 64 KB and more than 50 annotations, and a refused update changes nothing", async () => {
      scene();
      const annotation = (message: string) => ({
        path: "a.yml",
        start_line: 1,
        end_line: 1,
        annotation_level: "failure",
        message,
      });
      const big = await run({ annotations: [annotation("m".repeat(64 * 1024 + 1))] });
      expect(big.status).toBe(422);
      const many = await run({ annotations: Array.from({ length: 51 }, () => annotation("m")) });
      expect(many.status).toBe(422);
      const created = await run({ annotations: [annotation("m".repeat(64 * 1024))] });
      expect(created.status).toBe(201);
      const id = Number(created.body.id);
      const refused = await send(`/check-runs/${id}`, "PATCH", {
        conclusion: "success",
        output: { title: "t2", summary: "x".repeat(70_000), annotations: [annotation("m")] },
      });
      expect(refused.status).toBe(422);
      const read = await api.fetch(`/repos/${REPO}/check-runs/${id}`);
      expect(await read.json()).toMatchObject({
        conclusion: "failure",
        output: { title: "t", summary: "s", annotations_count: 1 },
      });
    });
  });
});
