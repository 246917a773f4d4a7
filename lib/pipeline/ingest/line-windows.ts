import { countCodeTokens } from "@/lib/domain/tokenize-code";

/** A half-open range [start, end) of UTF-16 offsets into a file's text. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * Splits text[start, end) into consecutive ranges of whole lines of at most `maxTokens` tokens;
 * a single line longer than that is cut between tokens. Used when a language has no grammar,
 * when parsing fails, and for a syntax node too big to split further.
 */
export function lineWindows(text: string, maxTokens: number, start = 0, end = text.length): TextRange[] {
  const out: TextRange[] = [];
  let winStart = start;
  let winTokens = 0;
  let pos = start;
  while (pos < end) {
    const nl = text.indexOf("\n", pos);
    const lineEnd = nl === -1 || nl >= end ? end : nl + 1;
    const lineTokens = countCodeTokens(text.slice(pos, lineEnd));
    if (lineTokens > maxTokens) {
      if (pos > winStart) out.push({ start: winStart, end: pos });
      out.push(...tokenWindows(text, maxTokens, pos, lineEnd));
      winStart = lineEnd;
      winTokens = 0;
    } else if (winTokens + lineTokens > maxTokens) {
      out.push({ start: winStart, end: pos });
      winStart = pos;
      winTokens = lineTokens;
    } else {
      winTokens += lineTokens;
    }
    pos = lineEnd;
  }
  if (end > winStart) out.push({ start: winStart, end });
  return out;
}

/** Cuts text[start, end) between tokens into pieces of at most `maxTokens` tokens. */
export function tokenWindows(text: string, maxTokens: number, start: number, end: number): TextRange[] {
  const out: TextRange[] = [];
  const re = /[\p{L}\p{N}_$]{1,8}|\n\s*|[^\s\p{L}\p{N}_$]/gu; // as in tokenize-code.ts
  re.lastIndex = start;
  let pieceStart = start;
  let n = 0;
  for (let m = re.exec(text); m !== null && m.index < end; m = re.exec(text)) {
    if (n === maxTokens) {
      out.push({ start: pieceStart, end: m.index });
      pieceStart = m.index;
      n = 0;
    }
    n++;
  }
  if (end > pieceStart) out.push({ start: pieceStart, end });
  return out;
}
