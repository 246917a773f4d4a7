import { describe, expect, it } from "vitest";
import { lcsIndex, lcsLength } from "./lcs";
import { compareDocs, rougeL, similarityDoc, tokenJaccard } from "./similarity";
import { createRng } from "./seeded-rng";

function lcsDp(a: number[], b: number[]): number {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      dp[i][j] = a[i - 1] === b[j - 1] ? dp[i - 1][j - 1] + 1 : Math.max(dp[i - 1][j], dp[i][j - 1]);
  return dp[a.length][b.length];
}

describe("bit-parallel LCS", () => {
  it("agrees with the dynamic programme on random sequences of many lengths (multi-word carries)", () => {
    const rng = createRng(7);
    for (let trial = 0; trial < 300; trial++) {
      const alphabet = 1 + rng.int(6);
      const a = Array.from({ length: rng.int(140) }, () => rng.int(alphabet));
      const b = Array.from({ length: rng.int(140) }, () => rng.int(alphabet));
      expect(lcsLength(lcsIndex(a), b)).toBe(lcsDp(a, b));
    }
  });
});

describe("ROUGE-L", () => {
  it("is the LCS F1 over lower-cased words", () => {
    // LCS("the cat sat on the mat", "the cat lay on a mat") = the cat on mat = 4; 2*4/(6+6)
    expect(rougeL("The cat sat on the mat", "the cat lay on a mat")).toBeCloseTo(8 / 12, 10);
    expect(rougeL("Sort a list.", "sort a LIST")).toBe(1);
    expect(rougeL("reverse a string", "compute prime numbers")).toBe(0);
  });

  it("is order-sensitive unlike a bag of words", () => {
    expect(rougeL("a b c d", "d c b a")).toBeLessThan(0.5);
  });
});

describe("token Jaccard on code", () => {
  it("compares sets of identifiers, numbers and symbols", () => {
    expect(tokenJaccard("x = x + 1", "x = x + 1")).toBe(1);
    // {x,=,+,1} vs {y,=,+,1}: 3 common of 5
    expect(tokenJaccard("x = x + 1", "y = y + 1")).toBeCloseTo(3 / 5, 10);
    expect(tokenJaccard("foo()", "bar[]")).toBe(0);
  });
});

describe("combined similarity", () => {
  const a = similarityDoc("Write a function that sums the even numbers of a list", "def f(xs): return sum(x for x in xs if x % 2 == 0)");
  const sameTaskOtherCode = similarityDoc("Write a function that sums the even numbers of a list", "int f(int[] xs) { int s = 0; for (int x : xs) if (x % 2 == 0) s += x; return s; }");

  it("max flags a near-duplicate instruction even when the code differs", () => {
    const s = compareDocs(a, sameTaskOtherCode, { instructionMeasure: "rouge-l", codeMeasure: "jaccard", combine: "max", instructionWeight: 0.5 });
    expect(s.instruction).toBe(1);
    expect(s.code!).toBeLessThan(0.6);
    expect(s.value).toBe(1);
  });

  it("weighted mixes the two parts by the configured weight", () => {
    const s = compareDocs(a, sameTaskOtherCode, { instructionMeasure: "rouge-l", codeMeasure: "jaccard", combine: "weighted", instructionWeight: 0.25 });
    expect(s.value).toBeCloseTo(0.25 * 1 + 0.75 * s.code!, 10);
  });

  it("single-part modes ignore the other part", () => {
    expect(compareDocs(a, sameTaskOtherCode, { instructionMeasure: "rouge-l", codeMeasure: "jaccard", combine: "code", instructionWeight: 0.5 }).value).toBeLessThan(0.6);
    expect(compareDocs(a, sameTaskOtherCode, { instructionMeasure: "jaccard", codeMeasure: "jaccard", combine: "instruction", instructionWeight: 0.5 }).value).toBe(1);
  });
});
