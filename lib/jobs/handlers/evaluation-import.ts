import { z } from "zod";
import { defineJob } from "@/lib/jobs/types";
import { runImportedEvaluation } from "@/lib/evals/app/import-evaluation";
import { progressEventData } from "@/lib/evals/app/track-evaluation";

/** Runs the programs of an imported evaluation (generations from another harness) in the sandbox. */
export const evaluationImport = defineJob({
  name: "evaluation.import",
  description: "Execute the imported generations of an evaluation and score them",
  payload: z.object({ evaluationId: z.string().min(1) }),
  maxAttempts: 3,
  backoffBaseMs: 5_000,
  timeoutMs: 24 * 3600_000,
  async handle({ payload, db, signal, emit }) {
    const scores = await runImportedEvaluation(db, payload.evaluationId, {
      signal,
      onProgress: (p) => emit("progress", progressEventData(p)),
    });
    return { rows: scores.length };
  },
});
