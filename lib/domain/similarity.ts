import { hashString } from "./seeded-rng";
import { lcsIndex, lcsLength, type LcsIndex } from "./lcs";

/**
 * Near-duplicate measures for the agents' memories: ROUGE-L (LCS F-measure, as Self-Instruct
 * uses to drop near-duplicate instructions) on the instruction words and token Jaccard on the
 * code, combined as configured. Texts are tokenised once into a `SimilarityDoc` so that comparing
 * a candidate against T memory entries costs no re-tokenisation.
 */

export type TextMeasure = "rouge-l" | "jaccard";

export interface SimilaritySpec {
  instructionMeasure: TextMeasure;
  codeMeasure: TextMeasure;
  /** max: near-duplicate if either part is; weighted: w·instruction + (1-w)·code. */
  combine: "max" | "weighted" | "instruction" | "code";
  instructionWeight: number;
}

export const DEFAULT_SIMILARITY: SimilaritySpec = {
  instructionMeasure: "rouge-l",
  codeMeasure: "jaccard",
  combine: "max",
  instructionWeight: 0.5,
};

interface Part {
  tokens: Uint32Array;
  set?: Uint32Array;
  lcs?: LcsIndex;
}

export interface SimilarityDoc {
  instruction: Part;
  code: Part;
}

const WORD = /[\p{L}\p{N}]+/gu;
/** identifiers, numbers, then any other non-space character as its own token. */
const CODE_TOKEN = /[A-Za-z_$][A-Za-z0-9_$]*|\d+(?:\.\d+)?|\S/g;

export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

export function codeTokens(code: string): string[] {
  return code.match(CODE_TOKEN) ?? [];
}

/** 30-bit ids: small integers stay unboxed in V8, which keeps Map lookups in the LCS fast. */
function toIds(tokens: string[]): Uint32Array {
  const ids = new Uint32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) ids[i] = hashString(tokens[i]) & 0x3fffffff;
  return ids;
}

export function similarityDoc(instruction: string, code: string): SimilarityDoc {
  return { instruction: { tokens: toIds(wordTokens(instruction)) }, code: { tokens: toIds(codeTokens(code)) } };
}

function sortedSet(part: Part): Uint32Array {
  if (!part.set) part.set = Uint32Array.from(new Set(part.tokens)).sort();
  return part.set;
}

function index(part: Part): LcsIndex {
  if (!part.lcs) part.lcs = lcsIndex(part.tokens);
  return part.lcs;
}

/** |A ∩ B| / |A ∪ B| over token sets; 1 when both are empty. */
export function jaccardOf(a: Part, b: Part): number {
  const x = sortedSet(a);
  const y = sortedSet(b);
  if (x.length === 0 && y.length === 0) return 1;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      common++;
      i++;
      j++;
    } else if (x[i] < y[j]) i++;
    else j++;
  }
  return common / (x.length + y.length - common);
}

/** ROUGE-L F1: LCS-based precision and recall, harmonic mean; 1 when both are empty. */
export function rougeLOf(a: Part, b: Part): number {
  if (a.tokens.length === 0 && b.tokens.length === 0) return 1;
  if (a.tokens.length === 0 || b.tokens.length === 0) return 0;
  const lcs = lcsLength(index(a), b.tokens);
  if (lcs === 0) return 0;
  return (2 * lcs) / (a.tokens.length + b.tokens.length);
}

function measure(kind: TextMeasure, a: Part, b: Part): number {
  return kind === "rouge-l" ? rougeLOf(a, b) : jaccardOf(a, b);
}

export interface SimilarityScore {
  value: number;
  instruction?: number;
  code?: number;
}

export function compareDocs(a: SimilarityDoc, b: SimilarityDoc, spec: SimilaritySpec = DEFAULT_SIMILARITY): SimilarityScore {
  switch (spec.combine) {
    case "instruction": {
      const instruction = measure(spec.instructionMeasure, a.instruction, b.instruction);
      return { value: instruction, instruction };
    }
    case "code": {
      const code = measure(spec.codeMeasure, a.code, b.code);
      return { value: code, code };
    }
    case "max": {
      const instruction = measure(spec.instructionMeasure, a.instruction, b.instruction);
      const code = measure(spec.codeMeasure, a.code, b.code);
      return { value: Math.max(instruction, code), instruction, code };
    }
    case "weighted": {
      const instruction = measure(spec.instructionMeasure, a.instruction, b.instruction);
      const code = measure(spec.codeMeasure, a.code, b.code);
      const w = spec.instructionWeight;
      return { value: w * instruction + (1 - w) * code, instruction, code };
    }
  }
}

/** Convenience for one-off comparisons of plain strings. */
export function rougeL(a: string, b: string): number {
  return rougeLOf({ tokens: toIds(wordTokens(a)) }, { tokens: toIds(wordTokens(b)) });
}

export function tokenJaccard(a: string, b: string): number {
  return jaccardOf({ tokens: toIds(codeTokens(a)) }, { tokens: toIds(codeTokens(b)) });
}
