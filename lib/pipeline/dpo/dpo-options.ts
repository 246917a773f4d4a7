import { z } from "zod";

/** What a user picks for the DPO stage; carried by the dpo.run job (small settings, no bulk data). */
export const dpoSettingsSchema = z
  .object({
    model: z.string().min(1).optional(),
    n: z.number().int().min(1).max(1024).default(128),
    temperature: z.number().min(0).max(2).default(0.8),
    maxPairs: z.number().int().min(1).max(10_000).default(4),
    preferShortest: z.boolean().default(true),
    languages: z.array(z.string().min(1)).min(1).optional(),
    limit: z.number().int().positive().optional(),
    /**
     * Sample the answers from this SFT model (an output directory's final/, a Hugging Face id, or
     * tiny-test) with `python -m trainer sample` on this host (or on fromJob's backend), as the paper builds Ds4, instead of
     * asking an endpoint. Goes to the sampler as one JSON value and argv, never through a shell.
     */
    fromModel: z.string().min(1).max(4096).regex(/^[^\0-\x1f\x7f]+$/, "a path or model id without control characters").optional(),
    /**
     * Sample the final model of this training job where the job ran (this host, its SSH host or
     * its Slurm cluster, with its interpreter and settings). With fromModel too: that model (a
     * checkpoint folder on the job's host) on the job's backend.
     */
    fromJob: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "a training job id").optional(),
    /** the longest answer sampled with fromModel / fromJob, in tokens (default 1024) */
    maxNewTokens: z.number().int().min(1).max(32_768).optional(),
  })
  .strict();

export type DpoSettings = z.infer<typeof dpoSettingsSchema>;
