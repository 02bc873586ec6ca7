import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { slugify } from "../../src/import/text.js";

describe("ids made from titles", () => {
  it("cuts a long title at a word, never in the middle of one", () => {
    expect(slugify("A very long project name that goes on and on forever")).toBe(
      "a-very-long-project-name-that-goes-on",
    );
    expect(slugify("exactly thirty-nine characters long title")).toBe("exactly-thirty-nine-characters-long");
    // One word most of the length: cut where the schema's limit falls.
    expect(slugify("Supercalifragilisticexpialidociousprojectname")).toBe(
      "supercalifragilisticexpialidociousproje",
    );
    expect(slugify("`csvq` — a CSV query tool")).toBe("csvq-a-csv-query-tool");
  });

  it("is always an id the schema takes: 1 to 39 of a-z, 0-9 and inner hyphens", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 120 }), (title) => {
        const id = slugify(title);
        return id === "x" || /^[a-z0-9](?:[a-z0-9-]{0,37}[a-z0-9])?$/.test(id);
      }),
    );
  });
});
