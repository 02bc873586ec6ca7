import { describe, expect, it } from "vitest";
import { placeOf } from "./allow-list.js";
import { compareBodies, compareHeaders } from "./compare.js";

describe("comparing a recorded answer with the emulator's", () => {
  it("reports missing and extra fields, other types, other values and other lengths, with where", () => {
    const recorded = { title: "a", state: "open", labels: [{ name: "x" }], body: null, user: { login: "u" } };
    const emulated = { title: "b", labels: [], body: "text", user: { login: "u", extra: 1 } };
    expect(compareBodies(recorded, emulated)).toEqual({
      compared: 7,
      differences: [
        { where: "body /title", kind: "value", recorded: '"a"', emulated: '"b"' },
        { where: "body /state", kind: "missing", recorded: '"open"', emulated: "" },
        { where: "body /labels", kind: "length", recorded: "1", emulated: "0" },
        { where: "body /body", kind: "type", recorded: "null", emulated: "string" },
        { where: "body /user/extra", kind: "extra", recorded: "", emulated: "1" },
      ],
    });
  });

  it("compares only the presence and type of values the recording normalized, and URLs with ids as templates", () => {
    const recorded = {
      id: 1000,
      created_at: "2017-10-10T16:00:00Z",
      comments: 42,
      url: "https://api.github.com/repositories/1000/issues?page=2",
      email: "31898046+octokit-fixture-user-a@users.noreply.github.com",
    };
    const emulated = {
      id: 7,
      created_at: "2026-03-02T10:00:00Z",
      comments: 0,
      url: "https://api.github.com/repositories/7/issues?page=2",
      email: "12+octokit-fixture-user-a@users.noreply.github.com",
    };
    expect(compareBodies(recorded, emulated).differences).toEqual([]);
    expect(compareBodies({ id: 1 }, { id: "1" }).differences).toEqual([
      { where: "body /id", kind: "type", recorded: "number", emulated: "string" },
    ]);
  });

  it("compares the headers a client acts on: content type, Link relations, ETag and rate-limit presence, Location", () => {
    const recorded = {
      "content-type": "application/json; charset=utf-8",
      etag: '"0000"',
      "x-ratelimit-limit": "5000",
      "x-ratelimit-remaining": "4999",
      link: '<https://api.github.com/repositories/1000/issues?page=2>; rel="next", <https://api.github.com/repositories/1000/issues?page=5>; rel="last"',
      "x-github-request-id": "0000",
    };
    const emulated = {
      "content-type": "application/json; charset=utf-8",
      "x-ratelimit-limit": "5000",
      "x-ratelimit-remaining": "12",
      link: '<https://api.github.com/repositories/9/issues?page=3>; rel="next", <https://api.github.com/repositories/9/issues?page=1>; rel="first"',
      location: "https://api.github.com/repos/o/r/issues/1",
    };
    expect(compareHeaders(recorded, emulated).differences).toEqual([
      { where: "header etag", kind: "missing", recorded: "present", emulated: "" },
      {
        where: "header location",
        kind: "extra",
        recorded: "",
        emulated: "https://api.github.com/repos/o/r/issues/1",
      },
      {
        where: "link next",
        kind: "value",
        recorded: "https://api.github.com/repositories/{id}/issues?page=2",
        emulated: "https://api.github.com/repositories/{id}/issues?page=3",
      },
      {
        where: "link last",
        kind: "missing",
        recorded: "https://api.github.com/repositories/{id}/issues?page=5",
        emulated: "",
      },
      {
        where: "link first",
        kind: "extra",
        recorded: "",
        emulated: "https://api.github.com/repositories/{id}/issues?page=1",
      },
    ]);
  });

  it("against a documented example, compares fields and types only: arrays by their first items, null as any type", () => {
    const example = {
      title: "Found a bug",
      labels: [{ name: "bug" }, { name: "x" }],
      milestone: { title: "v1" },
      pin: 1,
    };
    const answer = { title: "Week 1", labels: [{ name: "a", extra: true }], milestone: null, count: "3" };
    expect(compareBodies(example, answer, "shape").differences).toEqual([
      { where: "body /labels/0/extra", kind: "extra", recorded: "", emulated: "true" },
      { where: "body /pin", kind: "missing", recorded: "1", emulated: "" },
      { where: "body /count", kind: "extra", recorded: "", emulated: '"3"' },
    ]);
    expect(compareBodies({ n: 1 }, { n: "1" }, "shape").differences).toEqual([
      { where: "body /n", kind: "type", recorded: "number", emulated: "string" },
    ]);
  });

  it("names a place in the allow-list with array indices as *", () => {
    expect(placeOf("body /items/12/user/login")).toBe("body /items/*/user/login");
    expect(placeOf("body /0")).toBe("body /*");
  });
});
