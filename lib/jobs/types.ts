import type { z } from "zod";
import type { Db } from "@/lib/db/client";

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

export interface JobDefinition<P = unknown> {
  name: string;
  description: string;
  payload: z.ZodType<P>;
  maxAttempts: number;
  backoffBaseMs: number;
  timeoutMs: number;
  /**
   * Lease for this job type, when the worker default is too short: a job that blocks the event
   * loop for long stretches (synchronous dedup of a big corpus) cannot renew its lease meanwhile.
   */
  leaseMs?: number;
  handle(ctx: JobContext<P>): Promise<unknown>;
}

export function defineJob<P>(def: JobDefinition<P>): JobDefinition<P> {
  return def;
}
