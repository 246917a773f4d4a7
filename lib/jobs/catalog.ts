import type { Db } from "@/lib/db/client";
import type { JobDefinition } from "@/lib/jobs/types";
import { demoProgress } from "@/lib/jobs/handlers/demo-progress";
import { noop } from "@/lib/jobs/handlers/noop";
import { evaluationRun } from "@/lib/jobs/handlers/evaluation-run";
import { evaluationImport } from "@/lib/jobs/handlers/evaluation-import";
import { trainingRun } from "@/lib/jobs/handlers/training-run";
import { generationRun } from "@/lib/jobs/handlers/generation-run";
import { AppError } from "@/lib/errors";
import { corpusIngest } from "@/lib/jobs/handlers/corpus-ingest";
import { verifyRunJob } from "@/lib/jobs/handlers/verify-run";
import { dpoRunJob } from "@/lib/jobs/handlers/dpo-run";
import { ablationAdvance } from "@/lib/jobs/handlers/ablation-advance";
import { advanceAblationsAfterJob } from "@/lib/ablations/on-job-finished";

/** The typed job catalog: one entry per job type. Payloads carry ids, never bulk data. */
const definitions: JobDefinition<any>[] = [demoProgress, noop, evaluationRun, evaluationImport, trainingRun, corpusIngest, generationRun, verifyRunJob, dpoRunJob, ablationAdvance];

export const catalog: ReadonlyMap<string, JobDefinition<any>> = new Map(definitions.map((d) => [d.name, d]));

/** Called once when a job ends for good (succeeded, failed, cancelled): chains waiting on jobs move on. */
export const jobFinishedHooks: ((db: Db, job: { id: string; type: string }, status: string, error: string | null) => Promise<void>)[] = [advanceAblationsAfterJob];

export function jobDefinition(type: string): JobDefinition<any> {
  const def = catalog.get(type);
  if (!def) throw new AppError("invalid:job_type", `Unknown job type "${type}". Known: ${[...catalog.keys()].join(", ")}`);
  return def;
}
