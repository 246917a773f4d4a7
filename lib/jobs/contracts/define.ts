import type { z } from "zod";

/**
 * What the web server, the CLI and the worker agree on for one job type: its name, its payload
 * (validated when it is queued and again when it runs) and the queue's policy for it. The
 * handler that does the work lives with the worker (lib/jobs/handlers), so importing a contract
 * loads zod and nothing of the sandbox, trainer or evaluators. Payloads carry ids, never bulk data.
 */
export interface JobContract<Name extends string = string, Payload extends z.ZodType = z.ZodType> {
  name: Name;
  description: string;
  payload: Payload;
  maxAttempts: number;
  backoffBaseMs: number;
  timeoutMs: number;
  /**
   * Lease for this job type, when the worker default is too short: a job that blocks the event
   * loop for long stretches (synchronous dedup of a big corpus) cannot renew its lease meanwhile.
   */
  leaseMs?: number;
}

export function defineJobContract<const Name extends string, Payload extends z.ZodType>(c: JobContract<Name, Payload>): JobContract<Name, Payload> {
  return c;
}
