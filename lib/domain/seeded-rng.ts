/**
 * Deterministic randomness. Every random choice of a run (grouping, memory picks, operations,
 * the scripted model's answers) draws from a generator derived from the run seed and stable
 * labels, never from a shared sequence: the outcome then does not depend on the order in which
 * concurrent work finishes.
 */

/** FNV-1a over a string, 32-bit unsigned. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit seed from a run seed and labels, e.g. deriveSeed(42, "group", 3, "agent:7"). */
export function deriveSeed(seed: number, ...labels: (string | number)[]): number {
  let h = hashString(String(seed));
  for (const label of labels) h = hashString(`\u0000${label}`, h);
  return mix32(h);
}

function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  /** A new array, Fisher-Yates shuffled. */
  shuffle<T>(items: readonly T[]): T[];
  /** true with probability p. */
  chance(p: number): boolean;
}

/** mulberry32: small, fast, good enough for sampling decisions (not for cryptography). */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: (items) => {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[int(items.length)];
    },
    shuffle: (items) => {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
    chance: (p) => p > 0 && next() < p,
  };
}

export function rngFor(seed: number, ...labels: (string | number)[]): Rng {
  return createRng(deriveSeed(seed, ...labels));
}
