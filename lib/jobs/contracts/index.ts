import type { z } from "zod";
import { AppError } from "@/lib/errors";
import type { DpoCounts } from "@/lib/pipeline/dpo/dpo-run";
import type { RunCounts } from "@/lib/pipeline/run/run-progress";
import type { VerifyCounts } from "@/lib/pipeline/verify/verify-run";
import type { JobContract } from "./define";
import { ablationAdvanceContract } from "./ablations";
import { corpusIngestContract } from "./corpora";
import { demoProgressContract, noopContract } from "./demo";
import { evaluationImportContract, evaluationRunContract } from "./evaluations";
import { dpoRunContract, generationRunContract, verifyRunContract } from "./runs";
import { trainingRunContract } from "./training";

export type { JobContract } from "./define";

/**
 * Every job type the queue knows, by name. The web server imports this to queue a job (no
 * handler comes with it); the worker pairs each entry with its handler (lib/jobs/handlers).
 */
export const jobContracts = {
  [demoProgressContract.name]: demoProgressContract,
  [noopContract.name]: noopContract,
  [evaluationRunContract.name]: evaluationRunContract,
  [evaluationImportContract.name]: evaluationImportContract,
  [trainingRunContract.name]: trainingRunContract,
  [corpusIngestContract.name]: corpusIngestContract,
  [generationRunContract.name]: generationRunContract,
  [verifyRunContract.name]: verifyRunContract,
  [dpoRunContract.name]: dpoRunContract,
  [ablationAdvanceContract.name]: ablationAdvanceContract,
} as const;

export type JobContracts = typeof jobContracts;
export type JobType = keyof JobContracts;
/** What a caller passes to enqueueJob (defaults may be left out). */
export type JobPayloadInput<T extends JobType> = z.input<JobContracts[T]["payload"]>;
/** What the handler receives (defaults filled in). */
export type JobPayload<T extends JobType> = z.output<JobContracts[T]["payload"]>;

/** What each job's handler returns; stored as the job's result and sent in its end event. Type-only imports: nothing loads. */
export interface JobResults {
  "demo.progress": { steps: number };
  noop: null;
  "evaluation.run": { rows: number };
  "evaluation.import": { rows: number };
  "training.run": { status: string };
  "corpus.ingest": { corpusId: string; files: number; snippets: number };
  "generation.run": { runId: string; status: string; samples: RunCounts["samples"] | null };
  "verify.run": { runId: string } & VerifyCounts;
  "dpo.run": { runId: string } & DpoCounts;
  "ablation.advance": { step: string; status: string };
}
export type JobResult<T extends JobType> = JobResults[T];

export function isJobType(type: string): type is JobType {
  return Object.hasOwn(jobContracts, type);
}

export const jobTypes = (): JobType[] => Object.keys(jobContracts) as JobType[];

/** The contract of a job type read from a row or typed by a user; an unknown type is a 400. */
export function jobContract(type: string): JobContract {
  if (!isJobType(type)) throw new AppError("invalid:job_type", `Unknown job type "${type.slice(0, 100)}". Known: ${jobTypes().join(", ")}`);
  return jobContracts[type];
}
