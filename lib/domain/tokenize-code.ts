/**
 * A fast, code-aware approximation of an LLM tokenizer, used for snippet size limits and for
 * MinHash shingles. No vocabulary is involved, so counts are an approximation of BPE counts:
 *
 * - an identifier, keyword or number counts 1 token per started 8 characters
 *   (`x` = 1, `parseHeaderLine` = 2), since BPE vocabularies split long identifiers;
 * - every other non-space character (operator, bracket, quote, punctuation) counts 1;
 * - a line break together with the blank lines and indentation after it counts 1; other
 *   spaces count 0.
 *
 * On typical source code this lands close to (slightly above) the count of BPE tokenizers of
 * code LLMs, so a limit of 1024 stays a safe upper bound.
 */
const TOKEN_RE = /[\p{L}\p{N}_$]+|\n\s*|[^\s\p{L}\p{N}_$]/gu;
const WORD_CHUNK = 8;

/** Approximate token count of `text` (see module comment). */
export function countCodeTokens(text: string): number {
  let n = 0;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    const s = m[0];
    // A line break with its indentation is one token; words and symbols count per started chunk.
    n += s.charCodeAt(0) === 10 ? 1 : Math.ceil(s.length / WORD_CHUNK);
  }
  return n;
}

/** Lexical tokens of `text` without whitespace: words and single symbol characters. */
export function codeTokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_$]+|[^\s\p{L}\p{N}_$]/gu) ?? [];
}

/** Words for word-level n-grams: maximal runs of letters, digits and `_`, lowercased. */
export function lowerWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** Collapses every whitespace run to one space and trims: the form used for exact dedup. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

