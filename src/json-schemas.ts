import { z } from "zod";
import { configSchema } from "./config/schema.js";
import { curriculumSchema } from "./curriculum/schema.js";

/** JSON Schemas for editors (yaml-language-server), generated from the zod schemas that validate at runtime. */
export function jsonSchemas(): Record<string, string> {
  const render = (schema: z.ZodType, id: string, title: string) =>
    `${JSON.stringify(
      { ...z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }), $id: id, title },
      null,
      2,
    )}\n`;
  return {
    "curriculum/schema.json": render(
      curriculumSchema,
      "https://github.com/syllabot/syllabot/curriculum/schema.json",
      "syllabot curriculum",
    ),
    "config.schema.json": render(
      configSchema,
      "https://github.com/syllabot/syllabot/config.schema.json",
      "syllabot learner config (.github/syllabot.yml)",
    ),
  };
}
