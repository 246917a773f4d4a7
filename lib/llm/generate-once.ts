import "server-only";
import type { LanguageModelV3, LanguageModelV3CallOptions, SharedV3ProviderOptions } from "@ai-sdk/provider";
import { generateText, type LanguageModel } from "ai";
import { responseFormatFor, type AskMode } from "./structured-output";
import { rawJsonOutput } from "./raw-json-output";

/**
 * One request to a model, no retries, the answer's raw text: what the model client needs of
 * `generateText`. For an AI SDK v3 model (every provider model, the demo and the local model) it
 * calls the model's `doGenerate` with the prompt generateText would build; generateText itself
 * spent about 0.8 ms CPU per call around it (a zod schema built and walked per call to validate
 * the messages, telemetry, step bookkeeping), a large share of the client's CPU at 64 calls in
 * flight (issue 12). Any other model goes through generateText.
 */

export interface OnceRequest {
  system: string;
  messages: { role: "user" | "assistant"; content: string }[];
  mode: AskMode;
  jsonSchema: unknown;
  temperature: number;
  maxOutputTokens: number;
  seed?: number;
  abortSignal: AbortSignal;
  providerOptions?: SharedV3ProviderOptions;
}

export interface OnceResult {
  text: string;
  /** "stop", "length", ... as generateText reports it */
  finishReason: string;
  inputTokens: number | undefined;
  outputTokens: number | undefined;
}

function isV3(model: LanguageModel): model is LanguageModelV3 {
  return typeof model === "object" && model !== null && model.specificationVersion === "v3";
}

export async function generateOnce(model: LanguageModel, r: OnceRequest): Promise<OnceResult> {
  if (!isV3(model)) {
    const result = await generateText({ model, system: r.system, messages: r.messages, output: rawJsonOutput(r.mode, r.jsonSchema), temperature: r.temperature, maxOutputTokens: r.maxOutputTokens, seed: r.seed, maxRetries: 0, abortSignal: r.abortSignal, providerOptions: r.providerOptions });
    return { text: result.text, finishReason: result.finishReason, inputTokens: result.usage.inputTokens, outputTokens: result.usage.outputTokens };
  }
  const options: LanguageModelV3CallOptions = {
    prompt: [{ role: "system", content: r.system }, ...r.messages.map((m) => ({ role: m.role, content: [{ type: "text" as const, text: m.content }] }))],
    responseFormat: responseFormatFor(r.mode, r.jsonSchema) as LanguageModelV3CallOptions["responseFormat"],
    temperature: r.temperature,
    maxOutputTokens: r.maxOutputTokens,
    seed: r.seed,
    abortSignal: r.abortSignal,
    providerOptions: r.providerOptions,
  };
  const result = await model.doGenerate(options);
  let text = "";
  for (const part of result.content) if (part.type === "text") text += part.text;
  return { text, finishReason: result.finishReason.unified, inputTokens: result.usage.inputTokens.total, outputTokens: result.usage.outputTokens.total };
}
