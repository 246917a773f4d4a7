import { extractCode } from "@/lib/evals/chat/extract-code";
import { toEvalLanguage } from "@/lib/evals/loaders/multipl-e";

/**
 * The program in a chat answer sampled from the SFT model, extracted as the evaluator extracts it
 * (lib/evals/chat/extract-code.ts). A language the evaluator has no fence tags for takes the first
 * fenced block, else the whole answer.
 */
export function codeFromChatAnswer(answer: string, language: string): string {
  const lang = toEvalLanguage(language);
  if (lang) return extractCode(answer, lang);
  const m = /^[ \t]*```[^\n]*\n([\s\S]*?)^[ \t]*```[ \t]*$/m.exec(answer.replace(/\r\n/g, "\n"));
  return m ? m[1] : answer;
}
