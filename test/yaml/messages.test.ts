import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readableIssueMessage } from "../../src/yaml/messages.js";

/** The readable bounds, on the edges the loaders' own schemas rarely reach. */

const messageOf = (schema: z.ZodType, value: unknown) =>
  schema.safeParse(value, { error: readableIssueMessage }).error?.issues[0]?.message;

describe("readable issue messages", () => {
  it("counts the items of a set", () => {
    expect(messageOf(z.set(z.string()).min(2), new Set(["a"]))).toBe("must list at least 2 items (got 1)");
    expect(messageOf(z.set(z.string()).max(1), new Set(["a", "b"]))).toBe("must list at most 1 item (got 2)");
  });

  it("keeps zod's own words for bounds it does not phrase (dates)", () => {
    const early = messageOf(z.date().min(new Date("2026-01-01")), new Date("2025-01-01"));
    const late = messageOf(z.date().max(new Date("2026-01-01")), new Date("2027-01-01"));
    expect(early).toMatch(/^Too small: expected date/);
    expect(late).toMatch(/^Too big: expected date/);
  });

  it("names a value that is neither a number nor text by its type", () => {
    const issue = { code: "too_small", origin: "number", minimum: 1, inclusive: true, input: null };
    expect(readableIssueMessage(issue as never)).toBe("must be 1 or more (got object)");
  });
});
