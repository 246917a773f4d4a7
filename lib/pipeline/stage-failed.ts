import { AppError } from "@/lib/errors";
import type { StageOutcome } from "@/lib/domain/stage-outcome";

/**
 * A stage (verify, DPO, evaluation) that ran to its end but whose steps mostly failed: its job
 * ends "failed" with the cause in words, and is not retried (what was done is stored; running the
 * stage again continues it).
 */
export class StageFailedError extends AppError {
  constructor(message: string) {
    super("failed:stage", message, { status: 422 });
  }
}

export function assertStageSucceeded(counts: { outcome: StageOutcome; summary: string | null }): void {
  if (counts.outcome === "failed") throw new StageFailedError(counts.summary ?? "The stage failed.");
}
