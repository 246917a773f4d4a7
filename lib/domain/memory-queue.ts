import { compareDocs, DEFAULT_SIMILARITY, similarityDoc, type SimilarityDoc, type SimilaritySpec } from "./similarity";

/**
 * An agent's memory m: a priority queue of capacity T keyed by score (paper §2.3). A sample
 * enters only if its similarity to every entry is below the threshold; when full, the
 * lowest-scored entry leaves (the oldest of equal lowest scores). Plain data in, plain data out:
 * `offerToMemory` returns the new state and what happened so the runtime can persist and
 * stream it. Tokenised forms are cached per entry object, so the state stays serialisable.
 */

export interface MemoryEntry<T = unknown> {
  id: string;
  score: number;
  instruction: string;
  code: string;
  /** insertion order, used to break score ties (older leaves first). */
  seq: number;
  data: T;
}

export interface MemoryState<T = unknown> {
  capacity: number;
  /** highest score first; among equal scores, newest first. */
  entries: MemoryEntry<T>[];
  nextSeq: number;
}

export interface MemoryCandidate<T = unknown> {
  id: string;
  score: number;
  instruction: string;
  code: string;
  data: T;
}

export interface MemoryOptions {
  threshold: number;
  similarity?: SimilaritySpec;
}

export interface Neighbour {
  id: string;
  similarity: number;
  instruction?: number;
  code?: number;
}

export type MemoryOutcome<T = unknown> =
  | { kind: "inserted"; entry: MemoryEntry<T>; evicted: MemoryEntry<T> | null; nearest: Neighbour | null }
  | { kind: "rejected-similar"; nearest: Neighbour; threshold: number }
  | { kind: "rejected-low-score"; lowest: { id: string; score: number } };

const docs = new WeakMap<object, SimilarityDoc>();

function docOf(entry: { instruction: string; code: string }): SimilarityDoc {
  let doc = docs.get(entry);
  if (!doc) {
    doc = similarityDoc(entry.instruction, entry.code);
    docs.set(entry, doc);
  }
  return doc;
}

/**
 * A memory holding `initial` (the seed, or entries restored from storage) as given: no
 * similarity check; beyond the capacity the lowest scores are dropped.
 */
export function createMemory<T>(capacity: number, initial: MemoryCandidate<T>[] = []): MemoryState<T> {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`memory capacity must be a positive integer, got ${capacity}`);
  const entries: MemoryEntry<T>[] = [];
  initial.forEach((c, seq) => entries.splice(insertionIndex(entries, c.score), 0, { ...c, seq }));
  return { capacity, entries: entries.slice(0, capacity), nextSeq: initial.length };
}

/** Position keeping `entries` ordered by score desc, then seq desc. */
function insertionIndex<T>(entries: MemoryEntry<T>[], score: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    // a new entry is the newest, so it goes before every entry of equal score
    if (entries[mid].score > score) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function nearestNeighbour<T>(
  state: MemoryState<T>,
  candidate: { instruction: string; code: string },
  spec: SimilaritySpec = DEFAULT_SIMILARITY,
): Neighbour | null {
  const doc = docOf(candidate);
  let best: Neighbour | null = null;
  for (const entry of state.entries) {
    const s = compareDocs(docOf(entry), doc, spec);
    if (!best || s.value > best.similarity) {
      best = { id: entry.id, similarity: s.value, instruction: s.instruction, code: s.code };
    }
  }
  return best;
}

export function offerToMemory<T>(
  state: MemoryState<T>,
  candidate: MemoryCandidate<T>,
  options: MemoryOptions,
): { memory: MemoryState<T>; outcome: MemoryOutcome<T> } {
  const { entries, capacity } = state;
  const lowest = entries[entries.length - 1];
  if (entries.length >= capacity && lowest && candidate.score < lowest.score) {
    return { memory: state, outcome: { kind: "rejected-low-score", lowest: { id: lowest.id, score: lowest.score } } };
  }
  const nearest = nearestNeighbour(state, candidate, options.similarity);
  if (nearest && nearest.similarity >= options.threshold) {
    return { memory: state, outcome: { kind: "rejected-similar", nearest, threshold: options.threshold } };
  }
  const entry: MemoryEntry<T> = { ...candidate, seq: state.nextSeq };
  const candidateDoc = docs.get(candidate);
  if (candidateDoc) docs.set(entry, candidateDoc);
  const next = entries.slice();
  next.splice(insertionIndex(next, entry.score), 0, entry);
  const evicted = next.length > capacity ? (next.pop() ?? null) : null;
  return {
    memory: { capacity, entries: next, nextSeq: state.nextSeq + 1 },
    outcome: { kind: "inserted", entry, evicted, nearest },
  };
}
