import type { JobNotes } from "@/lib/training/job-notes";

/** What the trainer chose and decided: attention path for packing, the step plan, early stopping. */
export function TrainerNotes({ notes }: { notes: JobNotes }) {
  const { attention, schedule, earlyStop, final } = notes;
  if (!attention && !schedule && !earlyStop) return null;
  return (
    <section className="panel" aria-label="Trainer decisions" data-testid="trainer-notes">
      <ul style={{ margin: 0, paddingLeft: 18 }}>
        {attention ? <li data-testid="trainer-attention">Attention: {attention.message}</li> : null}
        {schedule ? (
          <li data-testid="trainer-schedule">
            Plan: {schedule.samples} samples in {schedule.rows} rows · {schedule.totalSteps} optimizer steps ({schedule.stepsPerEpoch} an epoch) ·
            accumulation {schedule.accumulation} · ≈{Math.round(schedule.samplesPerStep)} samples a step · warm-up {schedule.warmupSteps}
          </li>
        ) : null}
        {schedule?.warnings.map((w) => <li key={w} className="error">Warning: {w}</li>)}
        {earlyStop ? <li data-testid="trainer-early-stop">Early stopping: {earlyStop.message}{final?.bestStep !== undefined ? ` — the final model holds the weights of step ${final.bestStep}.` : ""}</li> : null}
      </ul>
    </section>
  );
}
