import { readFileSync } from "node:fs";
import { type Curriculum, parseCurriculum } from "../../src/curriculum/load.js";
import { importPlan } from "../../src/import/index.js";

export const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

/** Import a text and parse the draft as `syllabot validate` would: it must validate. */
export function importValid(
  text: string,
  source = "plan",
): { curriculum: Curriculum; result: ReturnType<typeof importPlan> } {
  const result = importPlan(text, source);
  if (!result.valid)
    throw new Error(
      `draft does not validate:\n${result.findings
        .filter((f) => f.severity === "error")
        .map((f) => f.message)
        .join("\n")}`,
    );
  return { curriculum: parseCurriculum(result.yaml, source), result };
}
