import { describe, expect, it } from "vitest";
import { meanPassAtK, passAtK, reportableKs } from "./pass-at-k";

describe("passAtK", () => {
  it("is the fraction passing when k = 1", () => {
    expect(passAtK(10, 3, 1)).toBeCloseTo(0.3, 12);
    expect(passAtK(1, 1, 1)).toBe(1);
    expect(passAtK(1, 0, 1)).toBe(0);
  });

  it("matches hand-computed binomial ratios", () => {
    // n=5, c=2, k=2: 1 - C(3,2)/C(5,2) = 1 - 3/10 = 0.7
    expect(passAtK(5, 2, 2)).toBeCloseTo(0.7, 12);
    // n=10, c=1, k=5: 1 - C(9,5)/C(10,5) = 1 - 126/252 = 0.5
    expect(passAtK(10, 1, 5)).toBeCloseTo(0.5, 12);
    // n=4, c=1, k=3: 1 - C(3,3)/C(4,3) = 1 - 1/4 = 0.75
    expect(passAtK(4, 1, 3)).toBeCloseTo(0.75, 12);
    // n=20, c=0, any k: 0
    expect(passAtK(20, 0, 10)).toBe(0);
  });

  it("is 1 when fewer than k samples fail", () => {
    expect(passAtK(10, 8, 3)).toBe(1);
    expect(passAtK(5, 5, 5)).toBe(1);
  });

  it("stays finite and exact for n = 200 where the binomials overflow doubles' integer range", () => {
    // 1 - C(150,100)/C(200,100): computed here by log-gamma free product in BigInt for a check.
    const big = (n: bigint, k: bigint) => {
      let r = 1n;
      for (let i = 1n; i <= k; i++) r = (r * (n - k + i)) / i;
      return r;
    };
    const expected = 1 - Number((big(150n, 100n) * 10n ** 18n) / big(200n, 100n)) / 1e18;
    expect(passAtK(200, 50, 100)).toBeCloseTo(expected, 12);
  });

  it("rejects undefined cases", () => {
    expect(() => passAtK(3, 1, 5)).toThrow(RangeError);
    expect(() => passAtK(3, 4, 1)).toThrow(RangeError);
    expect(() => passAtK(3, 1, 0)).toThrow(RangeError);
  });
});

describe("meanPassAtK", () => {
  it("averages per-problem estimates", () => {
    // pass@1: (1/2 + 0 + 1) / 3 ; pass@2: (1 - C(1,2)/C(2,2)=1, 0, 1) / 3
    const counts = [
      { n: 2, c: 1 },
      { n: 2, c: 0 },
      { n: 2, c: 2 },
    ];
    expect(meanPassAtK(counts, 1)).toBeCloseTo(0.5, 12);
    expect(meanPassAtK(counts, 2)).toBeCloseTo(2 / 3, 12);
  });

  it("is null when a problem has fewer samples than k, or there are none", () => {
    expect(meanPassAtK([{ n: 1, c: 1 }, { n: 10, c: 3 }], 10)).toBeNull();
    expect(meanPassAtK([], 1)).toBeNull();
  });

  it("reports 1, 10, 100 up to n", () => {
    expect(reportableKs(1)).toEqual([1]);
    expect(reportableKs(20)).toEqual([1, 10]);
    expect(reportableKs(200)).toEqual([1, 10, 100]);
  });
});
