import { z } from "zod";

/**
 * Code as real models write it into a JSON field: wrapped in a Markdown fence (```java … ```),
 * introduced by a sentence ("Here is the solution:"), or preceded by a `<think>` block. What is
 * stored, executed and exported is the program alone; the raw answer stays on the call record.
 */

const THINK = /<think>[\s\S]*?<\/think>/gi;

/** Drops `<think>…</think>` blocks, and reasoning whose opening tag was in the prompt ("…</think>"). */
export function stripThinking(text: string): string {
  let out = text.replace(THINK, "");
  const close = out.toLowerCase().lastIndexOf("</think>");
  if (close >= 0) out = out.slice(close + "</think>".length);
  // a reasoning block that never closed holds no answer
  const open = out.toLowerCase().indexOf("<think>");
  if (open >= 0) out = out.slice(0, open);
  return out;
}

const OPEN_FENCE = /^[ \t]*(`{3,}|~{3,})[ \t]*[\w+#.-]*[ \t]*$/;

interface FencedBlock {
  start: number;
  body: string;
  closed: boolean;
}

/** The first Markdown fenced block of `lines`. */
function firstFence(lines: string[]): FencedBlock | null {
  for (let i = 0; i < lines.length; i++) {
    const m = OPEN_FENCE.exec(lines[i]);
    if (!m) continue;
    const fence = m[1];
    const close = new RegExp(`^[ \\t]*${fence[0] === "`" ? "`" : "~"}{${fence.length},}[ \\t]*$`);
    for (let j = i + 1; j < lines.length; j++) {
      if (close.test(lines[j])) return { start: i, body: lines.slice(i + 1, j).join("\n"), closed: true };
    }
    return { start: i, body: lines.slice(i + 1).join("\n"), closed: false };
  }
  return null;
}

/** A line of prose rather than code: words and a closing ':' or '.', no code punctuation. */
function isProse(line: string): boolean {
  const t = line.trim();
  return t === "" || (/^[A-Z][^;{}=()<>]*[:.!]$/.test(t) && t.split(/\s+/).length >= 3);
}

/**
 * The program in a code field: reasoning dropped; the body of the first fence when only prose
 * precedes it (closed or cut off; commentary after it is dropped); otherwise the text as it is,
 * since a fence below code is part of the program (a Markdown string literal, a heredoc).
 */
export function cleanCodeField(text: string): string {
  const plain = /<\/?think>/i.test(text) ? stripThinking(text).replace(/^\s*\n/, "") : text;
  const lines = plain.split(/\r?\n/);
  const block = firstFence(lines);
  // no program starts with a fence line, so a fence with only prose above it wraps the program
  if (block && lines.slice(0, block.start).every(isProse)) return block.body.replace(/\s+$/, "");
  return plain;
}

/** A code field of an output schema: cleaned before it is validated and used. */
export function codeField(message = "write the code") {
  return z
    .string()
    // stated before the cleaning so the JSON schema a server or a grammar sees keeps minLength
    .min(1, message)
    .transform(cleanCodeField)
    .refine((s) => s.trim().length > 0, message);
}
