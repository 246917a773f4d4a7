import { fmix32 } from "@/lib/domain/minhash";
import { lowerWords, tokenHashes } from "@/lib/domain/tokenize-code";
import type { BenchmarkItem } from "./benchmarks";
import type { ContaminationKind, ContaminationMatch } from "./types";

export interface ContaminationIndexOptions {
  /** Words per n-gram for the overlap rule. Default 10. */
  ngram?: number;
  /**
   * Benchmark texts shorter than this (after whitespace normalization) are not used for the
   * substring rule: a one-line solution such as `return a + b` occurs in plenty of clean code.
   * Default 50.
   */
  minSubstringChars?: number;
  /**
   * An n-gram found in more than this share of one benchmark's items (and in at least 3) is
   * boilerplate shared by the whole benchmark (MultiPL-E's `using System; using System.Numerics;
   * ...` header) and identifies no problem, so it is not indexed. Default 0.05. N-grams made only of
   * one- or two-digit numbers ("0 1 2 3 4 5 6 7 8 9") are not indexed either.
   */
  boilerplateShare?: number;
}

interface Pattern {
  item: number;
  kind: "prompt_substring" | "solution_substring";
  text: string; // lowercased, whitespace-collapsed
}

/** Built once from the selected benchmarks; reused for every text checked. */
export interface ContaminationIndex {
  readonly items: readonly BenchmarkItem[];
  readonly benchmarks: readonly string[];
  readonly ngram: number;
  /** n-gram key → [item, text, start word] triples, verified word by word on a hit. */
  readonly ngrams: Map<number, number[]>;
  /** Word hashes of each item's texts (prompt, solution). */
  readonly itemWords: readonly Uint32Array[][];
  /** anchor length → anchor hash → pattern ids. */
  readonly anchors: Map<number, Map<number, number[]>>;
  readonly patterns: readonly Pattern[];
  /** Patterns too short for an anchor, checked with indexOf on every text. */
  readonly unanchored: readonly number[];
}

const ANCHOR_WORDS = 6;

export function normalizeForMatch(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}

/** Hashes of lowerWords(text), computed without building the strings. */
const wordHashes = (text: string) => tokenHashes(text, "words");

const CHAIN_START = 0x1b873593;
const chainStep = (x: number, word: number) => Math.imul(x ^ word, 0x01000193);
const chainKey = (x: number) => fmix32(x) & 0x3fffffff; // small-integer Map keys; hits are verified

/** Hash of the n words from `start`; equal to the chain value after n steps from there. */
function gramHash(h: Uint32Array, start: number, n: number): number {
  let x = CHAIN_START;
  for (let i = start; i < start + n; i++) x = chainStep(x, h[i]);
  return chainKey(x);
}

/** prefix[i] = how many of the first i words are numbers of one or two digits. */
function smallNumberPrefix(text: string, count: number): Int32Array {
  const words = lowerWords(text);
  const prefix = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) prefix[i + 1] = prefix[i] + (words.length === count && /^\d{1,2}$/.test(words[i]) ? 1 : 0);
  return prefix;
}

/**
 * Indexes benchmark prompts and solutions for two rules: (1) the whole benchmark text occurs
 * in a checked text, case-insensitively with whitespace runs collapsed; (2) the two share a
 * word n-gram (words = runs of letters, digits, `_`, lowercased).
 */
export function buildContaminationIndex(items: readonly BenchmarkItem[], options: ContaminationIndexOptions = {}): ContaminationIndex {
  const n = options.ngram ?? 10;
  const minChars = options.minSubstringChars ?? 50;
  const share = options.boilerplateShare ?? 0.05;
  const perBenchmark = new Map<string, number>();
  for (const it of items) perBenchmark.set(it.benchmark, (perBenchmark.get(it.benchmark) ?? 0) + 1);

  const itemWords: Uint32Array[][] = [];
  const occurrences = new Map<number, number[]>();
  const itemsPerGram = new Map<string, Set<number>>(); // `${benchmark}\0${hash}` → items
  const patterns: Pattern[] = [];
  const anchors = new Map<number, Map<number, number[]>>();
  const unanchored: number[] = [];

  items.forEach((it, itemIdx) => {
    const texts = [it.prompt, it.solution].filter((t): t is string => !!t);
    itemWords[itemIdx] = texts.map(wordHashes);
    itemWords[itemIdx].forEach((h, textIdx) => {
      const small = smallNumberPrefix(texts[textIdx], h.length);
      for (let s = 0; s + n <= h.length; s++) {
        // "0 1 2 3 4 5 6 7 8 9" is in plenty of clean code: not evidence of anything.
        if (small[s + n] - small[s] === n) continue;
        const g = gramHash(h, s, n);
        const list = occurrences.get(g) ?? [];
        if (list.length === 0) occurrences.set(g, list);
        list.push(itemIdx, textIdx, s);
        const key = `${it.benchmark}\0${g}`;
        const set = itemsPerGram.get(key) ?? new Set<number>();
        set.add(itemIdx);
        itemsPerGram.set(key, set);
      }
    });
    for (const [kind, raw] of [["prompt_substring", it.prompt], ["solution_substring", it.solution]] as const) {
      if (!raw) continue;
      const text = normalizeForMatch(raw);
      if (text.length < minChars) continue;
      const id = patterns.push({ item: itemIdx, kind, text }) - 1;
      // The first and last words may be cut mid-word by a substring match; interior words never.
      const interior = wordHashes(text).subarray(1, -1);
      if (interior.length === 0) {
        unanchored.push(id);
        continue;
      }
      const len = Math.min(ANCHOR_WORDS, interior.length);
      const key = gramHash(interior, 0, len);
      const byLen = anchors.get(len) ?? new Map<number, number[]>();
      anchors.set(len, byLen);
      byLen.set(key, [...(byLen.get(key) ?? []), id]);
    }
  });

  const ngrams = new Map<number, number[]>();
  for (const [g, list] of occurrences) {
    const kept: number[] = [];
    for (let i = 0; i < list.length; i += 3) {
      const bench = items[list[i]].benchmark;
      const spread = itemsPerGram.get(`${bench}\0${g}`)!.size;
      if (spread >= 3 && spread > share * perBenchmark.get(bench)!) continue;
      kept.push(list[i], list[i + 1], list[i + 2]);
    }
    if (kept.length > 0) ngrams.set(g, kept);
  }
  return {
    items,
    benchmarks: [...perBenchmark.keys()],
    ngram: n,
    ngrams,
    itemWords,
    anchors,
    patterns,
    unanchored,
  };
}

/** The first benchmark match of `text`, or null when it is clean. */
export function findContamination(text: string, index: ContaminationIndex): ContaminationMatch | null {
  const h = wordHashes(text);
  let normalized: string | null = null;
  const norm = () => (normalized ??= normalizeForMatch(text));

  const trySubstring = (id: number): ContaminationMatch | null => {
    const p = index.patterns[id];
    if (!norm().includes(p.text)) return null;
    return match(index, p.item, p.kind, p.text.slice(0, 120));
  };
  // One pass: from each start, extend the word-hash chain to the longest length needed and
  // probe the anchor tables and the n-gram table at the lengths they use.
  const n = index.ngram;
  const maxLen = Math.max(n, ...index.anchors.keys());
  const tables = Array.from({ length: maxLen + 1 }, (_, len) => index.anchors.get(len));
  let ngramHit: ContaminationMatch | null = null;
  for (let s = 0; s < h.length; s++) {
    let x = CHAIN_START;
    const end = Math.min(h.length, s + maxLen);
    for (let k = s; k < end; k++) {
      x = chainStep(x, h[k]);
      const len = k - s + 1;
      const table = tables[len];
      if (table) {
        const ids = table.get(chainKey(x));
        if (ids) {
          for (const id of ids) {
            const m = trySubstring(id);
            if (m) return m;
          }
        }
      }
      if (len === n && ngramHit === null) ngramHit = verifyNgram(index, chainKey(x), h, s, text);
    }
  }
  for (const id of index.unanchored) {
    const m = trySubstring(id);
    if (m) return m;
  }
  return ngramHit;
}

function verifyNgram(index: ContaminationIndex, key: number, h: Uint32Array, s: number, text: string): ContaminationMatch | null {
  const hits = index.ngrams.get(key);
  if (!hits) return null;
  const n = index.ngram;
  for (let i = 0; i < hits.length; i += 3) {
    const itemWords = index.itemWords[hits[i]][hits[i + 1]];
    const at = hits[i + 2];
    let same = true;
    for (let k = 0; k < n && same; k++) same = itemWords[at + k] === h[s + k];
    if (same) return match(index, hits[i], "ngram", lowerWords(text).slice(s, s + n).join(" "));
  }
  return null;
}

function match(index: ContaminationIndex, item: number, kind: ContaminationKind, evidence: string): ContaminationMatch {
  const it = index.items[item];
  return { benchmark: it.benchmark, itemId: it.id, kind, evidence };
}

/**
 * The reusable filter: splits `items` into the clean ones and the contaminated ones with the
 * benchmark item each matched. Applied to corpus snippets at import and to generated samples
 * before export (pass `text` to say what to check, e.g. instruction + response).
 */
export function decontaminate<T>(
  items: readonly T[],
  index: ContaminationIndex,
  options: { text?: (item: T) => string } = {},
): { kept: T[]; removed: { item: T; match: ContaminationMatch }[] } {
  const textOf = options.text ?? ((x: T) => (x as { content: string }).content);
  const kept: T[] = [];
  const removed: { item: T; match: ContaminationMatch }[] = [];
  for (const item of items) {
    const m = findContamination(textOf(item), index);
    if (m) removed.push({ item, match: m });
    else kept.push(item);
  }
  return { kept, removed };
}
