import type { Temporal } from "../calendar.js";
import type { PortfolioGateway } from "../github/gateway.js";
import type { ActualIssue } from "../model/actual.js";
import type { PlanContext } from "../model/context.js";
import { installationDate } from "../plan/installation.js";
import type { Ledger } from "../progress/ledger.js";
import { ledgerBars } from "../progress/oss.js";
import { progressReport } from "../progress/report.js";
import type { ProgressReport } from "../progress/report-types.js";
import { nextReminder } from "../remind/policy.js";
import { readManaged, readStoredLedger } from "./reads.js";

export interface ProgressStatus {
  report: ProgressReport;
  /** The next day a reminder would be due if nothing changes. */
  nextReminder?: { phase: number; threshold: string; on: string };
}

/** The progress as the ledger and the issues tell it, and the next reminder: pure, for `status`. */
export function progressStatus(
  context: PlanContext,
  ledger: Ledger,
  issues: readonly ActualIssue[],
  today: Temporal.PlainDate,
  installedOn?: Temporal.PlainDate,
): ProgressStatus {
  const bars = ledgerBars(context, ledger, today);
  const report = progressReport({
    context,
    issues,
    ledger,
    bars,
    today,
    ...(installedOn ? { installedOn } : {}),
  });
  const next = nextReminder(context, bars, today);
  return {
    report,
    ...(next
      ? {
          nextReminder: { phase: next.phase, threshold: next.threshold.id, on: next.threshold.on.toString() },
        }
      : {}),
  };
}

/** `status` for a repository: its issues and ledger read, nothing written. */
export async function readProgress(input: {
  gateway: PortfolioGateway;
  context: PlanContext;
  today: Temporal.PlainDate;
}): Promise<ProgressStatus> {
  const { gateway, context, today } = input;
  const { actual } = await readManaged(gateway, context);
  const ledger = await readStoredLedger(gateway);
  return progressStatus(
    context,
    ledger,
    actual.issues,
    today,
    installationDate(actual, context.calendar.timeZone, today),
  );
}
