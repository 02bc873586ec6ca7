import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { webUrlFor } from "../../src/github/web-url.js";

/**
 * One rule gives the web address that links point to, whoever writes them (CLI, Action, app, demo):
 * a server URL when one is told, else the web address that belongs to the API in use.
 */
describe("webUrlFor: the web address of the API in use", () => {
  it.each([
    ["https://api.github.com", "https://github.com"],
    ["https://api.github.com/", "https://github.com"],
    ["HTTPS://API.GitHub.com", "https://github.com"],
    // GitHub Enterprise Server: the API is a folder of the server.
    ["https://ghes.example.com/api/v3", "https://ghes.example.com"],
    ["https://ghes.example.com/api/v3/", "https://ghes.example.com"],
    ["https://ghes.example.com:8443/api/v3", "https://ghes.example.com:8443"],
    ["https://example.com/github/api/v3", "https://example.com/github"],
    // GitHub Enterprise Cloud with data residency: the API is a host of its own.
    ["https://api.octo-corp.ghe.com", "https://octo-corp.ghe.com"],
    ["https://api.octo-corp.ghe.com/", "https://octo-corp.ghe.com"],
    // Anything else (the local emulator, a proxy) serves its pages, if any, on the API's origin.
    ["http://127.0.0.1:4321", "http://127.0.0.1:4321"],
    ["http://127.0.0.1:4321/", "http://127.0.0.1:4321"],
    ["http://localhost:3000/some/prefix", "http://localhost:3000"],
  ])("API %s → web %s", (apiUrl, web) => {
    expect(webUrlFor({ apiUrl })).toBe(web);
  });

  it("takes a told server URL over the API's, without its trailing slashes", () => {
    expect(webUrlFor({ apiUrl: "http://127.0.0.1:4321", serverUrl: "https://github.com/" })).toBe(
      "https://github.com",
    );
    expect(webUrlFor({ apiUrl: "https://api.github.com", serverUrl: "https://GHES.example.com/web//" })).toBe(
      "https://ghes.example.com/web",
    );
  });

  it("does not read an API URL it does not need", () => {
    expect(webUrlFor({ apiUrl: "not a url", serverUrl: "https://github.com" })).toBe("https://github.com");
  });

  it.each([
    [{ apiUrl: "api.github.com" }, 'the API URL "api.github.com" is not an http(s) address'],
    [{ apiUrl: "ftp://example.com" }, 'the API URL "ftp://example.com" is not an http(s) address'],
    [{ apiUrl: "https://api.github.com", serverUrl: "" }, 'the server URL "" is not an http(s) address'],
    [
      { apiUrl: "https://api.github.com", serverUrl: "https://user:secret@ghes.example.com" },
      "the server URL must not carry a user name or password",
    ],
    [
      { apiUrl: "https://api.github.com", serverUrl: "https://ghes.example.com/?x=1" },
      'the server URL "https://ghes.example.com/?x=1" must not carry a query or a fragment',
    ],
  ])("refuses %j, naming what it refuses", (sources, message) => {
    expect(() => webUrlFor(sources)).toThrow(new UsageError(message));
  });

  it("names the option or variable a bad value came from", () => {
    expect(() => webUrlFor({ apiUrl: "nope" }, { apiUrl: "--api-url", serverUrl: "--server-url" })).toThrow(
      '--api-url "nope" is not an http(s) address',
    );
  });
});
