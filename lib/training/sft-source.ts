import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getTrainingJob, listCheckpoints, storedConfig } from "@/lib/training/jobs-service";
import type { SamplingHost } from "@/lib/training/sampling-plan";

/** A trained model and where it lives: its final folder and the host its job ran on. */
export interface SftSource {
  trainingJobId: string;
  /** the final/ folder the trainer reported (a path on the job's host) */
  model: string;
  host: SamplingHost;
}

/** The model a training job made and its backend settings, so sampling runs where the model is. */
export async function sftSourceOf(db: Db, trainingJobId: string): Promise<SftSource> {
  const job = await getTrainingJob(db, trainingJobId);
  const model = (await listCheckpoints(db, trainingJobId)).find((c) => c.final)?.path;
  if (!model) throw new AppError("conflict:training_job", `Training job ${trainingJobId} has no final model (it is ${job.status}); sample it once it has succeeded.`);
  const { train } = storedConfig(job);
  return { trainingJobId, model, host: { backend: train.backend, python: train.python, ssh: train.ssh, slurm: train.slurm, resources: train.resources } };
}
