/**
 * Longest common subsequence length over token ids with the bit-parallel algorithm of
 * Crochemore et al. (2001): O(|b| * ceil(|a| / 32)) word operations instead of the
 * O(|a| * |b|) dynamic programme. The match masks of `a` are built once (`lcsIndex`) and reused
 * against every candidate, which is what a memory of T entries needs.
 */

export interface LcsIndex {
  readonly length: number;
  readonly words: number;
  /** token id -> bit mask of the positions where it occurs in `a`. */
  readonly masks: Map<number, Uint32Array>;
}

export function lcsIndex(tokens: ArrayLike<number>): LcsIndex {
  const words = Math.max(1, Math.ceil(tokens.length / 32));
  const masks = new Map<number, Uint32Array>();
  for (let i = 0; i < tokens.length; i++) {
    let mask = masks.get(tokens[i]);
    if (!mask) {
      mask = new Uint32Array(words);
      masks.set(tokens[i], mask);
    }
    mask[i >>> 5] |= 1 << (i & 31);
  }
  return { length: tokens.length, words, masks };
}

const scratch = { v: new Uint32Array(64) };

export function lcsLength(index: LcsIndex, b: ArrayLike<number>): number {
  if (index.length === 0 || b.length === 0) return 0;
  const { words, masks } = index;
  if (scratch.v.length < words) scratch.v = new Uint32Array(words * 2);
  const v = scratch.v;
  v.fill(0xffffffff, 0, words);
  for (let j = 0; j < b.length; j++) {
    const m = masks.get(b[j]);
    if (!m) continue; // V' = (V + 0) | (V & ~0) = V
    let carry = 0;
    for (let w = 0; w < words; w++) {
      const x = v[w];
      const u = (x & m[w]) >>> 0;
      const sum = x + u + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      v[w] = ((sum >>> 0) | (x & ~m[w])) >>> 0;
    }
  }
  let ones = 0;
  const fullWords = index.length >>> 5;
  for (let w = 0; w < fullWords; w++) ones += popcount(v[w]);
  const rest = index.length & 31;
  if (rest) ones += popcount(v[fullWords] & ((1 << rest) - 1));
  return index.length - ones;
}

function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
