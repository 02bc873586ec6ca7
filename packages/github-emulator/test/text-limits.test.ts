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
  it("takes a comment of 65,536 characters, emoji counted as one, and refuses one more with GitHub's message", async () => {
    scene();
    expect((await send("/issues/1/comments", "POST", { body: "x".repeat(65_536) })).status).toBe(201);
    expect((await send("/issues/1/comments", "POST", { body: "🌈".repeat(65_536) })).status).toBe(201);
    for (const body of ["x".repeat(65_537), `${"🌈".repeat(65_536)}x`]) {
      const refused = await send("/issues/1/comments", "POST", { body });
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({
        message: "Validation Failed",
        errors: [
          {
            resource: "IssueComment",
            code: "unprocessable",
            field: "data",
            message: "Body is too long (maximum is 65536 characters)",
          },
        ],
      });
    }
    const comments = await api.fetch(`/repos/${REPO}/issues/1/comments`);
    expect(((await comments.json()) as unknown[]).length).toBe(2);
  });

  it("refuses an issue body over 65,536 characters, counted as code points, on creation and on edit", async () => {
    scene();
    const refused = await send("/issues", "POST", { title: "t", body: "b".repeat(65_537) });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject(tooLong("Issue", "body", 65_536));
    expect((await send("/issues/1", "PATCH", { body: "b".repeat(65_537) })).status).toBe(422);
    // 65,536 emoji are 131,072 UTF-16 units but 65,536 characters as GitHub counts them.
    expect((await send("/issues", "POST", { title: "t", body: "😀".repeat(65_536) })).status).toBe(201);
    expect((await send("/issues/1", "PATCH", { body: "b".repeat(65_536) })).status).toBe(200);
    expect((await send("/issues", "POST", { title: "t", body: `${"😀".repeat(65_536)}b` })).status).toBe(422);
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

  describe("repositories", () => {
    const create = (json: Record<string, unknown>) => api.fetch("/user/repos", { method: "POST", json });
    const refusal = (field: string, maximum: number) => ({
      message: "Repository creation failed.",
      errors: [
        {
          resource: "Repository",
          code: "custom",
          field,
          message: `${field} is too long (maximum is ${maximum} characters)`,
        },
      ],
    });

    it("refuses a name over 100 characters, measured after GitHub turns each run of other characters into one hyphen", async () => {
      const refused = await create({ name: "n".repeat(101) });
      expect(refused.status).toBe(422);
      expect(await refused.json()).toMatchObject(refusal("name", 100));
      expect((await create({ name: "n".repeat(100) })).status).toBe(201);
      // 99 letters and 20 accented ones: 119 characters sent, a name of 100 ("…-").
      const accented = await create({ name: `${"a".repeat(99)}${"é".repeat(20)}` });
      expect(accented.status).toBe(201);
      expect(((await accented.json()) as { name: string }).name).toBe(`${"a".repeat(99)}-`);
      const spaced = await create({ name: "my  year of  rust!" });
      expect(((await spaced.json()) as { name: string }).name).toBe("my-year-of-rust-");
    });

    it("refuses a description over 350 characters, and takes 350 emoji", async () => {
      const refused = await create({ name: "portfolio", description: "d".repeat(351) });
      expect(refused.status).toBe(422);
      expect(await refused.json()).toMatchObject(refusal("description", 350));
      expect((await api.fetch("/repos/octocat/portfolio")).status).toBe(404);
      expect((await create({ name: "portfolio", description: "😀".repeat(350) })).status).toBe(201);
    });
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
