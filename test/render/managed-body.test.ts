import { describe, expect, it } from "vitest";
import { keyOf, titleIsOurs, titleMarker } from "../../src/model/markers.js";
import { managedBody, mergeManagedBody } from "../../src/render/managed-body.js";

const desired = managedBody("week-05", "### Work\n\n- [ ] Read\n- [ ] Write\n");

describe("managed bodies", () => {
  it("reads the key from anywhere in a body", () => {
    expect(keyOf(`notes\n${desired}`)).toBe("week-05");
    expect(keyOf("no key here")).toBeUndefined();
    expect(keyOf(null)).toBeUndefined();
  });

  it("is unchanged when nothing differs", () => {
    expect(mergeManagedBody(desired, desired)).toBe(desired);
  });

  it("treats CRLF as no change", () => {
    expect(mergeManagedBody(desired.replace(/\n/g, "\r\n"), desired)).toBe(desired);
  });

  it("keeps text above and below the region byte for byte, and the learner's ticks", () => {
    const actual = `Above\n\n${desired.replace("- [ ] Write", "- [X] Write")}\nBelow ✓\n`;
    const next = managedBody("week-05", "### Work\n\n- [ ] Read\n- [ ] Write\n- [ ] Review\n");
    expect(mergeManagedBody(actual, next)).toBe(
      `Above\n\n${next.replace("- [ ] Write", "- [x] Write")}\nBelow ✓\n`,
    );
  });

  it("drops a tick whose item left the curriculum, and does not tick new items", () => {
    const actual = desired.replace("- [ ] Read", "- [x] Read");
    const next = managedBody("week-05", "### Work\n\n- [ ] Study\n- [ ] Write\n");
    expect(mergeManagedBody(actual, next)).toBe(next);
  });

  it("keeps a learner's note that quotes the markers inline, above or below the region", () => {
    const above = "Note: syllabot writes between `<!-- syllabot:start -->` and `<!-- syllabot:end -->`.\n\n";
    const below = "\nPS: the end marker is `<!-- syllabot:end -->`, the start `<!-- syllabot:start -->`.\n";
    const next = managedBody("week-05", "### Work\n\n- [ ] Read\n");
    expect(mergeManagedBody(`${above}${desired}${below}`, next)).toBe(`${above}${next}${below}`);
  });

  it("puts the region back after the learner's text when they removed the markers", () => {
    expect(mergeManagedBody("<!-- syllabot:key=week-05 -->\nAll mine", desired)).toBe(
      `<!-- syllabot:key=week-05 -->\nAll mine\n${desired.slice(desired.indexOf("<!-- syllabot:start"))}`,
    );
  });

  it("knows a title as its own only while it matches the fingerprint it recorded", () => {
    const body = managedBody("week-05", `${titleMarker("Week 5: Read")}\nx`);
    expect(titleIsOurs(body, "Week 5: Read")).toBe(true);
    expect(titleIsOurs(body, "Week 5, renamed")).toBe(false);
  });
});
