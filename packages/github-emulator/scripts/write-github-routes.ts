import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { renderGithubRoutesModule } from "../src/github-routes.js";

const require = createRequire(import.meta.url);
const version = (require("@octokit/openapi/package.json") as { version: string }).version;
const description = JSON.parse(
  readFileSync(require.resolve("@octokit/openapi/generated/api.github.com.json"), "utf8"),
) as Parameters<typeof renderGithubRoutesModule>[0];
const target = new URL("../src/github-routes.generated.ts", import.meta.url);
writeFileSync(
  target,
  renderGithubRoutesModule(description, `@octokit/openapi ${version} (api.github.com.json)`),
);
process.stdout.write("wrote src/github-routes.generated.ts\n");
