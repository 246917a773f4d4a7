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

import { fmix32 } from "./minhash";

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


const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const NON_ASCII_WORD = /^[\p{L}\p{N}]$/u;

/**
 * Streams 32-bit hashes of the tokens of `text` without building strings (the hot path of
 * dedup and decontamination). A token hash is FNV-1a over its UTF-16 code units with a murmur
 * finalizer, i.e. equal to minhash.ts's hashString32(token).
 * - mode "code": the tokens of codeTokens(): words (letters, digits, `_`, `$`) and symbols;
 * - mode "words": the words of lowerWords(): letters, digits, `_`, lowercased; symbols dropped.
 */
export function tokenHashes(text: string, mode: "code" | "words"): Uint32Array {
  let out = new Uint32Array(Math.max(16, text.length >>> 2));
  let n = 0;
  const push = (h: number) => {
    if (n === out.length) {
      const bigger = new Uint32Array(out.length * 2);
      bigger.set(out);
      out = bigger;
    }
    out[n++] = fmix32(h);
  };
  const dollarIsWord = mode === "code";
  let inWord = false;
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    let width = 1;
    let word: boolean;
    let space = false;
    if (c < 128) {
      word = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || (c === 36 && dollarIsWord);
      space = c === 32 || (c >= 9 && c <= 13);
    } else {
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) width = 2;
      const ch = text.slice(i, i + width);
      word = NON_ASCII_WORD.test(ch);
      space = !word && /^\s$/u.test(ch);
      if (word && mode === "words") {
        const lower = ch.toLowerCase();
        c = lower.length === 1 ? lower.charCodeAt(0) : c;
      }
    }
    if (word) {
      if (!inWord) {
        inWord = true;
        h = FNV_OFFSET;
      }
      if (mode === "words" && c >= 65 && c <= 90) c |= 0x20;
      h = Math.imul(h ^ c, FNV_PRIME);
      if (width === 2) h = Math.imul(h ^ text.charCodeAt(i + 1), FNV_PRIME);
    } else {
      if (inWord) push(h);
      inWord = false;
      if (!space && mode === "code") {
        let s = Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
        if (width === 2) s = Math.imul(s ^ text.charCodeAt(i + 1), FNV_PRIME);
        push(s);
      }
    }
    i += width - 1;
  }
  if (inWord) push(h);
  return out.subarray(0, n);
}

/**
 * Counts tokens of many ranges of one text in O(log n) each after one O(n) pass: tokens are
 * attributed to the range holding their first character, so for ranges that do not cut a
 * word the result equals countCodeTokens(text.slice(start, end)) up to line-break tokens at
 * the edges.
 */
export function rangeTokenCounter(text: string): (start: number, end: number) => number {
  const starts: number[] = [];
  const cumulative: number[] = [0];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    starts.push(m.index);
    const s = m[0];
    cumulative.push(cumulative[cumulative.length - 1] + (s.charCodeAt(0) === 10 ? 1 : Math.ceil(s.length / WORD_CHUNK)));
  }
  const firstAtOrAfter = (offset: number) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (start, end) => cumulative[firstAtOrAfter(end)] - cumulative[firstAtOrAfter(start)];
}
