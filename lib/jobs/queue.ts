import "server-only";
import { dialectOfDb, type Db } from "@/lib/db/client";
import { asDate, asJson, rawExecute, rawQuery } from "@/lib/db/raw";
import type { Job } from "@/lib/db/generated/sqlite/client";
import { jobContract } from "@/lib/jobs/contracts";
import { jobFinishedHooks } from "@/lib/jobs/finished-hooks";
import { jobTopic } from "@/lib/jobs/topic";
import { backoffMs, classifyFailure } from "@/lib/jobs/errors";
import { appendEvent, END_EVENT } from "@/lib/events/store";
import { AppError } from "@/lib/errors";
import { scrubSecrets, scrubSecretsIn } from "@/lib/secrets/scrub";

/**
 * A durable queue in the database. A worker claims a row with a lease (compare-and-swap
 * on the row's attempt counter, so it works the same on SQLite and PostgreSQL and two
 * workers never take the same attempt); a worker that dies leaves a lease that expires,
 * and the row is claimed again. The attempt number is the fencing token for every write.
 */
export type { Job };

export { jobTopic };
// Queuing a job is lib/jobs/enqueue: it loads only the contracts, not this module's hooks.

const CLAIM_SQL = (types: number, lock: string) => `
UPDATE "Job" SET "status" = 'running', "lockedBy" = $1, "leaseUntil" = $2, "attempts" = "attempts" + 1, "startedAt" = $3,
  "errorKind" = CASE WHEN "status" = 'running' THEN 'lease_expired' ELSE "errorKind" END
WHERE "id" IN (
  SELECT "id" FROM "Job"
  WHERE (("status" = 'queued' AND "runAt" <= $3) OR ("status" = 'running' AND "leaseUntil" < $3))
  ${types ? `AND "type" IN (${Array.from({ length: types }, (_, i) => `$${i + 5}`).join(", ")})` : ""}
  ORDER BY "priority" DESC, "runAt" ASC LIMIT $4 ${lock}
) RETURNING *`;

function rowToJob(r: Record<string, unknown>): Job {
  return {
    ...(r as unknown as Job),
    payload: asJson(r.payload) as Job["payload"],
    result: asJson(r.result) as Job["result"],
    runAt: asDate(r.runAt)!,
    createdAt: asDate(r.createdAt)!,
    leaseUntil: asDate(r.leaseUntil),
    startedAt: asDate(r.startedAt),
    finishedAt: asDate(r.finishedAt),
    attempts: Number(r.attempts),
    maxAttempts: Number(r.maxAttempts),
    priority: Number(r.priority),
  };
}

/**
 * Claims up to `limit` due jobs in one statement. On SQLite a single statement is atomic
 * (writers are serialised); on PostgreSQL `FOR UPDATE SKIP LOCKED` keeps concurrent
 * claimers off each other's rows. A row whose lease expired is taken over; its
 * previous owner is fenced out by the attempt counter.
 */
export async function claimJobs(db: Db, workerId: string, leaseMs: number, limit: number, types?: string[]): Promise<Job[]> {
  const now = new Date();
  const lock = dialectOfDb(db) === "postgresql" ? "FOR UPDATE SKIP LOCKED" : "";
  const rows = await rawQuery(db, CLAIM_SQL(types?.length ?? 0, lock), [workerId, new Date(now.getTime() + leaseMs), now, limit, ...(types ?? [])]);
  const claimed: Job[] = [];
  for (const job of rows.map(rowToJob)) {
    if (job.errorKind === "lease_expired") {
      await appendEvent(db, jobTopic(job.id), "lease_expired", { attempt: job.attempts });
    }
    if (job.attempts > job.maxAttempts) {
      await finishJob(db, job, "failed", { errorKind: "unrecoverable", lastError: `gave up after ${job.maxAttempts} attempts (the last worker stopped without finishing)` });
      continue;
    }
    claimed.push(job);
  }
  return claimed;
}

export async function claimJob(db: Db, workerId: string, leaseMs: number, types?: string[]): Promise<Job | null> {
  return (await claimJobs(db, workerId, leaseMs, 1, types))[0] ?? null;
}

/** Extends the lease; false when the job is no longer ours (lost lease or cancelled). */
export async function heartbeatJob(db: Db, job: Job, leaseMs: number): Promise<boolean> {
  const { count } = await db.job.updateMany({
    where: { id: job.id, attempts: job.attempts, lockedBy: job.lockedBy, status: "running" },
    data: { leaseUntil: new Date(Date.now() + leaseMs) },
  });
  return count === 1;
}

async function finishJob(db: Db, job: Job, status: "succeeded" | "failed" | "cancelled", unscrubbed: { result?: unknown; errorKind?: string; lastError?: string }): Promise<boolean> {
  // a model server may echo its API key in an error: the stored error and the end event never carry it
  const data = { ...unscrubbed, result: scrubSecretsIn(unscrubbed.result), lastError: unscrubbed.lastError === undefined ? undefined : scrubSecrets(unscrubbed.lastError) };
  const count = await rawExecute(
    db,
    `UPDATE "Job" SET "status" = $1, "finishedAt" = $2, "leaseUntil" = NULL, "result" = $3::jsonb, "errorKind" = $4, "lastError" = $5
     WHERE "id" = $6 AND "attempts" = $7 AND "status" IN ('running', 'queued')`,
    [status, new Date(), data.result === undefined ? null : JSON.stringify(data.result), data.errorKind ?? null, data.lastError ?? null, job.id, job.attempts],
  );
  if (count === 1) {
    await appendEvent(db, jobTopic(job.id), END_EVENT, { status, result: data.result ?? null, error: data.lastError ?? null, errorKind: data.errorKind ?? null });
    for (const hook of jobFinishedHooks) {
      await hook(db, job, status, data.lastError ?? null).catch((e) => appendEvent(db, jobTopic(job.id), "hook_failed", { error: scrubSecrets((e as Error).message) }));
    }
  }
  return count === 1;
}

export async function completeJob(db: Db, job: Job, result: unknown): Promise<boolean> {
  return finishJob(db, job, "succeeded", { result: result ?? null });
}

/** Records a failed attempt: retried later with backoff, failed for good, or cancelled (JobCancelledError). */
export async function failJob(db: Db, job: Job, error: unknown): Promise<"retry" | "failed" | "cancelled" | "lost"> {
  const { kind, message: unscrubbed, retryAfterMs } = classifyFailure(error);
  const message = scrubSecrets(unscrubbed);
  const contract = jobContract(job.type);
  if (kind === "cancelled") return (await finishJob(db, job, "cancelled", { lastError: message })) ? "cancelled" : "lost";
  const canRetry = kind !== "unrecoverable" && job.attempts < job.maxAttempts;
  if (!canRetry) {
    return (await finishJob(db, job, "failed", { errorKind: kind, lastError: message })) ? "failed" : "lost";
  }
  const delay = kind === "rate_limited" && retryAfterMs ? retryAfterMs : backoffMs(job.attempts, contract.backoffBaseMs);
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

/** Whether any job (of these types) is still queued, due or not, or running. */
export async function hasUnfinishedJobs(db: Db, types?: string[]): Promise<boolean> {
  const n = await db.job.count({ where: { status: { in: ["queued", "running"] }, ...(types?.length ? { type: { in: types } } : {}) } });
  return n > 0;
}

export async function listJobs(db: Db, opts: { status?: string; limit?: number } = {}): Promise<Job[]> {
  return db.job.findMany({ where: opts.status ? { status: opts.status } : {}, orderBy: { createdAt: "desc" }, take: opts.limit ?? 50 });
}

export async function getJob(db: Db, id: string): Promise<Job> {
  const job = await db.job.findUnique({ where: { id } });
  if (!job) throw new AppError("not_found:job", `No job ${id}`);
  return job;
}
