import "server-only";
import type { Db } from "@/lib/db/client";
import type { Job } from "@/lib/db/generated/sqlite/client";
import { jobDefinition } from "@/lib/jobs/catalog";
import { backoffMs, classifyFailure } from "@/lib/jobs/errors";
import { appendEvent, END_EVENT } from "@/lib/events/store";
import { AppError } from "@/lib/errors";

/**
 * A durable queue in the database. A worker claims a row with a lease (compare-and-swap
 * on the row's attempt counter, so it works the same on SQLite and PostgreSQL and two
 * workers never take the same attempt); a worker that dies leaves a lease that expires,
 * and the row is claimed again. The attempt number is the fencing token for every write.
 */
export type { Job };

export const jobTopic = (id: string) => `job:${id}`;

export interface EnqueueOptions {
  runId?: string;
  priority?: number;
  runAt?: Date;
  maxAttempts?: number;
}

export async function enqueueJob(db: Db, type: string, payload: unknown, opts: EnqueueOptions = {}): Promise<Job> {
  const def = jobDefinition(type);
  const parsed = def.payload.safeParse(payload);
  if (!parsed.success) {
    throw new AppError("invalid:job_payload", `Invalid payload for ${type}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const job = await db.job.create({
    data: {
      type,
      payload: parsed.data as object,
      runId: opts.runId,
      priority: opts.priority ?? 0,
      runAt: opts.runAt ?? new Date(),
      maxAttempts: opts.maxAttempts ?? def.maxAttempts,
    },
  });
  await appendEvent(db, jobTopic(job.id), "queued", { status: "queued", type });
  return job;
}

export async function claimJob(db: Db, workerId: string, leaseMs: number, types?: string[]): Promise<Job | null> {
  for (let round = 0; round < 8; round++) {
    const now = new Date();
    const candidates = await db.job.findMany({
      where: {
        ...(types ? { type: { in: types } } : {}),
        OR: [{ status: "queued", runAt: { lte: now } }, { status: "running", leaseUntil: { lt: now } }],
      },
      orderBy: [{ priority: "desc" }, { runAt: "asc" }],
      take: 8,
      select: { id: true, attempts: true, status: true, leaseUntil: true },
    });
    if (candidates.length === 0) return null;
    // Workers that pick the same head row all race for it; spreading picks over the first
    // few rows keeps most compare-and-swaps successful.
    const c = candidates[Math.floor(Math.random() * Math.min(candidates.length, 4))];
    const { count } = await db.job.updateMany({
      where: { id: c.id, attempts: c.attempts, status: c.status, leaseUntil: c.leaseUntil },
      data: { status: "running", lockedBy: workerId, leaseUntil: new Date(now.getTime() + leaseMs), attempts: { increment: 1 }, startedAt: now },
    });
    if (count === 1) {
      const job = await db.job.findUniqueOrThrow({ where: { id: c.id } });
      if (c.status === "running") {
        await appendEvent(db, jobTopic(job.id), "lease_expired", { attempt: job.attempts, previousWorker: "expired" });
      }
      if (job.attempts > job.maxAttempts) {
        await finishJob(db, job, "failed", { errorKind: "unrecoverable", lastError: `gave up after ${job.maxAttempts} attempts (the last worker stopped without finishing)` });
        continue;
      }
      return job;
    }
  }
  return null;
}

/** Extends the lease; false when the job is no longer ours (lost lease or cancelled). */
export async function heartbeatJob(db: Db, job: Job, leaseMs: number): Promise<boolean> {
  const { count } = await db.job.updateMany({
    where: { id: job.id, attempts: job.attempts, lockedBy: job.lockedBy, status: "running" },
    data: { leaseUntil: new Date(Date.now() + leaseMs) },
  });
  return count === 1;
}

async function finishJob(db: Db, job: Job, status: "succeeded" | "failed" | "cancelled", data: { result?: unknown; errorKind?: string; lastError?: string }): Promise<boolean> {
  const { count } = await db.job.updateMany({
    where: { id: job.id, attempts: job.attempts, status: { in: ["running", "queued"] } },
    data: { status, finishedAt: new Date(), leaseUntil: null, result: data.result as object | undefined, errorKind: data.errorKind, lastError: data.lastError },
  });
  if (count === 1) {
    await appendEvent(db, jobTopic(job.id), END_EVENT, { status, result: data.result ?? null, error: data.lastError ?? null, errorKind: data.errorKind ?? null });
  }
  return count === 1;
}

export async function completeJob(db: Db, job: Job, result: unknown): Promise<boolean> {
  return finishJob(db, job, "succeeded", { result: result ?? null });
}

/** Records a failed attempt: retried later with backoff, or failed for good. */
export async function failJob(db: Db, job: Job, error: unknown): Promise<"retry" | "failed" | "lost"> {
  const { kind, message, retryAfterMs } = classifyFailure(error);
  const def = jobDefinition(job.type);
  const canRetry = kind !== "unrecoverable" && job.attempts < job.maxAttempts;
  if (!canRetry) {
    return (await finishJob(db, job, "failed", { errorKind: kind, lastError: message })) ? "failed" : "lost";
  }
  const delay = kind === "rate_limited" && retryAfterMs ? retryAfterMs : backoffMs(job.attempts, def.backoffBaseMs);
  const { count } = await db.job.updateMany({
    where: { id: job.id, attempts: job.attempts, status: "running" },
    data: { status: "queued", lockedBy: null, leaseUntil: null, runAt: new Date(Date.now() + delay), errorKind: kind, lastError: message },
  });
  if (count === 1) await appendEvent(db, jobTopic(job.id), "retry", { attempt: job.attempts, errorKind: kind, error: message, delayMs: delay });
  return count === 1 ? "retry" : "lost";
}

/** Puts a claimed job back at once (the worker is shutting down cleanly). */
export async function releaseJob(db: Db, job: Job): Promise<void> {
  await db.job.updateMany({
    where: { id: job.id, attempts: job.attempts, status: "running" },
    data: { status: "queued", lockedBy: null, leaseUntil: null, attempts: { decrement: 1 } },
  });
}

export async function cancelJob(db: Db, id: string): Promise<Job> {
  const job = await db.job.findUnique({ where: { id } });
  if (!job) throw new AppError("not_found:job", `No job ${id}`);
  if (!["queued", "running"].includes(job.status)) return job;
  await finishJob(db, job, "cancelled", { lastError: "cancelled by user" });
  return db.job.findUniqueOrThrow({ where: { id } });
}

export async function listJobs(db: Db, opts: { status?: string; limit?: number } = {}): Promise<Job[]> {
  return db.job.findMany({ where: opts.status ? { status: opts.status } : {}, orderBy: { createdAt: "desc" }, take: opts.limit ?? 50 });
}

export async function getJob(db: Db, id: string): Promise<Job> {
  const job = await db.job.findUnique({ where: { id } });
  if (!job) throw new AppError("not_found:job", `No job ${id}`);
  return job;
}
