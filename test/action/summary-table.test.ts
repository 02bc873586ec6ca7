import { describe, expect, it } from "vitest";
import { summaryTable } from "../../src/action/summary.js";
import { failureMessage } from "../../src/action.js";
import { InputError, UsageError } from "../../src/errors.js";
import { GitHubError } from "../../src/github/errors.js";
import type { Operation } from "../../src/model/operations.js";

describe("the Action's job summary table", () => {
  it("has a header and a row per operation: op, kind, key, title, fields changed (with the number of an update)", () => {
    const operations: Operation[] = [
      {
        op: "create",
        kind: "issue",
        key: "week-05",
        title: "Week 5",
        fields: { title: "Week 5", body: "…", labels: [], milestone: null },
      },
      {
        op: "update",
        kind: "milestone",
        key: "phase-2",
        title: "Phase 2",
        number: 2,
        fields: { due_on: "x" },
      },
    ];
    expect(summaryTable(operations)).toEqual([
      ["op", "kind", "key", "title", "fields changed"].map((data) => ({ data, header: true })),
      ["create", "issue", "week-05", "Week 5", "title, body, labels, milestone"],
      ["update", "milestone", "phase-2", "Phase 2", "#2: due_on"],
    ]);
  });

  it("shows titles as text, never as markup", () => {
    const operation: Operation = {
      op: "create",
      kind: "issue",
      key: "week-01",
      title: 'Vec<T> & "Box<dyn Fn>" <script>',
      fields: { title: "Week 1", body: "", labels: [], milestone: null },
    };
    expect(summaryTable([operation])[1]?.[3]).toBe(
      "Vec&lt;T&gt; &amp; &quot;Box&lt;dyn Fn&gt;&quot; &lt;script&gt;",
    );
  });
});

describe("the Action's failure message", () => {
  it("is the CLI's message for bad input, a usage error and a failed request", () => {
    const input = new InputError([{ file: "c.yml", line: 2, column: 3, path: "start", message: "bad" }]);
    expect(failureMessage(input)).toBe("syllabot: 1 problem:\n  c.yml:2:3: start: bad");
    expect(failureMessage(new UsageError("no"))).toBe("syllabot: no");
    const github = new GitHubError({
      status: 401,
      repo: "o/r",
      action: "list labels",
      detail: "Bad credentials",
    });
    expect(failureMessage(github)).toBe(
      "syllabot: GitHub: list labels in o/r failed (HTTP 401): Bad credentials",
    );
  });

  it("names an unexpected error without its stack", () => {
    expect(failureMessage(new TypeError("x is undefined"))).toBe(
      "syllabot: unexpected error: x is undefined",
    );
  });
});
