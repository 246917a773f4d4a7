import type { LanguageModelV3Prompt } from "@ai-sdk/provider";
import type { ChatHistoryItem } from "node-llama-cpp";
import { AppError } from "@/lib/errors";

/**
 * An AI SDK prompt as node-llama-cpp's chat history, which the GGUF's own chat template then
 * renders. Text only: files and tool calls are refused with a clear error rather than dropped.
 */
export function toChatHistory(prompt: LanguageModelV3Prompt): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = [];
  for (const message of prompt) {
    if (message.role === "system") {
      const last = history.at(-1);
      // one system message, as chat templates expect
      if (last?.type === "system" && typeof last.text === "string") last.text = `${last.text}\n\n${message.content}`;
      else history.push({ type: "system", text: message.content });
      continue;
    }
    if (message.role === "tool") throw new AppError("invalid:prompt", "The local model does not take tool results.");
    const text = message.content
      .map((part) => {
        if (part.type === "text") return part.text;
        if (part.type === "reasoning" && message.role === "assistant") return "";
        throw new AppError("invalid:prompt", `The local model takes text only, not ${part.type} parts.`);
      })
      .join("");
    history.push(message.role === "user" ? { type: "user", text } : { type: "model", response: [text] });
  }
  return history;
}
