import "server-only";
import type { Db } from "@/lib/db/client";
import { advanceAblationsAfterJob } from "@/lib/ablations/on-job-finished";

export type JobFinishedHook = (db: Db, job: { id: string; type: string }, status: string, error: string | null) => Promise<void>;

/**
 * Called once when a job ends for good (succeeded, failed, cancelled), wherever it ends (the
 * worker, or a cancel from the web server): chains waiting on jobs move on. A hook queues its
 * follow-up through the job contracts (lib/jobs/enqueue), never through the capability's
 * internals, so the queue stays free of handlers and import cycles.
 */
export const jobFinishedHooks: readonly JobFinishedHook[] = [advanceAblationsAfterJob];
