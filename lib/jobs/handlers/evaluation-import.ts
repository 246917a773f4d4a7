import { defineHandler } from "@/lib/jobs/types";
import { runImportedEvaluation } from "@/lib/evals/app/import-evaluation";
import { progressEventData } from "@/lib/evals/app/track-evaluation";

/** Runs the programs of an imported evaluation (generations from another harness) in the sandbox. */
export const evaluationImport = defineHandler("evaluation.import", async ({ payload, db, signal, emit }) => {
  const scores = await runImportedEvaluation(db, payload.evaluationId, {
    signal,
    onProgress: (p) => emit("progress", progressEventData(p)),
  });
  return { rows: scores.length };
});
