import { CURRICULA } from "../generated/assets.js";
import { type Curriculum, parseCurriculum } from "./load.js";

/** Curricula shipped with syllabot, by id (`curriculum/<id>.yaml` in the source tree, embedded at build). */
export const DEFAULT_CURRICULUM_ID = "rust-systems-1y";

export function builtinCurriculumIds(): string[] {
  return Object.keys(CURRICULA)
    .map((name) => name.replace(/\.yaml$/, ""))
    .sort();
}

export function isBuiltinCurriculum(id: string): boolean {
  return Object.hasOwn(CURRICULA, `${id}.yaml`);
}

export function loadBuiltinCurriculum(id: string): Curriculum {
  const text = CURRICULA[`${id}.yaml`];
  if (text === undefined) throw new Error(`no built-in curriculum "${id}"`);
  return parseCurriculum(text, `curriculum/${id}.yaml`);
}
