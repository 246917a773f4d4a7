import { z } from "zod";
import { dpoSettingsSchema } from "@/lib/pipeline/dpo/dpo-options";
import { GENERATION_JOB } from "@/lib/pipeline/run/ids";
import { DPO_JOB, VERIFY_JOB } from "@/lib/pipeline/verify/ids";
import { defineJobContract } from "./define";

/** A generation run: the payload is the run id; the run's ledger says what is left, so a retry resumes. */
export const generationRunContract = defineJobContract({
  name: GENERATION_JOB,
  description: "Generation run: seed (Ds1/Ds2) then cross-lingual discussions (Ds3), resumable",
  /** shard: one of the jobs that share a run (config.shards), any of which can finish it alone */
  payload: z.object({ runId: z.string().min(1), shard: z.number().int().min(0).optional() }),
  maxAttempts: 10,
  backoffBaseMs: 2_000,
  timeoutMs: 7 * 24 * 3_600_000,
});

/** Stage "verify" of a run: resumable, a retry continues with the samples that have no verdict. */
export const verifyRunContract = defineJobContract({
  name: VERIFY_JOB,
  description: "Verify a run: execute every sample's tests in the sandbox (LLM writes missing tests)",
  payload: z.object({ runId: z.string().min(1) }),
  maxAttempts: 5,
  backoffBaseMs: 2_000,
  timeoutMs: 24 * 3_600_000,
});

/** Stage "dpo" of a run (after "verify" for samples without a verdict): resumable per query. */
export const dpoRunContract = defineJobContract({
  name: DPO_JOB,
  description: "DPO data (Ds4): sample N answers per verified query, execute them, store chosen/rejected pairs",
  payload: dpoSettingsSchema.extend({ runId: z.string().min(1) }),
  maxAttempts: 5,
  backoffBaseMs: 2_000,
  timeoutMs: 7 * 24 * 3_600_000,
});
