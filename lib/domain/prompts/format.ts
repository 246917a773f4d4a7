import { languageName } from "../language-names";

export function codeBlock(language: string, code: string): string {
  const fence = code.includes("```") ? "~~~" : "```";
  return `${fence}${language}\n${code.trimEnd()}\n${fence}`;
}

/** The fixed closing line of every prompt: what JSON to answer with. */
export function answerWith(fields: Record<string, string>): string {
  const shape = Object.entries(fields)
    .map(([k, v]) => `"${k}": ${v}`)
    .join(", ");
  return `Answer with only a JSON object, no prose and no code fences around it: {${shape}}`;
}

/** First line of generation prompts; parsed by the scripted model, read by people. */
export function languageLine(language: string): string {
  return `Language: ${language} (${languageName(language)})`;
}

export function sampleBlock(s: { language: string; instruction: string; solution: string; tests?: string }): string {
  const parts = [`Language: ${s.language} (${languageName(s.language)})`, `Instruction:\n${s.instruction.trim()}`, `Solution:\n${codeBlock(s.language, s.solution)}`];
  if (s.tests) parts.push(`Tests:\n${codeBlock(s.language, s.tests)}`);
  return parts.join("\n");
}
