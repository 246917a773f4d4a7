import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { cancelJob } from "@/lib/jobs/queue";
import type { RunConfig } from "@/lib/domain/run-config";
import { checkRunEndpoints, enqueueGenerationJobs } from "./create-run";
import { appendEndOnce } from "./finish-run";
import { GENERATION_JOB, runTopic, TERMINAL_STATUSES, type RunStatus } from "./ids";

/**
 * Pause, resume and cancel. They change the run's status; a worker running the run sees it
 * within a poll, stops its in-flight steps (nothing half-done is stored) and records the
 * outcome. A queued job of a paused or cancelled run is cancelled; resume queues a new one,
 * which continues from the run's ledger.
 */

async function load(db: Db, id: string) {
  const run = await db.run.findUnique({ where: { id } });
  if (!run) throw new AppError("not_found:run", `No run ${id}`);
  return run;
}

async function jobsOf(db: Db, runId: string) {
  return db.job.findMany({ where: { runId, type: GENERATION_JOB, status: { in: ["queued", "running"] } }, select: { id: true, status: true } });
}

async function cancelQueuedJobs(db: Db, runId: string): Promise<boolean> {
  const jobs = await jobsOf(db, runId);
  for (const j of jobs.filter((j) => j.status === "queued")) await cancelJob(db, j.id);
  return jobs.some((j) => j.status === "running");
}

const statusEvent = (db: Db, runId: string, data: object) => db.event.create({ data: { topic: runTopic(runId), type: "status", data } });

export async function pauseRun(db: Db, id: string) {
  const run = await load(db, id);
  if (run.status === "paused") return run;
  if (TERMINAL_STATUSES.includes(run.status as RunStatus)) throw new AppError("conflict:run", `The run is already ${run.status}.`);
  const { count } = await db.run.updateMany({ where: { id, status: { in: ["queued", "running"] } }, data: { status: "paused" } });
  if (count === 0) return load(db, id);
  const running = await cancelQueuedJobs(db, id);
  // with a worker on it, the worker reports "paused" once its in-flight steps have stopped
  await statusEvent(db, id, { status: running ? "pausing" : "paused" });
  return load(db, id);
}

/** A paused run, or a stalled one (queued or running with no job left, e.g. its job gave up after worker crashes). */
export async function resumeRun(db: Db, id: string) {
  const run = await load(db, id);
  const jobs = await jobsOf(db, id);
  if ((run.status === "queued" || run.status === "running") && jobs.length > 0) return run;
  if (!["paused", "queued", "running"].includes(run.status)) throw new AppError("conflict:run", `Only a paused run can be resumed; this one is ${run.status}.`);
  if (jobs.some((j) => j.status === "running")) throw new AppError("conflict:run", "The run is still pausing (its worker is stopping in-flight steps); try again in a moment.");
  await checkRunEndpoints(db, run.config as unknown as RunConfig, "The run was not resumed"); // a server gone since: said now, the run stays paused
  const { count } = await db.run.updateMany({ where: { id, status: run.status }, data: { status: "queued" } });
  if (count === 1) {
    await statusEvent(db, id, { status: "queued", resumed: true });
    await enqueueGenerationJobs(db, id, (run.config as { shards?: number }).shards ?? 1);
  }
  return load(db, id);
}

export async function cancelRun(db: Db, id: string) {
  const run = await load(db, id);
  if (run.status === "cancelled") return run;
  if (TERMINAL_STATUSES.includes(run.status as RunStatus)) throw new AppError("conflict:run", `The run is already ${run.status}.`);
  const { count } = await db.run.updateMany({ where: { id, status: { in: ["queued", "running", "paused"] } }, data: { status: "cancelled" } });
  if (count === 0) return load(db, id);
  const running = await cancelQueuedJobs(db, id);
  await statusEvent(db, id, { status: running ? "cancelling" : "cancelled" });
  // a running worker writes the end event itself once it has stopped
  if (!running) await appendEndOnce(db, id, { status: "cancelled", error: null, counts: run.counts ?? null });
  return load(db, id);
}
