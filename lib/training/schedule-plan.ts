/**
 * The optimizer-step plan, mirrored from trainer/schedule.py so the launch form and
 * `xinstruct train --dry-run` show what the trainer will do: the global batch counts samples (the
 * paper's 1024), accumulation is derived from how many samples a packed row holds, and warm-up
 * longer than WARMUP_WARN_FRACTION of the run is flagged. The shared cases in
 * trainer/tests/schedule_cases.json keep both sides equal.
 */
export const WARMUP_WARN_FRACTION = 0.2;

export interface PlanInput {
  samples: number;
  /** sequences the trainer iterates: packed rows, or one per sample */
  rows: number;
  globalBatch: number;
  micro: number;
  world: number;
  epochs: number;
  maxSteps: number | null;
  warmupSteps: number;
}

export interface StepPlan {
  samples: number;
  rows: number;
  accumulation: number;
  stepsPerEpoch: number;
  totalSteps: number;
  warmupSteps: number;
  samplesPerStep: number;
  warnings: string[];
}

/** Python's round(): halves go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

export function planSteps(i: PlanInput): StepPlan {
  const samples = Math.max(1, i.samples);
  const rows = Math.max(1, i.rows);
  const perProcessStep = i.micro * i.world;
  const accumulation = Math.max(1, roundHalfEven((i.globalBatch * rows) / samples / perProcessStep));
  const microPerEpoch = Math.max(1, Math.ceil(rows / perProcessStep));
  const stepsPerEpoch = Math.max(1, Math.ceil(microPerEpoch / accumulation));
  const totalSteps = i.maxSteps ?? Math.max(1, Math.ceil(i.epochs * stepsPerEpoch));
  const samplesPerStep = (accumulation * perProcessStep * samples) / rows;
  const plan = { samples, rows, accumulation, stepsPerEpoch, totalSteps, warmupSteps: i.warmupSteps, samplesPerStep, warnings: [] as string[] };
  plan.warnings = planWarnings(plan, i.globalBatch, i.micro, i.world);
  return plan;
}

function planWarnings(p: StepPlan, globalBatch: number, micro: number, world: number): string[] {
  const out: string[] = [];
  if (p.warmupSteps >= p.totalSteps) {
    out.push(`warm-up (${p.warmupSteps} steps) is as long as the whole run (${p.totalSteps} optimizer steps): the learning rate never reaches its peak and never decays`);
  } else if (p.warmupSteps > WARMUP_WARN_FRACTION * p.totalSteps) {
    out.push(`warm-up (${p.warmupSteps} steps) is ${((100 * p.warmupSteps) / p.totalSteps).toFixed(0)}% of the run's ${p.totalSteps} optimizer steps (more than ${(100 * WARMUP_WARN_FRACTION).toFixed(0)}%)`);
  }
  if (p.samples < globalBatch) out.push(`the dataset (${p.samples} training samples) is smaller than one global batch (${globalBatch})`);
  else if (Math.abs(p.samplesPerStep - globalBatch) > 0.25 * globalBatch) {
    out.push(`about ${p.samplesPerStep.toFixed(0)} samples per optimizer step instead of ${globalBatch}: micro batch × processes (${micro} × ${world}) does not divide the batch evenly`);
  }
  return out;
}

/** Rows held out for eval, as trainer/data.py's eval_count. */
export function evalCount(rows: number, fraction: number): number {
  if (fraction <= 0 || rows < 2) return 0;
  return Math.min(rows - 1, Math.max(1, roundHalfEven(rows * fraction)));
}
