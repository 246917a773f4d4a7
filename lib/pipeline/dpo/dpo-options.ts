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
     * tiny-test) with `python -m trainer sample` on this host, as the paper builds Ds4, instead of
     * asking an endpoint. Goes to the sampler as one JSON value and argv, never through a shell.
     */
    fromModel: z.string().min(1).max(4096).regex(/^[^\0-\x1f\x7f]+$/, "a path or model id without control characters").optional(),
  })
  .strict();

export type DpoSettings = z.infer<typeof dpoSettingsSchema>;
