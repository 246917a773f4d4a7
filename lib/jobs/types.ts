import type { Db } from "@/lib/db/client";
import type { JobPayload, JobResult, JobType } from "@/lib/jobs/contracts";

export interface JobContext<P> {
  jobId: string;
  attempt: number;
  payload: P;
  db: Db;
  /** Aborted when the job is cancelled, its lease is lost, its timeout passes or the worker stops. */
  signal: AbortSignal;
  /** The topic its events go to (SSE stream `job:<id>` unless the definition says otherwise). */
  topic: string;
  emit(type: string, data: unknown): Promise<void>;
  progress(done: number, total: number, message?: string): Promise<void>;
}

/** The worker's half of a job type: what runs it. Its name, payload and policy are its contract (lib/jobs/contracts). */
export interface JobHandler<T extends JobType> {
  type: T;
  handle(ctx: JobContext<JobPayload<T>>): Promise<JobResult<T>>;
}

export function defineHandler<T extends JobType>(type: T, handle: (ctx: JobContext<JobPayload<T>>) => Promise<JobResult<T>>): JobHandler<T> {
  return { type, handle };
}
