import { writeFileSync } from "node:fs";
import { jsonSchemas } from "../src/json-schemas.js";

for (const [path, text] of Object.entries(jsonSchemas())) {
  writeFileSync(new URL(`../${path}`, import.meta.url), text);
  process.stdout.write(`wrote ${path}\n`);
}
