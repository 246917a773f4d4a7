/**
 * What the trainer said about a job besides its curves: the attention path packing took, the
 * step plan it computed, the best eval so far, where early stopping ended it and which weights
 * became the final model. Folded from the job's events in order (pure; page and stream share it).
 */
export interface JobNotes {
  attention?: { implementation: string; packing: string; message: string };
  schedule?: { samples: number; rows: number; accumulation: number; stepsPerEpoch: number; totalSteps: number; warmupSteps: number; samplesPerStep: number; warnings: string[] };
  best?: { step: number; evalLoss: number };
  earlyStop?: { step: number; bestStep: number; bestEvalLoss: number; message: string };
  final?: { step: number; bestStep?: number; bestEvalLoss?: number };
  /** the trainer's latest phase before metrics: loading_model, preparing_data, reference_logps, first_step */
  phase?: { phase: string; message: string; done?: number; total?: number };
}

export const NOTE_EVENTS = ["attention", "schedule", "best", "early_stop", "final", "phase"] as const;

const num = (v: unknown) => Number(v);

export function applyNote(n: JobNotes, type: string, d: Record<string, unknown>): JobNotes {
  switch (type) {
    case "attention":
      return { ...n, attention: { implementation: String(d.implementation), packing: String(d.packing), message: String(d.message) } };
    case "schedule":
      return {
        ...n,
        schedule: {
          samples: num(d.samples), rows: num(d.rows), accumulation: num(d.accumulation), stepsPerEpoch: num(d.steps_per_epoch), totalSteps: num(d.total_steps),
          warmupSteps: num(d.warmup_steps), samplesPerStep: num(d.samples_per_step), warnings: Array.isArray(d.warnings) ? d.warnings.map(String) : [],
        },
      };
    case "best":
      return { ...n, best: { step: num(d.step), evalLoss: num(d.eval_loss) } };
    case "early_stop":
      return { ...n, earlyStop: { step: num(d.step), bestStep: num(d.best_step), bestEvalLoss: num(d.best_eval_loss), message: String(d.message) } };
    case "final":
      return { ...n, final: { step: num(d.step), ...(d.best_step !== undefined ? { bestStep: num(d.best_step), bestEvalLoss: num(d.best_eval_loss) } : {}) } };
    case "phase":
      return { ...n, phase: { phase: String(d.phase), message: String(d.message), ...(d.total !== undefined ? { done: num(d.done), total: num(d.total) } : {}) } };
    default:
      return n;
  }
}

/** The phase in words, with its progress: "loading Qwen/Qwen2.5-Coder-1.5B", "reference log-probs … (120/800)". */
export function phaseText(p: NonNullable<JobNotes["phase"]>): string {
  return p.total ? `${p.message} (${p.done ?? 0}/${p.total})` : p.message;
}

export function foldNotes(events: { type: string; data: unknown }[]): JobNotes {
  return events.reduce<JobNotes>((n, e) => applyNote(n, e.type, (e.data ?? {}) as Record<string, unknown>), {});
}

export interface StepMark {
  step: number;
  label: string;
  kind: "stop" | "best";
}

/** Vertical marks for the loss chart: where early stopping ended the run and which step's weights won. */
export function lossMarks(n: JobNotes): StepMark[] {
  const marks: StepMark[] = [];
  if (n.earlyStop) marks.push({ step: n.earlyStop.step, label: `early stop (step ${n.earlyStop.step})`, kind: "stop" });
  const best = n.final?.bestStep ?? n.earlyStop?.bestStep ?? n.best?.step;
  if (best !== undefined) {
    const exported = n.final?.bestStep !== undefined;
    marks.push({ step: best, label: exported ? `best eval, exported (step ${best})` : `best eval so far (step ${best})`, kind: "best" });
  }
  return marks;
}
