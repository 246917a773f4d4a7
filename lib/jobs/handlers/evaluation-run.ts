import { defineHandler } from "@/lib/jobs/types";
import { executeEvaluation } from "@/lib/evals/app/execute-evaluation";
import { progressEventData } from "@/lib/evals/app/track-evaluation";

/** Runs a stored evaluation; progress goes to the job's event topic (the evaluation page follows it). */
export const evaluationRun = defineHandler("evaluation.run", async ({ payload, db, signal, emit }) => {
  const scores = await executeEvaluation(db, payload.evaluationId, {
    signal,
    onProgress: (p) => emit("progress", progressEventData(p)),
  });
  return { rows: scores.length };
});
