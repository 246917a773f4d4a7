import "server-only";
import type { LanguageModelV3, LanguageModelV3CallOptions, LanguageModelV3Content, LanguageModelV3FinishReason, LanguageModelV3GenerateResult, LanguageModelV3StreamPart, SharedV3Warning } from "@ai-sdk/provider";
import type { LlamaChatResponse } from "node-llama-cpp";
import { AppError } from "@/lib/errors";
import { toChatHistory } from "./chat-history";
import type { JsonSchema } from "./grammar-schema";
import { jsonGrammar, leaseChat, type ContextSettings } from "./llama-registry";

/**
 * An AI SDK language model that runs a GGUF file in this process with node-llama-cpp: the
 * GGUF's chat template renders the conversation, JSON answers are constrained by a grammar
 * built from the call's JSON Schema (the step's zod schema), `maxOutputTokens` caps the answer
 * and a cap that cut it off is reported as finish reason "length", usage counts real tokens,
 * and the abort signal stops the generation.
 */

export const LOCAL_PROVIDER = "xinstruct-local";

export interface LocalModelSettings extends ContextSettings {
  /** the endpoint's model name, as recorded with each call */
  modelId: string;
}

function finishReason(stop: LlamaChatResponse["metadata"]["stopReason"]): LanguageModelV3FinishReason {
  switch (stop) {
    case "maxTokens":
      return { unified: "length", raw: stop };
    case "abort":
      return { unified: "other", raw: stop };
    case "functionCalls":
      return { unified: "tool-calls", raw: stop };
    default:
      // end-of-generation token, the chat template's stop text, a stop sequence, or the grammar complete
      return { unified: "stop", raw: stop };
  }
}

function unsupported(options: LanguageModelV3CallOptions): SharedV3Warning[] {
  const w: SharedV3Warning[] = [];
  if (options.tools?.length) w.push({ type: "unsupported", feature: "tools", details: "the local provider answers in text or JSON only" });
  if (options.responseFormat?.type === "json" && !options.responseFormat.schema) w.push({ type: "compatibility", feature: "responseFormat", details: "JSON without a schema: any JSON value is allowed" });
  return w;
}

async function generate(settings: LocalModelSettings, options: LanguageModelV3CallOptions, onText?: (delta: string) => void): Promise<LanguageModelV3GenerateResult> {
  const history = toChatHistory(options.prompt);
  const signal = options.abortSignal;
  const lease = await leaseChat(settings, signal);
  try {
    const { chat, model, llama, contextSize } = lease;
    const grammar = options.responseFormat?.type === "json" ? await jsonGrammar(llama, options.responseFormat.schema as JsonSchema | undefined) : undefined;
    const rendered = chat.chatWrapper.generateContextState({ chatHistory: [...history, { type: "model", response: [] }] });
    const inputTokens = rendered.contextText.tokenize(model.tokenizer).length;
    const room = contextSize - inputTokens;
    if (room < 1) {
      throw new AppError("invalid:prompt", `The prompt is ${inputTokens} tokens; the local model's context holds ${contextSize}. Raise the endpoint's contextLength (up to the model's ${model.trainContextSize}) or shorten the prompt.`);
    }
    // the answer cannot outgrow the context: a budget past it ends as a cut-off all the same
    const maxTokens = Math.min(options.maxOutputTokens ?? room, room);
    let outputTokens = 0;
    const result = await chat.generateResponse(history, {
      maxTokens,
      temperature: options.temperature,
      topP: options.topP,
      topK: options.topK,
      seed: options.seed,
      grammar,
      signal,
      customStopTriggers: options.stopSequences?.length ? options.stopSequences : undefined,
      repeatPenalty: options.presencePenalty || options.frequencyPenalty ? { presencePenalty: options.presencePenalty, frequencyPenalty: options.frequencyPenalty } : undefined,
      onToken: (tokens) => {
        outputTokens += tokens.length;
      },
      onTextChunk: onText,
      // a prompt that fits is never shortened behind the caller's back (checked above)
      contextShift: { strategy: () => { throw new AppError("invalid:prompt", "The conversation outgrew the local model's context."); } },
    });
    const content: LanguageModelV3Content[] = [];
    const reasoning = result.fullResponse.flatMap((r) => (typeof r !== "string" && r.segmentType === "thought" ? [r.text] : [])).join("");
    if (reasoning) content.push({ type: "reasoning", text: reasoning });
    content.push({ type: "text", text: result.response });
    return {
      content,
      finishReason: finishReason(result.metadata.stopReason),
      usage: {
        inputTokens: { total: inputTokens, noCache: inputTokens, cacheRead: undefined, cacheWrite: undefined },
        outputTokens: { total: outputTokens, text: outputTokens, reasoning: undefined },
      },
      response: { modelId: settings.modelId, timestamp: new Date() },
      warnings: unsupported(options),
    };
  } finally {
    lease.release();
  }
}

export function createLocalModel(settings: LocalModelSettings): LanguageModelV3 {
  return {
    specificationVersion: "v3",
    provider: LOCAL_PROVIDER,
    modelId: settings.modelId,
    supportedUrls: {},
    doGenerate: (options) => generate(settings, options),
    async doStream(options) {
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        async start(controller) {
          controller.enqueue({ type: "stream-start", warnings: unsupported(options) });
          let started = false;
          try {
            const result = await generate(settings, options, (delta) => {
              if (!started) controller.enqueue({ type: "text-start", id: "t0" });
              started = true;
              controller.enqueue({ type: "text-delta", id: "t0", delta });
            });
            if (!started) controller.enqueue({ type: "text-start", id: "t0" });
            controller.enqueue({ type: "text-end", id: "t0" });
            controller.enqueue({ type: "finish", usage: result.usage, finishReason: result.finishReason });
          } catch (error) {
            controller.enqueue({ type: "error", error });
          }
          controller.close();
        },
      });
      return { stream };
    },
  };
}
