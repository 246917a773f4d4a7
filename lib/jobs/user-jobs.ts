import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isJobType } from "@/lib/jobs/contracts";
import { enqueueJobByName } from "@/lib/jobs/enqueue";

/**
 * What `POST /api/jobs` may start. Every real job (a run's stages, an evaluation, training, a
 * corpus) is started by its own route, which creates and checks its row first; enqueuing one
 * directly with a hand-made payload would skip those checks. The demo job (the Jobs page's
 * "Start demo job") is the one a user starts here. The CLI's `jobs enqueue` runs as the local
 * user and is not limited.
 */
export const USER_STARTABLE_JOB_TYPES: ReadonlySet<string> = new Set(["demo.progress"]);

export async function enqueueUserJob(db: Db, type: string, payload: unknown) {
  if (!USER_STARTABLE_JOB_TYPES.has(type)) {
    if (!isJobType(type)) throw new AppError("invalid:job_type", `Unknown job type "${type.slice(0, 100)}". The API starts: ${[...USER_STARTABLE_JOB_TYPES].join(", ")}.`);
    throw new AppError("forbidden:job_type", `"${type}" jobs are started from their own page or route (runs, evaluations, training, corpora), not from POST /api/jobs, which starts: ${[...USER_STARTABLE_JOB_TYPES].join(", ")}.`);
  }
  return enqueueJobByName(db, type, payload);
}
