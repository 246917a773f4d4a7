import "server-only";
import { AppError } from "@/lib/errors";
import type { JobType } from "@/lib/jobs/contracts";
import type { JobHandler } from "@/lib/jobs/types";
import { ablationAdvance } from "./ablation-advance";
import { corpusIngest } from "./corpus-ingest";
import { demoProgress } from "./demo-progress";
import { dpoRunJob } from "./dpo-run";
import { evaluationImport } from "./evaluation-import";
import { evaluationRun } from "./evaluation-run";
import { generationRun } from "./generation-run";
import { noop } from "./noop";
import { trainingRun } from "./training-run";
import { verifyRunJob } from "./verify-run";

/**
 * The worker's registry: one handler per job contract (a contract without a handler, or a
 * handler whose payload or result disagrees with its contract, does not compile). Imported by
 * the worker and by CLI commands that run a job in-process (lib/jobs/run-job), never by a route:
 * this is what loads the sandbox, the trainer and the evaluators.
 */
const handlers: { [T in JobType]: JobHandler<T> } = {
  "demo.progress": demoProgress,
  noop,
  "evaluation.run": evaluationRun,
  "evaluation.import": evaluationImport,
  "training.run": trainingRun,
  "corpus.ingest": corpusIngest,
  "generation.run": generationRun,
  "verify.run": verifyRunJob,
  "dpo.run": dpoRunJob,
  "ablation.advance": ablationAdvance,
};

export function jobHandler(type: string): JobHandler<JobType> {
  if (!Object.hasOwn(handlers, type)) throw new AppError("invalid:job_type", `No handler for job type "${type.slice(0, 100)}" in this worker.`);
  return handlers[type as JobType] as JobHandler<JobType>;
}
