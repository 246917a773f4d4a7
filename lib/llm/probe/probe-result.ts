import { z } from "zod";

/**
 * What a connection test found about an endpoint. Plain data: stored as JSON on the Settings row
 * (`probeJson`), shown in Settings and by `xinstruct endpoints test`, read back by the client
 * when the row's structured-output mode is "auto".
 */
export const probeResultSchema = z.object({
  ok: z.boolean(),
  /** the failure in plain words, when not ok */
  error: z.string().optional(),
  /** a machine-readable kind of failure (refused, dns, timeout, auth, not_found, model, http, file) */
  errorKind: z.string().optional(),
  /** the server's family when its answers tell (vllm, llama.cpp, lm-studio, ollama, openai, …) */
  server: z.string().optional(),
  servedModels: z.array(z.string()).optional(),
  /** null: the server does not list its models, so it cannot be told */
  modelServed: z.boolean().nullable().optional(),
  /** round trip of a tiny chat request */
  latencyMs: z.number().optional(),
  /** the best JSON mode the server accepted; absent when it could not be told */
  structuredOutput: z.enum(["json_schema", "json_object", "none"]).optional(),
  contextLength: z.number().int().positive().optional(),
  /** where the context length was read from, e.g. "vLLM max_model_len" */
  contextSource: z.string().optional(),
  /** provider "local": the GGUF file's size */
  fileBytes: z.number().optional(),
  /** things worth knowing that are not failures */
  notes: z.array(z.string()).default([]),
  /** how long the whole test took */
  tookMs: z.number(),
});

export type ProbeResult = z.infer<typeof probeResultSchema>;

/** A stored probe, or null when it is missing or not readable (an older shape). */
export function parseStoredProbe(json: string | null | undefined): ProbeResult | null {
  if (!json) return null;
  try {
    const r = probeResultSchema.safeParse(JSON.parse(json));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** One line for a terminal or a badge. */
export function summarizeProbe(p: ProbeResult): string {
  if (!p.ok) return `failed: ${p.error ?? "unknown error"}`;
  const parts = [
    p.latencyMs !== undefined ? `latency ${Math.round(p.latencyMs)} ms` : null,
    p.structuredOutput ? `structured output ${p.structuredOutput}` : null,
    p.contextLength ? `context ${p.contextLength} tokens` : null,
    p.fileBytes !== undefined ? `file ${(p.fileBytes / 1024 / 1024).toFixed(1)} MiB` : null,
  ].filter(Boolean);
  return `ok${parts.length ? `: ${parts.join(", ")}` : ""}`;
}
