import { z } from "zod";
import { defineJob } from "@/lib/jobs/types";
import { executeEvaluation } from "@/lib/evals/app/execute-evaluation";
import { progressEventData } from "@/lib/evals/app/track-evaluation";

/** Runs a stored evaluation; progress goes to the job's event topic (the evaluation page follows it). */
export const evaluationRun = defineJob({
  name: "evaluation.run",
  description: "Run a benchmark evaluation against a model endpoint",
  payload: z.object({ evaluationId: z.string().min(1) }),
  maxAttempts: 3,
  backoffBaseMs: 5_000,
  timeoutMs: 24 * 3600_000,
  async handle({ payload, db, signal, emit }) {
    const scores = await executeEvaluation(db, payload.evaluationId, {
      signal,
      onProgress: (p) => emit("progress", progressEventData(p)),
    });
    return { rows: scores.length };
  },
});
