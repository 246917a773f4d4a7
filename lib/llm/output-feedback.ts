/** Turning a rejected answer into a message the model can act on, and spotting refusals. */

const REFUSAL = /\b(i'?m sorry|i am sorry|i can(?:'|no)t|i cannot|unable to (?:help|assist|comply)|as an ai)\b/i;

export function looksLikeRefusal(text: string | undefined): boolean {
  return Boolean(text) && !text!.trimStart().startsWith("{") && REFUSAL.test(text!.slice(0, 400));
}

export function feedbackMessage(problem: string): string {
  return `Your previous answer could not be used: ${problem}. Answer again with only the JSON object described above, with every field filled in.`;
}
