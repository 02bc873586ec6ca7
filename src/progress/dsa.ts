import { programMonth, weekSpan } from "../calendar.js";
import type { DsaStage } from "../curriculum/schema.js";
import type { PlanContext } from "../model/context.js";

/** The DSA stage and its weekly target for week `week`: by the program month the week starts in. */
export function dsaTargetFor(
  context: PlanContext,
  week: number,
): { stage: DsaStage; min: number; max: number } | undefined {
  const dsa = context.curriculum.tracks.dsa;
  if (!dsa) return undefined;
  const month = programMonth(context.calendar, weekSpan(context.calendar, week).first);
  const stage = dsa.stages.find(
    (candidate) => candidate.months.from <= month && month <= candidate.months.to,
  );
  return stage ? { stage, min: stage.problems_per_week.min, max: stage.problems_per_week.max } : undefined;
}

/** Solved against the target: met at the target's lower bound. */
export function dsaStatus(solved: number, target: { min: number; max: number }): "met" | "short" {
  return solved >= target.min ? "met" : "short";
}
