import { rankCauses, type FailureCauses } from "./failure-causes";

/**
 * Whether a run or a stage whose steps partly failed succeeded, and the sentence that says why
 * not. A step is a unit of work that should have produced something: a seed sample, a
 * discussion, a test to write, a DPO answer. Pure.
 *
 *  - no failed step: "succeeded";
 *  - failed steps, but at most FAILED_SHARE of them, and something produced: "completed_with_errors";
 *  - more than FAILED_SHARE failed, or nothing produced at all: "failed".
 */

export const FAILED_SHARE = 0.2;

export type StageOutcome = "succeeded" | "completed_with_errors" | "failed";

export interface OutcomeInput {
  /** what the stage calls its steps, plural ("steps", "answers", "tests to write") */
  noun?: string;
  steps: number;
  failedSteps: number;
  /** rows the stage produced; a stage that had work and produced nothing failed */
  produced: number;
  causes?: FailureCauses | null;
  /** model calls made, for "N of M model calls failed" */
  calls?: number;
}

export interface Judgement {
  outcome: StageOutcome;
  /** null when it succeeded */
  summary: string | null;
}

export function judgeOutcome(i: OutcomeInput): Judgement {
  if (i.failedSteps <= 0) {
    if (i.steps > 0 && i.produced === 0) return { outcome: "failed", summary: `Nothing was produced from ${i.steps} ${i.noun ?? "steps"}.` };
    return { outcome: "succeeded", summary: null };
  }
  const failed = i.produced === 0 || i.failedSteps > FAILED_SHARE * i.steps;
  return { outcome: failed ? "failed" : "completed_with_errors", summary: describeFailures(i) };
}

/** "412 of 420 steps failed (830 of 840 model calls failed): the server rejected response_format (400); 8: …" */
export function describeFailures(i: OutcomeInput): string {
  const ranked = rankCauses(i.causes);
  const head = `${i.failedSteps === i.steps ? `All ${i.steps}` : `${i.failedSteps} of ${i.steps}`} ${i.noun ?? "steps"} failed`;
  const failedCalls = ranked.reduce((n, c) => n + c.calls, 0);
  const calls = i.calls && failedCalls ? ` (${failedCalls} of ${i.calls} model calls failed)` : "";
  if (!ranked.length) return `${head}${calls}.`;
  const [top, ...rest] = ranked.filter((c) => c.steps > 0).length ? ranked.filter((c) => c.steps > 0) : ranked;
  const example = top.example ? ` — e.g. "${top.example.slice(0, 160)}"` : "";
  const others = rest.length ? `; also ${rest.slice(0, 3).map((c) => `${c.steps || c.calls}× ${c.label}`).join(", ")}` : "";
  return `${head}${calls}: ${top.label}${example}${others}.`;
}

export const OUTCOME_LABEL: Record<string, string> = { completed_with_errors: "completed with errors" };
/** A status as people read it ("completed with errors"). */
export const statusLabel = (status: string) => OUTCOME_LABEL[status] ?? status;
