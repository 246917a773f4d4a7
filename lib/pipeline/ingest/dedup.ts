import { NearDuplicateFinder, shinglesOfHashes } from "@/lib/domain/minhash";
import { tokenHashes } from "@/lib/domain/tokenize-code";
import type { DuplicateRecord, Snippet, SnippetRef } from "./types";

export interface DedupOptions {
  /** Drop snippets whose whitespace-normalized text equals an earlier one. Default true. */
  exact?: boolean;
  /** Drop snippets whose shingle Jaccard with an earlier kept one is ≥ threshold. Default true. */
  near?: boolean;
  /** Jaccard threshold for near duplicates. Default 0.7. */
  threshold?: number;
  /** Tokens per shingle. Default 5. */
  shingleSize?: number;
  /** MinHash signature length (a power of two). Default 128. */
  numPerm?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface DedupResult<T> {
  kept: T[];
  duplicates: DuplicateRecord[];
}

type Dedupable = Pick<Snippet, "ordinal" | "path" | "startLine" | "endLine" | "content" | "hash">;

/**
 * Keeps the first of each group of duplicates, in input order. Exact duplicates share `hash`
 * (sha256 of whitespace-normalized text). Near duplicates are found with MinHash LSH over
 * k-token shingles and confirmed with the exact Jaccard of the shingle sets, so the threshold
 * is applied exactly and the LSH bands only decide which pairs get compared (tuned so a pair
 * at the threshold is compared with probability ≥ 99.5 %).
 */
export function dedupSnippets<T extends Dedupable>(snippets: readonly T[], options: DedupOptions = {}): DedupResult<T> {
  const { exact = true, near = true, threshold = 0.7, shingleSize = 5, numPerm = 128 } = options;
  const kept: T[] = [];
  const duplicates: DuplicateRecord[] = [];
  const byHash = new Map<string, T>();
  const finder = new NearDuplicateFinder<T>(threshold, numPerm);

  snippets.forEach((s, i) => {
    if (i % 5000 === 0) options.onProgress?.(i, snippets.length);
    if (exact) {
      const first = byHash.get(s.hash);
      if (first) {
        duplicates.push(record(s, first, "exact", 1));
        return;
      }
      byHash.set(s.hash, s);
    }
    if (near) {
      const shingles = shinglesOfHashes(tokenHashes(s.content, "code"), shingleSize);
      const { item, similarity, signature } = finder.match(shingles);
      if (item) {
        duplicates.push(record(s, item, "near", similarity));
        return;
      }
      finder.add(s, shingles, signature);
    }
    kept.push(s);
  });
  options.onProgress?.(snippets.length, snippets.length);
  return { kept, duplicates };
}

export function refOf(s: Pick<Snippet, "ordinal" | "path" | "startLine" | "endLine">): SnippetRef {
  return { ordinal: s.ordinal, path: s.path, startLine: s.startLine, endLine: s.endLine };
}

export function previewOf(content: string): string {
  return content.length <= 160 ? content : `${content.slice(0, 160)}…`;
}

function record(s: Dedupable, of: Dedupable, kind: "exact" | "near", similarity: number): DuplicateRecord {
  return { ...refOf(s), kind, similarity, duplicateOf: refOf(of), preview: previewOf(s.content) };
}
