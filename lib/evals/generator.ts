import { buildChatInstruction } from "@/lib/evals/chat/chat-prompt";
import type { OpenAICompatibleClient } from "@/lib/evals/client/openai-compatible";
import type { BenchmarkProblem, GenerationMode } from "@/lib/evals/types";

/** Produces `count` raw model outputs for one problem. */
export type Generate = (problem: BenchmarkProblem, count: number, signal?: AbortSignal) => Promise<string[]>;

export interface GenerationSettings {
  mode: GenerationMode;
  temperature: number;
  maxTokens: number;
  topP?: number;
  /** Optional system message for chat mode (Qwen's evaluation uses the model's default). */
  system?: string;
}

/**
 * Completion mode sends the prompt to /v1/completions with the problem's stop tokens.
 * Chat mode sends the Qwen-style instruction to /v1/chat/completions.
 */
export function createGenerator(client: OpenAICompatibleClient, s: GenerationSettings): Generate {
  return (problem, count, signal) => {
    const sampling = { temperature: s.temperature, maxTokens: s.maxTokens, topP: s.topP, n: count };
    if (s.mode === "completion") return client.complete(problem.prompt, { ...sampling, stop: problem.stopTokens }, signal);
    const messages = [
      ...(s.system ? [{ role: "system" as const, content: s.system }] : []),
      { role: "user" as const, content: buildChatInstruction(problem) },
    ];
    return client.chat(messages, sampling, signal);
  };
}
