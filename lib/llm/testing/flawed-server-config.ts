import { z } from "zod";

/**
 * TEST-ONLY: how the flawed OpenAI-compatible test server answers. Every flaw is one that real
 * servers (vLLM, llama.cpp's server, LM Studio, Ollama, hosted APIs) show, at a rate in [0, 1].
 */

const rate = z.number().min(0).max(1).default(0);

export const flawRatesSchema = z
  .object({
    /** the JSON wrapped in a ```json fence */
    fencedJson: rate,
    /** a sentence of prose before (and after) the JSON */
    proseFirst: rate,
    /** solution / tests fields holding a ```lang fence around the code */
    fencedCode: rate,
    /** a short `<think>…</think>` block before the answer */
    think: rate,
    /** a long reasoning preamble (`verboseTokens`), so the answer hits max_tokens and is cut off */
    cutOff: rate,
    /** 429 with Retry-After */
    rateLimit: rate,
    /** 500 */
    serverError: rate,
    /** answer after `slowMs` instead of `latencyMs` */
    slow: rate,
    /** a solution with a planted bug its tests catch */
    wrongSolution: rate,
  })
  .strict();

export const flawedServerConfigSchema = z
  .object({
    model: z.string().default("flawed-coder"),
    seed: z.number().int().default(0),
    latencyMs: z.number().min(0).default(0),
    slowMs: z.number().min(0).default(2_000),
    /** advertised in /v1/models as max_model_len (vLLM's field), when set */
    contextLength: z.number().int().min(1).optional(),
    /** answer 400 to response_format json_schema (llama.cpp before json_schema support) */
    rejectJsonSchema: z.boolean().default(false),
    /** answer 400 to response_format json_object (LM Studio) */
    rejectJsonObject: z.boolean().default(false),
    retryAfterMs: z.number().int().min(0).default(50),
    verboseTokens: z.number().int().min(1).default(1_500),
    rates: flawRatesSchema.default(flawRatesSchema.parse({})),
  })
  .strict();

export type FlawedServerConfig = z.infer<typeof flawedServerConfigSchema>;
export type FlawedServerConfigInput = z.input<typeof flawedServerConfigSchema>;
export type Flaw = keyof FlawedServerConfig["rates"] | "truncated" | "rejectedJsonSchema" | "rejectedJsonObject";
