import { Output } from "ai";
import { responseFormatFor, type AskMode } from "./structured-output";

/**
 * An AI SDK output spec that asks for JSON the way `mode` says but hands back the raw text: the
 * client reads the JSON out of it (read-json-answer.ts) and keeps the raw answer for the calls
 * view. Output.object would throw on a fenced or prose-wrapped answer that is perfectly usable.
 */
export function rawJsonOutput(mode: AskMode, jsonSchema: unknown): ReturnType<typeof Output.text> {
  const text = Output.text();
  return { ...text, name: "object", responseFormat: Promise.resolve(responseFormatFor(mode, jsonSchema)) };
}
