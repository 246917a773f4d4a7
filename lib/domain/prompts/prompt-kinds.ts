/**
 * Every prompt starts its system message with a marker naming its kind. Logs and the UI use it
 * to label a call; the scripted demo model uses it to know what to answer.
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

const MARKER = /^\[xinstruct:([a-z0-9-]+)\]/;

export function marker(kind: PromptKind): string {
  return `[xinstruct:${kind}]`;
}

export function promptKindOf(system: string): PromptKind | null {
  const m = MARKER.exec(system);
  return m && (PROMPT_KINDS as readonly string[]).includes(m[1]) ? (m[1] as PromptKind) : null;
}

export function prompt(kind: PromptKind, system: string, user: string): BuiltPrompt {
  return { kind, system: `${marker(kind)}\n${system}`, user };
}
