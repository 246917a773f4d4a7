import "server-only";
import type { JobContext } from "@/lib/jobs/types";
import { localPidAlive } from "@/lib/training/backends/local";
import { getTrainingJob, listCheckpoints, setStatus } from "@/lib/training/jobs-service";
import { runTrainingJob } from "@/lib/training/run-training";
import { isActive } from "@/lib/training/topic";

/**
 * The queue handler's body. On a second attempt the previous runner died (its worker or host
 * went away) while the trainer ran: a local trainer still alive is told to checkpoint and stop,
 * and the job is marked failed with its last log lines, ready to resume.
 */
export async function handleTrainingRun(ctx: JobContext<{ trainingJobId: string; resume: boolean }>) {
  const { db, payload } = ctx;
  if (ctx.attempt > 1) {
    const job = await getTrainingJob(db, payload.trainingJobId);
    if (!isActive(job.status)) return { status: job.status };
    const pid = localPidAlive(job.externalId);
    if (pid) process.kill(-pid, "SIGTERM");
    const lines = (job.logTail ?? "").split("\n").slice(-20).join("\n");
    await setStatus(db, job.id, "failed", {
      error: `the runner stopped while the trainer was running (worker or host restarted)${pid ? "; the trainer was told to checkpoint and stop" : ""}. Resume continues from the last checkpoint. Last log lines:\n${lines}`,
    });
    return { status: "failed" };
  }
  // A job put back in the queue by a worker that shut down cleanly has checkpoints: continue from them.
  const resume = payload.resume || (await listCheckpoints(db, payload.trainingJobId)).some((c) => !c.final);
  const job = await runTrainingJob({ db, id: payload.trainingJobId, resume, signal: ctx.signal });
  return { status: job.status };
}
