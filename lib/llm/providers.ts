import "server-only";
import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModel } from "ai";
import type { ModelEndpoint } from "@/lib/domain/model-endpoint";
import { createEndpointLocalModel } from "./local/create-local-model";
import { keepAliveFetch } from "./keep-alive-fetch";
import { createScriptedModel } from "./scripted-model";
import { rememberEndpointSecrets } from "@/lib/secrets/scrub";

/**
 * The one place models come from: an endpoint's config becomes an AI SDK language model.
 * "scripted" is the deterministic demo model used by tests and the offline demo; "local" runs
 * a GGUF file in this process (lib/llm/local). HTTP providers send through keep-alive-fetch.ts.
 */
export function getModel(endpoint: ModelEndpoint): LanguageModel {
  rememberEndpointSecrets(endpoint);
  switch (endpoint.provider) {
    case "scripted":
      return createScriptedModel({ ...endpoint.scripted, modelId: endpoint.model });
    case "openai-compatible":
      return createOpenAICompatible({
        name: endpoint.name,
        baseURL: endpoint.baseURL!,
        apiKey: endpoint.apiKey,
        headers: endpoint.headers,
        includeUsage: true,
        supportsStructuredOutputs: true,
        fetch: keepAliveFetch,
      }).chatModel(endpoint.model);
    case "openai":
      return createOpenAI({ apiKey: endpoint.apiKey, baseURL: endpoint.baseURL, headers: endpoint.headers, fetch: keepAliveFetch }).chat(endpoint.model);
    case "local":
      return createEndpointLocalModel(endpoint);
    case "anthropic":
      return createAnthropic({ apiKey: endpoint.apiKey, baseURL: endpoint.baseURL, headers: endpoint.headers, fetch: keepAliveFetch })(endpoint.model);
  }
}
