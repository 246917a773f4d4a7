import { APICallError } from "ai";
import type { ModelEndpoint, StructuredOutputMode } from "@/lib/domain/model-endpoint";

/**
 * How a call asks for JSON, and the fallback when a server refuses the way it was asked. vLLM
 * maps json_schema to guided decoding; llama.cpp builds before json_schema support answer 400
 * ("response_format type must be one of \"text\" or \"json_object\""); LM Studio accepts
 * json_schema but answers 400 to json_object ("'response_format.type' must be 'json_schema' or
 * 'text'"); JSON-mode-only APIs refuse json_schema. "auto" starts at json_schema and steps down
 * json_schema → json_object → none (the schema then only in the prompt), and the mode that
 * worked is remembered for the endpoint for the life of the process.
 */

export type AskMode = Exclude<StructuredOutputMode, "auto">;

const FALLBACK: Record<AskMode, AskMode | null> = { json_schema: "json_object", json_object: "none", none: null };

export function nextMode(mode: AskMode): AskMode | null {
  return FALLBACK[mode];
}

const FORMAT_WORDS = /response_format|response format|json_schema|json_object|structured output|guided|grammar/i;

/** A server saying it cannot answer in the requested format (not a failure of the step). */
export function isFormatRefusal(error: unknown, mode: AskMode): boolean {
  if (mode === "none" || !APICallError.isInstance(error)) return false;
  const status = error.statusCode;
  if (status === undefined || ![400, 422, 500, 501].includes(status)) return false;
  return FORMAT_WORDS.test(`${error.message}\n${error.responseBody ?? ""}`);
}

/** The AI SDK response format of a mode: json_schema needs the schema, json_object none, "none" text. */
export function responseFormatFor(mode: AskMode, schema: unknown): { type: "json"; schema?: never } | { type: "text" } {
  if (mode === "none") return { type: "text" };
  return (mode === "json_schema" ? { type: "json", schema } : { type: "json" }) as { type: "json"; schema?: never };
}

/** What is added to the system prompt when the server is not given the schema. */
export function schemaInstruction(jsonSchema: unknown): string {
  return `Your answer must be one JSON object that validates against this JSON Schema:\n${JSON.stringify(jsonSchema)}`;
}

/** The mode that worked per endpoint, for this process; a refused mode is never tried again. */
export class StructuredModeMemory {
  private readonly modes = new Map<string, AskMode>();

  private key(e: Pick<ModelEndpoint, "name" | "provider" | "baseURL" | "model">): string {
    return `${e.provider}|${e.baseURL ?? ""}|${e.model}|${e.name}`;
  }

  /** The mode to ask with: the endpoint's pinned mode, else the one learned, else json_schema. */
  modeFor(e: Pick<ModelEndpoint, "name" | "provider" | "baseURL" | "model" | "structuredOutput">): AskMode {
    if (e.structuredOutput !== "auto") return e.structuredOutput;
    return this.modes.get(this.key(e)) ?? "json_schema";
  }

  /** After a refusal of `refused`: the next mode to try (remembered), or null when none is left or the mode is pinned. */
  stepDown(e: Pick<ModelEndpoint, "name" | "provider" | "baseURL" | "model" | "structuredOutput">, refused: AskMode): AskMode | null {
    if (e.structuredOutput !== "auto") return null;
    const next = nextMode(refused);
    const known = this.modes.get(this.key(e));
    // another call may have stepped further down already
    const lower = known && rank(known) > rank(refused) ? known : next;
    if (lower) this.modes.set(this.key(e), lower);
    return lower;
  }
}

function rank(m: AskMode): number {
  return m === "json_schema" ? 0 : m === "json_object" ? 1 : 2;
}

/** One memory for the process: every client of every run shares what the servers told it. */
export const processModeMemory = new StructuredModeMemory();
