import { z } from "zod";
import { defineJobContract } from "./define";

/** Runs a training job on its backend until it ends (the trainer's own failures are recorded on the job, not retried). */
export const trainingRunContract = defineJobContract({
  name: "training.run",
  description: "Launches an SFT/DPO training job (local, SSH or Slurm) and follows it to the end",
  payload: z.object({ trainingJobId: z.string().min(1), resume: z.boolean().default(false) }),
  // A second attempt only happens when the runner died (lease expired): it records that and stops.
  maxAttempts: 2,
  backoffBaseMs: 1_000,
  // setTimeout holds at most 2^31-1 ms (24.8 days); past the limit the trainer checkpoints and the job is "stopped", resumable.
  timeoutMs: 24 * 24 * 3600_000,
});
