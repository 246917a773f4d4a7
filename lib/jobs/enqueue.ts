import "server-only";
import type { Db } from "@/lib/db/client";
import type { Job } from "@/lib/db/generated/sqlite/client";
import { appendEvent } from "@/lib/events/store";
import { AppError } from "@/lib/errors";
import { jobContract, type JobPayloadInput, type JobType } from "@/lib/jobs/contracts";
import { jobTopic } from "@/lib/jobs/topic";

export interface EnqueueOptions {
  runId?: string;
  priority?: number;
  runAt?: Date;
  maxAttempts?: number;
}

/**
 * Queues a job. The payload's type comes from the job's contract, so a wrong payload does not
 * compile; it is validated here too (a 400 "invalid:job_payload" for a route). Loads only the
 * contracts: a route that queues work does not load what runs it.
 */
export async function enqueueJob<T extends JobType>(db: Db, type: T, payload: JobPayloadInput<T>, opts: EnqueueOptions = {}): Promise<Job> {
  return enqueueJobByName(db, type, payload, opts);
}

/** The same for a type named at runtime (the CLI, `POST /api/jobs`): an unknown type is a 400 "invalid:job_type". */
export async function enqueueJobByName(db: Db, type: string, payload: unknown, opts: EnqueueOptions = {}): Promise<Job> {
  const contract = jobContract(type);
  const parsed = contract.payload.safeParse(payload);
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
      maxAttempts: opts.maxAttempts ?? contract.maxAttempts,
    },
  });
  await appendEvent(db, jobTopic(job.id), "queued", { status: "queued", type });
  return job;
}
