import { z } from "zod";
import { REDACTED } from "./secrets";

/**
 * A model endpoint: where a role's model lives. Configured in Settings or inline in a run's
 * config and referenced by name from the roles. "scripted" is the deterministic demo model.
 */

export const scriptedFaultsSchema = z
  .object({
    /** answer with broken or schema-violating JSON */
    malformed: z.number().min(0).max(1).default(0),
    /** answer with a refusal in prose */
    refusal: z.number().min(0).max(1).default(0),
    /** HTTP 429 Too Many Requests */
    rateLimit: z.number().min(0).max(1).default(0),
    /** HTTP 500/503 */
    serverError: z.number().min(0).max(1).default(0),
    /** answer after `slowMs` instead of `latencyMs` (long enough, it trips the endpoint timeout) */
    slow: z.number().min(0).max(1).default(0),
    /** write a solution with a planted bug that its tests catch */
    wrongSolution: z.number().min(0).max(1).default(0),
  })
  .strict();

export const scriptedOptionsSchema = z
  .object({
    latencyMs: z.number().min(0).default(0),
    slowMs: z.number().min(0).default(5_000),
    faults: scriptedFaultsSchema.default(scriptedFaultsSchema.parse({})),
  })
  .strict();

export type ScriptedOptions = z.infer<typeof scriptedOptionsSchema>;
export type ScriptedFaults = z.infer<typeof scriptedFaultsSchema>;
export type ScriptedOptionsInput = z.input<typeof scriptedOptionsSchema>;

export const endpointProviders = ["openai-compatible", "openai", "anthropic", "local", "scripted"] as const;

/**
 * How an endpoint is asked for JSON: "auto" starts with json_schema and falls back (json_schema →
 * json_object → none, the schema then stated in the prompt) when the server refuses a format;
 * the others pin a mode, as found by the connection probe or set in Settings.
 */
export const structuredOutputModes = ["auto", "json_schema", "json_object", "none"] as const;
export type StructuredOutputMode = (typeof structuredOutputModes)[number];

export const modelEndpointSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "use letters, digits, '.', '_' or '-'"),
    provider: z.enum(endpointProviders),
    /** the provider's model id, e.g. "Qwen/Qwen2.5-Coder-32B-Instruct" */
    model: z.string().min(1),
    baseURL: z.url().optional(),
    apiKey: z.string().min(1).optional(),
    headers: z
      .record(z.string(), z.string())
      .refine((h) => !Object.values(h).includes(REDACTED), "a header value was redacted when this config was exported: set it again (or name an endpoint from Settings)")
      .optional(),
    /** most calls in flight at once against this endpoint */
    concurrency: z.number().int().min(1).max(1024).default(8),
    timeoutMs: z.number().int().min(1).default(120_000),
    /** attempts after the first on 429 / 5xx / timeout */
    maxRetries: z.number().int().min(0).max(20).default(4),
    retryBaseDelayMs: z.number().int().min(0).default(500),
    retryMaxDelayMs: z.number().int().min(0).default(30_000),
    /** re-asks after a malformed answer, with the validation error fed back */
    structuredRetries: z.number().int().min(0).max(10).default(2),
    structuredOutput: z.enum(structuredOutputModes).default("auto"),
    /** the model's context window in tokens, when known (probe: /v1/models; local: the GGUF) */
    contextLength: z.number().int().min(1).optional(),
    /** provider "local": the GGUF file run in-process with node-llama-cpp */
    modelPath: z.string().min(1).optional(),
    /** provider "local": llama.cpp threads (default: the cores really free) */
    threads: z.number().int().min(1).max(256).optional(),
    pricePerMillionInput: z.number().min(0).optional(),
    pricePerMillionOutput: z.number().min(0).optional(),
    scripted: scriptedOptionsSchema.optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.provider === "openai-compatible" && !e.baseURL) {
      ctx.addIssue({ code: "custom", path: ["baseURL"], message: "an openai-compatible endpoint needs a baseURL (e.g. http://localhost:8000/v1)" });
    }
    if (e.provider === "local" && !e.modelPath) {
      ctx.addIssue({ code: "custom", path: ["modelPath"], message: "a local endpoint needs modelPath: a .gguf file" });
    }
    if (e.provider !== "scripted" && e.scripted) {
      ctx.addIssue({ code: "custom", path: ["scripted"], message: "scripted options only apply to provider: scripted" });
    }
  });

export type ModelEndpoint = z.infer<typeof modelEndpointSchema>;
export type ModelEndpointInput = z.input<typeof modelEndpointSchema>;

export const DEMO_ENDPOINT_NAME = "demo";

/**
 * How the offline demo model behaves unless a run's config says otherwise: like a real model, it
 * gets some solutions wrong (a planted bug its own tests catch), so that verification has failures
 * to find and DPO has chosen/rejected pairs to make. Tests that need a flawless model set
 * `faults.wrongSolution: 0` explicitly.
 */
export const DEMO_SCRIPTED_OPTIONS: ScriptedOptionsInput = { faults: { wrongSolution: 0.15 } };

/** The offline default: the scripted demo model, answering instantly. */
export const DEMO_ENDPOINT: ModelEndpointInput = { name: DEMO_ENDPOINT_NAME, provider: "scripted", model: "xinstruct-demo", concurrency: 64, scripted: DEMO_SCRIPTED_OPTIONS };

export function isDemoEndpoint(e: Pick<ModelEndpoint, "provider">): boolean {
  return e.provider === "scripted";
}

/** What the UI shows next to a model: the demo model is always labelled as such. */
export function endpointLabel(e: Pick<ModelEndpoint, "provider" | "name" | "model">): string {
  return isDemoEndpoint(e) ? `demo model (${e.name})` : `${e.name} · ${e.model}`;
}

export const DEFAULT_ENDPOINT_LIST: ModelEndpoint[] = [modelEndpointSchema.parse(DEMO_ENDPOINT)];
