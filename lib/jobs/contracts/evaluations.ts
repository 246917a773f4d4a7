import { z } from "zod";
import { defineJobContract } from "./define";

/** Runs a stored evaluation; progress goes to the job's event topic (the evaluation page follows it). */
export const evaluationRunContract = defineJobContract({
  name: "evaluation.run",
  description: "Run a benchmark evaluation against a model endpoint",
  payload: z.object({ evaluationId: z.string().min(1) }),
  maxAttempts: 3,
  backoffBaseMs: 5_000,
  timeoutMs: 24 * 3600_000,
});

/** Runs the programs of an imported evaluation (generations from another harness) in the sandbox. */
export const evaluationImportContract = defineJobContract({
  name: "evaluation.import",
  description: "Execute the imported generations of an evaluation and score them",
  payload: z.object({ evaluationId: z.string().min(1) }),
  maxAttempts: 3,
  backoffBaseMs: 5_000,
  timeoutMs: 24 * 3600_000,
});
