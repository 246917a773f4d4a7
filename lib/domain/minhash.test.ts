import { describe, expect, it } from "vitest";
import {
  candidateProbability,
  jaccardSorted,
  LshIndex,
  lshParamsFor,
  minhashSignature,
  shingleHashes,
} from "./minhash";

const words = (n: number, seed: number) => Array.from({ length: n }, (_, i) => `w${(i * 7919 + seed * 104729) % 100003}`);

describe("minhash", () => {
  it("shingles are distinct, sorted, and a short list is one shingle", () => {
    const s = shingleHashes(["a", "b", "a", "b", "a", "b", "a"], 2);
    expect(s.length).toBe(2); // "a b" and "b a"
    expect(s[0]).toBeLessThan(s[1]);
    expect(shingleHashes(["x", "y"], 5).length).toBe(1);
    expect(shingleHashes([], 5).length).toBe(0);
  });

  it("shingles depend on token order", () => {
    expect(jaccardSorted(shingleHashes(["a", "b", "c"], 3), shingleHashes(["c", "b", "a"], 3))).toBe(0);
  });

  it("exact Jaccard of sorted sets", () => {
    expect(jaccardSorted(Uint32Array.of(1, 2, 3, 4), Uint32Array.of(3, 4, 5, 6))).toBeCloseTo(2 / 6);
    expect(jaccardSorted(Uint32Array.of(), Uint32Array.of())).toBe(1);
    expect(jaccardSorted(Uint32Array.of(1), Uint32Array.of())).toBe(0);
  });

  it("signature agreement estimates Jaccard", () => {
    const base = words(400, 1);
    const other = [...base.slice(0, 300), ...words(100, 2)];
    const a = shingleHashes(base, 5);
    const b = shingleHashes(other, 5);
    const exact = jaccardSorted(a, b);
    const sa = minhashSignature(a, 256, 7);
    const sb = minhashSignature(b, 256, 7);
    let agree = 0;
    for (let i = 0; i < sa.length; i++) if (sa[i] === sb[i]) agree++;
    expect(Math.abs(agree / sa.length - exact)).toBeLessThan(0.1);
  });

  it("picks bands so a pair at the threshold is a candidate with ≥ 99.5 % probability", () => {
    for (const t of [0.5, 0.7, 0.8, 0.9]) {
      const { bands, rows } = lshParamsFor(t, 128);
      expect(bands * rows).toBeLessThanOrEqual(128);
      expect(candidateProbability(t, bands, rows)).toBeGreaterThanOrEqual(0.995);
      expect(candidateProbability(0.3, bands, rows)).toBeLessThan(candidateProbability(t, bands, rows));
    }
    expect(lshParamsFor(0.7, 128)).toEqual({ bands: 32, rows: 4 });
  });

  it("signature agreement estimates Jaccard for small sets too (densified empty bins)", () => {
    // 30 shingles in 128 bins: most bins are filled by densification
    let err = 0;
    for (let k = 0; k < 40; k++) {
      const base = words(34, 100 + k);
      const other = [...base.slice(0, 27), ...words(7, 500 + k)];
      const a = shingleHashes(base, 5);
      const b = shingleHashes(other, 5);
      const sa = minhashSignature(a);
      const sb = minhashSignature(b);
      let agree = 0;
      for (let i = 0; i < 128; i++) if (sa[i] === sb[i]) agree++;
      err += agree / 128 - jaccardSorted(a, b);
    }
    expect(Math.abs(err / 40)).toBeLessThan(0.05); // unbiased on average
  });

  it("rejects a bin count that is not a power of two", () => {
    expect(() => minhashSignature(Uint32Array.of(1), 100)).toThrow();
  });

  it("LSH finds similar sets and not unrelated ones", () => {
    const { bands, rows } = lshParamsFor(0.7, 128);
    const index = new LshIndex(bands, rows);
    const docs = Array.from({ length: 50 }, (_, i) => shingleHashes(words(200, i + 10), 5));
    docs.forEach((d, i) => index.insert(i, minhashSignature(d)));
    const near = shingleHashes([...words(200, 17).slice(0, 190), "changed", "tail"], 5);
    expect(jaccardSorted(near, docs[7])).toBeGreaterThan(0.8);
    const candidates = index.query(minhashSignature(near));
    expect(candidates).toContain(7);
    expect(candidates.length).toBeLessThan(5);
  });
});
