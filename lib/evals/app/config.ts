import { z } from "zod";
import { BENCHMARKS, EVAL_LANGUAGES } from "@/lib/evals/types";

/** What a user asks for when launching an evaluation (the form and the API take this). */
export const evaluationConfig = z
  .object({
    name: z.string().trim().min(1).max(120),
    model: z.string().trim().min(1).max(200),
    /** a model endpoint from Settings (its key stays on the server) … */
    endpointName: z.string().trim().min(1).optional(),
    /** … or a plain OpenAI-compatible base URL without a key */
    endpointUrl: z.string().url().optional(),
    mode: z.enum(["completion", "chat"]).default("completion"),
    suites: z
      .array(
        z.object({
          benchmark: z.enum(BENCHMARKS),
          languages: z.array(z.enum(EVAL_LANGUAGES)).min(1).optional(),
          source: z.string().trim().min(1, "a folder or base URL holding the benchmark files"),
          limit: z.number().int().min(1).optional(),
        }),
      )
      .min(1, "choose at least one benchmark"),
    n: z.number().int().min(1).max(1000).default(1),
    temperature: z.number().min(0).max(2).default(0),
    maxTokens: z.number().int().min(1).max(32_768).default(1024),
    concurrency: z.number().int().min(1).max(512).default(16),
    /** for data-size curves and ablations: the training data this model saw */
    trainingSamples: z.number().int().min(0).optional(),
  })
  .refine((c) => Boolean(c.endpointName) !== Boolean(c.endpointUrl), { message: "give either a Settings endpoint or an endpoint URL", path: ["endpointName"] });

export type EvaluationConfig = z.infer<typeof evaluationConfig>;
