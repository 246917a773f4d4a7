import "server-only";
import type { Db } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { createTrainingJob, prepareResume, type Placement, type TrainingJob } from "@/lib/training/jobs-service";

/** Creates a training job and queues it for a worker (the form's "Launch"). */
export async function launchTrainingJob(db: Db, raw: unknown, placement: Placement): Promise<TrainingJob> {
  const job = await createTrainingJob(db, raw, placement);
  await enqueueJob(db, "training.run", { trainingJobId: job.id, resume: false });
  return job;
}

/** Queues a failed, cancelled or stopped job again, from its last checkpoint. */
export async function resumeTrainingJob(db: Db, id: string): Promise<TrainingJob> {
  const job = await prepareResume(db, id);
  await enqueueJob(db, "training.run", { trainingJobId: id, resume: true });
  return job;
}
