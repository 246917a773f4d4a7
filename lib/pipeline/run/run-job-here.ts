import "server-only";
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { failJob, type Job } from "@/lib/jobs/queue";
import { runJob } from "@/lib/jobs/run-job";
import { sleep } from "@/lib/domain/sleep";

/**
 * Runs one given job in this process, as a worker would (lease, heartbeats, fencing, retries
 * with backoff), and nothing else: `xinstruct generate` uses it to run its own run headless
 * without picking up other queued work. When another worker holds the job, it waits for it.
 */

export interface RunJobHereOptions {
  leaseMs: number;
  signal?: AbortSignal;
  pollMs?: number;
  log?: (line: string) => void;
}

const TERMINAL = ["succeeded", "failed", "cancelled"];

export async function runJobHere(db: Db, jobId: string, opts: RunJobHereOptions): Promise<Job> {
  const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}:here`;
  for (;;) {
    const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
    if (TERMINAL.includes(job.status) || opts.signal?.aborted) return job;
    const now = new Date();
    const free = (job.status === "queued" && job.runAt <= now) || (job.status === "running" && job.leaseUntil !== null && job.leaseUntil < now);
    if (!free) {
      await sleep(job.status === "queued" ? Math.min(Math.max(0, job.runAt.getTime() - now.getTime()), 5_000) : (opts.pollMs ?? 500), opts.signal);
      continue;
    }
    const { count } = await db.job.updateMany({
      where: { id: job.id, attempts: job.attempts, status: job.status, leaseUntil: job.leaseUntil },
      data: { status: "running", lockedBy: workerId, leaseUntil: new Date(now.getTime() + opts.leaseMs), attempts: { increment: 1 }, startedAt: now },
    });
    if (count === 1) await runClaimed(db, await db.job.findUniqueOrThrow({ where: { id: job.id } }), workerId, opts);
  }
}

async function runClaimed(db: Db, job: Job, workerId: string, opts: RunJobHereOptions): Promise<void> {
  if (job.attempts > job.maxAttempts) {
    await failJob(db, job, new Error(`gave up after ${job.maxAttempts} attempts`));
    return;
  }
  await runJob(job, { db, workerId, leaseMs: opts.leaseMs, signal: opts.signal, log: opts.log });
}
