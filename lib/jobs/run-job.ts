import "server-only";
import type { Db } from "@/lib/db/client";
import { appendEvent } from "@/lib/events/store";
import { jobContract } from "@/lib/jobs/contracts";
import { jobHandler } from "@/lib/jobs/handlers";
import { completeJob, failJob, heartbeatJob, jobTopic, type Job } from "@/lib/jobs/queue";
import type { JobContext } from "@/lib/jobs/types";
import { scrubSecrets } from "@/lib/secrets/scrub";

export interface RunJobOptions {
  db: Db;
  workerId: string;
  /** the default lease; a job type may ask for a longer one */
  leaseMs: number;
  /** aborts the handler (worker stopping, Ctrl-C) */
  signal?: AbortSignal;
  log?: (line: string) => void;
}

/**
 * Runs one claimed job to its end: keeps its lease alive, gives the handler its context
 * (events on the job's topic, progress, an abort signal for cancellation, lost lease, timeout
 * or stop), and records the outcome. Used by the worker and by CLI commands that run their
 * own job in-process.
 */
export async function runJob(job: Job, opts: RunJobOptions): Promise<"succeeded" | "lost" | "retry" | "failed" | "cancelled"> {
  const { db } = opts;
  const def = jobContract(job.type);
  const handler = jobHandler(job.type);
  const abort = new AbortController();
  const onStop = () => abort.abort(new Error("worker stopped"));
  opts.signal?.addEventListener("abort", onStop, { once: true });
  const leaseMs = Math.max(opts.leaseMs, def.leaseMs ?? 0);
  if (leaseMs > opts.leaseMs) await heartbeatJob(db, job, leaseMs);
  const timeout = setTimeout(() => abort.abort(new Error(`timed out after ${def.timeoutMs} ms`)), def.timeoutMs);
  const beat = setInterval(async () => {
    const ours = await heartbeatJob(db, job, leaseMs).catch(() => true);
    if (!ours) abort.abort(new Error("job cancelled or lease lost"));
  }, Math.max(200, Math.floor(opts.leaseMs / 3)));
  const topic = jobTopic(job.id);
  const ctx: JobContext<never> = {
    jobId: job.id,
    attempt: job.attempts,
    payload: def.payload.parse(job.payload) as never,
    db,
    signal: abort.signal,
    topic,
    emit: (type, data) => appendEvent(db, topic, type, data).then(() => {}),
    progress: (done, total, message) => appendEvent(db, topic, "progress", { done, total, message: message ?? null }).then(() => {}),
  };
  try {
    await ctx.emit("started", { worker: opts.workerId, attempt: job.attempts });
    const result = await handler.handle(ctx);
    return (await completeJob(db, job, result)) ? "succeeded" : "lost";
  } catch (e) {
    const outcome = await failJob(db, job, abort.signal.aborted ? abort.signal.reason ?? e : e);
    opts.log?.(scrubSecrets(`job ${job.id} (${job.type}) attempt ${job.attempts}: ${outcome}: ${e instanceof Error ? e.message : e}`));
    return outcome;
  } finally {
    clearTimeout(timeout);
    clearInterval(beat);
    opts.signal?.removeEventListener("abort", onStop);
  }
}
