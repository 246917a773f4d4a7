import "server-only";
import { JobCancelledError, UnrecoverableError } from "@/lib/jobs/errors";
import type { JobContext } from "@/lib/jobs/types";
import { localPidAlive } from "@/lib/training/backends/local";
import { getTrainingJob, listCheckpoints, setStatus } from "@/lib/training/jobs-service";
import { errorHeadline } from "@/lib/training/error-headline";
import { runTrainingJob } from "@/lib/training/run-training";
import { isActive } from "@/lib/training/topic";

/**
 * The queue handler's body. On a second attempt the previous runner died (its worker or host
 * went away) while the trainer ran: a local trainer still alive is told to checkpoint and stop,
 * and the job is marked failed with its last log lines, ready to resume. The queue job ends as
 * the training job did (see queueOutcome).
 */
export async function handleTrainingRun(ctx: JobContext<{ trainingJobId: string; resume: boolean }>) {
  const { db, payload } = ctx;
  if (ctx.attempt > 1) {
    const job = await getTrainingJob(db, payload.trainingJobId);
    if (!isActive(job.status)) return queueOutcome(job);
    const pid = localPidAlive(job.externalId);
    if (pid) process.kill(-pid, "SIGTERM");
    const lines = (job.logTail ?? "").split("\n").slice(-20).join("\n");
    const error = `the runner stopped while the trainer was running (worker or host restarted)${pid ? "; the trainer was told to checkpoint and stop" : ""}. Resume continues from the last checkpoint. Last log lines:\n${lines}`;
    await setStatus(db, job.id, "failed", { error });
    return queueOutcome({ id: job.id, status: "failed", error });
  }
  // A job put back in the queue by a worker that shut down cleanly has checkpoints: continue from them.
  const resume = payload.resume || (await listCheckpoints(db, payload.trainingJobId)).some((c) => !c.final);
  const job = await runTrainingJob({ db, id: payload.trainingJobId, resume, signal: ctx.signal });
  return queueOutcome(job);
}

/**
 * A failed training job fails its queue job for good (the trainer's failure is recorded on the
 * training job; another attempt would not help), with the failure's headline as the message; a
 * cancelled one ends it cancelled. "stopped" (checkpointed, resumable) and "succeeded" succeed.
 */
function queueOutcome(job: { id: string; status: string; error: string | null }): { status: string } {
  if (job.status === "failed") throw new UnrecoverableError(`training job ${job.id} failed: ${errorHeadline(job.error ?? "no error recorded")}`);
  if (job.status === "cancelled") throw new JobCancelledError(`training job ${job.id} was cancelled`);
  return { status: job.status };
}
