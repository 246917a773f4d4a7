import { isBinaryFileSync } from "isbinaryfile";
import type { SkipReason } from "./types";

export type Decoded = { ok: true; text: string } | { ok: false; reason: SkipReason; message: string };

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * Turns file bytes into text, or says why not: empty, binary (NUL bytes or isbinaryfile's
 * heuristics), or not valid UTF-8 (decoded with a fatal decoder, never with replacement chars).
 */
export function decodeText(path: string, data: Buffer): Decoded {
  if (data.length === 0) return { ok: false, reason: "empty_file", message: `${path}: empty file` };
  const head = data.subarray(0, 8192);
  if (head.includes(0)) return { ok: false, reason: "binary", message: `${path}: binary file (NUL bytes)` };
  let text: string;
  try {
    text = utf8.decode(data);
  } catch {
    if (isBinaryFileSync(head))
      return { ok: false, reason: "binary", message: `${path}: binary file` };
    return { ok: false, reason: "not_utf8", message: `${path}: not valid UTF-8 text (at byte ${firstInvalidUtf8(data)})` };
  }
  if (!/\S/.test(text)) return { ok: false, reason: "empty_file", message: `${path}: only whitespace` };
  if (text.includes("\u0000")) return { ok: false, reason: "binary", message: `${path}: binary file (NUL bytes)` };
  return { ok: true, text };
}

/** Checks text that arrived already decoded (a JSONL "content" field). */
export function checkText(path: string, text: string): Decoded {
  if (!/\S/.test(text)) return { ok: false, reason: "empty_file", message: `${path}: empty content` };
  if (text.includes("\u0000")) return { ok: false, reason: "binary", message: `${path}: binary content (NUL characters)` };
  return { ok: true, text };
}

function firstInvalidUtf8(data: Buffer): number {
  // The lenient decoder puts U+FFFD where the first bad sequence starts.
  const lenient = data.toString("utf8");
  const at = lenient.indexOf("\uFFFD");
  return at === -1 ? data.length : Buffer.byteLength(lenient.slice(0, at));
}
