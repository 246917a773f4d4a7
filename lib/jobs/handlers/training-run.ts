import { defineHandler } from "@/lib/jobs/types";
import { handleTrainingRun } from "@/lib/training/runner-job";

/** Runs a training job on its backend until it ends (the trainer's own failures are recorded on the job, not retried). */
export const trainingRun = defineHandler("training.run", (ctx) => handleTrainingRun(ctx));
