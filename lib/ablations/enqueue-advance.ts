import "server-only";
import type { Db } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { ABLATION_JOB } from "./ids";

/** Queues the next advance of a variant and makes it the job the variant waits on. Loads only the job contracts (the queue's job-finished hook calls it). */
export async function enqueueAdvance(db: Db, variantId: string): Promise<string> {
  const job = await enqueueJob(db, ABLATION_JOB, { variantId });
  await db.ablationVariant.update({ where: { id: variantId }, data: { jobId: job.id } });
  return job.id;
}
