import "server-only";
import type { Db } from "@/lib/db/client";
import { enqueueAdvance } from "./enqueue-advance";
import { ABLATION_JOB } from "./ids";

/**
 * Called by the queue when a job ends for good. A variant waiting on it (its generation,
 * training or evaluation job) gets its next advance queued. An advance job that ended moved the
 * variant on itself; one that failed for good leaves the variant failed with its error.
 */
export async function advanceAblationsAfterJob(db: Db, job: { id: string; type: string }, status: string, error: string | null): Promise<void> {
  const waiting = await db.ablationVariant.findMany({ where: { jobId: job.id }, select: { id: true } });
  for (const v of waiting) {
    if (job.type !== ABLATION_JOB) await enqueueAdvance(db, v.id);
    else if (status !== "succeeded") {
      await db.ablationVariant.update({ where: { id: v.id }, data: { status: "failed", jobId: null, message: `The ablation step failed: ${error ?? status}. Retry runs it again.` } });
    }
  }
}
