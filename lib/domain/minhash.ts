/**
 * MinHash signatures and LSH banding for near-duplicate detection (Broder 1997; banding as in
 * Leskovec et al., "Mining of Massive Datasets", ch. 3). Pure functions over typed arrays.
 *
 * Shingles are k-grams of tokens hashed to 32 bits; a signature keeps one minimum per bin
 * (one permutation hashing, see minhashSignature). LSH splits a signature into
 * `bands` bands of `rows` rows; two sets sharing one band are candidates, which the caller
 * then checks with the exact Jaccard of their shingle sets.
 */

/** 32-bit FNV-1a over UTF-16 code units, with a murmur3 finalizer for avalanche. */
export function hashString32(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** murmur3's 32-bit finalizer: a bijection with good avalanche. */
export function fmix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Sorted, distinct 32-bit hashes of the k-token shingles (a shorter list is one shingle). */
export function shingleHashes(tokens: readonly string[], k: number): Uint32Array {
  return shinglesOfHashes(Uint32Array.from(tokens, (t) => hashString32(t)), k);
}

/** As shingleHashes, from token hashes (tokenize-code.ts's tokenHashes gives them string-free). */
export function shinglesOfHashes(th: Uint32Array, k: number): Uint32Array {
  if (th.length === 0) return new Uint32Array(0);
  const n = Math.max(1, th.length - k + 1);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x9747b28c;
    const end = Math.min(th.length, i + k);
    for (let j = i; j < end; j++) h = Math.imul(h ^ th[j], 0x01000193) + j - i;
    out[i] = fmix32(h);
  }
  out.sort();
  return dedupSorted(out);
}

function dedupSorted(a: Uint32Array): Uint32Array {
  if (a.length < 2) return a;
  let w = 1;
  for (let i = 1; i < a.length; i++) if (a[i] !== a[w - 1]) a[w++] = a[i];
  return a.subarray(0, w);
}

/**
 * MinHash signature with one permutation hashing and optimal densification (Li, Owen & Zhang
 * 2012; Shrivastava 2017): each shingle is hashed once, the top bits pick one of `numBins`
 * bins and the bin keeps its minimum, so the cost is O(shingles) instead of
 * O(shingles × numBins). An empty bin copies the bin chosen by a fixed per-bin probe sequence,
 * which keeps Pr[sig_a[i] = sig_b[i]] = Jaccard(a, b). `numBins` must be a power of two.
 * An empty set gets all 0xffffffff.
 */
export function minhashSignature(shingles: Uint32Array, numBins = 128, seed = 1): Uint32Array {
  const bits = Math.log2(numBins);
  if (!Number.isInteger(bits) || bits < 1 || bits > 16) throw new Error("numBins must be a power of two in 2..65536");
  const lowMask = (1 << (32 - bits)) - 1;
  const sig = new Uint32Array(numBins).fill(0xffffffff);
  if (shingles.length === 0) return sig;
  const salt = fmix32(seed);
  for (let s = 0; s < shingles.length; s++) {
    const h = fmix32(shingles[s] ^ salt);
    const bin = h >>> (32 - bits);
    const v = h & lowMask;
    if (v < sig[bin]) sig[bin] = v;
  }
  const filled = sig.map((v) => (v === 0xffffffff ? 0 : 1));
  for (let i = 0; i < numBins; i++) {
    if (filled[i]) continue;
    for (let attempt = 1; ; attempt++) {
      const j = fmix32(Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(attempt, 0x85ebca6b)) & (numBins - 1);
      if (filled[j]) {
        sig[i] = sig[j];
        break;
      }
    }
  }
  return sig;
}

/** Exact Jaccard similarity of two sorted distinct arrays (1 for two empty sets). */
export function jaccardSorted(x: Uint32Array, y: Uint32Array): number {
  if (x.length === 0 && y.length === 0) return 1;
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      inter++;
      i++;
      j++;
    } else if (x[i] < y[j]) i++;
    else j++;
  }
  return inter / (x.length + y.length - inter);
}

/** Probability that two sets of Jaccard `s` share at least one band. */
export function candidateProbability(s: number, bands: number, rows: number): number {
  return 1 - Math.pow(1 - Math.pow(s, rows), bands);
}

/**
 * Bands × rows (bands·rows ≤ numPerm) for a similarity threshold: the most rows per band (the
 * fewest false candidates) such that a pair exactly at the threshold still becomes a candidate
 * with probability ≥ `minRecall`. Pairs above the threshold are caught even more surely;
 * candidates are verified with the exact Jaccard, so extra candidates only cost time.
 */
export function lshParamsFor(threshold: number, numPerm: number, minRecall = 0.995): { bands: number; rows: number } {
  let best = { bands: numPerm, rows: 1 };
  for (let rows = 1; rows <= numPerm; rows++) {
    const bands = Math.floor(numPerm / rows);
    if (candidateProbability(threshold, bands, rows) >= minRecall) best = { bands, rows };
  }
  return best;
}

/** LSH index over MinHash signatures: insert ids, query candidate ids sharing a band. */
export class LshIndex {
  private readonly tables: Map<number, number[]>[];

  constructor(
    readonly bands: number,
    readonly rows: number,
  ) {
    this.tables = Array.from({ length: bands }, () => new Map<number, number[]>());
  }

  private bandKey(sig: Uint32Array, band: number): number {
    let h = 0x3c6ef372 ^ band;
    for (let r = band * this.rows; r < (band + 1) * this.rows; r++) h = Math.imul(h ^ sig[r], 0x01000193);
    // 30 bits: small-integer Map keys are several times faster than heap numbers in V8.
    return fmix32(h) & 0x3fffffff;
  }

  insert(id: number, sig: Uint32Array): void {
    for (let band = 0; band < this.bands; band++) {
      const key = this.bandKey(sig, band);
      const bucket = this.tables[band].get(key);
      if (bucket) bucket.push(id);
      else this.tables[band].set(key, [id]);
    }
  }

  /** Distinct ids sharing at least one band with `sig`, in insertion order of first sighting. */
  query(sig: Uint32Array): number[] {
    const seen = new Set<number>();
    for (let band = 0; band < this.bands; band++) {
      const bucket = this.tables[band].get(this.bandKey(sig, band));
      if (bucket) for (const id of bucket) seen.add(id);
    }
    return [...seen];
  }
}

/**
 * Near duplicates among sets seen one at a time: `match` finds the most similar set added
 * before with exact Jaccard ≥ threshold (LSH picks the pairs compared, tuned so a pair at the
 * threshold is compared with probability ≥ 99.5 %); `add` keeps a set for later matches.
 */
export class NearDuplicateFinder<T> {
  private readonly lsh: LshIndex;
  private readonly shingles: Uint32Array[] = [];
  private readonly items: T[] = [];

  constructor(
    readonly threshold = 0.7,
    readonly numPerm = 128,
  ) {
    const { bands, rows } = lshParamsFor(threshold, numPerm);
    this.lsh = new LshIndex(bands, rows);
  }

  /** The best earlier set at or above the threshold, and the signature to `add` this one with. */
  match(shingles: Uint32Array): { item: T | null; similarity: number; signature: Uint32Array } {
    const signature = minhashSignature(shingles, this.numPerm);
    let best = -1;
    let bestSim = 0;
    for (const id of this.lsh.query(signature)) {
      const sim = jaccardSorted(shingles, this.shingles[id]);
      if (sim >= this.threshold && sim > bestSim) [best, bestSim] = [id, sim];
    }
    return { item: best >= 0 ? this.items[best] : null, similarity: bestSim, signature };
  }

  add(item: T, shingles: Uint32Array, signature = minhashSignature(shingles, this.numPerm)): void {
    this.lsh.insert(this.items.length, signature);
    this.shingles.push(shingles);
    this.items.push(item);
  }
}
