import { NoObjectGeneratedError } from "ai";
import { z } from "zod";

/** Turning a rejected answer into a message the model can act on, and spotting refusals. */

const REFUSAL = /\b(i'?m sorry|i am sorry|i can(?:'|no)t|i cannot|unable to (?:help|assist|comply)|as an ai)\b/i;

export function looksLikeRefusal(text: string | undefined): boolean {
  return Boolean(text) && !text!.trimStart().startsWith("{") && REFUSAL.test(text!.slice(0, 400));
}

function findZodError(e: unknown): z.ZodError | null {
  for (let cur = e, depth = 0; cur && depth < 5; depth++) {
    if (cur instanceof z.ZodError) return cur;
    cur = (cur as { cause?: unknown }).cause;
  }
  return null;
}

export function describeInvalidOutput(error: NoObjectGeneratedError): string {
  const zod = findZodError(error);
  if (zod) {
    return `it does not match the required fields: ${zod.issues.map((i) => `${i.path.join(".") || "(answer)"}: ${i.message}`).join("; ")}`;
  }
  if (looksLikeRefusal(error.text)) return "it is a refusal, not the requested JSON object";
  const cause = error.cause instanceof Error ? error.cause.message.split("\n")[0] : error.message;
  return `it is not a valid JSON object (${cause.slice(0, 200)})`;
}

export function feedbackMessage(problem: string): string {
  return `Your previous answer could not be used: ${problem}. Answer again with only the JSON object described above, with every field filled in.`;
}
