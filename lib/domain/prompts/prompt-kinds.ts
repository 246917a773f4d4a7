/**
 * The kinds of prompt the agents send. A built prompt carries its kind beside the text, for logs,
 * the UI and the demo model (which gets it as a provider option); the text sent to a model holds
 * nothing but the prompt itself.
 */
export const PROMPT_KINDS = [
  "ds1-instruction",
  "ds1-response",
  "ds2-response",
  "ds2-instruction",
  "score",
  "reflect",
  "critique",
  "synthesis",
] as const;

export type PromptKind = (typeof PROMPT_KINDS)[number];

export interface BuiltPrompt {
  kind: PromptKind;
  system: string;
  user: string;
}

export function prompt(kind: PromptKind, system: string, user: string): BuiltPrompt {
  return { kind, system, user };
}

/**
 * The kind of an xinstruct prompt read from its user message, as a model would: from the JSON
 * fields its closing line asks for and whether it shows a code snippet. The HTTP test server
 * answers from it; the demo model gets the kind as a provider option and falls back to this.
 */
export function promptKindOf(user: string): PromptKind | null {
  const at = user.lastIndexOf("Answer with only a JSON object");
  if (at < 0) return null;
  const wanted = user.slice(at);
  const asks = (field: string) => wanted.includes(`"${field}":`);
  const snippet = user.includes("\nCode snippet:\n") || user.startsWith("Code snippet:\n");
  if (asks("targetLanguage")) return "synthesis";
  if (asks("critique")) return "critique";
  if (asks("merits")) return "reflect";
  if (asks("aspects")) return "score";
  if (asks("solution")) return snippet ? "ds2-response" : "ds1-response";
  if (asks("instruction")) return snippet ? "ds1-instruction" : "ds2-instruction";
  return null;
}
