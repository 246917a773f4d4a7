import "server-only";
import type { Db } from "@/lib/db/client";
import { modelEndpointSchema, type ModelEndpoint } from "@/lib/domain/model-endpoint";
import { AppError } from "@/lib/errors";
import type { EvaluationConfig } from "@/lib/evals/app/config";
import { normalizeBaseUrl } from "@/lib/evals/client/openai-compatible";
import { toModelEndpoint } from "@/lib/pipeline/run/run-endpoints";
import { rememberEndpointSecrets } from "@/lib/secrets/scrub";

/**
 * The endpoint an evaluation asks, and how: OpenAI-compatible servers over the raw wire
 * (completions with n choices, exact stops), the others — the demo model, an embedded GGUF model,
 * Anthropic — through the AI SDK model of lib/llm/providers, which speaks chat only.
 */
export interface EvaluationTarget {
  label: string;
  endpoint: ModelEndpoint;
  via: "http" | "model";
}

/** Providers evaluated through the AI SDK (chat mode only). */
export const CHAT_ONLY_PROVIDERS = new Set(["scripted", "local", "anthropic"]);

export async function evaluationTarget(db: Db, config: Pick<EvaluationConfig, "endpointName" | "endpointUrl" | "model" | "mode">, apiKey?: string): Promise<EvaluationTarget> {
  if (!config.endpointName) {
    const endpoint = modelEndpointSchema.parse({ name: "url", provider: "openai-compatible", baseURL: normalizeBaseUrl(config.endpointUrl!), model: config.model, apiKey });
    rememberEndpointSecrets(endpoint);
    return { label: `endpoint ${config.endpointUrl}`, endpoint, via: "http" };
  }
  const row = await db.modelEndpoint.findUnique({ where: { name: config.endpointName } });
  if (!row) throw new AppError("invalid:evaluation", `No model endpoint named "${config.endpointName}" in Settings.`);
  const endpoint = toModelEndpoint(row);
  const label = `endpoint "${row.name}"`;
  if (CHAT_ONLY_PROVIDERS.has(endpoint.provider)) {
    if (config.mode !== "chat") {
      throw new AppError("invalid:evaluation", `${label} (${endpoint.provider === "scripted" ? "the demo model" : endpoint.provider === "local" ? "an embedded GGUF model" : "Anthropic"}) answers chat prompts only: choose mode "chat".`);
    }
    return { label, endpoint, via: "model" };
  }
  // the model asked for is the evaluation's (a served checkpoint), at the row's server
  const baseURL = endpoint.baseURL ? normalizeBaseUrl(endpoint.baseURL) : "https://api.openai.com/v1";
  return { label, endpoint: { ...endpoint, baseURL, model: config.model }, via: "http" };
}
