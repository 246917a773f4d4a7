import { generateText, type LanguageModel } from "ai";
import { buildChatInstruction } from "@/lib/evals/chat/chat-prompt";
import type { Generate, GenerationSettings } from "@/lib/evals/generator";

/**
 * Chat-mode generations from an AI SDK model (the demo model, an embedded GGUF model, Anthropic):
 * the same instruction as over HTTP, one call per sample (the SDK returns one choice per call),
 * each with its own seed so n > 1 samples differ where the model samples.
 */
export function createModelGenerator(model: LanguageModel, s: Omit<GenerationSettings, "mode">): Generate {
  return async (problem, count, signal) => {
    const prompt = buildChatInstruction(problem);
    const outputs: string[] = [];
    for (let i = 0; i < count; i++) {
      const result = await generateText({
        model,
        ...(s.system ? { system: s.system } : {}),
        prompt,
        temperature: s.temperature,
        topP: s.topP,
        maxOutputTokens: s.maxTokens,
        seed: i,
        maxRetries: 2,
        abortSignal: signal,
      });
      outputs.push(result.text);
    }
    return outputs;
  };
}
