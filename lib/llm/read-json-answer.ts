import type { z } from "zod";
import { stripThinking } from "@/lib/domain/code-fields";

/**
 * Reading the JSON object out of a real model's answer: after `<think>` reasoning, inside a
 * ```json fence, or after a sentence of prose ("Sure! Here is the JSON:"). The AI SDK's
 * extractJsonMiddleware only strips a fence at the very start and end, and it rewrites the text,
 * which would lose the raw answer the calls view shows; so the client asks the SDK for the text
 * and reads it here.
 */

/** The end (exclusive) of the balanced {...} that starts at `from`, strings respected; -1 if none. */
function objectEnd(text: string, from: number): number {
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i + 1;
  }
  return -1;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const JSON_FENCE = /^[ \t]*(`{3,}|~{3,})[ \t]*(?:json|JSON|javascript|js)?[ \t]*\n([\s\S]*?)\n[ \t]*\1[ \t]*$/m;

/** The JSON text of an answer: its first parseable object, else the answer without reasoning. */
export function extractJsonText(raw: string): string {
  const text = stripThinking(raw).trim();
  if (text.startsWith("{") && parses(text)) return text;
  const fenced = JSON_FENCE.exec(text);
  if (fenced && parses(fenced[2].trim())) return fenced[2].trim();
  for (let from = text.indexOf("{"), tries = 0; from >= 0 && tries < 20; from = text.indexOf("{", from + 1), tries++) {
    const end = objectEnd(text, from);
    if (end < 0) break;
    const candidate = text.slice(from, end);
    if (parses(candidate)) return candidate;
  }
  return text;
}

export type ReadAnswer<T> = { ok: true; value: T } | { ok: false; problem: string; kind: "not-json" | "schema" };

/** The answer's value validated by `schema`, or what is wrong with it in words the model can act on. */
export function readJsonAnswer<T>(raw: string, schema: z.ZodType<T>): ReadAnswer<T> {
  const text = extractJsonText(raw);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message.split("\n")[0] : String(e);
    return { ok: false, kind: "not-json", problem: text === "" ? "it is empty" : `it is not a valid JSON object (${reason.slice(0, 200)})` };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, kind: "schema", problem: `it does not match the required fields: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(answer)"}: ${i.message}`).join("; ")}` };
}
