import { describe, expect, it } from "vitest";
import { foldNotes, lossMarks } from "@/lib/training/job-notes";

describe("job notes from trainer events", () => {
  it("an early-stopped run marks the stop and the exported best step", () => {
    const n = foldNotes([
      { type: "attention", data: { implementation: "sdpa", packing: "block_mask", message: "sdpa: a 4-D block-diagonal causal mask" } },
      { type: "best", data: { step: 4, eval_loss: 2.1 } },
      { type: "best", data: { step: 8, eval_loss: 1.9 } },
      { type: "early_stop", data: { step: 12, best_step: 8, best_eval_loss: 1.9, message: "early stop at step 12" } },
      { type: "final", data: { step: 12, path: "/o/final", best_step: 8, best_eval_loss: 1.9 } },
    ]);
    expect(n.attention?.packing).toBe("block_mask");
    expect(lossMarks(n)).toEqual([
      { step: 12, label: "early stop (step 12)", kind: "stop" },
      { step: 8, label: "best eval, exported (step 8)", kind: "best" },
    ]);
  });

  it("a running job shows the best so far; a run without early stopping has no marks", () => {
    expect(lossMarks(foldNotes([{ type: "best", data: { step: 6, eval_loss: 1 } }]))).toEqual([{ step: 6, label: "best eval so far (step 6)", kind: "best" }]);
    expect(lossMarks(foldNotes([{ type: "final", data: { step: 20, path: "/o/final" } }]))).toEqual([]);
  });

  it("the schedule record keeps the trainer's warnings", () => {
    const n = foldNotes([{ type: "schedule", data: { samples: 95000, rows: 23750, accumulation: 8, steps_per_epoch: 93, total_steps: 279, warmup_steps: 100, samples_per_step: 1024, warnings: ["warm-up (100 steps) is 36% of the run's 279 optimizer steps (more than 20%)"] } }]);
    expect(n.schedule).toMatchObject({ stepsPerEpoch: 93, totalSteps: 279, accumulation: 8 });
    expect(n.schedule?.warnings).toHaveLength(1);
  });
});
