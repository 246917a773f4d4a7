import type { FailureCauses } from "./failure-causes";
import type { ProgressCounts, RunStreamEvent } from "./run-view";

/**
 * The stages after generation as the run view shows them, from their own events: "verify"
 * (lib/pipeline/verify: stage, verify.progress, verify.done) and "dpo" (lib/pipeline/dpo:
 * stage, dpo.progress, dpo.done); and the bars seed → discuss → verify (→ dpo once a DPO stage
 * has started). Pure.
 */

export interface VerifyProgress {
  /** samples of the run, and those with a verdict */
  total: number;
  done: number;
  /** samples the latest pass took up (0: every sample already had a verdict) */
  checked: number;
  /** of the samples executed by the latest pass */
  passed: number;
  failed: number;
  noTests: number;
  /** passed, but the tests pass a stub of the solution too */
  vacuous: number;
  finished: boolean;
  /** failed steps by cause, and how the stage ended (on its done event) */
  causes: FailureCauses;
  outcome: string | null;
  summary: string | null;
}

export interface DpoProgress {
  queries: number;
  done: number;
  answers: number;
  pairs: number;
  /** queries none of whose answers passed (no chosen) / all of whose answers passed (no rejected) */
  noPassing: number;
  noFailing: number;
  finished: boolean;
  causes: FailureCauses;
  outcome: string | null;
  summary: string | null;
}

export interface StageState {
  verify: VerifyProgress | null;
  dpo: DpoProgress | null;
}

export const NO_STAGES: StageState = { verify: null, dpo: null };

/** Whether verify or DPO has started and not finished. */
export const stageActive = (s: StageState) => (s.verify !== null && !s.verify.finished) || (s.dpo !== null && !s.dpo.finished);

/** The stages as read from a run's snapshot after its event stream ended. */
export interface PolledStages {
  /** the snapshot's last event */
  seq: number;
  /** its newest verify/dpo event */
  stageSeq: number;
  stages: StageState;
}

/**
 * Whether the verify/DPO stages still need reading: a stage was asked for at seq `requested` and
 * has not said anything since, or the newest read (else the stream's own state) shows one under way.
 */
export function stagesPending(requested: number | null, polled: PolledStages | undefined, streamed: StageState): boolean {
  if (requested !== null && (!polled || polled.stageSeq <= requested)) return true;
  return stageActive(polled && polled.stageSeq > 0 ? polled.stages : streamed);
}

export const STAGE_EVENT_TYPES = ["stage", "verify.progress", "verify.done", "dpo.progress", "dpo.done"] as const;

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);
const str = (v: unknown) => (typeof v === "string" ? v : null);
const causes = (v: unknown) => (v && typeof v === "object" ? (v as FailureCauses) : {});
const ended = (d: Record<string, unknown>, finished: boolean) => ({ causes: causes(d.causes), outcome: finished ? str(d.outcome) : null, summary: finished ? str(d.summary) : null });

export function applyStageEvent(s: StageState, e: RunStreamEvent): StageState {
  const d = e.data;
  switch (e.type) {
    case "stage":
      if (d.stage === "verify") return { ...s, verify: { ...(s.verify ?? { total: 0, done: 0, checked: 0, passed: 0, failed: 0, noTests: 0, vacuous: 0, causes: {} }), finished: false, outcome: null, summary: null } };
      if (d.stage === "dpo") return { ...s, dpo: { ...(s.dpo ?? { queries: 0, done: 0, answers: 0, pairs: 0, noPassing: 0, noFailing: 0, causes: {} }), finished: false, outcome: null, summary: null } };
      return s;
    case "verify.progress":
    case "verify.done": {
      const finished = e.type === "verify.done";
      // verify.done carries the pass's counts; every sample has a verdict by then
      return { ...s, verify: { total: num(d.total), done: finished ? num(d.total) : num(d.done), checked: num(d.verified), passed: num(d.passed), failed: num(d.failed), noTests: num(d.noTests), vacuous: num(d.vacuous), finished, ...ended(d, finished) } };
    }
    case "dpo.progress":
    case "dpo.done":
      return { ...s, dpo: { queries: num(d.queries), done: num(d.done), answers: num(d.answers), pairs: num(d.pairs), noPassing: num(d.noPassing), noFailing: num(d.noFailing), finished: e.type === "dpo.done", ...ended(d, e.type === "dpo.done") } };
    default:
      return s;
  }
}

export type StageName = "seed" | "discuss" | "verify" | "dpo";

export interface StageBar {
  stage: StageName;
  done: number;
  total: number;
  pct: number;
  state: "pending" | "active" | "done";
}

function bar(stage: StageName, done: number, total: number, active: boolean, complete: boolean): StageBar {
  return {
    stage,
    done,
    total,
    pct: total > 0 ? Math.min(100, Math.round((100 * done) / total)) : complete ? 100 : 0,
    state: complete ? "done" : active ? "active" : "pending",
  };
}

/** seed: seed-data steps; discuss: discussions; verify: samples with a verdict; dpo: queries sampled and executed. */
export function stageBars(c: ProgressCounts | null, status: string, stages: StageState = NO_STAGES): StageBar[] {
  const generated = status === "succeeded" || status === "completed_with_errors";
  // a paused, cancelled or failed run's generation stage is not under way
  const going = !["paused", "cancelled", "failed"].includes(status);
  const seed = c ? bar("seed", c.seed.done, c.seed.total, going && c.stage === "seed", generated || c.stage !== "seed" || (c.seed.total > 0 && c.seed.done >= c.seed.total)) : bar("seed", 0, 0, false, generated);
  const discuss = c ? bar("discuss", c.discuss.done, c.discuss.total, going && c.stage === "discuss", generated || c.stage === "done") : bar("discuss", 0, 0, false, generated);
  const v = stages.verify;
  const bars = [seed, discuss, v ? bar("verify", v.done, v.total, !v.finished, v.finished) : bar("verify", 0, 0, false, false)];
  const p = stages.dpo;
  if (p) bars.push(bar("dpo", p.done, p.queries, !p.finished, p.finished));
  return bars;
}
